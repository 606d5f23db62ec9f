import ExcelJS from "exceljs";
import type { SheetState, WorkbookHost, WriteReport, ReadValue } from "../host";
import { Cell, SheetSpec, TableSpec, ValidationSpec, cellAddress, rangeAddress } from "../../sheets/spec";
import { applyXlsxStyle } from "./xlsxStyles";

/**
 * Renders sheet specs into an exceljs workbook, for the command line and for tests (LibreOffice
 * recalculates the result). Formulas are written with the domain's value as cached result so that
 * viewers which do not recalculate still show the right numbers.
 */
export class XlsxWorkbookHost implements WorkbookHost {
  readonly workbook: ExcelJS.Workbook;
  private readonly owned = new Set<string>();

  constructor(workbook?: ExcelJS.Workbook) {
    this.workbook = workbook ?? new ExcelJS.Workbook();
    if (!workbook) {
      this.workbook.creator = "Samkalk";
      this.workbook.created = new Date();
    }
  }

  async inspectSheet(sheetName: string, tableNames: string[]): Promise<SheetState> {
    const ws = this.workbook.getWorksheet(sheetName);
    const tables: Record<string, ReadValue[][]> = {};
    if (ws) {
      for (const name of tableNames) {
        const body = readTableBody(ws, name);
        if (body) tables[name] = body;
      }
    }
    return { sheetName, exists: !!ws, ownedBySamkalk: !!ws && this.owned.has(sheetName), tables };
  }

  async writeSheet(spec: SheetSpec, state: SheetState): Promise<WriteReport> {
    const existing = this.workbook.getWorksheet(spec.name);
    if (existing && !state.ownedBySamkalk) {
      throw new Error(`Bladet "${spec.name}" finns redan och är inte skapat av Samkalk. Samkalk skriver inte över det.`);
    }
    if (existing) this.workbook.removeWorksheet(existing.id);
    const ws = this.workbook.addWorksheet(spec.name);
    renderSheet(ws, spec);
    this.owned.add(spec.name);
    return { sheetName: spec.name, syncs: 0, largestPayloadBytes: 0, created: !existing };
  }

  async save(file: string): Promise<void> {
    await this.workbook.xlsx.writeFile(file);
  }

  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }
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
  for (const v of spec.validations) addValidation(ws, v);
  const p = spec.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: p.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: rangeAddress(p.area),
    margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  const esc = (s: string) => s.replace(/&/g, "&&");
  ws.headerFooter = {
    oddHeader: `&C&"-,Bold"${esc(p.headerCenter)}`,
    oddFooter: `&L${esc(p.footerLeft)}${p.pageNumbers ? "&RSida &P av &N" : ""}`,
  };
  if (spec.freezeRows) ws.views = [{ state: "frozen", ySplit: spec.freezeRows }];
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

/** Data body of a table in an exceljs worksheet (exceljs keeps table refs in `ws.tables`). */
function readTableBody(ws: ExcelJS.Worksheet, name: string): ReadValue[][] | null {
  const table = ws.getTable(name) as unknown as { table?: { ref: string; columns: unknown[]; rows?: unknown[] } } | undefined;
  const model = table?.table;
  if (!model) return null;
  const start = ws.getCell(model.ref);
  const cols = model.columns.length;
  const out: ReadValue[][] = [];
  for (let r = Number(start.row) + 1; r <= ws.rowCount; r++) {
    const row: ReadValue[] = [];
    for (let c = 0; c < cols; c++) row.push(toReadValue(ws.getCell(r, Number(start.col) + c).value));
    if (row.every((v) => v === null || v === "")) break;
    out.push(row);
    if (model.rows && out.length >= model.rows.length) break;
  }
  return out;
}
