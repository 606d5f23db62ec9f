/**
 * Test-only access to the fake workbook, outside Office.js: look at what landed in it, and act as
 * the user (edits apply at once, with no sync, exactly as if typed into Excel).
 */
import { Rect, columnIndex, formatRect, intersects, isInsideSheet, parseAddress, qualifiedAddress } from "./fakeAddress";
import { BookModel } from "./fakeBook";
import { ScalarValue, contentFromInput } from "./fakeCellInput";
import {
  CellFormat,
  DEFAULT_FORMAT,
  ErrorAlert,
  PageLayoutState,
  STANDARD_COLUMN_WIDTH,
  STANDARD_ROW_HEIGHT,
  SheetModel,
  ValidationRuleValue,
} from "./fakeSheet";
import { FakeSettings } from "./fakeSettings";
import { sheetCharts } from "./fakeCharts";

export interface CellView extends CellFormat {
  /** The constant in the cell ("" if empty or a formula: the fake does not calculate). */
  value: ScalarValue;
  /** "=..." when the cell holds a formula, else null. */
  formula: string | null;
}

export interface SheetView {
  id: string;
  name: string;
  position: number;
  visibility: string;
}

export interface TableView {
  name: string;
  sheet: string;
  address: string;
  style: string;
  showTotals: boolean;
}

export interface ValidationView {
  address: string;
  rule: ValidationRuleValue | null;
  errorAlert: ErrorAlert;
}

export interface ChartView {
  name: string;
  /** Excel.ChartType, e.g. "Line", "ColumnStacked". */
  type: string;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** Source data, "Blad!A1:C5". */
  source: string;
  seriesBy: "Columns" | "Rows";
  /** Top-left and bottom-right cells it covers ("H2", "P20"); null if never positioned. */
  position: { from: string; to: string } | null;
  series: Array<{ name: string; values: string; categories: string | null }>;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function singleCell(address: string): { row: number; col: number } {
  const parsed = parseAddress(address);
  if (!parsed || parsed.rect.rows !== 1 || parsed.rect.cols !== 1) throw new Error(`not a cell address: ${address}`);
  return { row: parsed.rect.row, col: parsed.rect.col };
}

function rectOf(address: string): Rect {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`not an address: ${address}`);
  return parsed.rect;
}

export class FakeInspector {
  constructor(
    private readonly book: BookModel,
    private readonly settings: FakeSettings,
  ) {}

  private sheet(name: string): SheetModel {
    const sheet = this.book.findSheet(name);
    if (!sheet) throw new Error(`fake workbook has no sheet "${name}" (has: ${this.sheetNames().join(", ")})`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  sheets(): SheetView[] {
    return this.book.sheets.map((s, position) => ({ id: s.id, name: s.name, position, visibility: s.visibility }));
  }

  activeSheet(): string | null {
    return this.book.activeSheet?.name ?? null;
  }

  cell(sheetName: string, address: string): CellView {
    const { row, col } = singleCell(address);
    const cell = this.sheet(sheetName).cell(row, col);
    const f = cell?.format ?? DEFAULT_FORMAT;
    return {
      value: cell?.value ?? "",
      formula: cell?.formula ?? null,
      numberFormat: f.numberFormat,
      bold: f.bold,
      italic: f.italic,
      size: f.size,
      fontColor: f.fontColor,
      fill: f.fill,
      wrapText: f.wrapText,
      horizontalAlignment: f.horizontalAlignment,
      verticalAlignment: f.verticalAlignment,
      borderTop: f.borderTop,
      borderBottom: f.borderBottom,
      borderLeft: f.borderLeft,
      borderRight: f.borderRight,
    };
  }

  /** Cell contents of a range: the formula text for formula cells, else the value. */
  grid(sheetName: string, address: string): ScalarValue[][] {
    const sheet = this.sheet(sheetName);
    const rect = rectOf(address);
    const out: ScalarValue[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const line: ScalarValue[] = [];
      for (let c = 0; c < rect.cols; c++) {
        const cell = sheet.cell(rect.row + r, rect.col + c);
        line.push(cell?.formula ?? cell?.value ?? "");
      }
      out.push(line);
    }
    return out;
  }

  /** `grid` of the used range (A1 to its bottom-right corner); [] for an empty sheet. */
  sheetValues(sheetName: string): ScalarValue[][] {
    const used = this.sheet(sheetName).usedRect(true);
    if (!used) return [];
    return this.grid(sheetName, formatRect({ row: 0, col: 0, rows: used.row + used.rows, cols: used.col + used.cols }));
  }

  /** Every formula cell of the sheet, in row order. */
  formulaCells(sheetName: string): Array<{ address: string; formula: string }> {
    const out: Array<{ row: number; col: number; formula: string }> = [];
    for (const [row, line] of this.sheet(sheetName).cells) {
      for (const [col, cell] of line) if (cell.formula !== null) out.push({ row, col, formula: cell.formula });
    }
    out.sort((a, b) => a.row - b.row || a.col - b.col);
    return out.map((c) => ({ address: formatRect({ row: c.row, col: c.col, rows: 1, cols: 1 }), formula: c.formula }));
  }

  /** Number of cells holding a value, a formula or a format. */
  storedCellCount(sheetName: string): number {
    let n = 0;
    for (const line of this.sheet(sheetName).cells.values()) n += line.size;
    return n;
  }

  usedAddress(sheetName: string): string | null {
    const rect = this.sheet(sheetName).usedRect(false);
    return rect ? formatRect(rect) : null;
  }

  tables(): TableView[] {
    return this.book.liveTables().map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: formatRect(t.rect),
      style: t.style,
      showTotals: t.showTotals,
    }));
  }

  validations(sheetName: string): ValidationView[] {
    return this.sheet(sheetName).validations.map((v) => ({
      address: formatRect(v.rect),
      rule: v.rule ? clone(v.rule) : null,
      errorAlert: { ...v.errorAlert },
    }));
  }

  pageLayout(sheetName: string): PageLayoutState {
    return clone(this.sheet(sheetName).pageLayout);
  }

  frozenRows(sheetName: string): number {
    return this.sheet(sheetName).frozenRows;
  }

  /** Width in points; `column` is a letter ("B") or a 0-based index. */
  columnWidth(sheetName: string, column: string | number): number {
    const col = typeof column === "number" ? column : columnIndex(column);
    return this.sheet(sheetName).columnWidths.get(col) ?? STANDARD_COLUMN_WIDTH;
  }

  /** Height in points of a row, given by its Excel row number (1 = the first row). */
  rowHeight(sheetName: string, row: number): number {
    return this.sheet(sheetName).rowHeights.get(row - 1) ?? STANDARD_ROW_HEIGHT;
  }

  /** The selected cells: the active sheet and the address of its selection. */
  selection(): { sheet: string; address: string } | null {
    const sheet = this.book.activeSheet;
    return sheet ? { sheet: sheet.name, address: formatRect(sheet.selection) } : null;
  }

  /** The sheet's charts, in creation order. */
  charts(sheetName: string): ChartView[] {
    return sheetCharts(this.sheet(sheetName)).map((c) => ({
      name: c.name,
      type: c.chartType,
      title: c.title,
      categoryAxisTitle: c.categoryAxisTitle,
      valueAxisTitle: c.valueAxisTitle,
      source: qualifiedAddress(c.sourceSheet.name, c.source),
      seriesBy: c.seriesBy,
      position: c.position ? { from: formatRect(c.position.from), to: formatRect(c.position.to) } : null,
      series: c.series.map((s) => ({ name: s.name, values: formatRect(s.values), categories: s.categories ? formatRect(s.categories) : null })),
    }));
  }

  /** Settings as a reopened document would see them (only what saveAsync stored). */
  savedSettings(): Record<string, unknown> {
    return this.settings.savedSnapshot();
  }
}

export class FakeUser {
  constructor(private readonly book: BookModel) {}

  private sheet(name: string): SheetModel {
    const sheet = this.book.findSheet(name);
    if (!sheet) throw new Error(`fake workbook has no sheet "${name}"`);
    return sheet;
  }

  /** Types `input` into a cell: "=..." becomes a formula, "'..." text, "12" a number, as in Excel. */
  editCell(sheetName: string, address: string, input: string | number | boolean): void {
    const { row, col } = singleCell(address);
    this.sheet(sheetName).setContent(row, col, contentFromInput(input, `${sheetName}!${address}`));
  }

  /** Adds a sheet the user made themselves; returns its id. */
  addSheet(name: string): string {
    return this.book.addSheet(name).id;
  }

  renameSheet(from: string, to: string): void {
    this.book.renameSheet(this.sheet(from), to);
  }

  deleteSheet(name: string): void {
    this.book.deleteSheet(this.sheet(name));
  }

  /**
   * Hides a sheet, or makes it very hidden as code does (Worksheet.visibility, Excel.SheetVisibility.veryHidden:
   * "The visibility of the worksheet", ExcelApi 1.1 to read, 1.2 to set; a very hidden sheet is in no menu, yet
   * still one of workbook.worksheets' items). As in Excel, the last visible sheet cannot be hidden.
   */
  hideSheet(name: string, visibility: "Hidden" | "VeryHidden" = "Hidden"): void {
    const sheet = this.sheet(name);
    if (!this.book.sheets.some((s) => s !== sheet && s.visibility === "Visible")) throw new Error("cannot hide the last visible sheet");
    sheet.visibility = visibility;
    if (this.book.activeSheet === sheet) this.book.activeSheet = this.book.sheets.find((s) => s.visibility === "Visible") ?? null;
  }

  /** Review > Protect Sheet (or Unprotect with `on` false). */
  protectSheet(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  /** Review > Protect Workbook (structure), or unprotect with `on` false. */
  protectWorkbookStructure(on = true): void {
    this.book.structureProtected = on;
  }

  /** Selects cells, as a click or drag: that sheet becomes the active one. */
  select(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const rect = rectOf(address);
    if (!isInsideSheet(rect)) throw new Error(`not on the sheet: ${address}`);
    this.book.activate(sheet);
    sheet.selection = rect;
  }

  /** Merges cells, as Start > Sammanfoga; an area overlapping an existing merged one is refused. */
  merge(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const rect = rectOf(address);
    if (!isInsideSheet(rect) || (rect.rows === 1 && rect.cols === 1)) throw new Error(`cannot merge ${address}`);
    if (sheet.merged.some((m) => intersects(m, rect))) throw new Error(`${address} overlaps a merged area`);
    sheet.merged.push(rect);
  }

  addTable(sheetName: string, address: string, name?: string): void {
    const table = this.book.addTable(this.sheet(sheetName), rectOf(address), true);
    if (name !== undefined) this.book.renameTable(table, name);
  }
}
