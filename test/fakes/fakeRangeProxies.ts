/** Office.js proxies for ranges and their format and data validation. */
import { FakeClientObject, FakeCollection, FakeRequestContext, Loadable, Readers } from "./fakeClientObject";
import { FakeOfficeError, invalidArgument } from "./fakeErrors";
import { Rect, containsCell, intersects, isInsideSheet, parseAddress, qualifiedAddress } from "./fakeAddress";
import { sameName } from "./fakeBook";
import { ErrorAlert, SheetModel, DEFAULT_ERROR_ALERT, STANDARD_COLUMN_WIDTH, ValidationArea } from "./fakeSheet";
import {
  BORDER_INDEXES,
  BORDER_STYLES,
  BORDER_WEIGHTS,
  BorderIndex,
  autofitColumns,
  autofitRows,
  expectBoolean,
  expectNumber,
  expectOneOf,
  formatRange,
  parseColor,
  readFormat,
  readGrid,
  readRowHeight,
  setBorder,
  writeGrid,
} from "./fakeRangeOps";
import { normaliseErrorAlert, normaliseRule } from "./fakeValidationRules";
// A cycle (the sheet proxies make ranges), harmless: FakeWorksheet is only used when a range's
// `worksheet` is asked for, long after both modules have loaded.
import { FakeWorksheet } from "./fakeSheetProxies";

export interface RangeEntity {
  sheet: SheetModel;
  rect: Rect;
}

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];
/** Excel's widest column: 255 characters. */
const MAX_COLUMN_WIDTH_POINTS = 1_800;

abstract class RangePart extends FakeClientObject<RangeEntity> {
  protected isAlive(e: RangeEntity): boolean {
    return !e.sheet.deleted;
  }
}

export class FakeRange extends RangePart {
  protected readonly typeName = "Range";
  private formatProxy?: FakeRangeFormat;
  private validationProxy?: FakeDataValidation;
  private worksheetProxy?: FakeWorksheet;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeEntity | null) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<RangeEntity> {
    const evaluate = this.ctx.env.evaluate;
    return {
      address: (e) => qualifiedAddress(e.sheet.name, e.rect),
      rowCount: (e) => e.rect.rows,
      columnCount: (e) => e.rect.cols,
      rowIndex: (e) => e.rect.row,
      columnIndex: (e) => e.rect.col,
      cellCount: (e) => e.rect.rows * e.rect.cols,
      values: (e) => readGrid(e.sheet, e.rect, "values", evaluate),
      formulas: (e) => readGrid(e.sheet, e.rect, "formulas", evaluate),
      numberFormat: (e) => readGrid(e.sheet, e.rect, "numberFormat", evaluate),
    };
  }

  protected navigation(name: string): Loadable | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  /** The sheet the range is on (load("worksheet/name") reads its name with the range). */
  get worksheet(): FakeWorksheet {
    return (this.worksheetProxy ??= new FakeWorksheet(this.ctx, `${this.path}.worksheet`, () => this.resolveEntity().sheet));
  }

  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }

  get values(): unknown[][] {
    return this.read("values");
  }
  set values(input: unknown) {
    this.assign("values", input, (e) => writeGrid(e.sheet, e.rect, input, "values"));
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(input: unknown) {
    this.assign("formulas", input, (e) => writeGrid(e.sheet, e.rect, input, "formulas"));
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.assign("numberFormat", input, (e) => writeGrid(e.sheet, e.rect, input, "numberFormat"));
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.ctx, `${this.path}.format`, () => this.resolveEntity()));
  }

  get dataValidation(): FakeDataValidation {
    return (this.validationProxy ??= new FakeDataValidation(
      this.ctx,
      `${this.path}.dataValidation`,
      () => this.resolveEntity(),
    ));
  }

  clear(applyTo: unknown = "All"): void {
    this.invoke("clear", [applyTo], (e) => {
      const mode = expectOneOf(applyTo, `${this.path}.clear`, ["All", "Formats", "Contents"]);
      e.sheet.clear(e.rect, mode as "All" | "Formats" | "Contents");
    });
  }

  /** ExcelApi 1.13: the merged areas that overlap the range (whole), a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const { sheet, rect } = this.resolveEntity();
      const rects = sheet.merged.filter((m) => intersects(m, rect));
      return rects.length === 0 ? null : { sheet, rects };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getCell(${row},${column})`, () => {
      const { sheet, rect } = this.resolveEntity();
      const cell = { row: rect.row + row, col: rect.col + column, rows: 1, cols: 1 };
      if (!isInsideSheet(cell)) throw invalidArgument(`getCell(${row}, ${column}) is outside the sheet`);
      return { sheet, rect: cell };
    });
  }
}

export interface RangeAreasEntity {
  sheet: SheetModel;
  rects: Rect[];
}

/** A RangeAreas (here only as getMergedAreasOrNullObject returns it): `address`, `areaCount`, `areas`. */
export class FakeRangeAreas extends FakeClientObject<RangeAreasEntity> {
  protected readonly typeName = "RangeAreas";
  protected readonly minApi = "1.13";
  private areasProxy?: FakeRangeCollection;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeAreasEntity | null) {
    super(ctx, path, resolver);
  }

  protected isAlive(e: RangeAreasEntity): boolean {
    return !e.sheet.deleted;
  }

  protected readers(): Readers<RangeAreasEntity> {
    return {
      address: (e) => e.rects.map((r) => qualifiedAddress(e.sheet.name, r)).join(","),
      areaCount: (e) => e.rects.length,
      cellCount: (e) => e.rects.reduce((n, r) => n + r.rows * r.cols, 0),
    };
  }

  protected navigation(name: string): Loadable | undefined {
    return name === "areas" ? this.areas : undefined;
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get areas(): FakeRangeCollection {
    return (this.areasProxy ??= new FakeRangeCollection(this.ctx, `${this.path}.areas`, () => this.resolveEntity()));
  }
}

/** The rectangular ranges of a RangeAreas. */
export class FakeRangeCollection extends FakeCollection<RangeAreasEntity, FakeRange> {
  protected readonly typeName = "RangeCollection";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeAreasEntity) {
    super(ctx, path, resolver);
  }

  protected members(owner: RangeAreasEntity): FakeRange[] {
    return owner.rects.map((rect, i) => new FakeRange(this.ctx, `${this.path}.items[${i}]`, () => ({ sheet: owner.sheet, rect })));
  }
}

export class FakeRangeFormat extends RangePart {
  protected readonly typeName = "RangeFormat";
  private fontProxy?: FakeRangeFont;
  private fillProxy?: FakeRangeFill;
  private bordersProxy?: FakeRangeBorders;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeEntity) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<RangeEntity> {
    return {
      wrapText: (e) => readFormat(e.sheet, e.rect, "wrapText"),
      horizontalAlignment: (e) => readFormat(e.sheet, e.rect, "horizontalAlignment"),
      verticalAlignment: (e) => readFormat(e.sheet, e.rect, "verticalAlignment"),
      rowHeight: (e) => readRowHeight(e.sheet, e.rect),
      columnWidth: (e) => {
        const widths = new Set<number>();
        for (let c = e.rect.col; c < e.rect.col + e.rect.cols; c++) {
          widths.add(e.sheet.columnWidths.get(c) ?? STANDARD_COLUMN_WIDTH);
        }
        return widths.size === 1 ? [...widths][0] : null;
      },
    };
  }

  protected navigation(name: string): Loadable | undefined {
    if (name === "font") return this.font;
    if (name === "fill") return this.fill;
    if (name === "borders") return this.borders;
    return undefined;
  }

  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(v: boolean) {
    this.assign("wrapText", v, (e) => formatRange(e.sheet, e.rect, { wrapText: expectBoolean(v, this.path) }));
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.assign("horizontalAlignment", v, (e) =>
      formatRange(e.sheet, e.rect, { horizontalAlignment: expectOneOf(v, this.path, H_ALIGN) }),
    );
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.assign("verticalAlignment", v, (e) =>
      formatRange(e.sheet, e.rect, { verticalAlignment: expectOneOf(v, this.path, V_ALIGN) }),
    );
  }
  /** In points; null when the rows differ. */
  get rowHeight(): number | null {
    return this.read("rowHeight");
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  /** In points, for every column the range touches (Excel applies widths to whole columns). */
  set columnWidth(v: number) {
    this.assign("columnWidth", v, (e) => {
      const width = expectNumber(v, `${this.path}.columnWidth`, 0, MAX_COLUMN_WIDTH_POINTS);
      for (let c = e.rect.col; c < e.rect.col + e.rect.cols; c++) e.sheet.columnWidths.set(c, width);
    });
  }

  autofitColumns(): void {
    this.invoke("autofitColumns", [], (e) => autofitColumns(e.sheet, e.rect));
  }

  /** Fits the height of the range's rows to the cells of the range (see autofitRows in fakeRangeOps). */
  autofitRows(): void {
    this.invoke("autofitRows", [], (e) => autofitRows(e.sheet, e.rect));
  }

  get font(): FakeRangeFont {
    return (this.fontProxy ??= new FakeRangeFont(this.ctx, `${this.path}.font`, () => this.resolveEntity()));
  }
  get fill(): FakeRangeFill {
    return (this.fillProxy ??= new FakeRangeFill(this.ctx, `${this.path}.fill`, () => this.resolveEntity()));
  }
  get borders(): FakeRangeBorders {
    return (this.bordersProxy ??= new FakeRangeBorders(this.ctx, `${this.path}.borders`, () => this.resolveEntity()));
  }
}

export class FakeRangeFont extends RangePart {
  protected readonly typeName = "RangeFont";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeEntity) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<RangeEntity> {
    return {
      bold: (e) => readFormat(e.sheet, e.rect, "bold"),
      italic: (e) => readFormat(e.sheet, e.rect, "italic"),
      size: (e) => readFormat(e.sheet, e.rect, "size"),
      color: (e) => readFormat(e.sheet, e.rect, "fontColor"),
    };
  }

  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.assign("bold", v, (e) => formatRange(e.sheet, e.rect, { bold: expectBoolean(v, `${this.path}.bold`) }));
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(v: boolean) {
    this.assign("italic", v, (e) => formatRange(e.sheet, e.rect, { italic: expectBoolean(v, `${this.path}.italic`) }));
  }
  get size(): number {
    return this.read("size");
  }
  set size(v: number) {
    this.assign("size", v, (e) => formatRange(e.sheet, e.rect, { size: expectNumber(v, `${this.path}.size`, 1, 409) }));
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.assign("color", v, (e) => formatRange(e.sheet, e.rect, { fontColor: parseColor(v, `${this.path}.color`) }));
  }
}

export class FakeRangeFill extends RangePart {
  protected readonly typeName = "RangeFill";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeEntity) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<RangeEntity> {
    return { color: (e) => readFormat(e.sheet, e.rect, "fill") ?? "#FFFFFF" };
  }

  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.assign("color", v, (e) => formatRange(e.sheet, e.rect, { fill: parseColor(v, `${this.path}.color`) }));
  }

  clear(): void {
    this.invoke("clear", [], (e) => formatRange(e.sheet, e.rect, { fill: null }));
  }
}

export class FakeRangeBorders extends RangePart {
  protected readonly typeName = "RangeBorderCollection";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeEntity) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<RangeEntity> {
    return {};
  }

  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.ctx, `${this.path}.getItem(${JSON.stringify(index)})`, index, () => {
      if (!(BORDER_INDEXES as readonly string[]).includes(index)) {
        throw invalidArgument(`border index ${JSON.stringify(index)} is not one of ${BORDER_INDEXES.join(", ")}`);
      }
      return this.resolveEntity();
    });
  }
}

export class FakeRangeBorder extends RangePart {
  protected readonly typeName = "RangeBorder";

  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly index: string,
    resolver: () => RangeEntity,
  ) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<RangeEntity> {
    const edge = (e: RangeEntity) => {
      const side = { EdgeTop: "borderTop", EdgeBottom: "borderBottom", EdgeLeft: "borderLeft", EdgeRight: "borderRight" } as const;
      const key = side[this.index as keyof typeof side];
      if (!key) throw new FakeOfficeError("FakeNotSupported", `reading ${this.index} borders`);
      const r = e.rect;
      const line =
        key === "borderTop"
          ? { ...r, rows: 1 }
          : key === "borderBottom"
            ? { ...r, row: r.row + r.rows - 1, rows: 1 }
            : key === "borderLeft"
              ? { ...r, cols: 1 }
              : { ...r, col: r.col + r.cols - 1, cols: 1 };
      return readFormat(e.sheet, line, key);
    };
    return {
      style: (e) => edge(e)?.style ?? "None",
      weight: (e) => edge(e)?.weight ?? "Thin",
    };
  }

  get style(): string {
    return this.read("style");
  }
  set style(v: string) {
    this.assign("style", v, (e) =>
      setBorder(e.sheet, e.rect, this.index as BorderIndex, { style: expectOneOf(v, `${this.path}.style`, BORDER_STYLES) }),
    );
  }
  get weight(): string {
    return this.read("weight");
  }
  set weight(v: string) {
    this.assign("weight", v, (e) =>
      setBorder(e.sheet, e.rect, this.index as BorderIndex, { weight: expectOneOf(v, `${this.path}.weight`, BORDER_WEIGHTS) }),
    );
  }
}

/** The validation area that covers the whole range, "none" if none touches it, "mixed" otherwise. */
function validationOf(e: RangeEntity): ValidationArea | "none" | "mixed" {
  const touching = e.sheet.validations.filter((v) => intersects(v.rect, e.rect));
  if (touching.length === 0) return "none";
  const covering = touching.find(
    (v) =>
      containsCell(v.rect, e.rect.row, e.rect.col) &&
      containsCell(v.rect, e.rect.row + e.rect.rows - 1, e.rect.col + e.rect.cols - 1),
  );
  return covering && touching.length === 1 ? covering : "mixed";
}

const RULE_TYPES: Record<string, string> = {
  list: "List",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  custom: "Custom",
};

export class FakeDataValidation extends RangePart {
  protected readonly typeName = "DataValidation";
  protected readonly minApi = "1.8";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeEntity) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<RangeEntity> {
    return {
      type: (e) => {
        const v = validationOf(e);
        if (v === "none") return "None";
        if (v === "mixed") return "Inconsistent";
        return v.rule ? RULE_TYPES[Object.keys(v.rule)[0]] : "None";
      },
      rule: (e) => {
        const v = validationOf(e);
        return typeof v === "string" ? {} : (v.rule ?? {});
      },
      errorAlert: (e) => {
        const v = validationOf(e);
        return typeof v === "string" ? { ...DEFAULT_ERROR_ALERT } : v.errorAlert;
      },
    };
  }

  get type(): string {
    return this.read("type");
  }
  get rule(): unknown {
    return this.read("rule");
  }
  set rule(v: unknown) {
    this.assign("rule", v, (e) => e.sheet.setValidationRule(e.rect, normaliseRule(v, `${this.path}.rule`)));
  }
  get errorAlert(): ErrorAlert {
    return this.read("errorAlert");
  }
  set errorAlert(v: ErrorAlert) {
    this.assign("errorAlert", v, (e) => {
      const current = validationOf(e);
      const base = typeof current === "string" ? DEFAULT_ERROR_ALERT : current.errorAlert;
      e.sheet.setErrorAlert(e.rect, normaliseErrorAlert(v, base, `${this.path}.errorAlert`));
    });
  }

  clear(): void {
    this.invoke("clear", [], (e) => e.sheet.clearValidation(e.rect));
  }
}

/** The range at `address` on `sheet` (a sheet prefix must name that sheet). */
export function rangeOnSheet(sheet: SheetModel, address: string): RangeEntity {
  const parsed = parseAddress(address);
  if (!parsed) throw invalidArgument(`"${address}" is not a valid address`);
  if (parsed.sheetName !== null && !sameName(parsed.sheetName, sheet.name)) {
    throw invalidArgument(`"${address}" is not on sheet "${sheet.name}"`);
  }
  return { sheet, rect: parsed.rect };
}
