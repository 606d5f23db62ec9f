/** Range-level reads and writes on a fake sheet, validating input the way Excel does at sync. */
import { FakeOfficeError, invalidArgument } from "./fakeErrors";
import { Rect, formatRect } from "./fakeAddress";
import { ScalarValue, contentFromInput } from "./fakeCellInput";
import { BorderLine, CellFormat, DEFAULT_FORMAT, STANDARD_COLUMN_WIDTH, STANDARD_ROW_HEIGHT, SheetModel } from "./fakeSheet";

export type GridKind = "values" | "formulas" | "numberFormat";

/** Guards reads of huge ranges, which real Excel refuses with a response-size error anyway. */
const MAX_READ_CELLS = 2_000_000;

/**
 * Applies a 2-D array (or one scalar for every cell) to `rect`. `null` elements leave the cell alone,
 * as in Office.js; a shape that does not match the range is an InvalidArgument.
 */
export function writeGrid(sheet: SheetModel, rect: Rect, input: unknown, kind: GridKind): void {
  const where = `${sheet.name}!${formatRect(rect)}.${kind}`;
  if (input === null || input === undefined) throw invalidArgument(`${where}: null is not a valid value`);
  const grid = Array.isArray(input) ? input : null;
  if (grid) {
    if (grid.length !== rect.rows) {
      throw invalidArgument(`${where}: ${grid.length} rows given for a range of ${rect.rows} rows`);
    }
    grid.forEach((line, i) => {
      if (!Array.isArray(line) || line.length !== rect.cols) {
        const got = Array.isArray(line) ? `${line.length} columns` : "a non-array";
        throw invalidArgument(`${where}: row ${i} has ${got} for a range of ${rect.cols} columns`);
      }
    });
  } else if (rect.rows * rect.cols > MAX_READ_CELLS) {
    throw new FakeOfficeError("FakeNotSupported", `${where}: broadcasting a scalar over a huge range`);
  }
  // Validate everything first so a bad element leaves the range untouched.
  const cell = (r: number, c: number): unknown => (grid ? (grid[r] as unknown[])[c] : input);
  const apply: Array<() => void> = [];
  for (let r = 0; r < rect.rows; r++) {
    for (let c = 0; c < rect.cols; c++) {
      const v = cell(r, c);
      if (v === null) continue;
      const row = rect.row + r;
      const col = rect.col + c;
      if (kind === "numberFormat") {
        if (typeof v !== "string") throw invalidArgument(`${where}: number format must be a string`);
        apply.push(() => sheet.updateFormat(row, col, { numberFormat: v === "" ? "General" : v }));
      } else {
        const content = contentFromInput(v, `${where}[${r}][${c}]`);
        apply.push(() => sheet.setContent(row, col, content));
      }
    }
  }
  for (const fn of apply) fn();
}

export type FormulaEvaluator = (formula: string, at: { sheet: string; address: string }) => ScalarValue;

export function readGrid(sheet: SheetModel, rect: Rect, kind: GridKind, evaluate: FormulaEvaluator): unknown[][] {
  if (rect.rows * rect.cols > MAX_READ_CELLS) {
    throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `reading ${kind} of ${formatRect(rect)}`);
  }
  const out: unknown[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const line: unknown[] = [];
    for (let c = 0; c < rect.cols; c++) {
      const cell = sheet.cell(rect.row + r, rect.col + c);
      if (kind === "numberFormat") line.push(cell?.format.numberFormat ?? "General");
      else if (!cell) line.push("");
      else if (cell.formula === null) line.push(cell.value);
      else if (kind === "formulas") line.push(cell.formula);
      else line.push(evaluate(cell.formula, { sheet: sheet.name, address: formatRect({ row: rect.row + r, col: rect.col + c, rows: 1, cols: 1 }) }));
    }
    out.push(line);
  }
  return out;
}

/** A format property read over a range: the common value, or null when the cells differ (as Office.js). */
export function readFormat<K extends keyof CellFormat>(sheet: SheetModel, rect: Rect, key: K): CellFormat[K] | null {
  if (rect.rows * rect.cols > MAX_READ_CELLS) return readFormatSparse(sheet, rect, key);
  let first: CellFormat[K] | undefined;
  for (let r = 0; r < rect.rows; r++) {
    for (let c = 0; c < rect.cols; c++) {
      const v = (sheet.cell(rect.row + r, rect.col + c)?.format ?? DEFAULT_FORMAT)[key];
      if (first === undefined) first = v;
      else if (JSON.stringify(first) !== JSON.stringify(v)) return null;
    }
  }
  return first ?? null;
}

function readFormatSparse<K extends keyof CellFormat>(sheet: SheetModel, rect: Rect, key: K): CellFormat[K] | null {
  let mixed = false;
  sheet.forEachStoredCell(rect, (_r, _c, cell) => {
    if (JSON.stringify(cell.format[key]) !== JSON.stringify(DEFAULT_FORMAT[key])) mixed = true;
  });
  return mixed ? null : DEFAULT_FORMAT[key];
}

export function formatRange(sheet: SheetModel, rect: Rect, patch: Partial<CellFormat>): void {
  if (rect.rows * rect.cols > MAX_READ_CELLS) {
    throw new FakeOfficeError("FakeNotSupported", `formatting ${formatRect(rect)} cell by cell; format a smaller range`);
  }
  for (let r = 0; r < rect.rows; r++) {
    for (let c = 0; c < rect.cols; c++) sheet.updateFormat(rect.row + r, rect.col + c, patch);
  }
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  gray: "#808080",
  grey: "#808080",
  orange: "#FFA500",
};

export function parseColor(input: unknown, where: string): string {
  if (typeof input === "string") {
    if (/^#[0-9a-fA-F]{6}$/.test(input)) return input.toUpperCase();
    const named = NAMED_COLORS[input.toLowerCase()];
    if (named) return named;
  }
  throw invalidArgument(`${where}: ${JSON.stringify(input)} is not a color ("#RRGGBB" or a color name)`);
}

export function expectBoolean(input: unknown, where: string): boolean {
  if (typeof input !== "boolean") throw invalidArgument(`${where}: expected a boolean, got ${JSON.stringify(input)}`);
  return input;
}

export function expectNumber(input: unknown, where: string, min: number, max: number): number {
  if (typeof input !== "number" || !Number.isFinite(input) || input < min || input > max) {
    throw invalidArgument(`${where}: expected a number in [${min}, ${max}], got ${JSON.stringify(input)}`);
  }
  return input;
}

export function expectOneOf(input: unknown, where: string, allowed: readonly string[]): string {
  if (typeof input !== "string" || !allowed.includes(input)) {
    throw invalidArgument(`${where}: ${JSON.stringify(input)} is not one of ${allowed.join(", ")}`);
  }
  return input;
}

export const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;
export type BorderIndex = (typeof BORDER_INDEXES)[number];
export const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
export const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

/** Sets one border property along an edge (or the inside lines) of `rect`. */
export function setBorder(
  sheet: SheetModel,
  rect: Rect,
  index: BorderIndex,
  patch: Partial<BorderLine>,
): void {
  if (rect.rows * rect.cols > MAX_READ_CELLS) {
    throw new FakeOfficeError("FakeNotSupported", `borders on ${formatRect(rect)} cell by cell; use a smaller range`);
  }
  const line = (current: BorderLine | null): BorderLine | null => {
    const next = { style: "Continuous", weight: "Thin", ...(current ?? {}), ...patch };
    return next.style === "None" ? null : next;
  };
  const last = { row: rect.row + rect.rows - 1, col: rect.col + rect.cols - 1 };
  for (let r = rect.row; r <= last.row; r++) {
    for (let c = rect.col; c <= last.col; c++) {
      const f = sheet.cell(r, c)?.format ?? DEFAULT_FORMAT;
      const change: Partial<CellFormat> = {};
      if (index === "EdgeTop" && r === rect.row) change.borderTop = line(f.borderTop);
      if (index === "EdgeBottom" && r === last.row) change.borderBottom = line(f.borderBottom);
      if (index === "EdgeLeft" && c === rect.col) change.borderLeft = line(f.borderLeft);
      if (index === "EdgeRight" && c === last.col) change.borderRight = line(f.borderRight);
      if (index === "InsideHorizontal" && r < last.row) change.borderBottom = line(f.borderBottom);
      if (index === "InsideVertical" && c < last.col) change.borderRight = line(f.borderRight);
      if (Object.keys(change).length > 0) sheet.updateFormat(r, c, change);
    }
  }
}

/** Approximates Excel's autofit: widest displayed text at ~7 px per character plus padding, in points. */
export function autofitColumns(sheet: SheetModel, rect: Rect): void {
  const widest = new Map<number, number>();
  sheet.forEachStoredCell(rect, (_r, col, cell) => {
    const text = cell.formula ?? String(cell.value);
    widest.set(col, Math.max(widest.get(col) ?? 0, text.length));
  });
  for (const [col, chars] of widest) if (chars > 0) sheet.columnWidths.set(col, (chars * 7 + 5) * 0.75);
}

/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

/**
 * Approximates Excel's row autofit for the rows of `rect`, looking only at the cells inside `rect`
 * (so autofitting column A alone does not make room for a long wrapped text in column C): each cell
 * with content needs one line of its font (15 pt at size 11, scaled by size); wrapped text needs as
 * many lines as it takes at ~7 px per character (scaled by size) in its column's width, plus one per
 * line break. A row gets its tallest cell's height, and at least the standard height.
 */
export function autofitRows(sheet: SheetModel, rect: Rect): void {
  const tallest = new Map<number, number>();
  sheet.forEachStoredCell(rect, (row, col, cell) => {
    const text = cell.formula ?? String(cell.value);
    if (text === "") return;
    const f = cell.format;
    const lineHeight = (STANDARD_ROW_HEIGHT * f.size) / 11;
    let lines = 1;
    if (f.wrapText) {
      const widthPx = (sheet.columnWidths.get(col) ?? STANDARD_COLUMN_WIDTH) / 0.75 - 5;
      const perLine = Math.max(1, Math.floor(widthPx / ((7 * f.size) / 11)));
      lines = text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    }
    tallest.set(row, Math.max(tallest.get(row) ?? 0, lines * lineHeight));
  });
  for (const row of [...sheet.rowHeights.keys()]) {
    if (row >= rect.row && row < rect.row + rect.rows) sheet.rowHeights.delete(row);
  }
  for (const [row, height] of tallest) {
    const h = Math.min(MAX_ROW_HEIGHT, Math.round(height * 100) / 100);
    if (h > STANDARD_ROW_HEIGHT) sheet.rowHeights.set(row, h);
  }
}

/** The common height of the rows of `rect`, or null when they differ (as Office.js). */
export function readRowHeight(sheet: SheetModel, rect: Rect): number | null {
  const heights = new Set<number>();
  const custom = [...sheet.rowHeights].filter(([row]) => row >= rect.row && row < rect.row + rect.rows);
  for (const [, h] of custom) heights.add(h);
  if (custom.length < rect.rows) heights.add(STANDARD_ROW_HEIGHT);
  return heights.size === 1 ? [...heights][0] : null;
}
