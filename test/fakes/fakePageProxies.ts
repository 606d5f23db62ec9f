/** Office.js proxies for a worksheet's freeze panes and page layout (print setup). */
import { FakeClientObject, FakeRequestContext, Loadable, Readers } from "./fakeClientObject";
import { invalidArgument } from "./fakeErrors";
import { MAX_ROWS, formatRect } from "./fakeAddress";
import { HeadersFooters, SheetModel } from "./fakeSheet";
import { expectBoolean, expectNumber, expectOneOf } from "./fakeRangeOps";
import { FakeRange, RangeEntity, rangeOnSheet } from "./fakeRangeProxies";

export class FakeFreezePanes extends FakeClientObject<SheetModel> {
  protected readonly typeName = "WorksheetFreezePanes";
  protected readonly minApi = "1.7";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<SheetModel> {
    return {};
  }

  freezeRows(count = 1): void {
    this.invoke("freezeRows", [count], (s) => {
      const rows = expectNumber(count, `${this.path}.freezeRows`, 0, MAX_ROWS - 1);
      if (!Number.isInteger(rows)) throw invalidArgument("freezeRows needs a whole number");
      s.frozenRows = rows;
      s.frozenColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this.invoke("freezeColumns", [count], (s) => {
      s.frozenColumns = expectNumber(count, `${this.path}.freezeColumns`, 0, 16_383);
      s.frozenRows = 0;
    });
  }

  unfreeze(): void {
    this.invoke("unfreeze", [], (s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
}

const PAPER_TYPES = [
  "A3", "A4", "A5", "B4", "B5", "Executive", "Folio", "Ledger", "Legal", "Letter", "Quarto", "Statement", "Tabloid",
];

export class FakePageLayout extends FakeClientObject<SheetModel> {
  protected readonly typeName = "PageLayout";
  protected readonly minApi = "1.9";
  private headersFootersProxy?: FakeHeaderFooterGroup;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<SheetModel> {
    return {
      orientation: (s) => s.pageLayout.orientation,
      paperSize: (s) => s.pageLayout.paperSize,
      centerHorizontally: (s) => s.pageLayout.centerHorizontally,
      centerVertically: (s) => s.pageLayout.centerVertically,
      zoom: (s) => s.pageLayout.zoom,
    };
  }

  protected navigation(name: string): Loadable | undefined {
    return name === "headersFooters" ? this.headersFooters : undefined;
  }

  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(v: string) {
    this.assign("orientation", v, (s) => {
      s.pageLayout.orientation = expectOneOf(v, `${this.path}.orientation`, ["Portrait", "Landscape"]);
    });
  }
  get paperSize(): string {
    return this.read("paperSize");
  }
  set paperSize(v: string) {
    this.assign("paperSize", v, (s) => {
      s.pageLayout.paperSize = expectOneOf(v, `${this.path}.paperSize`, PAPER_TYPES);
    });
  }
  get centerHorizontally(): boolean {
    return this.read("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this.assign("centerHorizontally", v, (s) => {
      s.pageLayout.centerHorizontally = expectBoolean(v, `${this.path}.centerHorizontally`);
    });
  }
  get centerVertically(): boolean {
    return this.read("centerVertically");
  }
  set centerVertically(v: boolean) {
    this.assign("centerVertically", v, (s) => {
      s.pageLayout.centerVertically = expectBoolean(v, `${this.path}.centerVertically`);
    });
  }
  get zoom(): unknown {
    return this.read("zoom");
  }
  set zoom(v: unknown) {
    this.assign("zoom", v, (s) => {
      const where = `${this.path}.zoom`;
      if (typeof v !== "object" || v === null) throw invalidArgument(`${where} must be an object`);
      const z = v as Record<string, unknown>;
      const next: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } = {};
      if (z.scale !== undefined && z.scale !== null) next.scale = expectNumber(z.scale, `${where}.scale`, 10, 400);
      for (const key of ["horizontalFitToPages", "verticalFitToPages"] as const) {
        const n = z[key];
        if (n !== undefined && n !== null) next[key] = expectNumber(n, `${where}.${key}`, 0, 32_767);
      }
      const fits = next.horizontalFitToPages !== undefined || next.verticalFitToPages !== undefined;
      if (fits && next.scale !== undefined) throw invalidArgument(`${where}: scale and fit-to-pages exclude each other`);
      if (!fits && next.scale === undefined) throw invalidArgument(`${where}: nothing to set`);
      s.pageLayout.zoom = next;
    });
  }

  setPrintArea(printArea: unknown): void {
    if (printArea instanceof FakeRange) this.sameContext(printArea);
    this.invoke("setPrintArea", [printArea], (s) => {
      let areas: RangeEntity[];
      if (printArea instanceof FakeRange) areas = [printArea.resolveEntity()];
      else if (typeof printArea === "string") areas = printArea.split(",").map((a) => rangeOnSheet(s, a));
      else throw invalidArgument(`${this.path}.setPrintArea needs a Range or an address`);
      if (areas.some((a) => a.sheet !== s)) throw invalidArgument("the print area must be on the same sheet");
      s.pageLayout.printArea = areas.map((a) => formatRect(a.rect)).join(",");
    });
  }

  get headersFooters(): FakeHeaderFooterGroup {
    return (this.headersFootersProxy ??= new FakeHeaderFooterGroup(
      this.ctx,
      `${this.path}.headersFooters`,
      () => this.resolveEntity(),
    ));
  }
}

export class FakeHeaderFooterGroup extends FakeClientObject<SheetModel> {
  protected readonly typeName = "HeaderFooterGroup";
  protected readonly minApi = "1.9";
  readonly defaultForAllPages: FakeHeaderFooter;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel) {
    super(ctx, path, resolver);
    this.defaultForAllPages = new FakeHeaderFooter(ctx, `${path}.defaultForAllPages`, () => this.resolveEntity());
  }

  protected readers(): Readers<SheetModel> {
    return { state: () => "Default" };
  }

  protected navigation(name: string): Loadable | undefined {
    return name === "defaultForAllPages" ? this.defaultForAllPages : undefined;
  }
}

/** Excel refuses header/footer sections longer than 255 characters. */
const MAX_HEADER_FOOTER = 255;

export class FakeHeaderFooter extends FakeClientObject<SheetModel> {
  protected readonly typeName = "HeaderFooter";
  protected readonly minApi = "1.9";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<SheetModel> {
    const hf = (key: keyof HeadersFooters) => (s: SheetModel) => s.pageLayout.headersFooters[key];
    return {
      leftHeader: hf("leftHeader"),
      centerHeader: hf("centerHeader"),
      rightHeader: hf("rightHeader"),
      leftFooter: hf("leftFooter"),
      centerFooter: hf("centerFooter"),
      rightFooter: hf("rightFooter"),
    };
  }

  private section(key: keyof HeadersFooters, v: unknown): void {
    this.assign(key, v, (s) => {
      if (typeof v !== "string" || v.length > MAX_HEADER_FOOTER) {
        throw invalidArgument(`${this.path}.${key} must be text of at most ${MAX_HEADER_FOOTER} characters`);
      }
      s.pageLayout.headersFooters[key] = v;
    });
  }

  get leftHeader(): string {
    return this.read("leftHeader");
  }
  set leftHeader(v: string) {
    this.section("leftHeader", v);
  }
  get centerHeader(): string {
    return this.read("centerHeader");
  }
  set centerHeader(v: string) {
    this.section("centerHeader", v);
  }
  get rightHeader(): string {
    return this.read("rightHeader");
  }
  set rightHeader(v: string) {
    this.section("rightHeader", v);
  }
  get leftFooter(): string {
    return this.read("leftFooter");
  }
  set leftFooter(v: string) {
    this.section("leftFooter", v);
  }
  get centerFooter(): string {
    return this.read("centerFooter");
  }
  set centerFooter(v: string) {
    this.section("centerFooter", v);
  }
  get rightFooter(): string {
    return this.read("rightFooter");
  }
  set rightFooter(v: string) {
    this.section("rightFooter", v);
  }
}
