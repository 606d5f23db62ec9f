/**
 * Edit detection shared by the hosts: a fingerprint of a sheet's contents taken when Samkalk writes it,
 * compared with one taken when it inspects the sheet later.
 *
 * The contents are the cells' formulas as the workbook itself reports them (Excel's `range.formulas`,
 * exceljs' formula text or value): a formula's text, else the constant. Formulas, unlike values, do not
 * change when the workbook recalculates, so recalculation alone is never an edit. The address of the
 * values-only used range is part of it, so the same grid moved elsewhere is an edit too; formatting is
 * not (a values-only used range ignores it).
 */
import { RangeRef, areaRefs, rangeAddress } from "../domain/a1";
import { fingerprint } from "../domain/fingerprint";

/** "A1:E11" from "'Medlemsavgifter 2025'!$A$1:$E$11": the sheet may be renamed without that being an edit. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
}

/**
 * FNV-1a (via `fingerprint`) over the canonical JSON of the address and the formulas grid. `typed`: cells
 * the user types into and the job reads back (SheetSpec.typedCells, as an address): a constant there is
 * left out, so typing a value is not an edit; a formula there (a link Samkalk wrote, or one the user typed)
 * still counts, so replacing a link is one.
 */
export function contentFingerprint(address: string, formulas: readonly (readonly unknown[])[], typed?: string): string {
  const areas = typed ? typedAreas(typed) : [];
  if (areas.length === 0) return fingerprint([[localAddress(address)], ...formulas]);
  const [origin] = areaRefs(localAddress(address));
  const isTyped = (r: number, c: number) => areas.some((a) => r >= a.row && r < a.row + a.rows && c >= a.col && c < a.col + a.cols);
  const masked = formulas.map((row, i) =>
    row.map((v, j) => (isTyped(origin.row + i, origin.col + j) && !(typeof v === "string" && v.startsWith("=")) ? "" : v)),
  );
  return fingerprint([[localAddress(address)], ...masked]);
}

/** The typed cells' areas; a damaged record masks nothing (an edit is then reported, never missed). */
function typedAreas(typed: string): RangeRef[] {
  try {
    return areaRefs(typed);
  } catch {
    return [];
  }
}

/** The typed cells of a spec as one address ("G12:G30,K12:K30"), or undefined when there are none. */
export function typedAddress(typedCells: readonly RangeRef[] | undefined): string | undefined {
  return typedCells && typedCells.length > 0 ? typedCells.map((r) => rangeAddress(r)).join(",") : undefined;
}
