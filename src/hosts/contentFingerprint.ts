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
import { fingerprint } from "../domain/fingerprint";

/** "A1:E11" from "'Medlemsavgifter 2025'!$A$1:$E$11": the sheet may be renamed without that being an edit. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
}

/** FNV-1a (via `fingerprint`) over the canonical JSON of the address and the formulas grid. */
export function contentFingerprint(address: string, formulas: readonly (readonly unknown[])[]): string {
  return fingerprint([[localAddress(address)], ...formulas]);
}
