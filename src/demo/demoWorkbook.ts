import { XlsxWorkbookHost } from "../hosts/xlsx/xlsxHost";
import { kommunByCode } from "../domain/kommuner";
import { EMBEDDED_POPULATION_YEAR, embeddedPopulation } from "../domain/scb/embeddedPopulation";
import type { FeeSplitSettings } from "../usecases/fee/feeSplitJob";
import { InputError } from "../domain/errors";
import { initiatives001 } from "../samples/initiatives001";
import { BUDGET_004, UMEAREGIONEN_BUDGET } from "../samples/budget004";
import { syntheticHelarsekvivalenter } from "../samples/syntheticHelarsekvivalenter";
import { UMEAREGIONEN_PROFILE } from "../samples/umearegionenProfile";
import { wholeCountryAllocationInput } from "../samples/wholeCountryAllocation";
import { buildBoardPack, type PackSources } from "../usecases/pack/boardPack";

/** Umeåregionen's members (seed 004): Umeå, Vännäs, Nordmaling, Vindeln, Robertsfors, Bjurholm. */
export const UMEAREGIONEN_KODER = UMEAREGIONEN_PROFILE.kommuner;

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

/**
 * The demo's sources: seed 004's budget, seed 001's initiatives (June 2023), synthetic helårsekvivalenter (labelled
 * so), and the state-allocation forecast for Umeåregionen against the whole country.
 */
export function umearegionenPackSources(): PackSources {
  return {
    budget: { grid: { origin: { row: 0, col: 0 }, values: BUDGET_004 }, kalla: "verksamhetsplanen 2021–2023, avsnitt 13 Budget (seed 004)", enhet: UMEAREGIONEN_BUDGET.enhet },
    initiativ: { rows: initiatives001, kalla: "Samverkansinitiativ 2024, nuläge juni 2023 (seed 001)" },
    initiativDatum: "2023-06-15",
    syntheticHe: (kommuner) => syntheticHelarsekvivalenter({ kommuner, fromYear: 2014, toYear: 2025, lastMonth: 6 }),
    allocation: (p) => wholeCountryAllocationInput({ forbund: p.forbund, kommuner: p.kommuner, ar: p.ar }),
  };
}

/**
 * `samkalk demo`: Umeåregionen's board pack, built as `samkalk styrelsepaket --inbyggd` builds one, from the
 * profile shipped in src/samples: the 2021 fee split (population 16–64 from SCB's real 2019 figures), seed
 * 004's budget with Budgetkontroll and the projection from 2021 that keeps the plan's 2022–2023 amounts,
 * the helårsekvivalenter analysis on synthetic data, seed 001's twelve initiatives, Källor, Förbundsprofil,
 * Sammanfattning för styrelsen and Innehåll first.
 */
export async function writeDemoWorkbook(file: string, today = new Date(), opts: { force?: boolean } = {}): Promise<string[]> {
  const host = new XlsxWorkbookHost();
  const outcome = await buildBoardPack(host, UMEAREGIONEN_PROFILE, umearegionenPackSources(), { today });
  if (!outcome.ok) throw new InputError(outcome.problems);
  await host.save(file, { force: opts.force });
  return outcome.sheets;
}
