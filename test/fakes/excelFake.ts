/**
 * A strict in-memory fake of the part of Office.js (Excel) that Samkalk's Office host uses.
 *
 * Why not office-addin-mock: a mock returns whatever you read and applies whatever you write at
 * once, so code that forgets `load` + `context.sync()`, reads stale proxies, writes outside text as
 * formulas, or makes one round trip per row passes there and fails (or crawls) in Excel. This fake
 * enforces the rules real Excel enforces:
 *
 *  - Reading a property of a proxy (`range.values`, `sheet.name`, `collection.items`,
 *    `isNullObject`, ...) before it was loaded and synced throws PropertyNotLoaded.
 *  - Writes and method calls are queued and applied in order at `context.sync()`. Invalid ones
 *    reject that sync with an OfficeExtension.Error-like error (`code` InvalidArgument,
 *    ItemAlreadyExists, ItemNotFound, ...): Excel's sheet-name rules (≤ 31 chars, none of
 *    []:*?/\, unique ignoring case), table-name rules and uniqueness, overlapping tables, 2-D
 *    arrays whose shape does not match the range, unknown colors/styles/enums, bad validation
 *    rules, `getItem` of a missing item. Statements before the failing one stay applied, as in Excel.
 *  - Every request is counted and measured (UTF-8 length of the JSON of its statements, including
 *    the 2-D arrays written): see `stats`. A request over 5 MB (Excel on the web's limit) is refused
 *    with RequestPayloadSizeLimitExceeded; a response over it with ResponsePayloadSizeLimitExceeded.
 *  - Text assigned through `values` or `formulas` is parsed as Excel parses it: "=", "+", "-" and
 *    "@" start formulas, numeric text becomes a number, "TRUE" a boolean, an ISO date a date serial;
 *    a leading apostrophe stores the rest as text. `null` in a 2-D array leaves that cell alone.
 *  - API sets: statements of `pageLayout` need ExcelApi 1.9, `dataValidation` 1.8, `freezePanes`
 *    1.7; on an older host (`maxExcelApi`) they fail with ApiNotFound, and
 *    `Office.context.requirements.isSetSupported` answers accordingly.
 *  - The selection: `workbook.getSelectedRange()` is the active sheet's selection, which the test
 *    sets with `user.select(sheet, address)` (each sheet keeps its own, A1 at first).
 *  - Merged cells: the test merges with `user.merge(sheet, address)`; `range.getMergedAreasOrNullObject()`
 *    (ExcelApi 1.13) is a RangeAreas with `address`, `areaCount` and `areas.items` (the whole merged areas
 *    that overlap the range), a null object when there are none. The add-in cannot merge or unmerge.
 *  - Row heights: `format.autofitRows()` fits each row of the range to the cells of the range (wrapped
 *    text by its column's width and font size, an approximation of Excel's); `inspect.rowHeight`.
 *  - Excel.run flushes what is still queued when the batch resolves (that counts as a sync);
 *    a context used after its run has finished fails.
 *
 *  - Charts (fakeCharts.ts): `worksheet.charts.add(type, sourceData, seriesBy)`, name, title, axis
 *    titles, `setPosition`, series names as Excel guesses them from the source, `delete`;
 *    `inspect.charts(sheet)`. Chart formatting, legends and data labels are not modelled.
 *
 * Not modelled (and refused with code "FakeNotSupported" where relevant): formula evaluation
 * (`values` of a formula cell reads as "#NOT_CALCULATED!" unless `evaluateFormula` is given),
 * events, named items, RangeAreas other than merged areas (and so multi-area selections), tables without headers,
 * list sources given as ranges, row heights set by hand.
 *
 * No Node imports: the fake is also bundled (esbuild, IIFE) for browser tests; such an entry calls
 * installFakeOffice(window, options) and keeps the returned handle for assertions.
 */
import { FakeRequestContext, FakeEnvironment, SyncStats } from "./fakeClientObject";
import { FakeOfficeError } from "./fakeErrors";
import { BookModel } from "./fakeBook";
import { FormulaEvaluator } from "./fakeRangeOps";
import { FakeSettings } from "./fakeSettings";
import { FakeInspector, FakeUser } from "./fakeInspect";
import { FakeWorkbook } from "./fakeSheetProxies";
import { EXCEL_ENUMS, OFFICE_ENUMS } from "./fakeEnums";

export { FakeOfficeError } from "./fakeErrors";
export type { FakeErrorCode } from "./fakeErrors";
export type { SyncStats } from "./fakeClientObject";
export type { CellView, ChartView, SheetView, TableView, ValidationView } from "./fakeInspect";
export { FakeInspector, FakeUser } from "./fakeInspect";
export { FakeSettings } from "./fakeSettings";
export type { FormulaEvaluator } from "./fakeRangeOps";

export interface FakeOfficeOptions {
  /** Highest ExcelApi requirement set the simulated host supports. Default "1.9". */
  maxExcelApi?: string;
  /** Office.context.displayLanguage. Default "sv-SE". */
  displayLanguage?: string;
  /** Office.context.platform. Default "OfficeOnline" (Excel on the web, the strictest limits). */
  platform?: string;
  /** Sheets of the new workbook. Default ["Blad1"]. */
  sheets?: string[];
  /** Request/response size limit in bytes. Default 5 000 000 (Excel on the web: 5 MB). */
  payloadLimitBytes?: number;
  /** Value a formula cell reads as through `range.values`. Default: the text NOT_CALCULATED. */
  evaluateFormula?: FormulaEvaluator;
  /** Document settings already saved in the workbook. */
  settings?: Record<string, unknown>;
  /**
   * Reproduce a known Excel on the web bug (OfficeDev/office-js#930, not in the docs): `activate()` on a
   * sheet queued in the same batch as the `worksheets.add` that made it leaves the old sheet active.
   * Default false (the documented behaviour: the new sheet becomes active).
   */
  activateIgnoredInAddingBatch?: boolean;
}

export type FakeExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface FakeOfficeGlobal {
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  AsyncResultStatus: Record<string, string>;
  context: {
    host: string;
    platform: string;
    displayLanguage: string;
    contentLanguage: string;
    document: { settings: FakeSettings; url: string };
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
}

export interface FakeExcelGlobal extends Record<string, unknown> {
  run: FakeExcelRun;
}

export interface FakeOffice {
  Office: FakeOfficeGlobal;
  Excel: FakeExcelGlobal;
  OfficeExtension: { Error: typeof FakeOfficeError };
  /** Excel.run of this fake workbook, to inject into code under test. */
  run: FakeExcelRun;
  /** Live counters: the same object is updated by every sync. */
  stats: SyncStats;
  resetStats(): void;
  settings: FakeSettings;
  inspect: FakeInspector;
  user: FakeUser;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** What a formula cell reads as through `range.values` unless `evaluateFormula` is given. */
export const NOT_CALCULATED = "#NOT_CALCULATED!";

const notCalculated: FormulaEvaluator = () => NOT_CALCULATED;

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

/** A fresh fake workbook with its Office and Excel objects, without touching any globals. */
export function createFakeOffice(options: FakeOfficeOptions = {}): FakeOffice {
  const maxExcelApi = options.maxExcelApi ?? "1.9";
  const platform = options.platform ?? "OfficeOnline";
  const displayLanguage = options.displayLanguage ?? "sv-SE";
  const book = new BookModel(options.sheets ?? ["Blad1"]);
  const stats: SyncStats = { syncs: 0, payloadBytes: [] };
  const settings = new FakeSettings(options.settings);
  const env: FakeEnvironment = {
    book,
    stats,
    payloadLimitBytes: options.payloadLimitBytes ?? 5_000_000,
    apiSupported: (version) => compareVersions(version, maxExcelApi) <= 0,
    evaluate: options.evaluateFormula ?? notCalculated,
    batch: 0,
    activateIgnoredInAddingBatch: options.activateIgnoredInAddingBatch ?? false,
  };

  const run: FakeExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    if (typeof batch !== "function") {
      throw new FakeOfficeError("FakeNotSupported", "only Excel.run(batch) is modelled");
    }
    const ctx = new FakeRequestContext(env, (c) => new FakeWorkbook(c));
    try {
      const returned: unknown = batch(ctx as unknown as Excel.RequestContext);
      if (!isThenable(returned)) throw new FakeOfficeError("RunMustReturnPromise");
      const result = (await returned) as T;
      await ctx.sync();
      return result;
    } finally {
      ctx.closed = true;
    }
  };

  const Office: FakeOfficeGlobal = {
    ...OFFICE_ENUMS,
    context: {
      host: "Excel",
      platform,
      displayLanguage,
      contentLanguage: displayLanguage,
      document: { settings, url: "https://fake.example/Samkalk.xlsx" },
      requirements: {
        isSetSupported(name: string, minVersion?: string): boolean {
          if (name.toLowerCase() !== "excelapi") return false;
          return minVersion === undefined || compareVersions(minVersion, maxExcelApi) <= 0;
        },
      },
    },
    onReady(callback) {
      const info = { host: "Excel", platform };
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
  };

  return {
    Office,
    Excel: { ...EXCEL_ENUMS, run },
    OfficeExtension: { Error: FakeOfficeError },
    run,
    stats,
    resetStats() {
      stats.syncs = 0;
      stats.payloadBytes.length = 0;
    },
    settings,
    inspect: new FakeInspector(book, settings),
    user: new FakeUser(book),
  };
}

/**
 * Creates a fake workbook and exposes it as the globals `Office`, `Excel` and `OfficeExtension` on
 * `target` (globalThis in jest, window in a browser). Returns the handle for inspection.
 */
export function installFakeOffice(target: object, options: FakeOfficeOptions = {}): FakeOffice {
  const fake = createFakeOffice(options);
  Object.assign(target, { Office: fake.Office, Excel: fake.Excel, OfficeExtension: fake.OfficeExtension });
  return fake;
}

export function uninstallFakeOffice(target: object): void {
  const t = target as Record<string, unknown>;
  delete t.Office;
  delete t.Excel;
  delete t.OfficeExtension;
}
