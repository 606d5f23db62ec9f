/**
 * The *Samkalk data* sheet, shared by both hosts: where the command line keeps, in the .xlsx file itself, what
 * the add-in keeps in Office's document settings (the ownership register under "samkalk.owned" and the jobs'
 * settings under their own keys), as one JSON object split over column A of a *very hidden* sheet
 * (Worksheet.visibility = Excel.SheetVisibility.veryHidden: no menu shows it, only code sees it).
 * The xlsx host reads and writes it (xlsx/xlsxDocumentStore.ts); the Office host only reads it, to adopt
 * the register and settings of a file the command line wrote (office/commandLineData.ts).
 */

export const SAMKALK_DATA_SHEET = "Samkalk data";
/** Key of the ownership register, as in the Office host's document settings. */
export const OWNED_KEY = "samkalk.owned";

/** An entry of the register the command line stores: the sheet as the file identifies it, and its fingerprint. */
export interface StoredOwnedSheet {
  /** The file's sheet id (workbook.xml sheetId), as text like Office's worksheet ids. */
  id: string;
  name: string;
  kind: string;
  /** contentFingerprint of the sheet's contents right after the command line wrote it. */
  fingerprint: string;
  /** The spec's typed cells (typedAddress), whose constants the fingerprint leaves out. */
  typed?: string;
}

/** The stored keys and values of column A's pieces, in order (empty when there are none or they are damaged). */
export function parseStoredPieces(pieces: readonly unknown[]): Map<string, unknown> {
  let json = "";
  for (const piece of pieces) {
    if (typeof piece !== "string" || piece === "") break;
    json += piece;
  }
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? new Map(Object.entries(parsed)) : new Map();
  } catch {
    return new Map();
  }
}

/** The register's valid entries (anything else counts as none). */
export function parseStoredOwned(raw: unknown): StoredOwnedSheet[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (o): o is StoredOwnedSheet =>
        typeof o === "object" && o !== null && ["id", "name", "kind", "fingerprint"].every((k) => typeof (o as Record<string, unknown>)[k] === "string"),
    )
    .map(({ id, name, kind, fingerprint, typed }) => ({ id, name, kind, fingerprint, ...(typeof typed === "string" && typed !== "" ? { typed } : {}) }));
}
