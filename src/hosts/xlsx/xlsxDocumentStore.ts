/**
 * What the add-in keeps in a workbook's document settings, kept in the .xlsx file itself by the command line:
 * the ownership register (which sheets Samkalk wrote, with a fingerprint of what it wrote) and each job's
 * settings, as one JSON object of the same keys ("samkalk.owned", the jobs' settings keys) and the same entry
 * shape ({ id, name, kind, fingerprint }) as the Office host's register.
 *
 * Where: a *very hidden* worksheet named SAMKALK_DATA_SHEET (Excel shows it in no menu; only code can see it),
 * the JSON split over column A in pieces shorter than a cell holds. It travels with the file, so a later run on
 * any machine knows which sheets are Samkalk's. The xlsx host identifies a sheet by the sheet id the file
 * stores (workbook.xml's sheetId, which Excel keeps when a sheet is renamed or moved). Office's own document
 * settings live in the file's web-extension part, keyed to the add-in's id; exceljs neither reads nor keeps that
 * part, so the two stores are separate: the add-in reads this sheet (never writes it) to adopt the register
 * and settings of a file the command line wrote (hosts/dataSheet.ts, office/commandLineData.ts).
 */
import type ExcelJS from "exceljs";
import { EXCEL_MAX_CELL_CHARS } from "../../domain/excelNames";
import { OWNED_KEY, SAMKALK_DATA_SHEET, parseStoredOwned, parseStoredPieces, type StoredOwnedSheet } from "../dataSheet";

export { OWNED_KEY, SAMKALK_DATA_SHEET };
export type XlsxOwnedSheet = StoredOwnedSheet;

const PIECE = EXCEL_MAX_CELL_CHARS - 767;

export function isDataSheet(ws: ExcelJS.Worksheet): boolean {
  return ws.name === SAMKALK_DATA_SHEET && ws.state === "veryHidden";
}

/** The stored keys and values of a workbook (empty when it has none or they are damaged). */
export function readDocumentStore(wb: ExcelJS.Workbook): Map<string, unknown> {
  const ws = wb.worksheets.find(isDataSheet);
  if (!ws) return new Map();
  const pieces: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) pieces.push(ws.getCell(r, 1).value);
  return parseStoredPieces(pieces);
}

/** Writes `values` into the workbook's data sheet (made very hidden, and last, when it is not there). */
export function writeDocumentStore(wb: ExcelJS.Workbook, values: ReadonlyMap<string, unknown>): void {
  const old = wb.worksheets.find(isDataSheet);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(SAMKALK_DATA_SHEET, { state: "veryHidden" });
  const json = JSON.stringify(Object.fromEntries(values));
  for (let i = 0, r = 1; i < json.length; i += PIECE, r++) ws.getCell(r, 1).value = json.slice(i, i + PIECE);
}

/** The register's valid entries (anything else counts as none). */
export const parseXlsxOwned = parseStoredOwned;
