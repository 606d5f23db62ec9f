/**
 * What every SCB job shares: where data came from (KallaInfo), the fetch seam a live SCB client plugs
 * into (FetchRows), the Källor sheet's append, and writing a set of sheets so that a refusal stops the
 * job before anything is written.
 */
import { withSuffix } from "../../domain/excelNames";
import { InputError, InputProblem } from "../../domain/errors";
import type { TidyRow } from "../../domain/scb/tidy";
import type { SheetState, WorkbookHost, WriteReport } from "../../hosts/host";
import { formatTid, numberedSheetName } from "../../sheets/scb/common";
import { failureOf, withFailure, type Failed, type JobFailure } from "../failure";
import { KALLOR_SHEET, KALLOR_TABLE, KallorRad, buildKallorSheet, kallorRowsFromTable } from "../../sheets/scb/kallorSheet";

export type { KallorRad } from "../../sheets/scb/kallorSheet";
export { KALLOR_SHEET, KALLOR_TABLE } from "../../sheets/scb/kallorSheet";

/** Where a table came from, as the Källor sheet records it. */
export interface KallaInfo {
  /** "SCB API", "Fil", "Inklistrat utdrag", "Inbyggd i Samkalk", "Syntetiska exempeldata". */
  typ: string;
  /** SCB's table id ("TAB1386", "HE0000T02N2"), the file name, or the selection's address. */
  tabell: string;
  /** SCB's title of the table. */
  titel?: string;
  /** The query as sent (any JSON value; a string is kept as it is). */
  fraga?: unknown;
  /** "v2", "v1"; unset when no API was involved. */
  apiVersion?: string;
  /** When it was fetched or read (a Date, or an ISO 8601 string). */
  hamtad: Date | string;
  url?: string;
}

/** Progress of a fetch: fraction 0–1 and, optionally, what is going on (Swedish). */
export type FetchProgress = (fraction: number, step?: string) => void;

/** A fetched table: all of it or nothing (the client throws or rejects on any failure). */
export interface FetchedTable {
  rows: TidyRow[];
  dimensions: string[];
  notes?: string[];
  kalla: KallaInfo;
}

/**
 * The seam for the live SCB client (src/sources/scb/api): a function that fetches one dataset,
 * reports progress, and stops with an AbortError when `signal` is aborted.
 */
export type FetchRows = (signal: AbortSignal, onProgress: FetchProgress) => Promise<FetchedTable>;

export type ScbOutcome =
  | {
      ok: true;
      /** Sheets written, in order (Källor last). */
      sheets: string[];
      /** Observations (or population rows) written. */
      rows: number;
      varningar: string[];
      /** The row added to Källor. */
      kalla: KallorRad;
      reports: WriteReport[];
    }
  | { ok: false; problems: InputProblem[]; cancelled?: boolean; failure?: JobFailure };

export interface ScbJobOptions {
  today?: Date;
  /** step (Swedish), fraction 0–1. */
  onProgress?: (step: string, fraction: number) => void;
}

export const fail = (problems: InputProblem[], cancelled?: boolean): ScbOutcome => (cancelled ? { ok: false, problems, cancelled } : { ok: false, problems });

/**
 * The failing outcome for an error caught in a job: its problems (problemsOf) and what failed
 * (failureOf; `otherwise` for errors that are neither SCB's nor an input error).
 */
export const failOf = (e: unknown, what = "Bladet kunde inte skrivas", otherwise: JobFailure = "excel"): Failed => withFailure(problemsOf(e, what), failureOf(e, otherwise));

/** The error as the user should read it: an InputError's located problems, else the message. */
export function problemsOf(e: unknown, what = "Bladet kunde inte skrivas"): InputProblem[] {
  if (e instanceof InputError) return e.problems;
  return [{ meddelande: `${what}: ${(e as Error).message}` }];
}

export function isAbort(e: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (typeof e === "object" && e !== null && (e as { name?: string }).name === "AbortError");
}

export const CANCELLED: InputProblem = { meddelande: "Hämtningen avbröts. Inget har skrivits i arbetsboken." };

function fragaText(fraga: unknown): string {
  if (fraga === undefined || fraga === null) return "";
  if (typeof fraga === "string") return fraga;
  try {
    return JSON.stringify(fraga);
  } catch {
    return String(fraga);
  }
}

/** The Källor row for a fetch or import. */
export function kallorRad(kalla: KallaInfo, rader: number | null, blad: string[], anmarkning = ""): KallorRad {
  const when = typeof kalla.hamtad === "string" ? new Date(kalla.hamtad) : kalla.hamtad;
  return {
    tid: Number.isNaN(when.getTime()) ? String(kalla.hamtad) : formatTid(when),
    typ: kalla.typ,
    tabell: kalla.tabell,
    titel: kalla.titel ?? "",
    fraga: fragaText(kalla.fraga),
    apiVersion: kalla.apiVersion ?? "",
    rader,
    blad: blad.join(", "),
    anmarkning: [kalla.url ? `URL: ${kalla.url}` : "", anmarkning].filter((s) => s !== "").join(" · "),
  };
}

/** One line about a source, for the top of a data sheet. */
export function kallaText(kalla: KallaInfo): string {
  const when = typeof kalla.hamtad === "string" ? new Date(kalla.hamtad) : kalla.hamtad;
  const tid = Number.isNaN(when.getTime()) ? String(kalla.hamtad) : formatTid(when);
  if (/syntetisk/i.test(kalla.typ)) return `Källa: syntetiska exempeldata, inte SCB:s siffror (uppbyggda som ${kalla.tabell}), skapade ${tid}. Se bladet Källor.`;
  const api = kalla.apiVersion ? ` via SCB:s API ${kalla.apiVersion}` : "";
  const what = kalla.typ === "Fil" ? `filen ${kalla.tabell}` : kalla.typ === "Inklistrat utdrag" ? `inklistrat utdrag (${kalla.tabell})` : `tabell ${kalla.tabell}`;
  return `Källa: SCB, ${what}${api}, ${kalla.typ === "SCB API" ? "hämtad" : "läst"} ${tid}. Se bladet Källor.`;
}

export interface PreparedKallor {
  state: SheetState;
  rows: KallorRad[];
}

/** Reads the Källor table (if any); throws InputError if a sheet named Källor is not Samkalk's. */
export async function prepareKallor(host: WorkbookHost): Promise<PreparedKallor> {
  const state = await host.inspectSheet(KALLOR_SHEET, [KALLOR_TABLE]);
  if (state.exists && !state.ownedBySamkalk) {
    throw new InputError([
      {
        plats: `bladet "${KALLOR_SHEET}"`,
        meddelande: "Det finns redan ett blad som heter Källor men som inte är skapat av Samkalk. Byt namn på det så kan Samkalk föra sin källförteckning där.",
      },
    ]);
  }
  const body = state.tables[KALLOR_TABLE];
  const header = state.tableHeaders[KALLOR_TABLE];
  return { state, rows: body && header ? kallorRowsFromTable(header, body) : [] };
}

/** Adds rows to Källor: reads what is there, appends, rewrites the sheet (it is Samkalk's). */
export async function writeKallor(host: WorkbookHost, prepared: PreparedKallor, rows: KallorRad[]): Promise<WriteReport> {
  return host.writeSheet(buildKallorSheet([...prepared.rows, ...rows]), prepared.state);
}

/** A free sheet name: `name`, else "name (2)", "name (3)", … */
export async function freeSheetName(host: WorkbookHost, name: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const candidate = numberedSheetName(name, n);
    if (!(await host.inspectSheet(candidate, [])).exists) return candidate;
  }
  throw new InputError([{ plats: `bladet "${name}"`, meddelande: "Hittar inget ledigt bladnamn; byt namn på eller ta bort några av bladen med det namnet." }]);
}

/**
 * The state a Samkalk sheet of a fixed name may be written over: refused (InputError) if a sheet of that
 * name is not Samkalk's. One the user has edited since Samkalk wrote it is first kept as the user's copy
 * ("<name> (ändrad)"), so nothing the user did is lost; `varningar` says so.
 */
export async function prepareOwnedSheet(host: WorkbookHost, name: string, tables: string[] = []): Promise<SheetState> {
  const state = await host.inspectSheet(name, tables);
  if (state.exists && !state.ownedBySamkalk) {
    throw new InputError([
      { plats: `bladet "${name}"`, meddelande: "Ett blad med det namnet finns redan och är inte skapat av Samkalk. Byt namn på det; Samkalk skriver inte över det." },
    ]);
  }
  return state;
}

/** Keeps an edited Samkalk sheet as the user's copy; returns the state to write a fresh sheet over. */
export async function keepEditedCopy(host: WorkbookHost, state: SheetState, varningar: string[]): Promise<SheetState> {
  if (!state.exists || state.editedSinceWritten !== true) return state;
  let copy = "";
  for (let n = 1; n < 100 && copy === ""; n++) {
    const suffix = n === 1 ? " (ändrad)" : ` (ändrad ${n})`;
    const candidate = withSuffix(state.sheetName, suffix);
    if (!(await host.inspectSheet(candidate, [])).exists) copy = candidate;
  }
  if (copy === "") throw new InputError([{ plats: `bladet "${state.sheetName}"`, meddelande: "Bladet har ändrats sedan Samkalk skrev det, och det finns inget ledigt namn för en kopia." }]);
  await host.keepAsUserCopy(state.sheetName, copy);
  varningar.push(`Bladet "${state.sheetName}" hade ändrats sedan Samkalk skrev det. Din version finns kvar som "${copy}".`);
  return { ...state, exists: false, ownedBySamkalk: false, tables: {}, tableHeaders: {}, editedSinceWritten: null };
}

