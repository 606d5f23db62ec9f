import { XlsxWorkbookHost } from "../hosts/xlsx/xlsxHost";
import { kommunByCode } from "../domain/kommuner";
import { EMBEDDED_POPULATION_YEAR, embeddedPopulation } from "../domain/scb/embeddedPopulation";
import { FeeSplitSettings, runFeeSplitJob } from "../usecases/fee/feeSplitJob";
import { InputError } from "../domain/errors";
import { initiatives001 } from "../samples/initiatives001";
import { defaultInitiativesSettings, runInitiativesJob, writeInitiativeInput } from "../usecases/initiatives/initiativesJob";
import { importBudgetJob, runBudgetProjectionJob } from "../usecases/budget/budgetJob";
import { BUDGET_004, UMEAREGIONEN_BUDGET, planAsProjection } from "../samples/budget004";
import { writeScbDemoSheets } from "./scbDemo";

/** Umeåregionen's members (seed 004): Umeå, Vännäs, Nordmaling, Vindeln, Robertsfors, Bjurholm. */
export const UMEAREGIONEN_KODER = ["2480", "2460", "2401", "2404", "2409", "2403"];

/** The demo fee split: 2021, the state's 5 690 tkr per 004, kommuner by population 16–64 from real SCB data. */
export function umearegionenSettings(): FeeSplitSettings {
  return {
    forbund: "Samordningsförbundet Umeåregionen",
    region: "Region Västerbotten",
    ar: 2021,
    belopp: "5690",
    avser: "stat",
    enhet: "tkr",
    nyckel: { kind: "befolkning", aldersFran: 16, aldersTill: 64, referensAr: EMBEDDED_POPULATION_YEAR },
    kommuner: UMEAREGIONEN_KODER.map((kod) => ({
      kod,
      namn: kommunByCode(kod)!.namn,
      varde: String(embeddedPopulation(kod, 16, 64)),
    })),
  };
}

export async function writeDemoWorkbook(file: string, today = new Date(), opts: { force?: boolean } = {}): Promise<string[]> {
  const host = new XlsxWorkbookHost();
  const outcome = await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", today });
  if (!outcome.ok) throw new InputError(outcome.problems);
  // Seed 001: Umeåregionen's twelve samverkansinitiativ, status June 2023.
  const initSettings = { ...defaultInitiativesSettings(today), forbund: "Samordningsförbundet Umeåregionen", datum: "2023-06-15" };
  const input = await writeInitiativeInput(host, initiatives001, initSettings);
  if (!input.ok) throw new InputError(input.problems);
  const status = await runInitiativesJob(host, initSettings, { today });
  if (!status.ok) throw new InputError(status.problems);
  // Befolkning from the embedded 2019 figures; Helårsekvivalenter from synthetic data (labelled so).
  const scb = await writeScbDemoSheets(host, UMEAREGIONEN_KODER, "Samordningsförbundet Umeåregionen", today);
  // Seed 004: the 2021–2023 budget as in the verksamhetsplan, its checks, and the projection from 2021
  // that keeps the plan's 2022–2023 amounts and carries 2023 into 2024 unchanged.
  const budget = await importBudgetJob(host, { origin: { row: 0, col: 0 }, values: BUDGET_004 }, UMEAREGIONEN_BUDGET, {
    today,
    kalla: "verksamhetsplanen 2021–2023, avsnitt 13 Budget (seed 004)",
  });
  if (!budget.ok) throw new InputError(budget.problems);
  const projection = await runBudgetProjectionJob(host, { ...UMEAREGIONEN_BUDGET, prognos: planAsProjection(budget.budget, 2021) }, { today });
  if (!projection.ok) throw new InputError(projection.problems);
  await host.save(file, { force: opts.force });
  return [outcome.sheetName, input.sheet, ...status.sheets, ...scb, ...budget.sheets, projection.sheetName];
}
