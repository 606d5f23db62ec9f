/**
 * The allocation's default underlag from what Samkalk has offline: "the whole country counts".
 *
 * - Inhabitants 16–64 per kommun: SCB's real 2019 figures embedded in Samkalk (BefolkningNy, 31 December 2019).
 * - Försörjningsmått per kommun: SYNTHETIC. Offline Samkalk has only the synthetic helårsekvivalenter
 *   (samples/syntheticHelarsekvivalenter.ts, seeded, deterministic), generated here for all 290 kommuner:
 *   the yearly mean of the monthly "Summa helårsekvivalenter" 20–64 år of the latest year, to one
 *   decimal. Försäkringskassan's försörjningsmått is its own measure from SCB's statistics; the sheet
 *   has a column for the figures of Försäkringskassan's letter, which replace these where typed.
 * - The rest of the country: every kommun outside the user's förbund is one line, "Övriga förbund",
 *   that stands for (förbund in the country − 1) förbund, so the base is counted that many times and
 *   its kommuner' inhabitants and försörjningsmått share the keys. (A few kommuner belong to no förbund;
 *   counting the whole country is the stated simplification, and the user can move a kommun out.)
 */
import { EMBEDDED_POPULATION_SOURCE, EMBEDDED_POPULATION_YEAR, embeddedPopulation } from "../domain/scb/embeddedPopulation";
import { KOMMUNER, kommunByCode } from "../domain/kommuner";
import type { AllocationInput } from "../usecases/tilldelning/allocationJob";
import { syntheticHelarsekvivalenter } from "./syntheticHelarsekvivalenter";

/** About 70 förbund exist (finsam.se); an assumption the sheet states and the user can change. */
export const ANTAL_FORBUND_I_LANDET = 70;
/** The national amount in recent years (finsam.se, "Statens fördelningsmodell"). */
export const NATIONELLT_ANSLAG = "339000000";
export const OVRIGA_FORBUND = "Övriga förbund (resten av landet)";
/** The year of the synthetic helårsekvivalenter the försörjningsmått is taken from. */
export const SYNTHETIC_FM_YEAR = 2024;

export interface WholeCountryOptions {
  /** The user's förbund and its member kommuner (4-digit codes). */
  forbund: string;
  kommuner: string[];
  /** The year forecast. */
  ar: number;
  anslag?: string;
  /** Last year's allocation to the user's förbund, kr, if known (the cap then applies). */
  forraAret?: string;
  antalForbundILandet?: number;
}

let cache: Map<string, number> | null = null;

/** The synthetic försörjningsmått of every kommun: mean monthly "Summa helårsekvivalenter" of the year, one decimal. */
export function syntheticForsorjningsmatt(): Map<string, number> {
  if (cache) return cache;
  const table = syntheticHelarsekvivalenter({ kommuner: KOMMUNER.map((k) => k.kod), fromYear: SYNTHETIC_FM_YEAR, toYear: SYNTHETIC_FM_YEAR });
  const sums = new Map<string, { total: number; months: number }>();
  for (const row of table.rows) {
    if (row.regionkod === "00" || row.dimensions["tabellinnehåll"] !== "Summa helårsekvivalenter" || typeof row.varde !== "number") continue;
    const s = sums.get(row.regionkod) ?? { total: 0, months: 0 };
    sums.set(row.regionkod, { total: s.total + row.varde, months: s.months + 1 });
  }
  cache = new Map([...sums].map(([kod, s]) => [kod, Math.round((s.total / s.months) * 10) / 10]));
  return cache;
}

/** Texts the sheet shows about this underlag. */
export function wholeCountryNotes(forbund: string, antal: number): string[] {
  return [
    `Hela landet räknas: kommunerna utanför ${forbund} står som en rad, "${OVRIGA_FORBUND}", för ${antal - 1} förbund (antagande: ${antal} förbund i landet). Försörjningsmåttet är SYNTETISKT.`,
    "Om underlaget",
    `Invånare 16–64 år: ${EMBEDDED_POPULATION_SOURCE} (${EMBEDDED_POPULATION_YEAR}), inbyggt i Samkalk.`,
    `Försörjningsmått (Samkalk): SYNTETISKA EXEMPELDATA — årsmedel ${SYNTHETIC_FM_YEAR} av månadernas summa helårsekvivalenter 20–64 år ur Samkalks`,
    "syntetiska tabell med samma form som SCB:s HE0000T02N2, inte SCB:s eller Försäkringskassans siffror.",
    "Försäkringskassans försörjningsmått bygger på SCB-statistik som Försäkringskassan hämtar årligen: skriv in siffrorna",
    "från Försäkringskassans brev i kolumnen för brevet, så används de i stället.",
    `Antalet förbund i landet (${antal}) är ett antagande (ungefär 70 enligt finsam.se): ändra "Antal förbund" på raden "${OVRIGA_FORBUND}".`,
    "Några kommuner hör inte till något förbund; här räknas ändå hela landet. Töm förbundscellen för en sådan kommun så räknas den inte.",
  ];
}

/**
 * The default whole-country input for a förbund of the given member kommuner: the job's input for
 * runAllocationJob (e.g. Umeåregionen = 2480, 2460, 2401, 2404, 2409, 2403).
 */
export function wholeCountryAllocationInput(opts: WholeCountryOptions): AllocationInput {
  const antal = opts.antalForbundILandet ?? ANTAL_FORBUND_I_LANDET;
  const members = new Set(opts.kommuner);
  const unknown = opts.kommuner.filter((k) => !kommunByCode(k));
  if (unknown.length > 0) throw new Error(`Okända kommunkoder: ${unknown.join(", ")}`);
  const fm = syntheticForsorjningsmatt();
  const row = (kod: string, forbund: string) => ({
    forbund,
    kod,
    befolkning: String(embeddedPopulation(kod, 16, 64) ?? 0),
    forsorjningsmatt: String(fm.get(kod) ?? 0),
  });
  return {
    ar: opts.ar,
    forbund: opts.forbund,
    anslag: opts.anslag ?? NATIONELLT_ANSLAG,
    grund: "400000",
    viktForsorjning: "75",
    viktBefolkning: "25",
    sparr: "10",
    kommuner: [...opts.kommuner.map((k) => row(k, opts.forbund)), ...KOMMUNER.filter((k) => !members.has(k.kod)).map((k) => row(k.kod, OVRIGA_FORBUND))],
    forbundInfo: [
      { namn: opts.forbund, antal: 1, forraAret: opts.forraAret },
      { namn: OVRIGA_FORBUND, antal: antal - 1 },
    ],
    underlag: wholeCountryNotes(opts.forbund, antal),
  };
}
