/**
 * The fake workbook: sheets and tables, with Excel's naming rules and conflicts enforced.
 * Every method either applies its change or throws a FakeOfficeError and changes nothing.
 */
import { FakeOfficeError, invalidArgument } from "./fakeErrors";
import { Rect, formatRect, intersects, isInsideSheet } from "./fakeAddress";
import { SheetModel } from "./fakeSheet";

export class TableModel {
  style = "TableStyleMedium2";
  showTotals = false;
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    public rect: Rect,
  ) {}

  dataBodyRect(): Rect {
    const rows = this.rect.rows - 1 - (this.showTotals ? 1 : 0);
    return { row: this.rect.row + 1, col: this.rect.col, rows: Math.max(rows, 1), cols: this.rect.cols };
  }

  headerRect(): Rect {
    return { ...this.rect, rows: 1 };
  }
}

const TABLE_STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** Why Excel would refuse `name` as a worksheet name, or null. */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name.length === 0) return "a sheet name cannot be empty";
  if (name.length > 31) return `"${name}" is longer than 31 characters`;
  if (/[[\]:*?/\\]/.test(name)) return `"${name}" contains one of [ ] : * ? / \\`;
  if (name.startsWith("'") || name.endsWith("'")) return `"${name}" begins or ends with an apostrophe`;
  if (sameName(name, "History")) return '"History" is reserved by Excel';
  return null;
}

/** Why Excel would refuse `name` as a table name, or null. */
export function tableNameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name.length === 0) return "a table name cannot be empty";
  if (name.length > 255) return "a table name is at most 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return `"${name}" is not a valid table name`;
  if (/^[rRcC]$/.test(name)) return `"${name}" is reserved`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[rR]\d*[cC]\d*$/.test(name)) return `"${name}" looks like a cell reference`;
  return null;
}

export class BookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  activeSheet: SheetModel | null = null;
  /** Structure protected (Review > Protect Workbook): sheets cannot be added, renamed, hidden or deleted. */
  structureProtected = false;
  private nextSheetId = 1;
  private nextTableId = 1;

  constructor(initialSheets: string[]) {
    for (const name of initialSheets) this.addSheet(name);
  }

  liveTables(): TableModel[] {
    return this.tables.filter((t) => !t.deleted);
  }

  findSheet(key: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === key || sameName(s.name, key));
  }

  findTable(key: string): TableModel | undefined {
    return this.liveTables().find((t) => t.id === key || sameName(t.name, key));
  }

  addSheet(name?: string): SheetModel {
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Blad${n}`)) n++;
      finalName = `Blad${n}`;
    }
    const problem = sheetNameProblem(finalName);
    if (problem) throw invalidArgument(problem);
    if (this.findSheet(finalName)) throw new FakeOfficeError("ItemAlreadyExists", `a sheet named "${finalName}" exists`);
    const id = `{${String(this.nextSheetId++).padStart(8, "0")}-0001-0000-0000-000000000000}`;
    const sheet = new SheetModel(id, finalName);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: unknown): void {
    const problem = sheetNameProblem(name);
    if (problem || typeof name !== "string") throw invalidArgument(problem ?? "bad name");
    const other = this.findSheet(name);
    if (other && other !== sheet) throw new FakeOfficeError("ItemAlreadyExists", `a sheet named "${name}" exists`);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new FakeOfficeError("InvalidOperation", "a workbook must keep at least one visible sheet");
    }
    for (const t of this.liveTables()) if (t.sheet === sheet) t.deleted = true;
    sheet.deleted = true;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets.find((s) => s.visibility === "Visible") ?? null;
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "cannot activate a hidden sheet");
    this.activeSheet = sheet;
  }

  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    if (!isInsideSheet(rect) || rect.rows > 1_000_000 || rect.cols > 10_000) {
      throw invalidArgument(`cannot make a table of ${formatRect(rect)}`);
    }
    const finalRect = rect.rows === 1 ? { ...rect, rows: 2 } : rect;
    const clash = this.liveTables().find((t) => t.sheet === sheet && intersects(t.rect, finalRect));
    if (clash) throw invalidArgument(`a table can't overlap another table ("${clash.name}")`);
    let n = 1;
    while (this.findTable(`Table${n}`)) n++;
    const table = new TableModel(String(this.nextTableId++), `Table${n}`, sheet, finalRect);
    this.normaliseHeaders(table, hasHeaders);
    this.tables.push(table);
    return table;
  }

  /** Excel makes header cells unique, non-empty text; without headers it inserts a header row. */
  private normaliseHeaders(table: TableModel, hasHeaders: boolean): void {
    const { sheet, rect } = table;
    if (!hasHeaders) {
      throw new FakeOfficeError("FakeNotSupported", "tables.add(..., false) would shift cells down; not modelled");
    }
    const seen = new Set<string>();
    for (let c = 0; c < rect.cols; c++) {
      const cell = sheet.cell(rect.row, rect.col + c);
      let text = cell && cell.formula === null && cell.value !== "" ? String(cell.value) : `Column${c + 1}`;
      const base = text;
      for (let k = 2; seen.has(text.toUpperCase()); k++) text = `${base}${k}`;
      seen.add(text.toUpperCase());
      if (!cell || cell.value !== text || cell.formula !== null) {
        sheet.setContent(rect.row, rect.col + c, { value: text, formula: null });
      }
    }
  }

  renameTable(table: TableModel, name: unknown): void {
    const problem = tableNameProblem(name);
    if (problem || typeof name !== "string") throw invalidArgument(problem ?? "bad name");
    const other = this.findTable(name);
    if (other && other !== table) throw new FakeOfficeError("ItemAlreadyExists", `a table named "${name}" exists`);
    table.name = name;
  }

  setTableStyle(table: TableModel, style: unknown): void {
    if (typeof style !== "string" || (style !== "" && !TABLE_STYLE.test(style))) {
      throw invalidArgument(`${JSON.stringify(style)} is not a built-in table style`);
    }
    table.style = style;
  }

  setShowTotals(table: TableModel, show: unknown): void {
    if (typeof show !== "boolean") throw invalidArgument("showTotals must be a boolean");
    if (show === table.showTotals) return;
    const rect = { ...table.rect, rows: table.rect.rows + (show ? 1 : -1) };
    const clash = this.liveTables().find((t) => t !== table && t.sheet === table.sheet && intersects(t.rect, rect));
    if (clash || !isInsideSheet(rect)) throw new FakeOfficeError("InvalidOperation", "no room for a total row");
    table.rect = rect;
    table.showTotals = show;
  }

  deleteTable(table: TableModel): void {
    table.sheet.clear(table.rect, "All");
    table.deleted = true;
  }
}
