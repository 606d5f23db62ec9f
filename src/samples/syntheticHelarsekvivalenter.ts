/**
 * SYNTHETIC helårsekvivalenter: a made-up table shaped like SCB's HE0000T02N2 (region × kön ×
 * åldersgrupp × content × month, the six benefit types, Summa helårsekvivalenter, Folkmängd and
 * Andel av befolkningen, with SCB's own typo "Sjuk- och aktivitetsersersättning"), for the demo and
 * for tests while no real response is at hand. The values are NOT SCB's: each kommun's population
 * 20–64 starts from the embedded real 2019 figures, and the counts are plausible rates with a trend,
 * a season, a 2020 bump in unemployment and seeded noise. Everything that shows them must say
 * "syntetiska exempeldata".
 */
import { kommunByCode } from "../domain/kommuner";
import type { TidyRow, TidyTable } from "../domain/scb/tidy";
import data from "../domain/data/befolkning2019.json";

export const SYNTHETIC_HE_TITLE = "Helårsekvivalenter 20–64 år efter region, kön och månad (SYNTETISKA EXEMPELDATA)";
export const SYNTHETIC_HE_TABLE_ID = "HE0000T02N2 (syntetisk)";

/** Content labels in SCB's order (public code shows them so; the typo is SCB's). */
export const HE_CONTENTS = [
  "Sjukpenning",
  "Sjuk- och aktivitetsersersättning",
  "Arbetslöshetsersättning",
  "Arbetsmarknadsåtgärder",
  "Ekonomiskt bistånd",
  "Etableringsersättning",
  "Summa helårsekvivalenter",
  "Folkmängd",
  "Andel av befolkningen",
] as const;

/** Rates as a share of the population 20–64 in the first year, and the yearly change of that rate. */
const RATES: Array<[number, number]> = [
  [0.026, -0.0004],
  [0.05, -0.0015],
  [0.024, -0.0003],
  [0.03, -0.0008],
  [0.016, -0.0002],
  [0.006, -0.0003],
];

export interface SyntheticHeOptions {
  /** Kommun codes (riket "00" is always added). */
  kommuner: string[];
  fromYear?: number;
  /** Last year; its months run to `lastMonth` (the preliminary latest year). */
  toYear?: number;
  lastMonth?: number;
  /** Kön values to include; default only "totalt". */
  kon?: string[];
  seed?: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticHelarsekvivalenter(opts: SyntheticHeOptions): TidyTable & { meta: { title: string; tableId: string } } {
  const from = opts.fromYear ?? 2014;
  const to = opts.toYear ?? 2024;
  const lastMonth = opts.lastMonth ?? 12;
  const konValues = opts.kon ?? ["totalt"];
  const random = mulberry32(opts.seed ?? 2024);
  const pop2064 = new Map(data.befolkning.map((b) => [b.kod, b["20-64"]]));
  const riket = data.befolkning.reduce((s, b) => s + b["20-64"], 0);
  const regions = [
    ...opts.kommuner.map((kod) => ({ kod, namn: kommunByCode(kod)?.namn ?? kod, pop: pop2064.get(kod) ?? 10_000, level: 0.75 + 0.6 * random() })),
    { kod: "00", namn: "Riket", pop: riket, level: 1 },
  ];
  const rows: TidyRow[] = [];
  for (const region of regions) {
    for (const kon of konValues) {
      const konShare = kon === "totalt" ? 1 : kon === "kvinnor" ? 0.49 : 0.51;
      const dims = HE_CONTENTS.map((c) => Object.freeze({ kön: kon, åldersgrupp: "20-64 år", tabellinnehåll: c }));
      for (let y = from; y <= to; y++) {
        for (let m = 1; m <= (y === to ? lastMonth : 12); m++) {
          const period = `${y}M${String(m).padStart(2, "0")}`;
          const t = y - from + (m - 1) / 12;
          const pop = Math.round(region.pop * konShare * (1 + 0.003 * (y - 2019)) * (1 + 0.002 * Math.sin(m)) + (random() - 0.5) * 10);
          const noise = () => 1 + (random() - 0.5) * (region.kod === "00" ? 0.01 : 0.12);
          const season = 1 + 0.06 * Math.cos(((m - 1) / 12) * 2 * Math.PI);
          const counts = RATES.map(([rate, change], k) => {
            let r = Math.max(0.0005, rate + change * t) * region.level;
            if (k === 2 && (y === 2020 || (y === 2021 && m <= 6))) r *= 1.45; // the pandemic's unemployment
            if (k === 0 || k === 2) r *= season;
            return Math.max(0, Math.round(pop * r * noise()));
          });
          const summa = counts.reduce((a, b) => a + b, 0);
          const values = [...counts, summa, pop, Math.round((summa / pop) * 1000) / 10];
          values.forEach((v, k) => rows.push({ regionkod: region.kod, region: region.namn, dimensions: dims[k], period, varde: v, status: null }));
        }
      }
    }
  }
  return {
    rows,
    dimensions: ["kön", "åldersgrupp", "tabellinnehåll"],
    notes: ["SYNTETISKA EXEMPELDATA: värdena är påhittade och inte SCB:s. Strukturen följer tabellen HE0000T02N2."],
    meta: { title: SYNTHETIC_HE_TITLE, tableId: SYNTHETIC_HE_TABLE_ID },
  };
}
