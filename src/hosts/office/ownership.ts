/**
 * The register of sheets Samkalk wrote, kept in the document settings so it travels with the workbook.
 * Sheets are matched by worksheet id, which Excel keeps when a sheet is renamed or moved; a sheet the
 * user makes with the same name (or a copy of Samkalk's sheet) has another id and is not Samkalk's.
 */

export const OWNERSHIP_KEY = "samkalk.owned";

export interface OwnedSheet {
  id: string;
  /** Name when Samkalk last wrote it; informational (the user may have renamed the sheet). */
  name: string;
  kind: string;
}

export function isOwnedSheet(v: unknown): v is OwnedSheet {
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === "string" && o.id !== "" && typeof o.name === "string" && typeof o.kind === "string";
}

/** The valid entries of whatever is stored under OWNERSHIP_KEY (anything else counts as none). */
export function parseOwnedSheets(raw: unknown): OwnedSheet[] {
  return Array.isArray(raw) ? raw.filter(isOwnedSheet) : [];
}

export function isOwnedId(register: OwnedSheet[], id: string): boolean {
  return register.some((o) => o.id === id);
}

/**
 * The register with `entry` added or updated, dropping sheets that no longer exist when the live ids
 * are known.
 */
export function withOwnedSheet(register: OwnedSheet[], entry: OwnedSheet, liveIds?: ReadonlySet<string>): OwnedSheet[] {
  const kept = register.filter((o) => o.id !== entry.id && (!liveIds || liveIds.has(o.id)));
  return [...kept, entry];
}
