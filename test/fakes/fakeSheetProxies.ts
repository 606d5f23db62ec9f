/** Office.js proxies for the workbook, its worksheets and tables. */
import { FakeClientObject, FakeCollection, FakeRequestContext, Loadable, Readers } from "./fakeClientObject";
import { FakeOfficeError, invalidArgument } from "./fakeErrors";
import { Rect, WHOLE_SHEET, isInsideSheet, parseAddress } from "./fakeAddress";
import { BookModel, TableModel, sameName } from "./fakeBook";
import { SheetModel } from "./fakeSheet";
import { expectBoolean, expectOneOf } from "./fakeRangeOps";
import { FakeRange, RangeEntity, rangeOnSheet } from "./fakeRangeProxies";
import { FakeFreezePanes, FakePageLayout } from "./fakePageProxies";
import { FakeChartCollection } from "./fakeCharts";

function notYetCreated(path: string): never {
  throw new FakeOfficeError("GeneralException", `${path} used before the statement creating it ran`);
}

export class FakeWorkbook extends FakeClientObject<BookModel> {
  protected readonly typeName = "Workbook";
  private protectionProxy?: FakeWorkbookProtection;
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook", () => ctx.env.book);
    this.worksheets = new FakeWorksheetCollection(ctx, "workbook.worksheets", () => ctx.env.book);
    this.tables = new FakeTableCollection(ctx, "workbook.tables", () => ({ book: ctx.env.book, sheet: null }));
  }

  protected readers(): Readers<BookModel> {
    return {};
  }

  protected navigation(name: string): Loadable | undefined {
    if (name === "worksheets") return this.worksheets;
    if (name === "tables") return this.tables;
    if (name === "protection") return this.protection;
    return undefined;
  }

  /** Workbook.protection (ExcelApi 1.7): whether the structure is protected. */
  get protection(): FakeWorkbookProtection {
    return (this.protectionProxy ??= new FakeWorkbookProtection(this.ctx, "workbook.protection", () => this.ctx.env.book));
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.worksheets.getActiveWorksheet();
  }

  /** The selected cells of the active sheet (set by `user.select`; A1 of a sheet never selected in). */
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, "workbook.getSelectedRange()", () => {
      const sheet = this.ctx.env.book.activeSheet;
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "no active worksheet");
      return { sheet, rect: sheet.selection };
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<BookModel, FakeWorksheet> {
  protected readonly typeName = "WorksheetCollection";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => BookModel) {
    super(ctx, path, resolver);
  }

  protected members(book: BookModel): FakeWorksheet[] {
    return book.sheets.map((s) => new FakeWorksheet(this.ctx, `${this.path}.items[${s.id}]`, () => s));
  }

  /** By name (case-insensitive, as Excel) or id; ItemNotFound at sync if missing. */
  getItem(key: string): FakeWorksheet {
    const path = `${this.path}.getItem(${JSON.stringify(key)})`;
    return new FakeWorksheet(this.ctx, path, () => {
      const sheet = this.resolveEntity().findSheet(key);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", `no worksheet "${key}"`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const path = `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`;
    return new FakeWorksheet(this.ctx, path, () => this.resolveEntity().findSheet(key) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.getActiveWorksheet()`, () => {
      const active = this.resolveEntity().activeSheet;
      if (!active) throw new FakeOfficeError("ItemNotFound", "no active worksheet");
      return active;
    });
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    const path = `${this.path}.add(${JSON.stringify(name ?? null)})`;
    const proxy = new FakeWorksheet(this.ctx, path, () => created ?? notYetCreated(path));
    this.invoke("add", name === undefined ? [] : [name], (book) => {
      structureUnprotected(book, path);
      created = book.addSheet(name);
      created.addedInBatch = this.ctx.env.batch;
    });
    return proxy;
  }
}

export class FakeWorksheet extends FakeClientObject<SheetModel> {
  protected readonly typeName = "Worksheet";
  private tablesProxy?: FakeTableCollection;
  private freezeProxy?: FakeFreezePanes;
  private pageLayoutProxy?: FakePageLayout;
  private chartsProxy?: FakeChartCollection;
  private protectionProxy?: FakeWorksheetProtection;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel | null) {
    super(ctx, path, resolver);
  }

  /** Sheet protection guards a sheet's contents, not its name, visibility, place or activation. */
  protected allowedOnProtectedSheet(member: string): boolean {
    return ["activate", "name", "visibility", "position", "delete"].includes(member);
  }

  protected isAlive(sheet: SheetModel): boolean {
    return !sheet.deleted;
  }

  protected readers(): Readers<SheetModel> {
    const book = this.ctx.env.book;
    return {
      id: (s) => s.id,
      name: (s) => s.name,
      position: (s) => book.sheets.indexOf(s),
      visibility: (s) => s.visibility,
    };
  }

  protected navigation(name: string): Loadable | undefined {
    if (name === "tables") return this.tables;
    if (name === "freezePanes") return this.freezePanes;
    if (name === "pageLayout") return this.pageLayout;
    if (name === "charts") return this.charts;
    if (name === "protection") return this.protection;
    return undefined;
  }

  get protection(): FakeWorksheetProtection {
    return (this.protectionProxy ??= new FakeWorksheetProtection(this.ctx, `${this.path}.protection`, () => this.resolveEntity()));
  }

  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  /** Excel moves the sheet to that place (0-based); a place outside the workbook is refused. */
  set position(v: number) {
    this.assign("position", v, (s) => {
      structureUnprotected(this.ctx.env.book, `${this.path}.position`);
      const sheets = this.ctx.env.book.sheets;
      if (!Number.isInteger(v) || v < 0 || v >= sheets.length) throw new FakeOfficeError("InvalidArgument", `position ${v} is outside 0–${sheets.length - 1}`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(v, 0, s);
    });
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.assign("name", v, (s) => {
      structureUnprotected(this.ctx.env.book, `${this.path}.name`);
      this.ctx.env.book.renameSheet(s, v);
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.assign("visibility", v, (s) => {
      structureUnprotected(this.ctx.env.book, `${this.path}.visibility`);
      const next = expectOneOf(v, `${this.path}.visibility`, ["Visible", "Hidden", "VeryHidden"]);
      const book = this.ctx.env.book;
      const others = book.sheets.filter((x) => x !== s && x.visibility === "Visible");
      if (next !== "Visible" && others.length === 0) {
        throw new FakeOfficeError("InvalidOperation", "cannot hide the last visible sheet");
      }
      s.visibility = next;
      if (next !== "Visible" && book.activeSheet === s) book.activeSheet = others[0];
    });
  }

  get tables(): FakeTableCollection {
    return (this.tablesProxy ??= new FakeTableCollection(this.ctx, `${this.path}.tables`, () => ({
      book: this.ctx.env.book,
      sheet: this.resolveEntity(),
    })));
  }
  get freezePanes(): FakeFreezePanes {
    return (this.freezeProxy ??= new FakeFreezePanes(this.ctx, `${this.path}.freezePanes`, () => this.resolveEntity()));
  }
  get charts(): FakeChartCollection {
    return (this.chartsProxy ??= new FakeChartCollection(this.ctx, `${this.path}.charts`, () => this.resolveEntity()));
  }
  get pageLayout(): FakePageLayout {
    return (this.pageLayoutProxy ??= new FakePageLayout(this.ctx, `${this.path}.pageLayout`, () => this.resolveEntity()));
  }

  /** No address: the whole sheet. */
  getRange(address?: string): FakeRange {
    const path = `${this.path}.getRange(${address === undefined ? "" : JSON.stringify(address)})`;
    return new FakeRange(this.ctx, path, () => {
      const sheet = this.resolveEntity();
      return address === undefined ? { sheet, rect: WHOLE_SHEET } : rangeOnSheet(sheet, address);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const path = `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`;
    return new FakeRange(this.ctx, path, () => {
      const rect: Rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
      if (!isInsideSheet(rect)) throw invalidArgument(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
      return { sheet: this.resolveEntity(), rect };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getUsedRange(${valuesOnly})`, () => {
      const sheet = this.resolveEntity();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`, () => {
      const sheet = this.resolveEntity();
      const rect = sheet.usedRect(valuesOnly);
      return rect ? { sheet, rect } : null;
    });
  }

  delete(): void {
    this.invoke("delete", [], (s) => {
      structureUnprotected(this.ctx.env.book, `${this.path}.delete()`);
      this.ctx.env.book.deleteSheet(s);
    });
  }

  activate(): void {
    this.invoke("activate", [], (s) => {
      const env = this.ctx.env;
      if (env.activateIgnoredInAddingBatch && s.addedInBatch === env.batch) return;
      env.book.activate(s);
    });
  }
}

interface TableScope {
  book: BookModel;
  /** null: the workbook's collection. */
  sheet: SheetModel | null;
}

export class FakeTableCollection extends FakeCollection<TableScope, FakeTable> {
  protected readonly typeName = "TableCollection";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => TableScope) {
    super(ctx, path, resolver);
  }

  private inScope(scope: TableScope): TableModel[] {
    return scope.book.liveTables().filter((t) => scope.sheet === null || t.sheet === scope.sheet);
  }

  protected members(scope: TableScope): FakeTable[] {
    return this.inScope(scope).map((t) => new FakeTable(this.ctx, `${this.path}.items[${t.id}]`, () => t));
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.ctx, `${this.path}.getItem(${JSON.stringify(key)})`, () => {
      const table = this.inScope(this.resolveEntity()).find((t) => t.id === key || sameName(t.name, key));
      if (!table) throw new FakeOfficeError("ItemNotFound", `no table "${key}"`);
      return table;
    });
  }

  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, () => {
      return this.inScope(this.resolveEntity()).find((t) => t.id === key || sameName(t.name, key)) ?? null;
    });
  }

  /**
   * `address`: a Range or an address. An address without a sheet name means the active sheet, for a sheet's
   * collection too (TableCollection.add: "If the address does not contain a sheet name, the currently-active
   * sheet is used"), so adding to a sheet that is not active by a bare address fails, as the range is elsewhere.
   */
  add(address: unknown, hasHeaders: boolean): FakeTable {
    if (address instanceof FakeRange) this.sameContext(address);
    let created: TableModel | null = null;
    const path = `${this.path}.add(${JSON.stringify(address instanceof FakeRange ? address.path : address)})`;
    const proxy = new FakeTable(this.ctx, path, () => created ?? notYetCreated(path));
    this.invoke("add", [address, hasHeaders], (scope) => {
      let target: RangeEntity;
      if (address instanceof FakeRange) target = address.resolveEntity();
      else if (typeof address === "string") {
        const parsed = parseAddress(address);
        if (!parsed) throw invalidArgument(`"${address}" is not a valid address`);
        const sheet = parsed.sheetName !== null ? scope.book.findSheet(parsed.sheetName) : scope.book.activeSheet;
        if (!sheet) throw new FakeOfficeError("ItemNotFound", `no sheet for "${address}"`);
        target = { sheet, rect: parsed.rect };
      } else throw invalidArgument("tables.add needs a Range or an address");
      if (scope.sheet !== null && target.sheet !== scope.sheet) throw invalidArgument("the range is on another sheet");
      created = scope.book.addTable(target.sheet, target.rect, expectBoolean(hasHeaders, `${path}.hasHeaders`));
    });
    return proxy;
  }
}

export class FakeTable extends FakeClientObject<TableModel> {
  protected readonly typeName = "Table";
  private worksheetProxy?: FakeWorksheet;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => TableModel | null) {
    super(ctx, path, resolver);
  }

  protected isAlive(t: TableModel): boolean {
    return !t.deleted;
  }

  protected readers(): Readers<TableModel> {
    return {
      id: (t) => t.id,
      name: (t) => t.name,
      style: (t) => t.style,
      showTotals: (t) => t.showTotals,
      showHeaders: () => true,
    };
  }

  protected navigation(name: string): Loadable | undefined {
    return name === "worksheet" ? this.worksheet : undefined;
  }

  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.assign("name", v, (t) => this.ctx.env.book.renameTable(t, v));
  }
  get style(): string {
    return this.read("style");
  }
  set style(v: string) {
    this.assign("style", v, (t) => this.ctx.env.book.setTableStyle(t, v));
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  set showTotals(v: boolean) {
    this.assign("showTotals", v, (t) => this.ctx.env.book.setShowTotals(t, v));
  }

  get worksheet(): FakeWorksheet {
    return (this.worksheetProxy ??= new FakeWorksheet(this.ctx, `${this.path}.worksheet`, () => this.resolveEntity().sheet));
  }

  getRange(): FakeRange {
    return this.part("getRange", (t) => t.rect);
  }
  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (t) => t.dataBodyRect());
  }
  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (t) => t.headerRect());
  }

  private part(method: string, rect: (t: TableModel) => Rect): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.${method}()`, () => {
      const t = this.resolveEntity();
      return { sheet: t.sheet, rect: rect(t) };
    });
  }

  delete(): void {
    this.invoke("delete", [], (t) => this.ctx.env.book.deleteTable(t));
  }
}

/** With the workbook's structure protected, Excel refuses adding, renaming, hiding, moving and deleting sheets. */
function structureUnprotected(book: BookModel, what: string): void {
  if (book.structureProtected) throw new FakeOfficeError("AccessDenied", `${what}: the workbook's structure is protected`);
}

/** Worksheet.protection (ExcelApi 1.2): `protected` is readable; protecting is the user's business here. */
export class FakeWorksheetProtection extends FakeClientObject<SheetModel> {
  protected readonly typeName = "WorksheetProtection";

  protected isAlive(sheet: SheetModel): boolean {
    return !sheet.deleted;
  }

  protected readers(): Readers<SheetModel> {
    return { protected: (s) => s.protected };
  }

  get protected(): boolean {
    return this.read("protected");
  }
}

/** Workbook.protection (ExcelApi 1.7). */
export class FakeWorkbookProtection extends FakeClientObject<BookModel> {
  protected readonly typeName = "WorkbookProtection";
  protected readonly minApi = "1.7";

  protected readers(): Readers<BookModel> {
    return { protected: (b) => b.structureProtected };
  }

  get protected(): boolean {
    return this.read("protected");
  }
}
