/**
 * Charts for the Excel fake: `worksheet.charts.add(type, sourceData, seriesBy)`, the chart's name,
 * title, axis titles, position (`setPosition`), series names and `delete()`.
 *
 * Strict where Excel is: an unknown chart type or seriesBy, a source range that is not a range of
 * this workbook, titles that are not text (or longer than Excel's 255 characters), a position whose
 * end lies above or left of its start, a chart used after it was deleted — each fails the sync.
 *
 * The series are decided when the chart is created, from the source cells as they are at that sync,
 * the way Excel guesses them: the first column holds the category labels when its cells below the
 * header are text (or the top-left cell is empty), the first row holds the series names when its
 * cells are text. So years written as numbers in the first column become a series of their own, as
 * they do in Excel. Formula cells count as numbers (the fake does not calculate).
 *
 * Charts are kept per sheet model (a WeakMap, so a deleted sheet takes its charts with it).
 */
import { FakeClientObject, FakeCollection, FakeRequestContext, Loadable, Readers } from "./fakeClientObject";
import { FakeOfficeError, invalidArgument } from "./fakeErrors";
import { Rect, formatRect, isInsideSheet } from "./fakeAddress";
import type { SheetModel } from "./fakeSheet";
import { expectOneOf } from "./fakeRangeOps";
import { FakeRange, RangeEntity, rangeOnSheet } from "./fakeRangeProxies";

/** Excel.ChartType values the fake accepts (a subset of Excel's, all real). */
export const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineStacked",
  "LineStacked100",
  "LineMarkers",
  "LineMarkersStacked",
  "LineMarkersStacked100",
  "Area",
  "AreaStacked",
  "AreaStacked100",
  "Pie",
  "Doughnut",
  "XYScatter",
];
const SERIES_BY = ["Auto", "Columns", "Rows"];
/** Excel's limit for a chart or axis title. */
export const MAX_CHART_TITLE = 255;

export interface SeriesModel {
  name: string;
  /** Where the series' values are (on the source sheet). */
  values: Rect;
  /** The category labels, or null when Excel numbers the categories 1, 2, 3. */
  categories: Rect | null;
}

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  seriesBy: "Columns" | "Rows";
  /** The sheet the chart is on. */
  sheet: SheetModel;
  sourceSheet: SheetModel;
  source: Rect;
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** Top-left and bottom-right cells it covers; null until setPosition (Excel's default place). */
  position: { from: Rect; to: Rect } | null;
  series: SeriesModel[];
  deleted: boolean;
}

const chartsBySheet = new WeakMap<SheetModel, ChartModel[]>();
let nextChartId = 1;

/** The live charts of a sheet, in creation order. */
export function sheetCharts(sheet: SheetModel): ChartModel[] {
  let list = chartsBySheet.get(sheet);
  if (!list) {
    list = [];
    chartsBySheet.set(sheet, list);
  }
  return list;
}

function isLabel(sheet: SheetModel, row: number, col: number): boolean {
  const cell = sheet.cell(row, col);
  return cell !== undefined && cell.formula === null && typeof cell.value === "string" && cell.value.trim() !== "";
}

function isEmpty(sheet: SheetModel, row: number, col: number): boolean {
  const cell = sheet.cell(row, col);
  return !cell || (cell.formula === null && cell.value === "");
}

/** Excel's guess of the series of a chart over `source` (see the header). */
export function inferSeries(sheet: SheetModel, source: Rect, by: "Columns" | "Rows"): SeriesModel[] {
  // Work in "series are columns" terms; for Rows, swap the roles of rows and columns.
  const at = (i: number, j: number) => (by === "Columns" ? { row: source.row + i, col: source.col + j } : { row: source.row + j, col: source.col + i });
  const along = by === "Columns" ? source.rows : source.cols; // cells per series
  const across = by === "Columns" ? source.cols : source.rows; // number of candidate series
  const label = (i: number, j: number) => {
    const p = at(i, j);
    return isLabel(sheet, p.row, p.col);
  };
  const topLeftEmpty = isEmpty(sheet, source.row, source.col);
  let categoryLabels = across > 1 && along > 1;
  for (let i = 1; i < along && categoryLabels; i++) if (!label(i, 0)) categoryLabels = false;
  categoryLabels = across > 1 && (topLeftEmpty || categoryLabels);
  const firstSeries = categoryLabels ? 1 : 0;
  let nameLabels = along > 1;
  for (let j = firstSeries; j < across && nameLabels; j++) if (!label(0, j)) nameLabels = false;
  nameLabels = along > 1 && (topLeftEmpty || nameLabels);
  const firstValue = nameLabels ? 1 : 0;
  const rect = (i0: number, j: number, n: number): Rect => {
    const p = at(i0, j);
    return by === "Columns" ? { row: p.row, col: p.col, rows: n, cols: 1 } : { row: p.row, col: p.col, rows: 1, cols: n };
  };
  const series: SeriesModel[] = [];
  for (let j = firstSeries; j < across; j++) {
    const p = at(0, j);
    const cell = sheet.cell(p.row, p.col);
    series.push({
      name: nameLabels ? String(cell?.value ?? "") : `Series${series.length + 1}`,
      values: rect(firstValue, j, along - firstValue),
      categories: categoryLabels ? rect(firstValue, 0, along - firstValue) : null,
    });
  }
  return series;
}

function titleText(v: unknown, where: string): string {
  if (typeof v !== "string" || v.length > MAX_CHART_TITLE) {
    throw invalidArgument(`${where} must be text of at most ${MAX_CHART_TITLE} characters`);
  }
  return v;
}

function cellsOf(sheet: SheetModel, input: unknown, path: string, ctx: FakeRequestContext): RangeEntity {
  if (input instanceof FakeRange) {
    if (input.context !== ctx) throw new FakeOfficeError("InvalidRequestContext", input.path);
    return input.resolveEntity();
  }
  if (typeof input === "string") return rangeOnSheet(sheet, input);
  throw invalidArgument(`${path} needs a Range or an address`);
}

export class FakeChartCollection extends FakeCollection<SheetModel, FakeChart> {
  protected readonly typeName = "ChartCollection";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel) {
    super(ctx, path, resolver);
  }

  protected members(sheet: SheetModel): FakeChart[] {
    return sheetCharts(sheet).map((c) => new FakeChart(this.ctx, `${this.path}.items[${c.id}]`, () => c));
  }

  /** By name (Excel compares chart names without regard to case); ItemNotFound at sync if missing. */
  getItem(name: string): FakeChart {
    return new FakeChart(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => {
      const chart = sheetCharts(this.resolveEntity()).find((c) => c.name.toUpperCase() === String(name).toUpperCase());
      if (!chart) throw new FakeOfficeError("ItemNotFound", `no chart "${name}"`);
      return chart;
    });
  }

  add(type: unknown, sourceData: unknown, seriesBy: unknown = "Auto"): FakeChart {
    if (sourceData instanceof FakeRange) this.sameContext(sourceData);
    let created: ChartModel | null = null;
    const path = `${this.path}.add(${JSON.stringify(type)})`;
    const proxy = new FakeChart(this.ctx, path, () => {
      if (!created) throw new FakeOfficeError("GeneralException", `${path} used before the statement creating it ran`);
      return created;
    });
    this.invoke("add", [type, sourceData, seriesBy], (sheet) => {
      const chartType = expectOneOf(type, `${path}.type`, CHART_TYPES);
      const by = expectOneOf(seriesBy, `${path}.seriesBy`, SERIES_BY);
      const source = cellsOf(sheet, sourceData, `${path}.sourceData`, this.ctx);
      if (!isInsideSheet(source.rect) || source.rect.rows * source.rect.cols > 1_000_000) {
        throw invalidArgument(`${path}: cannot chart ${formatRect(source.rect)}`);
      }
      const resolved = by === "Auto" ? (source.rect.rows >= source.rect.cols ? "Columns" : "Rows") : (by as "Columns" | "Rows");
      const series = inferSeries(source.sheet, source.rect, resolved);
      if (series.length === 0) throw invalidArgument(`${path}: the source range holds no series`);
      if (series.length > 255) throw invalidArgument(`${path}: a chart has at most 255 series`);
      const list = sheetCharts(sheet);
      created = {
        id: String(nextChartId++),
        name: `Chart ${list.length + 1}`,
        chartType,
        seriesBy: resolved,
        sheet,
        sourceSheet: source.sheet,
        source: source.rect,
        title: "",
        categoryAxisTitle: "",
        valueAxisTitle: "",
        position: null,
        series,
        deleted: false,
      };
      list.push(created);
    });
    return proxy;
  }
}

export class FakeChart extends FakeClientObject<ChartModel> {
  protected readonly typeName = "Chart";
  private titleProxy?: FakeChartTitle;
  private axesProxy?: FakeChartAxes;
  private seriesProxy?: FakeChartSeriesCollection;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => ChartModel | null) {
    super(ctx, path, resolver);
  }

  protected isAlive(c: ChartModel): boolean {
    return !c.deleted && !c.sheet.deleted;
  }

  protected readers(): Readers<ChartModel> {
    return { id: (c) => c.id, name: (c) => c.name, chartType: (c) => c.chartType };
  }

  protected navigation(name: string): Loadable | undefined {
    if (name === "title") return this.title;
    if (name === "series") return this.series;
    return undefined;
  }

  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.assign("name", v, (c) => {
      if (typeof v !== "string" || v.trim() === "" || v.length > MAX_CHART_TITLE) throw invalidArgument(`${this.path}.name must be non-empty text`);
      c.name = v;
    });
  }
  get chartType(): string {
    return this.read("chartType");
  }

  get title(): FakeChartTitle {
    return (this.titleProxy ??= new FakeChartTitle(this.ctx, `${this.path}.title`, () => this.resolveEntity(), "title"));
  }
  get axes(): FakeChartAxes {
    return (this.axesProxy ??= new FakeChartAxes(this.ctx, `${this.path}.axes`, () => this.resolveEntity()));
  }
  get series(): FakeChartSeriesCollection {
    return (this.seriesProxy ??= new FakeChartSeriesCollection(this.ctx, `${this.path}.series`, () => this.resolveEntity()));
  }

  /** Moves the chart to cover `startCell` (its top-left) through `endCell` (its bottom-right). */
  setPosition(startCell: unknown, endCell?: unknown): void {
    for (const c of [startCell, endCell]) if (c instanceof FakeRange) this.sameContext(c);
    this.invoke("setPosition", endCell === undefined ? [startCell] : [startCell, endCell], (chart) => {
      const sheet = chart.sheet;
      const start = cellsOf(sheet, startCell, `${this.path}.setPosition`, this.ctx);
      const end = endCell === undefined ? start : cellsOf(sheet, endCell, `${this.path}.setPosition`, this.ctx);
      if (start.sheet !== sheet || end.sheet !== sheet) throw invalidArgument(`${this.path}.setPosition: the cells must be on the chart's sheet`);
      const from: Rect = { row: start.rect.row, col: start.rect.col, rows: 1, cols: 1 };
      const to: Rect = { row: end.rect.row + end.rect.rows - 1, col: end.rect.col + end.rect.cols - 1, rows: 1, cols: 1 };
      if (to.row < from.row || to.col < from.col) throw invalidArgument(`${this.path}.setPosition: the end cell is above or left of the start cell`);
      chart.position = { from, to };
    });
  }

  delete(): void {
    this.invoke("delete", [], (chart) => {
      chart.deleted = true;
      const list = sheetCharts(chart.sheet);
      list.splice(list.indexOf(chart), 1);
    });
  }
}

export class FakeChartTitle extends FakeClientObject<ChartModel> {
  protected readonly typeName = "ChartTitle";

  constructor(
    ctx: FakeRequestContext,
    path: string,
    resolver: () => ChartModel,
    private readonly which: "title" | "categoryAxisTitle" | "valueAxisTitle",
  ) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<ChartModel> {
    return { text: (c) => c[this.which] };
  }

  get text(): string {
    return this.read("text");
  }
  set text(v: string) {
    this.assign("text", v, (c) => {
      c[this.which] = titleText(v, `${this.path}.text`);
    });
  }
}

export class FakeChartAxes extends FakeClientObject<ChartModel> {
  protected readonly typeName = "ChartAxes";
  readonly categoryAxis: FakeChartAxis;
  readonly valueAxis: FakeChartAxis;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => ChartModel) {
    super(ctx, path, resolver);
    this.categoryAxis = new FakeChartAxis(ctx, `${path}.categoryAxis`, () => this.resolveEntity(), "categoryAxisTitle");
    this.valueAxis = new FakeChartAxis(ctx, `${path}.valueAxis`, () => this.resolveEntity(), "valueAxisTitle");
  }

  protected readers(): Readers<ChartModel> {
    return {};
  }
}

export class FakeChartAxis extends FakeClientObject<ChartModel> {
  protected readonly typeName = "ChartAxis";
  readonly title: FakeChartTitle;

  constructor(ctx: FakeRequestContext, path: string, resolver: () => ChartModel, which: "categoryAxisTitle" | "valueAxisTitle") {
    super(ctx, path, resolver);
    this.title = new FakeChartTitle(ctx, `${path}.title`, () => this.resolveEntity(), which);
  }

  protected readers(): Readers<ChartModel> {
    return {};
  }
}

export class FakeChartSeriesCollection extends FakeCollection<ChartModel, FakeChartSeries> {
  protected readonly typeName = "ChartSeriesCollection";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => ChartModel) {
    super(ctx, path, resolver);
  }

  protected members(chart: ChartModel): FakeChartSeries[] {
    return chart.series.map((s, i) => new FakeChartSeries(this.ctx, `${this.path}.items[${i}]`, () => s));
  }
}

export class FakeChartSeries extends FakeClientObject<SeriesModel> {
  protected readonly typeName = "ChartSeries";

  constructor(ctx: FakeRequestContext, path: string, resolver: () => SeriesModel) {
    super(ctx, path, resolver);
  }

  protected readers(): Readers<SeriesModel> {
    return { name: (s) => s.name };
  }

  get name(): string {
    return this.read("name");
  }
}
