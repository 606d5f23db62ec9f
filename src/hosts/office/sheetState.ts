/**
 * What the Office host reports of a sheet (inspectSheet): whether it is there and Samkalk's, the
 * requested tables' contents, and whether it was edited since Samkalk wrote it. At most 2 syncs.
 */
import type { SheetState } from "../host";
import type { ReadValue } from "../../sheets/spec";
import { contentFingerprint, localAddress } from "../contentFingerprint";
import { sameSheetName } from "../../domain/excelNames";
import { OwnedSheet, ownedEntry } from "./ownership";
import { loadWorkbookIndex } from "./workbookIndex";

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

/**
 * 1 sync for a missing sheet (or an existing one when no tables are asked for and no fingerprint is
 * recorded), else 2: the first looks at the workbook, the second reads the tables and what edit
 * detection needs.
 */
export async function readSheetState(
  context: Excel.RequestContext,
  register: OwnedSheet[],
  sheetName: string,
  tableNames: string[],
): Promise<SheetState> {
  const index = await loadWorkbookIndex(context);
  const sheet = index.sheets.find((s) => sameSheetName(s.name, sheetName));
  if (!sheet) return absentState(sheetName);
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
  const recorded = entry?.contentAddress && entry.fingerprint ? { address: entry.contentAddress, fingerprint: entry.fingerprint } : null;
  const content = recorded
    ? {
        used: sheet.proxy.getUsedRange(true).load("address"),
        written: sheet.proxy.getRange(recorded.address).load("formulas"),
      }
    : null;
  if (reads.length > 0 || content) await context.sync();

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
      contentFingerprint(recorded.address, content.written.formulas) !== recorded.fingerprint;
  }
  return { sheetName, exists: true, ownedBySamkalk: entry !== undefined, tables, tableHeaders, editedSinceWritten };
}
