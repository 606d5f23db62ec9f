/** Renders a sheet spec into an empty exceljs worksheet: cells, styles, tables, validations, print setup. */
import type ExcelJS from "exceljs";
import { Cell, SheetSpec, TableSpec, ValidationSpec } from "../../sheets/spec";
import { cellAddress, rangeAddress } from "../../domain/a1";
import { DEFAULT_COLUMN_WIDTH, STANDARD_ROW_HEIGHT, XLSX_WRAPPING_STYLES, applyXlsxStyle, wrappedRowHeight } from "./xlsxStyles";

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

/**
 * Cells of the same format, style role and kind share one exceljs style object: exceljs serialises each
 * distinct style object once when it saves (and a new object per cell, e.g. 70 000 for the SCB table, took
 * a fifth of `samkalk demo`). Only a cell with no style of its own yet (nothing from its row, column or
 * table) shares: its style is then wholly what the spec says.
 */
function sharedStyles(): (cell: ExcelJS.Cell, c: Cell) => void {
  const byKey = new Map<string, Partial<ExcelJS.Style>>();
  return (cell, c) => {
    const plain = Object.keys(cell.style).length === 0;
    const key = `${c.format ?? ""}\u0000${c.style ?? ""}\u0000${c.kind}`;
    const shared = plain ? byKey.get(key) : undefined;
    if (shared) {
      cell.style = shared;
      return;
    }
    // A styled cell gets a copy of its own first: its style object may be one shared with other cells.
    if (!plain) cell.style = { ...cell.style };
    if (c.format) cell.numFmt = c.format;
    if (c.style) applyXlsxStyle(cell, c.style);
    if (plain) byKey.set(key, cell.style);
  };
}

export function renderSheet(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  spec.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const t of spec.tables) addTable(ws, spec, t);
  const styleCell = sharedStyles();
  for (const b of spec.blocks) {
    b.cells.forEach((rowCells, i) =>
      rowCells.forEach((c, j) => {
        const cell = ws.getCell(b.row + i + 1, b.col + j + 1);
        cell.value = cellValue(c);
        styleCell(cell, c);
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
    fitToHeight: p.onePage ? 1 : 0,
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

/** exceljs's range-level validations (present at run time, missing from its type definitions). */
interface WorksheetValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
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
  // One rule for the whole range. Set per cell, exceljs regroups the cells with their addresses sorted as
  // text (A10 before A5) and writes overlapping ranges (A10:A16 and A5:A16), which Excel offers to repair.
  (ws as unknown as WorksheetValidations).dataValidations.add(v.range.rows === 1 && v.range.cols === 1 ? cellAddress(v.range.row, v.range.col) : rangeAddress(v.range), dv);
}
