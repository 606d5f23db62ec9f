/**
 * The checks a sheet shows the board: every formula cell styled "check" that shows "OK…" when the check
 * holds and something else when not (the fee sheet's sums, the
 * budget's recomputed lines, the projection's equity and fee checks). One way to gather them from any
 * spec, so a summary can list every check of every sheet with a link to its cell.
 */
import { cellAddress } from "../domain/a1";
import type { Cell, SheetSpec } from "./spec";

export interface SheetCheck {
  sheet: string;
  row: number;
  col: number;
  /** A1 address on its sheet, e.g. "C12". */
  address: string;
  /** What is checked: the row's label, with the column's heading when the row holds several checks. */
  label: string;
  /** The value the domain expects the check cell to show ("OK…" when it holds). */
  expected: string;
  /** OK: holds; FEL: does not; "ej kontrollerad": nothing to check against yet ("Ingen trappa"). */
  status: CheckStatus;
  ok: boolean;
}

export type CheckStatus = "OK" | "FEL" | "ej kontrollerad";

/** A check cell's text as a status: "OK…" holds, "FEL…" does not, anything else could not be checked. */
export function checkStatus(shown: string): CheckStatus {
  return shown.startsWith("OK") ? "OK" : shown.startsWith("FEL") ? "FEL" : "ej kontrollerad";
}

/** The same rule as a formula over the check's cell (a reference such as 'Budget 2025–2027'!B47). */
export function checkStatusFormula(ref: string): string {
  return `IF(LEFT(${ref},2)="OK","OK",IF(LEFT(${ref},3)="FEL","FEL","ej kontrollerad"))`;
}

/** Texts at their places on the sheet. */
function textsOf(spec: SheetSpec): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of spec.blocks) {
    b.cells.forEach((cells, r) =>
      cells.forEach((c, k) => {
        if (c.kind === "text" && c.text.trim() !== "") out.set(`${b.row + r}:${b.col + k}`, c.text.trim());
      }),
    );
  }
  return out;
}

/** A check cell: styled "check", and its formula can show "OK…" (a summary line such as "Alla kontroller stämmer." is not one). */
function isCheck(c: Cell): c is Extract<Cell, { kind: "formula" }> {
  return c.kind === "formula" && c.style === "check" && c.formula.includes('"OK');
}

/**
 * What the row checks: its first text left of the check (skipping the generic "Kontroll"), with a year
 * found in the row; else the check's own wording after "OK: " ("delarna summerar exakt till helheten").
 */
function rowLabel(spec: SheetSpec, texts: Map<string, string>, row: number, col: number, expected: string): string {
  let label: string | undefined;
  let year: string | undefined;
  for (let c = 0; c < col; c++) {
    const t = texts.get(`${row}:${c}`);
    if (t !== undefined && label === undefined && !/^kontroll$/i.test(t)) label = t;
    const cell = cellAt(spec, row, c);
    if (cell?.kind === "number" && Number.isInteger(cell.value) && cell.value >= 1968 && cell.value <= 2100) year ??= String(cell.value);
  }
  if (label !== undefined) return year && !label.includes(year) ? `${label} ${year}` : label;
  const own = /^OK:\s*(.+)$/.exec(expected)?.[1];
  return own ? own.charAt(0).toUpperCase() + own.slice(1) : "Kontroll";
}

function cellAt(spec: SheetSpec, row: number, col: number): Cell | undefined {
  for (const b of spec.blocks) {
    const c = b.cells[row - b.row]?.[col - b.col];
    if (c) return c;
  }
  return undefined;
}

/** The heading above a check in its column (e.g. the year), looked for in the rows above. */
function columnHeading(texts: Map<string, string>, spec: SheetSpec, row: number, col: number): string | undefined {
  for (let r = row - 1; r >= 0; r--) {
    const t = texts.get(`${r}:${col}`);
    if (t !== undefined && /^\d{4}$/.test(t)) return t;
  }
  for (const b of spec.blocks) {
    for (let r = Math.min(row - 1, b.row + b.cells.length - 1); r >= b.row; r--) {
      const c = b.cells[r - b.row]?.[col - b.col];
      if (c?.kind === "number" && Number.isInteger(c.value) && c.value >= 1968 && c.value <= 2100) return String(c.value);
    }
  }
  return undefined;
}

/** Every check cell of the sheet, in reading order. */
export function sheetChecks(spec: SheetSpec): SheetCheck[] {
  const texts = textsOf(spec);
  const found: Array<{ row: number; col: number; cell: Extract<Cell, { kind: "formula" }> }> = [];
  for (const b of spec.blocks) {
    b.cells.forEach((cells, r) => cells.forEach((c, k) => (isCheck(c) ? found.push({ row: b.row + r, col: b.col + k, cell: c }) : undefined)));
  }
  found.sort((a, b) => a.row - b.row || a.col - b.col);
  const perRow = new Map<number, number>();
  for (const f of found) perRow.set(f.row, (perRow.get(f.row) ?? 0) + 1);
  return found.map(({ row, col, cell }) => {
    const expected = String(cell.expected ?? "");
    const base = rowLabel(spec, texts, row, col, expected);
    const heading = (perRow.get(row) ?? 0) > 1 ? columnHeading(texts, spec, row, col) : undefined;
    return {
      sheet: spec.name,
      row,
      col,
      address: cellAddress(row, col),
      label: heading ? `${base} ${heading}` : base,
      expected,
      status: checkStatus(expected),
      ok: checkStatus(expected) !== "FEL",
    };
  });
}
