import { Uppfoljning, followUp } from "../../domain/budget/followUp";
import type { Enhet } from "../../domain/budget/types";
import { sheetNameProblem } from "../../domain/excelNames";
import type { WorkbookHost } from "../../hosts/host";
import { BUDGET_COLUMNS, BUDGET_SHEET, BUDGET_TABLE } from "../../sheets/budget/budgetTableSheet";
import { buildFollowUpSheet, followUpSheetName } from "../../sheets/budget/followUpSheet";
import { projectionSheetName } from "../../sheets/budget/projectionSheet";
import { BudgetSettings, SettingsReader, toMedfinansiering, toUppfoljning } from "./budgetSettings";
import { BudgetJobOptions, Refused, fail, failure, finish, parseSettings, yearsAfter } from "./budgetJobCommon";

export type BudgetFollowUpOutcome =
  | { ok: true; sheetName: string; keptCopies: string[]; uppfoljning: Uppfoljning; syncs: number }
  | Refused;

/**
 * Writes "Uppföljning <period>": utfall against budget per line, group and result, avvikelse in kr and %
 * as formulas, and the co-financing commitments per year (the same the projection takes as costs).
 */
export async function runBudgetFollowUpJob(host: WorkbookHost, input: BudgetSettings, opts: BudgetJobOptions = {}): Promise<BudgetFollowUpOutcome> {
  try {
    const settings = parseSettings(input);
    const s = settings.uppfoljning;
    if (!s) return fail([{ plats: "uppföljning", meddelande: "Ange perioden och utfall och budget att följa upp." }]);
    const name = followUpSheetName(s.period);
    const nameProblem = sheetNameProblem(name);
    if (nameProblem) return fail([{ plats: "period", meddelande: `Bladet "${name}" kan inte heta så: ${nameProblem}. Skriv perioden kortare, t.ex. jan–jun 2021.` }]);
    const r = new SettingsReader();
    const indata = toUppfoljning(r, s, s.enhet ?? settings.enhet ?? "kr");
    const medfinansiering = toMedfinansiering(r, settings.medfinansiering);
    if (r.problems.length > 0) return fail(r.problems);
    const uppfoljning = followUp(indata);
    let projektionsblad: string | undefined;
    if (settings.prognos) {
      const pname = projectionSheetName(yearsAfter(settings.prognos.basAr, settings.prognos.antalAr));
      const st = await host.inspectSheet(pname, []);
      if (st.exists && st.ownedBySamkalk) projektionsblad = pname;
    }
    // Commitments are in the budget's unit, which may differ from the follow-up's (tkr against kr).
    let cofinEnhet: Enhet = settings.enhet ?? indata.enhet;
    if (medfinansiering.length > 0 && !settings.enhet) {
      const budget = await host.inspectSheet(BUDGET_SHEET, [BUDGET_TABLE]);
      const unit = budget.tables[BUDGET_TABLE]?.[0]?.[BUDGET_COLUMNS.indexOf("Enhet")];
      if (unit === "kr" || unit === "tkr") cofinEnhet = unit;
    }
    const { spec } = buildFollowUpSheet({
      forbund: settings.forbund,
      today: opts.today ?? new Date(),
      indata,
      uppfoljning,
      medfinansiering,
      medfinansieringEnhet: cofinEnhet,
      ...(projektionsblad ? { projektionsblad } : {}),
    });
    const done = await finish(host, [spec], new Map(), opts, settings);
    if (!done.ok) return done;
    return { ok: true, sheetName: spec.name, keptCopies: done.keptCopies, uppfoljning, syncs: done.syncs };
  } catch (e) {
    return failure(e);
  }
}
