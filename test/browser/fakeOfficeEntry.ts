/**
 * Browser entry for the strict Office.js fake, shared by the browser tests: bundled by esbuild (IIFE) at
 * test time and served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It
 * installs `Office`, `Excel` and `OfficeExtension` on window, configured from
 * `window.__samkalkFakeOptions` (set by the test with page.addInitScript before the page loads), and
 * exposes a small read-only probe as `window.__samkalkFake` for page.evaluate, and the user's hands as
 * `window.__samkalkUser`: typing into cells, adding sheets and selecting cells, applied at once as if
 * done in Excel (test/fakes/fakeInspect.ts, FakeUser).
 */
import { installFakeOffice } from "../fakes/excelFake";
import type { BookModel } from "../fakes/fakeBook";
import { parseAddress } from "../fakes/fakeAddress";

export interface FakeOptions {
  /** Office.context.displayLanguage, e.g. "sv-SE" or "en-US". */
  displayLanguage: string;
  /** Document settings already saved in the workbook (as if a colleague had used Samkalk on it). */
  settings?: Record<string, unknown>;
  /** Highest ExcelApi set the simulated Excel supports (default: the fake's). */
  maxExcelApi?: string;
}

/** What the browser test may read from the fake workbook. Values are JSON-serialisable. */
export interface FakeProbe {
  sheetNames(): string[];
  /** Contents of the used range of a sheet (formula text for formula cells). */
  sheetValues(sheetName: string): (string | number | boolean)[][];
  /** A document setting as a reopened workbook would see it (undefined if not saved). */
  setting(key: string): unknown;
  tableNames(): string[];
  syncs(): number;
  /** Every table: name, sheet and A1 address (header row included). */
  tables(): { name: string; sheet: string; address: string }[];
  /** The name of the sheet Excel shows (null when there is none). */
  activeSheet(): string | null;
}

export interface FakeUserHands {
  /**
   * Types into a cell ("=..." a formula, "12" a number, as Excel parses typing). Typed directly below a
   * table, inside its columns, the table grows by that row, as Excel's AutoCorrect "include new rows"
   * does (on by default).
   */
  editCell(sheetName: string, address: string, input: string | number | boolean): void;
  addSheet(name: string): void;
  /** Selects cells (that sheet becomes the active one). */
  select(sheetName: string, address: string): void;
}

type FakeWindow = Window & { __samkalkFakeOptions?: FakeOptions; __samkalkFake?: FakeProbe; __samkalkUser?: FakeUserHands };

const w = window as FakeWindow;
const options = w.__samkalkFakeOptions ?? { displayLanguage: "sv-SE" };
const fake = installFakeOffice(window, {
  displayLanguage: options.displayLanguage,
  settings: options.settings,
  ...(options.maxExcelApi ? { maxExcelApi: options.maxExcelApi } : {}),
});

/**
 * Excel's table auto-expansion, which FakeUser does not model: the fake's workbook model is reached
 * through the user object (a private field at compile time only) and the table's rectangle grown.
 */
function autoExpandTable(sheetName: string, address: string): void {
  const book = (fake.user as unknown as { book?: BookModel }).book;
  const cell = parseAddress(address)?.rect;
  if (!book || !cell) return;
  for (const t of book.liveTables()) {
    const r = t.rect;
    const below = cell.row === r.row + r.rows && cell.col >= r.col && cell.col < r.col + r.cols;
    if (below && !t.showTotals && t.sheet.name.toUpperCase() === sheetName.toUpperCase()) {
      t.rect = { ...r, rows: r.rows + 1 };
      return;
    }
  }
}

w.__samkalkFake = {
  sheetNames: () => fake.inspect.sheetNames(),
  sheetValues: (sheetName) => fake.inspect.sheetValues(sheetName),
  setting: (key) => fake.inspect.savedSettings()[key],
  tableNames: () => fake.inspect.tables().map((t) => t.name),
  syncs: () => fake.stats.syncs,
  tables: () => fake.inspect.tables().map((t) => ({ name: t.name, sheet: t.sheet, address: t.address })),
  activeSheet: () => (fake.user as unknown as { book?: BookModel }).book?.activeSheet?.name ?? null,
};

w.__samkalkUser = {
  editCell(sheetName, address, input) {
    const before = JSON.stringify(fake.inspect.tables());
    fake.user.editCell(sheetName, address, input);
    // Only if the fake did not grow the table itself.
    if (JSON.stringify(fake.inspect.tables()) === before) autoExpandTable(sheetName, address);
  },
  addSheet(name) {
    fake.user.addSheet(name);
  },
  select(sheetName, address) {
    fake.user.select(sheetName, address);
  },
};
