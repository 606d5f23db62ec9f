/**
 * SCB tables into the workbook as tidy table sheets ("SCB <titel>"), each recorded in Källor:
 *  - importExtractFromSelection: an extract the analyst pasted into a sheet and selected;
 *  - importExtractFile: a file from the task pane's file picker (web CSV, json-stat2, PX-JSON);
 *  - fetchScbTable: a table fetched by the live SCB client (FetchRows).
 * Input is read and checked before the workbook is touched: bad input changes nothing.
 */
import { InputError } from "../../domain/errors";
import type { TidyTable } from "../../domain/scb/tidy";
import type { SheetState, WorkbookHost } from "../../hosts/host";
import { columnLetters } from "../../domain/a1";
import { scbSheetName } from "../../sheets/scb/common";
import { buildTidySheet, assertFitsOnSheet, TidySheetInput } from "../../sheets/scb/tidySheet";
import { ScbApiError } from "../../sources/scb/api/errors";
import { parseExtract } from "../../sources/scb/extract";
import type { Cell } from "../../sources/scb/grid";
import { readScbFile } from "../../sources/scb/tidyCsv";
import {
  CANCELLED,
  FetchRows,
  KallaInfo,
  ScbJobOptions,
  ScbOutcome,
  fail,
  freeSheetName,
  isAbort,
  kallaText,
  kallorRad,
  keepEditedCopy,
  prepareKallor,
  prepareOwnedSheet,
  failOf,
  writeKallor,
} from "./kallor";

export * from "./kallor";

export interface WriteScbTableOptions extends ScbJobOptions {
  /** Default "SCB <title or table id>". */
  sheetName?: string;
  /**
   * "new" (imports): a new sheet, numbered if the name is taken. "replace" (fetches): the Samkalk sheet
   * of that name is written over (an edited one is first kept as the user's copy).
   */
  mode: "new" | "replace";
  /** Shown in red under the title (e.g. synthetic data). */
  varning?: string;
  /** Warnings from reading the input, passed on to the outcome and Källor. */
  varningar?: string[];
}

const absent = (sheetName: string): SheetState => ({ sheetName, exists: false, ownedBySamkalk: false, tables: {}, tableHeaders: {}, editedSinceWritten: null });

/** Writes a tidy table as its own sheet and records it in Källor. */
export async function writeScbTable(host: WorkbookHost, table: TidyTable, kalla: KallaInfo, opts: WriteScbTableOptions): Promise<ScbOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  const varningar = [...(opts.varningar ?? [])];
  try {
    if (table.rows.length === 0) throw new InputError([{ plats: kalla.tabell, meddelande: "Tabellen har inga värden." }]);
    const name = opts.sheetName ?? scbSheetName(kalla.titel || kalla.tabell);
    const input = (sheetName: string): TidySheetInput => ({
      sheetName,
      title: kalla.titel || kalla.tabell,
      kallaText: kallaText(kalla),
      varning: opts.varning,
      table,
    });
    assertFitsOnSheet(input(name));
    progress("Läser arbetsboken", 0.75);
    const kallor = await prepareKallor(host);
    let state: SheetState;
    let sheetName = name;
    if (opts.mode === "new") {
      sheetName = await freeSheetName(host, name);
      state = absent(sheetName);
    } else {
      state = await keepEditedCopy(host, await prepareOwnedSheet(host, name), varningar);
    }
    progress("Skriver bladet", 0.8);
    const report = await host.writeSheet(buildTidySheet(input(sheetName)), state);
    const rad = kallorRad(kalla, table.rows.length, [sheetName], varningar.join(" "));
    const kallorReport = await writeKallor(host, kallor, [rad]);
    progress("Klart", 1);
    return { ok: true, sheets: [sheetName, kallorReport.sheetName], rows: table.rows.length, varningar, kalla: rad, reports: [report, kallorReport] };
  } catch (e) {
    return failOf(e);
  }
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * The selected range, if it is an SCB extract (title, header, rows), as a tidy table sheet. A selection
 * that is empty or not an SCB extract gives a Swedish message saying what and where; nothing is written.
 */
export async function importExtractFromSelection(host: WorkbookHost, opts: ScbJobOptions = {}): Promise<ScbOutcome> {
  if (!host.readSelection) return fail([{ meddelande: "Markeringen kan bara läsas när Samkalk körs i Excel." }]);
  let sel;
  try {
    sel = await host.readSelection();
  } catch (e) {
    return failOf(e, "Markeringen kunde inte läsas");
  }
  const rows = sel.values.length;
  const cols = rows > 0 ? sel.values[0].length : 0;
  const address = rows * cols <= 1 ? sel.topLeft : `${sel.topLeft}:${columnLetters(sel.col + cols - 1)}${sel.row + rows}`;
  const plats = `bladet "${sel.sheetName}", ${rows * cols <= 1 ? "cell" : "området"} ${address}`;
  if (sel.values.every((line) => line.every(isBlank))) {
    return fail([
      {
        plats,
        meddelande: `Markeringen är tom. Klistra in SCB-tabellen, markera den (titelraden, rubrikraden och alla rader med värden) och välj Rensa SCB-utdrag igen.`,
      },
    ]);
  }
  if (rows * cols === 1) {
    return fail([{ plats, meddelande: "Bara en cell är markerad. Markera hela SCB-tabellen – titelraden, rubrikraden och alla rader med värden." }]);
  }
  const cells: Cell[][] = sel.values.map((line) => line.map((v) => (typeof v === "boolean" ? String(v) : v)));
  let parsed;
  try {
    parsed = parseExtract(cells, { start: { rad: sel.row + 1, kolumn: sel.col + 1 }, kalla: `bladet "${sel.sheetName}"` });
  } catch (e) {
    if (e instanceof InputError) {
      return fail([{ plats, meddelande: "Markeringen kunde inte läsas som en SCB-tabell, så inget har skrivits:" }, ...e.problems]);
    }
    return failOf(e, "Markeringen kunde inte läsas");
  }
  const today = opts.today ?? new Date();
  const title = parsed.meta.title ?? parsed.meta.innehall;
  const kalla: KallaInfo = { typ: "Inklistrat utdrag", tabell: `${sel.sheetName}!${address}`, titel: title, hamtad: today };
  return writeScbTable(host, parsed, kalla, { ...opts, mode: "new", sheetName: scbSheetName(title ?? "utdrag"), varningar: parsed.meta.varningar });
}

/** A file the user picked (web extract CSV, json-stat2 or PX-JSON) as a tidy table sheet. */
export async function importExtractFile(host: WorkbookHost, bytes: Uint8Array, fileName: string, opts: ScbJobOptions = {}): Promise<ScbOutcome> {
  let table;
  try {
    table = readScbFile(bytes, fileName);
  } catch (e) {
    if (e instanceof InputError) return fail([{ plats: fileName, meddelande: "Filen kunde inte läsas som en SCB-tabell, så inget har skrivits:" }, ...e.problems]);
    return failOf(e, "Filen kunde inte läsas", "file");
  }
  const kalla: KallaInfo = { typ: "Fil", tabell: fileName, titel: table.title ?? table.tableId, hamtad: opts.today ?? new Date() };
  const base = table.title ?? table.tableId ?? fileName.replace(/\.[^.]+$/, "");
  return writeScbTable(host, table, kalla, { ...opts, mode: "new", sheetName: scbSheetName(base), varningar: table.varningar });
}

export interface FetchOptions extends ScbJobOptions {
  signal?: AbortSignal;
}

/**
 * Runs a fetch with progress 0–0.7 and cancellation: the whole table or nothing. Throws InputError
 * (with CANCELLED when aborted) so that callers write nothing.
 */
export async function runFetch(fetch: FetchRows, opts: FetchOptions) {
  const progress = opts.onProgress ?? (() => undefined);
  const signal = opts.signal ?? new AbortController().signal;
  if (signal.aborted) throw new FetchCancelled();
  try {
    progress("Hämtar från SCB", 0);
    const table = await fetch(signal, (f, step) => progress(step ?? "Hämtar från SCB", Math.max(0, Math.min(1, f)) * 0.7));
    if (signal.aborted) throw new FetchCancelled();
    return table;
  } catch (e) {
    if (e instanceof FetchCancelled || isAbort(e, signal)) throw new FetchCancelled();
    if (e instanceof InputError) throw e;
    throw new ScbApiError("natverk", [{ plats: "SCB", meddelande: `Hämtningen misslyckades, inget har skrivits: ${(e as Error).message}` }]);
  }
}

export class FetchCancelled extends Error {
  constructor() {
    super(CANCELLED.meddelande);
    this.name = "FetchCancelled";
  }
}

/**
 * Fetches a table (runFetch) and hands it and where it came from to `write`. A cancelled or failed
 * fetch is the outcome instead, with nothing written.
 */
export async function fetchThenWrite<T>(
  fetch: FetchRows,
  opts: FetchOptions,
  write: (table: TidyTable, kalla: KallaInfo) => Promise<T>,
): Promise<T | ScbOutcome> {
  let fetched;
  try {
    fetched = await runFetch(fetch, opts);
  } catch (e) {
    return e instanceof FetchCancelled ? fail([CANCELLED], true) : failOf(e);
  }
  return write({ rows: fetched.rows, dimensions: fetched.dimensions, notes: fetched.notes ?? [] }, fetched.kalla);
}

/** Fetches a table with the live client and writes it as "SCB <titel>" (rewritten on the next fetch). */
export async function fetchScbTable(host: WorkbookHost, fetch: FetchRows, opts: FetchOptions & { sheetName?: string } = {}): Promise<ScbOutcome> {
  return fetchThenWrite(fetch, opts, (table, kalla) =>
    writeScbTable(host, table, kalla, { ...opts, mode: "replace", sheetName: opts.sheetName ?? scbSheetName(kalla.titel || kalla.tabell) }),
  );
}
