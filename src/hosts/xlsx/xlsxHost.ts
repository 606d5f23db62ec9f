import ExcelJS from "exceljs";
import type { SheetState, WorkbookHost, WriteReport } from "../host";
import type { ReadValue } from "../../sheets/spec";
import { Cell, SheetKind, SheetSpec, TableSpec, ValidationSpec } from "../../sheets/spec";
import { cellAddress, rangeAddress } from "../../domain/a1";
import { contentFingerprint } from "../contentFingerprint";
import { notOwnedMessage, tableConflictMessage } from "../preflight";
import { sameSheetName } from "../../domain/excelNames";
import { userCopyProblem, userCopyTableNames } from "../userCopy";
import { DEFAULT_COLUMN_WIDTH, STANDARD_ROW_HEIGHT, XLSX_WRAPPING_STYLES, applyXlsxStyle, wrappedRowHeight } from "./xlsxStyles";

/** What the xlsx host remembers of a sheet it wrote (kept in memory, by worksheet object). */
interface OwnedXlsxSheet {
  kind: SheetKind;
  /** contentFingerprint of the sheet right after the write. */
  fingerprint: string;
}

/**
 * Renders sheet specs into an exceljs workbook, for the command line and for tests (LibreOffice
 * recalculates the result). Formulas are written with the domain's value as cached result so that
 * viewers which do not recalculate still show the right numbers.
 *
 * Its ownership register lives in memory, by worksheet object (which survives renames; exceljs reuses
 * the ids of removed sheets), with a fingerprint of each sheet's contents as exceljs holds them (formula
 * text, else the value), so that edits made to the workbook object after the write are reported by
 * inspectSheet; a recalculated result is not one.
 *
 * Charts (`spec.charts`) are left out of files: exceljs cannot write charts. Builders that add charts
 * say so on the sheet, next to the chart data, so a reader of a file knows where to make them.
 */
export class XlsxWorkbookHost implements WorkbookHost {
  readonly workbook: ExcelJS.Workbook;
  private readonly owned = new Map<ExcelJS.Worksheet, OwnedXlsxSheet>();

  constructor(workbook?: ExcelJS.Workbook) {
    this.workbook = workbook ?? new ExcelJS.Workbook();
    if (!workbook) {
      this.workbook.creator = "Samkalk";
      this.workbook.created = new Date();
    }
  }

  /** By name, ignoring case as Excel does. */
  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((ws) => sameSheetName(ws.name, name));
  }

  async inspectSheet(sheetName: string, tableNames: string[]): Promise<SheetState> {
    const ws = this.findSheet(sheetName);
    if (!ws) return { sheetName, exists: false, ownedBySamkalk: false, tables: {}, tableHeaders: {}, editedSinceWritten: null };
    const tables: Record<string, ReadValue[][]> = {};
    const tableHeaders: Record<string, string[]> = {};
    for (const name of tableNames) {
      const table = readTable(ws, name);
      if (table) {
        tables[name] = table.body;
        tableHeaders[name] = table.header;
      }
    }
    const entry = this.owned.get(ws);
    return {
      sheetName,
      exists: true,
      ownedBySamkalk: entry !== undefined,
      tables,
      tableHeaders,
      editedSinceWritten: entry ? worksheetFingerprint(ws) !== entry.fingerprint : null,
    };
  }

  async writeSheet(spec: SheetSpec, state: SheetState): Promise<WriteReport> {
    const existing = this.findSheet(spec.name);
    if (existing && (!state.ownedBySamkalk || !this.owned.has(existing))) throw new Error(notOwnedMessage(spec.name));
    const live = this.workbook.worksheets.flatMap((ws) => sheetTables(ws).map((t) => ({ name: t.name, sheetName: ws.name })));
    const conflict = tableConflictMessage(spec, live, existing?.name ?? null);
    if (conflict) throw new Error(conflict);
    if (existing) {
      this.owned.delete(existing);
      this.workbook.removeWorksheet(existing.id);
    }
    const ws = this.workbook.addWorksheet(spec.name);
    renderSheet(ws, spec);
    this.owned.set(ws, { kind: spec.kind, fingerprint: worksheetFingerprint(ws) });
    return { sheetName: spec.name, syncs: 0, largestPayloadBytes: 0, created: !existing };
  }

  async keepAsUserCopy(sheetName: string, newName: string): Promise<void> {
    const ws = this.findSheet(sheetName);
    const names = this.workbook.worksheets.map((w) => w.name);
    const problem = userCopyProblem(sheetName, newName, names, ws !== undefined && this.owned.has(ws));
    if (problem || !ws) throw new Error(problem ?? `Bladet "${sheetName}" finns inte i arbetsboken.`);
    const all = this.workbook.worksheets.flatMap((w) => sheetTables(w).map((t) => t.name));
    const mine = sheetTables(ws);
    const renamed = userCopyTableNames(mine.map((t) => t.name), all);
    ws.name = newName; // first: exceljs may still refuse it, and then nothing has changed
    const byName = tableMap(ws);
    for (const t of mine) {
      const name = renamed.get(t.name) ?? t.name;
      delete byName[t.name];
      t.table.name = name;
      if (t.table.displayName !== undefined) t.table.displayName = name;
      byName[name] = t;
    }
    this.owned.delete(ws);
  }

  async save(file: string): Promise<void> {
    await this.workbook.xlsx.writeFile(file);
  }

  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }
}

/** exceljs keeps a worksheet's tables by name in `ws.tables`; its typings do not show them. */
interface XlsxTable {
  name: string;
  table: { name: string; displayName?: string; ref: string; columns: unknown[]; rows?: unknown[] };
}

function tableMap(ws: ExcelJS.Worksheet): Record<string, XlsxTable> {
  return (ws as unknown as { tables: Record<string, XlsxTable> }).tables;
}

function sheetTables(ws: ExcelJS.Worksheet): XlsxTable[] {
  return Object.values(tableMap(ws)).filter((t) => t && t.table);
}

/** A cell's content as exceljs holds it: "=" and the formula text for a formula, else the value. */
function cellContent(cell: ExcelJS.Cell): unknown {
  const formula = cell.formula;
  if (formula) return `=${formula}`;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v !== "object" || v instanceof Date) return v;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("error" in v) return v.error;
  if ("text" in v) return typeof v.text === "string" ? v.text : JSON.stringify(v.text);
  return JSON.stringify(v);
}

/**
 * contentFingerprint of the sheet: the smallest range holding every cell with content, and that
 * range's contents (as the Office host does with the values-only used range and its formulas).
 */
export function worksheetFingerprint(ws: ExcelJS.Worksheet): string {
  const cells: Array<{ row: number; col: number; content: unknown }> = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const content = cellContent(cell);
      if (content !== "") cells.push({ row: rowNumber - 1, col: colNumber - 1, content });
    }),
  );
  if (cells.length === 0) return contentFingerprint("A1", [[""]]);
  const r0 = Math.min(...cells.map((c) => c.row));
  const c0 = Math.min(...cells.map((c) => c.col));
  const rows = Math.max(...cells.map((c) => c.row)) - r0 + 1;
  const cols = Math.max(...cells.map((c) => c.col)) - c0 + 1;
  const grid: unknown[][] = Array.from({ length: rows }, () => Array<unknown>(cols).fill(""));
  for (const c of cells) grid[c.row - r0][c.col - c0] = c.content;
  return contentFingerprint(rangeAddress({ row: r0, col: c0, rows, cols }), grid);
}

function cellValue(c: Cell): ExcelJS.CellValue {
  switch (c.kind) {
    case "empty":
      return null;
    case "text":
      return c.text; // exceljs stores strings as strings: never evaluated as a formula
    case "number":
      return c.value;
    case "formula":
      return c.expected === undefined ? { formula: c.formula } : ({ formula: c.formula, result: c.expected } as ExcelJS.CellFormulaValue);
  }
}

function specCellAt(spec: SheetSpec, row: number, col: number): Cell | undefined {
  for (const b of spec.blocks) {
    const r = b.cells[row - b.row];
    if (r && col >= b.col && col - b.col < r.length) return r[col - b.col];
  }
  return undefined;
}

function renderSheet(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  spec.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const t of spec.tables) addTable(ws, spec, t);
  for (const b of spec.blocks) {
    b.cells.forEach((rowCells, i) =>
      rowCells.forEach((c, j) => {
        const cell = ws.getCell(b.row + i + 1, b.col + j + 1);
        cell.value = cellValue(c);
        if (c.format) cell.numFmt = c.format;
        if (c.style) applyXlsxStyle(cell, c.style);
      }),
    );
  }
  fitWrappedRows(ws, spec);
  for (const v of spec.validations) addValidation(ws, v);
  const p = spec.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: p.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    // exceljs prefixes each corner with "$" for the column only; give the rows their "$" so the name is fully absolute.
    printArea: rangeAddress(p.area).replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
    margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  const esc = (s: string) => s.replace(/&/g, "&&");
  ws.headerFooter = {
    oddHeader: `&C&"-,Bold"${esc(p.headerCenter)}`,
    oddFooter: `&L${esc(p.footerLeft)}${p.pageNumbers ? "&RSida &P av &N" : ""}`,
  };
  if (spec.freezeRows) ws.views = [{ state: "frozen", ySplit: spec.freezeRows }];
}

function plainText(c: Cell): string {
  switch (c.kind) {
    case "text":
      return c.text;
    case "number":
      return String(c.value);
    case "formula":
      return c.expected === undefined ? "" : String(c.expected);
    case "empty":
      return "";
  }
}

/**
 * Rows holding wrapped cells get an estimated height when the text needs more than one line: Excel
 * does not fit row heights when it opens a file, so a row left at the default would cut the text off.
 */
function fitWrappedRows(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  const heights = new Map<number, number>();
  for (const b of spec.blocks) {
    b.cells.forEach((rowCells, i) =>
      rowCells.forEach((c, j) => {
        if (!c.style || !XLSX_WRAPPING_STYLES.has(c.style)) return;
        const width = spec.columnWidths[b.col + j] ?? DEFAULT_COLUMN_WIDTH;
        const row = b.row + i;
        heights.set(row, Math.max(heights.get(row) ?? 0, wrappedRowHeight(plainText(c), width)));
      }),
    );
  }
  for (const [row, height] of heights) if (height > STANDARD_ROW_HEIGHT) ws.getRow(row + 1).height = height;
}

function addTable(ws: ExcelJS.Worksheet, spec: SheetSpec, t: TableSpec): void {
  const headers: string[] = [];
  for (let c = 0; c < t.range.cols; c++) {
    const h = specCellAt(spec, t.range.row, t.range.col + c);
    headers.push(h && h.kind === "text" ? h.text : `Kolumn${c + 1}`);
  }
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 1; r < t.range.rows; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = 0; c < t.range.cols; c++) {
      const cell = specCellAt(spec, t.range.row + r, t.range.col + c);
      row.push(cell ? cellValue(cell) : null);
    }
    rows.push(row);
  }
  ws.addTable({
    name: t.name,
    ref: cellAddress(t.range.row, t.range.col),
    headerRow: true,
    totalsRow: false,
    style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

function addValidation(ws: ExcelJS.Worksheet, v: ValidationSpec): void {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop" as const, errorTitle: "Samkalk", error: v.errorMessage };
  let dv: ExcelJS.DataValidation;
  const rule = v.rule;
  if (rule.kind === "list") {
    dv = { ...common, type: "list", formulae: [`"${rule.values.join(",")}"`] };
  } else {
    const type = rule.kind === "wholeNumber" ? "whole" : "decimal";
    dv =
      rule.max === undefined
        ? { ...common, type, operator: "greaterThanOrEqual", formulae: [rule.min] }
        : { ...common, type, operator: "between", formulae: [rule.min, rule.max] };
  }
  for (let r = 0; r < v.range.rows; r++)
    for (let c = 0; c < v.range.cols; c++) ws.getCell(v.range.row + r + 1, v.range.col + c + 1).dataValidation = dv;
}

function toReadValue(v: ExcelJS.CellValue): ReadValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object" && "result" in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    return typeof r === "string" || typeof r === "number" || typeof r === "boolean" ? r : null;
  }
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return null;
}

/** Header row (as text) and data body of a table in an exceljs worksheet, found by name ignoring case. */
function readTable(ws: ExcelJS.Worksheet, name: string): { header: string[]; body: ReadValue[][] } | null {
  const model = sheetTables(ws).find((t) => sameSheetName(t.name, name))?.table;
  if (!model) return null;
  const start = ws.getCell(model.ref);
  const cols = model.columns.length;
  const header: string[] = [];
  for (let c = 0; c < cols; c++) {
    const v = toReadValue(ws.getCell(Number(start.row), Number(start.col) + c).value);
    header.push(v === null ? "" : String(v));
  }
  const body: ReadValue[][] = [];
  for (let r = Number(start.row) + 1; r <= ws.rowCount; r++) {
    const row: ReadValue[] = [];
    for (let c = 0; c < cols; c++) row.push(toReadValue(ws.getCell(r, Number(start.col) + c).value));
    if (row.every((v) => v === null || v === "")) break;
    body.push(row);
    if (model.rows && body.length >= model.rows.length) break;
  }
  return { header, body };
}
