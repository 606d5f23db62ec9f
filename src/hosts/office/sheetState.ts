/**
 * What the Office host reports of a sheet (inspectSheet): whether it is there and Samkalk's, the
 * requested tables' contents, and whether it was edited since Samkalk wrote it. At most 2 syncs, for one
 * sheet or many.
 */
import type { SheetState } from "../host";
import type { ReadValue } from "../../sheets/spec";
import { contentFingerprint, localAddress } from "../contentFingerprint";
import { areaRefs } from "../../domain/a1";
import { sameSheetName } from "../../domain/excelNames";
import { OwnedSheet, ownedEntry } from "./ownership";
import { loadWorkbookIndex, type WorkbookIndex } from "./workbookIndex";
import { appendAll } from "../../domain/arrays";
import { adoptedState, queueAdoption, type AdoptionResult } from "./commandLineData";

/** Told what was adopted from the command line's data sheet (commandLineData.ts), once per read. */
export type OnAdopted = (adopted: AdoptionResult) => void;

/** A value as Excel returns it, as a ReadValue (anything else is read as empty). */
export function toReadValue(v: unknown): ReadValue {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
}

function headerText(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

function absentState(sheetName: string): SheetState {
  return { sheetName, exists: false, ownedBySamkalk: false, tables: {}, tableHeaders: {}, editedSinceWritten: null };
}

export interface SheetStateRequest {
  sheetName: string;
  tableNames: string[];
}

/**
 * Queues the reads one sheet's state needs on top of the workbook index, and returns what turns them into
 * the state once synced (`needsSync` false: nothing was queued, the state is known already). Several
 * sheets' reads can share one sync (inspectSheets).
 */
export function queueSheetState(index: WorkbookIndex, register: OwnedSheet[], request: SheetStateRequest): { needsSync: boolean; state: () => SheetState } {
  const { sheetName, tableNames } = request;
  const sheet = index.sheets.find((s) => sameSheetName(s.name, sheetName));
  const structureProtected = index.structureProtected;
  if (!sheet) return { needsSync: false, state: () => ({ ...absentState(sheetName), structureProtected }) };
  const entry = ownedEntry(register, sheet.id);

  const reads: Array<{ name: string; body: Excel.Range; header: Excel.Range }> = [];
  for (const name of tableNames) {
    const table = index.tables.find((t) => sameSheetName(t.name, name) && sameSheetName(t.sheetName, sheet.name));
    if (table) {
      reads.push({
        name,
        body: table.proxy.getDataBodyRange().load("values"),
        header: table.proxy.getHeaderRowRange().load("values"),
      });
    }
  }
  // Edit detection. The used range's address says whether anything was added or removed around what
  // Samkalk wrote; the formulas are read from the recorded range, whose size is known to fit in a
  // response (a used range the user has grown by a large paste might not). When the address is
  // unchanged the two are the same range.
  const recorded = entry?.contentAddress && entry.fingerprint ? { address: entry.contentAddress, fingerprint: entry.fingerprint, typed: entry.typedAddress } : null;
  const content = recorded
    ? {
        used: sheet.proxy.getUsedRange(true).load("address"),
        written: sheet.proxy.getRange(recorded.address).load("formulas"),
      }
    : null;

  const state = (): SheetState => {
    const tables: Record<string, ReadValue[][]> = {};
    const tableHeaders: Record<string, string[]> = {};
    for (const { name, body, header } of reads) {
      tables[name] = body.values.map((row) => row.map(toReadValue));
      tableHeaders[name] = (header.values[0] ?? []).map(headerText);
    }
    let editedSinceWritten: boolean | null = null;
    if (recorded && content) {
      editedSinceWritten =
        localAddress(content.used.address) !== recorded.address ||
        contentFingerprint(recorded.address, content.written.formulas, recorded.typed) !== recorded.fingerprint;
    }
    return { sheetName, exists: true, ownedBySamkalk: entry !== undefined, tables, tableHeaders, editedSinceWritten, protected: sheet.protected, structureProtected };
  };
  return { needsSync: reads.length > 0 || content !== null, state };
}

/**
 * Cells of recorded contents read back in one response at the most: the formulas of a sheet are at least
 * `"",` per cell, so 250 000 cells of short formulas stay well under the 5 MB response limit.
 */
const MAX_READ_CELLS = 250_000;

function recordedCells(index: WorkbookIndex, register: OwnedSheet[], sheetName: string): number {
  const sheet = index.sheets.find((s) => sameSheetName(s.name, sheetName));
  const address = sheet ? ownedEntry(register, sheet.id)?.contentAddress : undefined;
  return address ? areaRefs(address).reduce((n, r) => n + r.rows * r.cols, 0) : 0;
}

/**
 * The states of several sheets: 1 sync when no sheet needs reading (all missing, no tables, no fingerprints),
 * else 2, however many sheets (one more per MAX_READ_CELLS of recorded contents): the first looks at the
 * workbook, the second reads every sheet's tables and what edit detection needs.
 */
export async function readSheetStates(
  context: Excel.RequestContext,
  register: OwnedSheet[],
  requests: SheetStateRequest[],
  onAdopted?: OnAdopted,
): Promise<SheetState[]> {
  return readIndexedStates(context, await loadWorkbookIndex(context), register, requests, onAdopted);
}

/**
 * The state of every sheet in the workbook, with the tables `tables` asks for on the sheets that are there
 * (requests for missing sheets are ignored): the same 1 or 2 syncs as readSheetStates (in a workbook with the
 * command line's data sheet and no register of the add-in's own, 2, and 1 more to read the contents of the
 * sheets the command line wrote).
 */
export async function readWorkbookStates(
  context: Excel.RequestContext,
  register: OwnedSheet[],
  tables: SheetStateRequest[],
  onAdopted?: OnAdopted,
): Promise<SheetState[]> {
  const index = await loadWorkbookIndex(context);
  const requests = index.sheets.map((s) => ({
    sheetName: s.name,
    tableNames: [...new Set(tables.filter((t) => sameSheetName(t.sheetName, s.name)).flatMap((t) => t.tableNames))],
  }));
  // Every sheet, the user's own too: their contents are read only when the command line's register names them.
  return readIndexedStates(context, index, register, requests, onAdopted, false);
}

async function readIndexedStates(
  context: Excel.RequestContext,
  index: WorkbookIndex,
  register: OwnedSheet[],
  requests: SheetStateRequest[],
  onAdopted?: OnAdopted,
  eager = true,
): Promise<SheetState[]> {
  const states: SheetState[] = [];
  let queued: Array<ReturnType<typeof queueSheetState>> = [];
  let cells = 0;
  // Only for a workbook with the command line's data sheet: read with the first sync (one more when none was due).
  const adoption = onAdopted ? queueAdoption(index, register, requests.map((r) => r.sheetName), eager) : null;
  let adoptionPending = adoption !== null;
  let adopted: AdoptionResult | null = null;
  const finish = async () => {
    // Once per MAX_READ_CELLS of contents to read back: once, unless the sheets are very large.
    if (adoptionPending || queued.some((q) => q.needsSync)) await context.sync();
    if (adoption && adoptionPending && onAdopted) {
      // One more only when the sheets' contents were not read with the data sheet (readWorkbookStates).
      if (adoption.queueContents()) await context.sync();
      adopted = adoption.result();
      onAdopted(adopted);
    }
    adoptionPending = false;
    const found = adopted;
    appendAll(states, queued.map((q) => (found ? adoptedState(q.state(), found) : q.state())));
    queued = [];
    cells = 0;
  };
  for (const request of requests) {
    const more = recordedCells(index, register, request.sheetName);
    if (queued.length > 0 && cells + more > MAX_READ_CELLS) await finish();
    queued.push(queueSheetState(index, register, request));
    cells += more;
  }
  await finish();
  return states;
}

/** One sheet's state: 1 sync for a missing sheet (or one with nothing to read), else 2. */
export async function readSheetState(
  context: Excel.RequestContext,
  register: OwnedSheet[],
  sheetName: string,
  tableNames: string[],
): Promise<SheetState> {
  return (await readSheetStates(context, register, [{ sheetName, tableNames }]))[0];
}
