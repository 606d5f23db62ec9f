import type { BudgetFollowUpOutcome, BudgetImportOutcome, BudgetProjectionOutcome } from "../../usecases/budget/budgetJob";

/** Places the jobs name (zod paths included) → the place the form's fields are looked up by. */
const ALIASES: Record<string, string> = {
  "prognos.basAr": "basår",
  prognos: "basår",
  "prognos.ekBorjan": "eget kapital vid början",
  "prognos.standardForandring": "standardförändring",
  "uppfoljning.period": "period",
  uppfoljning: "period",
};

type AnyOutcome = BudgetImportOutcome | BudgetProjectionOutcome | BudgetFollowUpOutcome;

/** The problems of the last runs by place, the first message for each. */
export function problemsByPlace(outcomes: (AnyOutcome | null)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of outcomes) {
    if (!o || o.ok || o.editedSheets) continue;
    for (const p of o.problems) {
      if (!p.plats) continue;
      const key = ALIASES[p.plats] ?? p.plats;
      if (!out.has(key)) out.set(key, p.meddelande);
    }
  }
  return out;
}
