/**
 * Adopting what the command line stored in a workbook (hosts/dataSheet.ts): a file written by `samkalk … --out`
 * carries its ownership register and the jobs' settings in the very hidden sheet *Samkalk data*, keyed by the
 * file's sheet ids, which are not Office.js worksheet ids. When the add-in has no entry of its own for a sheet,
 * the command line's entry of the same name is adopted, in the request that reads the sheet's state anyway:
 *
 *  - the sheet is Samkalk's (it may be rewritten; a sheet of another name stays the user's and is refused);
 *  - its contents are read back (values-only used range, formulas) and fingerprinted as the command line did
 *    (contentFingerprint, the same function over the same formulas grid): equal, the sheet is unedited; not
 *    equal, the user edited it after the command line wrote it, so it is reported as edited and the job asks
 *    before overwriting. The adopted entry keeps the command line's fingerprint then, so it stays "edited"
 *    until Samkalk rewrites it.
 *
 * The jobs' settings stored there are copied into the document settings under the same keys when the document
 * has none of its own. The add-in never writes to *Samkalk data*: its own register (document settings) wins
 * wherever it has an entry, and an entry there that is older than the add-in's rewrite only makes a later
 * command-line run report the sheet as edited (and ask or refuse), never overwrite it silently.
 * Workbooks without the sheet are untouched: nothing more is queued, no sync more is made.
 */
import type { SheetState } from "../host";
import { contentFingerprint, localAddress } from "../contentFingerprint";
import { OWNED_KEY, SAMKALK_DATA_SHEET, parseStoredOwned, parseStoredPieces } from "../dataSheet";
import { sameSheetName } from "../../domain/excelNames";
import { OwnedSheet, isOwnedId } from "./ownership";
import type { LiveSheet, WorkbookIndex } from "./workbookIndex";

export interface AdoptedSheet {
  entry: OwnedSheet;
  /** Edited since the command line wrote it (fingerprints differ); null when that cannot be told. */
  edited: boolean | null;
}

export interface AdoptionResult {
  sheets: AdoptedSheet[];
  /** Everything the command line stored, by key (the register and the jobs' settings). */
  stored: Map<string, unknown>;
}

export interface QueuedAdoption {
  /** Reads were queued: the caller's next sync must come before `result`. */
  needsSync: true;
  result(): AdoptionResult;
}

/** The command line's data sheet of the workbook, when it has one (very hidden, as the command line makes it). */
export function dataSheetOf(index: WorkbookIndex): LiveSheet | undefined {
  return index.sheets.find((s) => s.name === SAMKALK_DATA_SHEET && s.visibility === "VeryHidden");
}

/**
 * Queues what adopting needs for the named sheets: the data sheet's cells and the contents of each named
 * sheet that is there and not in `register`. Null (nothing queued) when the workbook has no data sheet, or
 * when the register is not empty and every named sheet is in it or missing.
 */
export function queueAdoption(index: WorkbookIndex, register: OwnedSheet[], sheetNames: readonly string[]): QueuedAdoption | null {
  const data = dataSheetOf(index);
  if (!data) return null;
  const candidates = index.sheets.filter(
    (s) => s !== data && !isOwnedId(register, s.id) && sheetNames.some((n) => sameSheetName(n, s.name)),
  );
  // With no register of its own, the document may lack the jobs' settings too: read them even for a missing sheet.
  if (candidates.length === 0 && register.length > 0) return null;
  const cells = data.proxy.getUsedRangeOrNullObject(true).load("values");
  const contents = candidates.map((sheet) => ({ sheet, used: sheet.proxy.getUsedRangeOrNullObject(true).load("address,formulas") }));
  let result: AdoptionResult | null = null;
  return {
    needsSync: true,
    result: () =>
      (result ??= (() => {
        const stored = cells.isNullObject ? new Map<string, unknown>() : parseStoredPieces(cells.values.map((row) => row[0]));
        const cli = parseStoredOwned(stored.get(OWNED_KEY));
        const sheets: AdoptedSheet[] = [];
        for (const { sheet, used } of contents) {
          const stored = cli.find((e) => sameSheetName(e.name, sheet.name));
          if (!stored) continue;
          // An empty sheet: as the xlsx host fingerprints one (xlsxFingerprint.ts).
          const address = used.isNullObject ? "A1" : localAddress(used.address);
          const formulas: unknown[][] = used.isNullObject ? [[""]] : used.formulas;
          const now = contentFingerprint(address, formulas, stored.typed);
          const edited = now !== stored.fingerprint;
          const typed = stored.typed ? { typedAddress: stored.typed } : {};
          sheets.push({
            entry: { id: sheet.id, name: sheet.name, kind: stored.kind, contentAddress: address, fingerprint: stored.fingerprint, ...typed },
            edited,
          });
        }
        return { sheets, stored };
      })()),
  };
}

/** `state` as adopting sees it: a sheet the command line wrote is Samkalk's, edited or not. */
export function adoptedState(state: SheetState, adopted: AdoptionResult): SheetState {
  if (!state.exists || state.ownedBySamkalk) return state;
  const found = adopted.sheets.find((a) => sameSheetName(a.entry.name, state.sheetName));
  return found ? { ...state, ownedBySamkalk: true, editedSinceWritten: found.edited } : state;
}

/** The stored settings the document lacks (the register aside), to copy into its document settings. */
export function missingSettings(stored: ReadonlyMap<string, unknown>, has: (key: string) => boolean): Array<[string, unknown]> {
  return [...stored].filter(([key, value]) => key !== OWNED_KEY && value !== null && value !== undefined && !has(key));
}
