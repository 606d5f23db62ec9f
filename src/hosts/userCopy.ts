/**
 * Keeping an edited Samkalk sheet as the user's own copy (WorkbookHost.keepAsUserCopy), the rules
 * both hosts share: when it is refused, and what its tables are renamed to.
 */
import { sameSheetName, sheetNameProblem } from "../domain/excelNames";

/** Excel's longest table name. */
const TABLE_NAME_MAX = 255;

/**
 * A Swedish reason to refuse keeping `sheetName` as the user's copy named `newName`, or null.
 * `sheetNames`: every sheet of the workbook; `owned`: the sheet is in Samkalk's register.
 */
export function userCopyProblem(sheetName: string, newName: string, sheetNames: string[], owned: boolean): string | null {
  const current = sheetNames.find((n) => sameSheetName(n, sheetName));
  if (current === undefined) return `Bladet "${sheetName}" finns inte i arbetsboken.`;
  if (!owned) return `Bladet "${current}" är inte skapat av Samkalk, så det är redan ditt eget – Samkalk ändrar det inte.`;
  const problem = sheetNameProblem(newName);
  if (problem) return `Namnet "${newName}" går inte att använda för kopian: ${problem}.`;
  if (sheetNames.some((n) => sameSheetName(n, newName))) {
    return `Det finns redan ett blad som heter "${newName}". Välj ett annat namn för kopian.`;
  }
  return null;
}

/**
 * New names for the tables of a sheet kept as the user's copy, so that a fresh Samkalk sheet can
 * create tables of the old names: "<name>_kopia1" (or _kopia2, ...), unique in the workbook ignoring
 * case as Excel requires. Returns old name → new name.
 */
export function userCopyTableNames(tablesOnSheet: string[], allTables: string[]): Map<string, string> {
  const taken = new Set(allTables.map((n) => n.toUpperCase()));
  const renamed = new Map<string, string>();
  for (const name of tablesOnSheet) {
    for (let n = 1; ; n++) {
      const suffix = `_kopia${n}`;
      const candidate = `${name.slice(0, TABLE_NAME_MAX - suffix.length)}${suffix}`;
      if (!taken.has(candidate.toUpperCase())) {
        taken.add(candidate.toUpperCase());
        renamed.set(name, candidate);
        break;
      }
    }
  }
  return renamed;
}
