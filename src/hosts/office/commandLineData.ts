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
  /**
   * After that sync: when the sheets' contents were not read with it (`eager` false), queues them for the
   * sheets the command line's register names. True when they need one more sync before `result`.
   */
  queueContents(): boolean;
  result(): AdoptionResult;
}

/** The command line's data sheet of the workbook, when it has one (very hidden, as the command line makes it). */
export function dataSheetOf(index: WorkbookIndex): LiveSheet | undefined {
  return index.sheets.find((s) => s.name === SAMKALK_DATA_SHEET && s.visibility === "VeryHidden");
}

/**
 * Queues what adopting needs for the named sheets: the data sheet's cells and (`eager`, for the few sheets a
 * job is about to write) the contents of each named sheet that is there and not in `register`; not eager (every
 * sheet of the workbook, the user's own ones too), the contents only of the sheets the register names, in a
 * sync of their own (queueContents). Null (nothing queued) when the workbook has no data sheet, or when the
 * register is not empty and every named sheet is in it or missing.
 */
export function queueAdoption(index: WorkbookIndex, register: OwnedSheet[], sheetNames: readonly string[], eager = true): QueuedAdoption | null {
  const data = dataSheetOf(index);
  if (!data) return null;
  const candidates = index.sheets.filter(
    (s) => s !== data && !isOwnedId(register, s.id) && sheetNames.some((n) => sameSheetName(n, s.name)),
  );
  // With no register of its own, the document may lack the jobs' settings too: read them even for a missing sheet.
  if (candidates.length === 0 && register.length > 0) return null;
  const cells = data.proxy.getUsedRangeOrNullObject(true).load("values");
  const queue = (sheets: LiveSheet[]) => sheets.map((sheet) => ({ sheet, used: sheet.proxy.getUsedRangeOrNullObject(true).load("address,formulas") }));
  let contents = eager ? queue(candidates) : null;
  let stored: Map<string, unknown> | null = null;
  const read = () => {
    stored ??= cells.isNullObject ? new Map<string, unknown>() : parseStoredPieces(cells.values.map((row) => row[0]));
    return { stored, cli: parseStoredOwned(stored.get(OWNED_KEY)) };
  };
  let result: AdoptionResult | null = null;
  return {
    needsSync: true,
    queueContents: () => {
      if (contents !== null) return false;
      const { cli } = read();
      contents = queue(candidates.filter((s) => cli.some((e) => sameSheetName(e.name, s.name))));
      return contents.length > 0;
    },
    result: () =>
      (result ??= (() => {
        const { stored, cli } = read();
        const sheets: AdoptedSheet[] = [];
        for (const { sheet, used } of contents ?? []) {
          const entry = cli.find((e) => sameSheetName(e.name, sheet.name));
          if (!entry) continue;
          // An empty sheet: as the xlsx host fingerprints one (xlsxFingerprint.ts).
          const address = used.isNullObject ? "A1" : localAddress(used.address);
          const formulas: unknown[][] = used.isNullObject ? [[""]] : used.formulas;
          const edited = contentFingerprint(address, formulas, entry.typed) !== entry.fingerprint;
          const typed = entry.typed ? { typedAddress: entry.typed } : {};
          sheets.push({
            entry: { id: sheet.id, name: sheet.name, kind: entry.kind, contentAddress: address, fingerprint: entry.fingerprint, ...typed },
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
