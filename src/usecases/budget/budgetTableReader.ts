import type { Amount } from "../../domain/amount";
import { parseAmount } from "../../domain/amount";
import type { BasPost } from "../../domain/budget/projection";
import type { Enhet, Medlem, Sektion } from "../../domain/budget/types";
import { InputError, InputProblem } from "../../domain/errors";
import type { ReadValue } from "../../sheets/spec";
import { BUDGET_COLUMNS, BUDGET_HEADER_ROW, BUDGET_SHEET, BUDGET_TABLE } from "../../sheets/budget/budgetTableSheet";
import type { BudgetImport } from "../../sources/budget/budgetCells";

/** The base of a projection: the posts of one year, the unit, and (if known) the equity at that year's end. */
export interface ProjectionBase {
  enhet: Enhet;
  ar: number[];
  bas: BasPost[];
  ekSlut?: Amount;
}

/** The base year from an import (the equity at its end from the "Eget kapital vid årets slut" line). */
export function baseFromImport(imp: BudgetImport, basAr: number): ProjectionBase {
  const j = imp.ar.indexOf(basAr);
  const ek = imp.struktur.find((l) => l.kind === "ek_slut");
  return {
    enhet: imp.enhet,
    ar: imp.ar,
    bas: imp.rader.filter((r) => r.ar === basAr),
    ...(ek && j >= 0 ? { ekSlut: ek.belopp[j] } : {}),
  };
}

const SEKTIONER: Record<string, Sektion> = { intäkter: "intäkter", kostnader: "kostnader" };
const MEDLEMMAR: Record<string, Medlem> = { stat: "stat", region: "region", kommun: "kommun" };

/** The Samkalk_Budget table as read back from the workbook (the user may have corrected amounts in it). */
export function parseBudgetTable(header: string[], body: ReadValue[][], basAr: number): ProjectionBase {
  const problems: InputProblem[] = [];
  const at = (name: (typeof BUDGET_COLUMNS)[number]) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const cols = Object.fromEntries(BUDGET_COLUMNS.map((c) => [c, at(c)])) as Record<(typeof BUDGET_COLUMNS)[number], number>;
  const missing = BUDGET_COLUMNS.filter((c) => ["Sektion", "Post", "År", "Belopp", "Enhet"].includes(c) && cols[c] < 0);
  if (missing.length > 0) {
    throw new InputError([{ plats: `bladet ${BUDGET_SHEET}`, meddelande: `Tabellen ${BUDGET_TABLE} saknar kolumnerna ${missing.join(", ")}. Läs in budgeten igen.` }]);
  }
  const str = (v: ReadValue) => (v === null ? "" : String(v).trim());
  const bas: BasPost[] = [];
  const ar = new Set<number>();
  const enheter = new Set<Enhet>();
  body.forEach((row, i) => {
    if (row.every((v) => v === null || v === "")) return;
    const plats = `bladet ${BUDGET_SHEET}, rad ${BUDGET_HEADER_ROW + 2 + i}`;
    const sektion = SEKTIONER[str(row[cols.Sektion]).toLowerCase()];
    const post = str(row[cols.Post]);
    const year = Number(row[cols.År]);
    const raw = row[cols.Belopp];
    const belopp = raw === null || raw === "" ? { minor: 0n, decimals: 0 } : typeof raw === "boolean" ? null : parseAmount(raw);
    const enhet = str(row[cols.Enhet]);
    const medlemText = cols.Medlem >= 0 ? str(row[cols.Medlem]).toLowerCase() : "";
    if (!sektion) problems.push({ plats, meddelande: `Sektionen ska vara Intäkter eller Kostnader, inte "${str(row[cols.Sektion])}".` });
    if (post === "") problems.push({ plats, meddelande: "Posten saknar namn." });
    if (!Number.isInteger(year)) problems.push({ plats, meddelande: `"${str(row[cols.År])}" är inte ett år.` });
    if (!belopp) problems.push({ plats, meddelande: `"${str(raw)}" är inte ett belopp.` });
    if (enhet !== "kr" && enhet !== "tkr") problems.push({ plats, meddelande: `Enheten ska vara kr eller tkr, inte "${enhet}".` });
    else enheter.add(enhet);
    if (medlemText !== "" && !MEDLEMMAR[medlemText]) problems.push({ plats, meddelande: `Medlem ska vara stat, region, kommun eller tom, inte "${medlemText}".` });
    if (Number.isInteger(year)) ar.add(year);
    if (!sektion || !belopp || year !== basAr || post === "") return;
    const grupp = cols.Grupp >= 0 ? str(row[cols.Grupp]) : "";
    const kod = cols.Medlemskod >= 0 ? str(row[cols.Medlemskod]) : "";
    bas.push({
      sektion,
      post,
      belopp,
      ...(grupp ? { grupp } : {}),
      ...(MEDLEMMAR[medlemText] ? { medlem: MEDLEMMAR[medlemText] } : {}),
      ...(kod ? { medlemskod: kod } : {}),
    });
  });
  if (enheter.size > 1) problems.push({ plats: `bladet ${BUDGET_SHEET}`, meddelande: "Tabellen blandar kr och tkr." });
  if (problems.length > 0) throw new InputError(problems);
  return { enhet: [...enheter][0] ?? "tkr", ar: [...ar].sort((a, b) => a - b), bas };
}
