/**
 * Excel's rules for sheet names, in one place: what the hosts check before writing, what the use cases
 * check on names a user typed, and what generated names (initiative sheets, "Blad (2)") must satisfy.
 */

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a sheet name; control characters are refused as well. */
export const FORBIDDEN_SHEET_NAME_CHARS = /[[\]:*?/\\\p{Cc}]/u;

/** Excel compares sheet and table names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** Why Excel would refuse `name` as a sheet name (Swedish, for a message), or null. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_SHEET_NAME) return `ett bladnamn måste ha 1–${MAX_SHEET_NAME} tecken`;
  if (FORBIDDEN_SHEET_NAME_CHARS.test(name)) return "ett bladnamn får inte innehålla något av tecknen [ ] : * ? / \\ eller styrtecken";
  if (name.startsWith("'") || name.endsWith("'")) return "ett bladnamn får inte börja eller sluta med apostrof";
  if (sameSheetName(name, "History")) return "namnet History är reserverat av Excel";
  return null;
}

/** `name` cut to leave room for `suffix` (" (2)", " ~3") within Excel's limit. */
export function withSuffix(name: string, suffix: string): string {
  return `${name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
}

/** Excel's own sizes: rows in a sheet, characters in a cell. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_CELL_CHARS = 32_767;
