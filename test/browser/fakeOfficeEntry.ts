/**
 * Browser entry for the strict Office.js fake: bundled by esbuild (IIFE) at test time and served in place
 * of https://appsforoffice.microsoft.com/lib/1/hosted/office.js. It installs `Office`, `Excel` and
 * `OfficeExtension` on window, configured from `window.__samkalkFakeOptions` (set by the test with
 * page.addInitScript before the page loads), and exposes a small read-only probe as
 * `window.__samkalkFake` for page.evaluate.
 */
import { installFakeOffice } from "../fakes/excelFake";

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
}

type FakeWindow = Window & { __samkalkFakeOptions?: FakeOptions; __samkalkFake?: FakeProbe };

const w = window as FakeWindow;
const options = w.__samkalkFakeOptions ?? { displayLanguage: "sv-SE" };
const fake = installFakeOffice(window, {
  displayLanguage: options.displayLanguage,
  settings: options.settings,
  ...(options.maxExcelApi ? { maxExcelApi: options.maxExcelApi } : {}),
});

w.__samkalkFake = {
  sheetNames: () => fake.inspect.sheetNames(),
  sheetValues: (sheetName) => fake.inspect.sheetValues(sheetName),
  setting: (key) => fake.inspect.savedSettings()[key],
  tableNames: () => fake.inspect.tables().map((t) => t.name),
  syncs: () => fake.stats.syncs,
};
