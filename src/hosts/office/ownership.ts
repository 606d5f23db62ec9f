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
  /**
   * What Samkalk wrote, to tell later whether the user has edited the sheet: the address (without sheet
   * name) of the sheet's values-only used range right after the write, and the fingerprint of that
   * address with the range's formulas (see contentFingerprint). Absent in registers written by older
   * versions and for sheets too large to read back in the write's own request.
   */
  contentAddress?: string;
  fingerprint?: string;
  /** The typed cells (SheetSpec.typedCells) as an address: constants there are left out of the fingerprint. */
  typedAddress?: string;
  /**
   * How many charts Samkalk drew on the sheet, when any: a rewrite removes the old charts even when the
   * new spec has none (finding them costs one more sync, spent only when there are charts to replace).
   */
  charts?: number;
}

export function isOwnedSheet(v: unknown): v is OwnedSheet {
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === "string" && o.id !== "" && typeof o.name === "string" && typeof o.kind === "string";
}

/**
 * The valid entries of whatever is stored under OWNERSHIP_KEY (anything else counts as none). An entry
 * whose content record is damaged is kept, without it: the sheet is still Samkalk's, edits unknown.
 */
export function parseOwnedSheets(raw: unknown): OwnedSheet[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isOwnedSheet).map((o) => {
    const { id, name, kind, contentAddress, fingerprint, typedAddress, charts } = o;
    const hasContent = typeof contentAddress === "string" && contentAddress !== "" && typeof fingerprint === "string" && fingerprint !== "";
    const chartCount = Number.isInteger(charts) && (charts as number) > 0 ? { charts: charts as number } : {};
    const typed = typeof typedAddress === "string" && typedAddress !== "" ? { typedAddress } : {};
    return hasContent ? { id, name, kind, contentAddress, fingerprint, ...typed, ...chartCount } : { id, name, kind, ...chartCount };
  });
}

export function ownedEntry(register: OwnedSheet[], id: string): OwnedSheet | undefined {
  return register.find((o) => o.id === id);
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

/** The register without the sheet `id` (it is no longer Samkalk's). */
export function withoutOwnedSheet(register: OwnedSheet[], id: string): OwnedSheet[] {
  return register.filter((o) => o.id !== id);
}
