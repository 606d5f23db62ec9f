import data from "../data/befolkning2019.json";

/**
 * Real SCB population figures shipped with Samkalk, so the fee split and the demo work offline:
 * BefolkningNy (BE0101A), 31 December 2019, all 290 kommuner, summed from single years of age.
 * Only the bands 16–64 and 20–64 are embedded; other bands come from SCB (or are typed in).
 */
export const EMBEDDED_POPULATION_YEAR = data.ar;
export const EMBEDDED_POPULATION_SOURCE = data.kalla;

type Band = "16-64" | "20-64";
const byCode = new Map(data.befolkning.map((b) => [b.kod, b]));

export function embeddedPopulation(kod: string, aldersFran: number, aldersTill: number): number | null {
  const band = `${aldersFran}-${aldersTill}`;
  if (band !== "16-64" && band !== "20-64") return null;
  return byCode.get(kod)?.[band as Band] ?? null;
}
