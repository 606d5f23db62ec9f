import befolkning2019 from "../../../src/domain/data/befolkning2019.json";
import { KOMMUNER } from "../../../src/domain/kommuner";
import { JsonStatDataset } from "../../../src/sources/scb/api/schemas";
import { Cube } from "./cube";
import { between, SYNTHETIC_NOTE } from "./synthetic";

/**
 * SYNTHETIC helårsekvivalenter (HE0000T02N2, reported v2 id TAB1386). No real response of this
 * table was available, so the replay server answers from a generated cube whose STRUCTURE follows
 * DOMAIN.md (what public code shows; not verified against a live response):
 *   Region: riket 00 and the 290 kommuner; Kon: 1 män, 2 kvinnor, 1+2 totalt (the total's code is
 *   a guess); Aldersgrupp: 20-64, 20-65; ContentsCode: the six benefit types, Summa, Folkmängd,
 *   Andel (the codes SYNT01…SYNT09 are invented: the real ones are unknown, so clients must
 *   match contents by label); Tid: months 2014M01–2025M12 (2025 marked preliminary).
 * VALUES are invented: population from the real 2019 20–64 figures (befolkning2019.json) with a
 * trend, benefit rates with national trends (sjukersättning falling, a 2020 bump in sjukpenning and
 * arbetslöshet, an etablering peak 2016–17), seasonality and a fixed factor per kommun. Summa is the
 * sum of the six, riket and 1+2 are sums, Andel = Summa / Folkmängd in per cent (1 decimal).
 * Some small kommuner show ekonomiskt bistånd as 0 in the last months, as SCB does when it is missing.
 */
export const HE_TABLE_ID = "TAB1386";
export const HE_V1_PATHS = ["HE/HE0112/HE0000T02N2", "HE/HE0000/HE0000T02N2"];
export const HE_FIRST_YEAR = 2014;
export const HE_LAST_YEAR = 2025;

export const HE_CONTENTS = [
  { code: "SYNT01", label: "Sjukpenning" },
  { code: "SYNT02", label: "Sjuk- och aktivitetsersersättning" },
  { code: "SYNT03", label: "Arbetslöshetsersättning" },
  { code: "SYNT04", label: "Arbetsmarknadsåtgärder" },
  { code: "SYNT05", label: "Ekonomiskt bistånd" },
  { code: "SYNT06", label: "Etableringsersättning" },
  { code: "SYNT07", label: "Summa helårsekvivalenter" },
  { code: "SYNT08", label: "Folkmängd" },
  { code: "SYNT09", label: "Andel av befolkningen" },
] as const;

const REGIONS = [{ code: "00", label: "Riket" }, ...KOMMUNER.map((k) => ({ code: k.kod, label: k.namn }))];
const KON = [
  { code: "1", label: "män" },
  { code: "2", label: "kvinnor" },
  { code: "1+2", label: "totalt" },
];
const ALDERSGRUPP = [
  { code: "20-64", label: "20-64 år" },
  { code: "20-65", label: "20-65 år" },
];
function months(): string[] {
  const out: string[] = [];
  for (let y = HE_FIRST_YEAR; y <= HE_LAST_YEAR; y++) for (let m = 1; m <= 12; m++) out.push(`${y}M${String(m).padStart(2, "0")}`);
  return out;
}
const TID = months().map((c) => ({ code: c, label: c }));

const pop2064 = new Map(befolkning2019.befolkning.map((b) => [b.kod, b["20-64"]]));

/** Share of the population 20–64 on each benefit, for riket, by fractional year t (2014.0 = Jan 2014). */
function nationalRates(t: number, month: number): number[] {
  const covid = t >= 2020.17 && t < 2021.5 ? 1 : 0;
  const winter = month <= 2 || month === 12 ? 1.08 : month >= 6 && month <= 8 ? 0.94 : 1;
  const sjukpenning = 0.024 + 0.004 * Math.sin((t - 2014) / 2.5) + 0.005 * covid;
  const sjukersattning = Math.max(0.026, 0.042 - 0.0011 * (t - 2014));
  const arbetsloshet = (0.017 + 0.006 * covid - 0.0004 * Math.max(0, t - 2021.5)) * winter;
  const atgarder = Math.max(0.012, 0.023 - 0.0006 * (t - 2014));
  const bistand = Math.max(0.009, 0.016 - 0.0005 * (t - 2014));
  const etablering = 0.0015 + 0.0045 * Math.exp(-(((t - 2016.8) / 1.3) ** 2));
  return [sjukpenning, sjukersattning, arbetsloshet, atgarder, bistand, etablering];
}

/** How benefits split between men and women (share for men, by type). */
const MALE_SHARE = [0.36, 0.43, 0.54, 0.55, 0.52, 0.5];

/** One kommun-month: [kon 1, 2][aldersgrupp][six types + folkmängd], all integers. */
function kommunMonth(kod: string, tIndex: number): number[][][] {
  const year = HE_FIRST_YEAR + Math.floor(tIndex / 12);
  const month = (tIndex % 12) + 1;
  const t = year + (month - 1) / 12;
  const base = pop2064.get(kod) ?? 8000;
  const pop = base * (1 + between(`${kod}|he-growth`, -0.01, 0.012)) ** (t - 2019);
  const general = between(`${kod}|he-level`, 0.75, 1.35);
  const rates = nationalRates(t, month).map((r, i) => r * general * between(`${kod}|he-type${i}`, 0.75, 1.3));
  const lastMonths = tIndex >= TID.length - 2;
  const bistandMissing = lastMonths && base < 6000 && between(`${kod}|he-missing`, 0, 1) < 0.3;
  return [0, 1].map((sex) =>
    ALDERSGRUPP.map((_, g) => {
      const groupPop = pop * (g === 1 ? 1 + between(`${kod}|he-65`, 0.019, 0.026) : 1) * (sex === 0 ? 0.508 : 0.492);
      const folk = Math.round(groupPop);
      const counts = rates.map((r, i) => {
        const share = sex === 0 ? MALE_SHARE[i] / 0.508 : (1 - MALE_SHARE[i]) / 0.492;
        const wobble = 1 + 0.03 * Math.sin(tIndex / 3 + i + sex) * between(`${kod}|he-w${i}`, 0, 1);
        return Math.round(groupPop * r * share * wobble * (g === 1 ? 1.01 : 1));
      });
      if (bistandMissing) counts[4] = 0;
      return [...counts, folk];
    }),
  );
}

const cache = new Map<string, number[][][]>();
function regionMonth(region: string, tIndex: number): number[][][] {
  const key = `${region}|${tIndex}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let out: number[][][];
  if (region === "00") {
    out = [0, 1].map(() => ALDERSGRUPP.map(() => new Array<number>(7).fill(0)));
    for (const k of KOMMUNER) {
      const m = kommunMonth(k.kod, tIndex);
      for (let s = 0; s < 2; s++) for (let g = 0; g < 2; g++) for (let i = 0; i < 7; i++) out[s][g][i] += m[s][g][i];
    }
  } else out = kommunMonth(region, tIndex);
  cache.set(key, out);
  return out;
}

function heValue(region: string, kon: number, g: number, content: number, tIndex: number): number {
  const m = regionMonth(region, tIndex);
  const parts = kon === 2 ? [m[0][g], m[1][g]] : [m[kon][g]];
  const sum = (i: number) => parts.reduce((s, p) => s + p[i], 0);
  const summa = [0, 1, 2, 3, 4, 5].reduce((s, i) => s + sum(i), 0);
  if (content <= 5) return sum(content);
  if (content === 6) return summa;
  if (content === 7) return sum(6);
  return Math.round((1000 * summa) / sum(6)) / 10;
}

const NOTES = [
  SYNTHETIC_NOTE,
  "Strukturen följer DOMAIN.md (offentlig kod), inte ett verifierat SCB-svar. Innehållskoderna SYNT01–SYNT09 och könskoden 1+2 är påhittade.",
  `Uppgifterna för ${HE_LAST_YEAR} är preliminära.`,
];

const dim = (label: string, values: { code: string; label: string }[], extension: Record<string, unknown>) => ({
  label,
  category: { index: Object.fromEntries(values.map((v, i) => [v.code, i])), label: Object.fromEntries(values.map((v) => [v.code, v.label])) },
  extension,
});

/** v2 json-stat2 metadata (value: []) for the synthetic TAB1386. */
export function heMetadataV2(): JsonStatDataset {
  return {
    version: "2.0",
    class: "dataset",
    label: "SYNTETISK: Antal helårsekvivalenter 20-64 (20-65) år som försörjs med sociala ersättningar och bidrag efter region, kön, åldersgrupp, tabellinnehåll och månad",
    source: "Samkalk replay-server (SYNTETISKA värden)",
    updated: `${HE_LAST_YEAR + 1}-02-15T07:00:00Z`,
    note: NOTES,
    role: { time: ["Tid"], geo: ["Region"], metric: ["ContentsCode"] },
    id: ["Region", "Kon", "Aldersgrupp", "ContentsCode", "Tid"],
    size: [REGIONS.length, KON.length, ALDERSGRUPP.length, HE_CONTENTS.length, TID.length],
    dimension: {
      Region: dim("region", REGIONS, { elimination: false, show: "code_value" }),
      Kon: dim("kön", KON, { elimination: true, eliminationValueCode: "1+2", show: "value" }),
      Aldersgrupp: dim("åldersgrupp", ALDERSGRUPP, { elimination: false, show: "value" }),
      ContentsCode: {
        ...dim("tabellinnehåll", [...HE_CONTENTS], { elimination: false, show: "value" }),
        category: {
          index: Object.fromEntries(HE_CONTENTS.map((v, i) => [v.code, i])),
          label: Object.fromEntries(HE_CONTENTS.map((v) => [v.code, v.label])),
          unit: Object.fromEntries(
            HE_CONTENTS.map((v, i) => [v.code, i === 8 ? { base: "procent", decimals: 1 } : { base: i === 7 ? "antal personer" : "helårsekvivalenter", decimals: 0 }]),
          ),
        },
      },
      Tid: dim("månad", TID, { elimination: false, show: "code" }),
    },
    extension: { px: { infofile: "HE0000", tableid: HE_TABLE_ID, matrix: "HE0000T02N2", decimals: 1, "subject-code": "HE", language: "sv", synthetic: true } },
    value: [],
  };
}

/** v1 metadata (`{title, variables}`) for the same synthetic table. */
export function heMetadataV1(): { title: string; variables: unknown[] } {
  const v2 = heMetadataV2();
  return {
    title: v2.label!,
    variables: v2.id.map((id) => {
      const d = v2.dimension[id];
      const idx = d.category.index as Record<string, number>;
      const codes = Object.keys(idx).sort((a, b) => idx[a] - idx[b]);
      return {
        code: id,
        text: d.label,
        values: codes,
        valueTexts: codes.map((c) => d.category.label![c]),
        ...(d.extension?.elimination ? { elimination: true } : {}),
        ...(id === "Tid" ? { time: true } : {}),
      };
    }),
  };
}

export function syntheticHeCube(): Cube {
  const meta = heMetadataV2();
  const codes = meta.id.map((id) => {
    const idx = meta.dimension[id].category.index as Record<string, number>;
    return Object.keys(idx).sort((a, b) => idx[a] - idx[b]);
  });
  return {
    base: meta,
    ids: meta.id,
    codes,
    valueAt: ([r, k, g, c, t]) => heValue(codes[0][r], k, g, c, t),
  };
}

/** The sample written to test/fixtures/scb/synthetic: riket and Umeåregionen's six kommuner, 2023M01–2024M12, everything else. */
export const HE_SAMPLE_SELECTION = {
  Region: ["00", "2480", "2460", "2401", "2404", "2409", "2403"],
  Kon: ["1", "2", "1+2"],
  Aldersgrupp: ["20-64", "20-65"],
  ContentsCode: HE_CONTENTS.map((c) => c.code),
  Tid: TID.filter((t) => t.code >= "2023M01" && t.code <= "2024M12").map((t) => t.code),
};
