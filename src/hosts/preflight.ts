/**
 * Checks made before anything is written, so that a sheet Excel would refuse half-way through a write
 * is refused up front with a Swedish explanation instead.
 */
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_ROWS, sameSheetName, sheetNameProblem } from "../domain/excelNames";
import type { SheetSpec } from "../sheets/spec";
import { cellAddress } from "../domain/a1";
import { InputError, formatCount, type InputProblem } from "../domain/errors";

export { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_ROWS };

/**
 * What Excel could not hold of a spec: more rows than a sheet has, or a text longer than a cell holds (each
 * located by sheet and cell; at most a few dozen are listed by whoever shows them). Loops only: a sheet may
 * have a million rows.
 */
export function excelLimitProblems(spec: SheetSpec): InputProblem[] {
  const problems: InputProblem[] = [];
  let lastRow = 0;
  for (const b of spec.blocks) {
    lastRow = Math.max(lastRow, b.row + b.cells.length);
    for (let r = 0; r < b.cells.length; r++) {
      const row = b.cells[r];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        const t = cell.kind === "text" ? cell.text : cell.kind === "formula" && typeof cell.expected === "string" ? cell.expected : "";
        if (t.length > EXCEL_MAX_CELL_CHARS) {
          problems.push({
            plats: `bladet "${spec.name}", cell ${cellAddress(b.row + r, b.col + c)}`,
            meddelande: `Texten är ${formatCount(t.length)} tecken; en cell i Excel rymmer högst ${formatCount(EXCEL_MAX_CELL_CHARS)}. Korta texten i indata. Inget har skrivits.`,
          });
        }
      }
    }
  }
  if (lastRow > EXCEL_MAX_ROWS) {
    problems.unshift({
      plats: `bladet "${spec.name}"`,
      meddelande: `Bladet skulle få ${formatCount(lastRow)} rader; ett blad i Excel rymmer högst ${formatCount(EXCEL_MAX_ROWS)}. Välj ett mindre urval (färre år, regioner eller grupper) eller dela upp filen. Inget har skrivits.`,
    });
  }
  return problems;
}

/** Throws an InputError naming what Excel could not hold (see excelLimitProblems). */
export function assertWithinExcelLimits(spec: SheetSpec): void {
  const problems = excelLimitProblems(spec);
  if (problems.length > 0) throw new InputError(problems);
}

/** Excel's limit for a typed-in validation list ("a,b,c"). */
const LIST_SOURCE_MAX = 255;

export function notOwnedMessage(sheetName: string): string {
  return `Bladet "${sheetName}" finns redan och är inte skapat av Samkalk. Byt namn på bladet eller välj ett annat namn/år – Samkalk skriver inte över det.`;
}

/** Throws a Swedish Error if Excel would refuse part of the spec. */
/**
 * Why a sheet cannot be written for protection, or null: a protected sheet (Excel refuses every write to it)
 * or, for a sheet that must be added, a workbook whose structure is protected.
 */
export function protectionMessage(sheetName: string, target: { exists: boolean; protected?: boolean; structureProtected?: boolean }): string | null {
  if (target.exists && target.protected) {
    return `Bladet "${sheetName}" är skyddat, så Samkalk kan inte skriva det. Ta bort skyddet (Granska > Ta bort skydd för blad) och kör igen. Inget har skrivits.`;
  }
  if (!target.exists && target.structureProtected) {
    return `Arbetsbokens struktur är skyddad, så Samkalk kan inte lägga till bladet "${sheetName}". Ta bort skyddet (Granska > Skydda arbetsbok) och kör igen. Inget har skrivits.`;
  }
  return null;
}

/** Excel's limit for a data-validation error message (the title "Samkalk" is well within its 32). */
export const VALIDATION_MESSAGE_MAX = 225;

export function assertWritableSpec(spec: SheetSpec): void {
  assertWithinExcelLimits(spec);
  const nameProblem = sheetNameProblem(spec.name);
  if (nameProblem) throw new Error(`Bladnamnet "${spec.name}" går inte att använda: ${nameProblem}.`);
  const seen = new Set<string>();
  for (const t of spec.tables) {
    const key = t.name.toUpperCase();
    if (seen.has(key)) throw new Error(`Tabellnamnet "${t.name}" förekommer två gånger på bladet "${spec.name}".`);
    seen.add(key);
  }
  for (const v of spec.validations) {
    if (v.errorMessage.length > VALIDATION_MESSAGE_MAX) {
      throw new Error(`Ett felmeddelande för datavalidering på bladet "${spec.name}" är längre än Excels gräns på ${VALIDATION_MESSAGE_MAX} tecken.`);
    }
    if (v.rule.kind !== "list") continue;
    const values = v.rule.values;
    const withComma = values.find((x) => x.includes(","));
    if (values.length === 0) throw new Error(`En vallista på bladet "${spec.name}" är tom.`);
    if (withComma) throw new Error(`Valet "${withComma}" innehåller ett kommatecken och kan inte stå i en vallista i Excel.`);
    if (values.join(",").length > LIST_SOURCE_MAX) {
      throw new Error(`En vallista på bladet "${spec.name}" är längre än Excels gräns på ${LIST_SOURCE_MAX} tecken.`);
    }
  }
}

export interface LiveTable {
  name: string;
  sheetName: string;
}

/**
 * A Swedish message if a table of the spec would collide with a table on another sheet (table names
 * are unique in the whole workbook), else null. Tables on the sheet being rewritten are replaced.
 */
export function tableConflictMessage(spec: SheetSpec, live: LiveTable[], rewrittenSheet: string | null): string | null {
  for (const t of spec.tables) {
    const clash = live.find(
      (l) => sameSheetName(l.name, t.name) && (rewrittenSheet === null || !sameSheetName(l.sheetName, rewrittenSheet)),
    );
    if (clash) {
      return `Tabellen "${clash.name}" finns redan på bladet "${clash.sheetName}". Byt namn på den tabellen eller ta bort den – Samkalk skriver inte över den.`;
    }
  }
  return null;
}
