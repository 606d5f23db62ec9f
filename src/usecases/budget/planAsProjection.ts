import { amountToPlain } from "../../domain/amount";
import type { BudgetImport } from "../../sources/budget/budgetCells";
import type { ProjectionSettings } from "./budgetSettings";

/**
 * Projection settings that keep an imported plan: from the base year, each later year of the import
 * becomes fixed amounts (posts) and decided member fees; years after the plan follow `standard` (%).
 * Equity starts where the import's base year ends.
 */
export function planAsProjection(imp: BudgetImport, basAr: number, antalAr = 3, standard = "0"): ProjectionSettings {
  const plan = imp.ar.filter((y) => y > basAr && y <= basAr + antalAr);
  const at = (post: string, ar: number) => imp.rader.find((r) => r.post === post && r.ar === ar)!.belopp;
  const base = imp.rader.filter((r) => r.ar === basAr);
  const j = imp.ar.indexOf(basAr);
  const ek = imp.struktur.find((l) => l.kind === "ek_slut");
  const plain = (a: Parameters<typeof amountToPlain>[0]) => amountToPlain(a);
  return {
    basAr,
    antalAr,
    standardForandring: standard,
    ...(ek && j >= 0 ? { ekBorjan: plain(ek.belopp[j]) } : {}),
    antaganden: base
      .filter((r) => !r.medlem)
      .map((r) => ({ post: r.post, fastaBelopp: Object.fromEntries(plan.map((y) => [String(y), plain(at(r.post, y))])) })),
    medlemsavgifter: plan.map((ar) => {
      const first = (m: string) => base.filter((r) => r.medlem === m).map((r) => plain(at(r.post, ar)))[0];
      return {
        ar,
        ...(first("stat") ? { stat: first("stat") } : {}),
        ...(first("region") ? { region: first("region") } : {}),
        kommuner: base.filter((r) => r.medlem === "kommun" && r.medlemskod).map((r) => ({ kod: r.medlemskod!, belopp: plain(at(r.post, ar)) })),
      };
    }),
  };
}
