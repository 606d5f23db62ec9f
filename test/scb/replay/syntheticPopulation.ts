import befolkning2019 from "../../../src/domain/data/befolkning2019.json";
import { KOMMUNER } from "../../../src/domain/kommuner";
import { JsonStatDataset, MetadataDatasetSchema } from "../../../src/sources/scb/api/schemas";
import { FILES, fixtureJson } from "../fixturePaths";
import { Cube } from "./cube";
import { between, SYNTHETIC_NOTE } from "./synthetic";

/**
 * SYNTHETIC TAB638 (BefolkningNy): folkmängd by region × civilstånd × ålder × kön × år, 1968–2024,
 * with the real table's structure (SCB's own metadata, rOpenGov_TAB638_metadata_sv.json: 312
 * regions, 4 civilstånd, ages 0–99, 100+ and tot, 2 sexes, BE0101N1/N2, 57 years) and invented
 * values. It exists so the request splitter has a big cube to chew on; it is never written out
 * whole (58 million cells) but computed per cell on demand.
 *
 * Seeded with real 2019 figures: for every kommun, 2019's total, 16–64 and 20–64 (summed over
 * civilstånd and sex) equal src/domain/data/befolkning2019.json exactly. Everything else (the
 * age profile inside each band, sex and civilstånd shares, other years' growth) is a smooth
 * deterministic invention. Län and riket are sums of their kommuner, so the cube adds up like the
 * real table (which has no CKM noise).
 */
const AGES = 101; // 0–99 and 100+
const CIV = 4; // OG, G, SK, ÄNKL
const SEX = 2; // 1 män, 2 kvinnor
const BLOCK = CIV * AGES * SEX;

interface Seed {
  total: number;
  a16: number;
  a20: number;
}

const seeds = new Map<string, Seed>(befolkning2019.befolkning.map((b) => [b.kod, { total: b.total, a16: b["16-64"], a20: b["20-64"] }]));
const lanOf = new Map(KOMMUNER.map((k) => [k.kod, k.lan]));

function ageWeight(kod: string, a: number): number {
  let w: number;
  if (a <= 15) w = 1 + 0.05 * Math.sin(a);
  else if (a <= 19) w = 1;
  else if (a <= 64) w = 1 + 0.18 * Math.exp(-(((a - 32) / 11) ** 2)) - (a > 55 ? (0.1 * (a - 55)) / 10 : 0);
  else if (a < 100) w = Math.exp(-(((a - 62) / 19) ** 2));
  else w = 0.02;
  return w * between(`${kod}|a${a}`, 0.93, 1.07);
}

function maleShare(kod: string, a: number): number {
  const base = a < 20 ? 0.513 : a < 60 ? 0.507 : a < 100 ? 0.507 - (a - 60) * 0.0045 : 0.2;
  return base * between(`${kod}|m${a}`, 0.98, 1.02);
}

function civShares(a: number, sex: number): number[] {
  if (a < 18) return [1, 0, 0, 0];
  const g = (0.62 / (1 + Math.exp(-(a - 33) / 4.5))) * (a > 75 ? Math.exp(-(a - 75) / (sex === 1 ? 20 : 9)) : 1);
  const s = 0.14 / (1 + Math.exp(-(a - 45) / 7));
  const w = (sex === 1 ? 0.35 : 0.75) / (1 + Math.exp(-(a - 82) / 6));
  return [Math.max(0.02, 1 - g - s - w), g, s, w];
}

const blocks = new Map<string, Int32Array>();
const SEGMENTS: [number, number][] = [[0, 15], [16, 19], [20, 64], [65, 100]];

interface KommunProfile {
  seed: Seed;
  /** Per segment (0–15, 16–19, 20–64, 65–100+): cumulative age weights, normalised to end at 1. */
  cumulative: Float64Array[];
  male: number[];
  young2019: number;
  old2019: number;
  growth: number;
}
const profiles = new Map<string, KommunProfile>();
/** Cumulative civilstånd shares by age and sex (the same everywhere), ending at 1. */
const CIV_CUMULATIVE = Array.from({ length: AGES }, (_, a) => [cumulative(civShares(a, 1)), cumulative(civShares(a, 2))]);

function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((x, y) => x + y, 0);
  const out = new Float64Array(weights.length);
  let run = 0;
  weights.forEach((w, i) => (out[i] = (run += w) / total));
  out[weights.length - 1] = 1;
  return out;
}

/** Non-negative x rounded half up, without a call (Math.* calls are slow inside Jest's vm context). */
const round = (x: number) => (x + 0.5) | 0;

/** Splits n into integers by cumulative shares (differences of round(cum·n), which sum to n exactly) into out[at + i·step]. */
function splitInto(n: number, cum: Float64Array, out: Int32Array | number[], at: number, step: number): void {
  let prev = 0;
  for (let i = 0; i < cum.length; i++) {
    const upTo = round(cum[i] * n);
    out[at + i * step] = upTo - prev;
    prev = upTo;
  }
}

function profile(kod: string): KommunProfile {
  const hit = profiles.get(kod);
  if (hit) return hit;
  const seed = seeds.get(kod) ?? { total: 15000, a16: 9200, a20: 8500 };
  const weights = Array.from({ length: AGES }, (_, a) => ageWeight(kod, a));
  const male = Array.from({ length: AGES }, (_, a) => maleShare(kod, a));
  const wYoung = weights.slice(0, 16).reduce((x, y) => x + y, 0) * between(`${kod}|young`, 0.85, 1.15);
  const wOld = weights.slice(65).reduce((x, y) => x + y, 0);
  const rest = seed.total - seed.a16;
  const young2019 = Math.round((rest * wYoung) / (wYoung + wOld));
  const cum = SEGMENTS.map(([lo, hi]) => cumulative(weights.slice(lo, hi + 1)));
  const p = { seed, cumulative: cum, male, young2019, old2019: rest - young2019, growth: between(`${kod}|growth`, -0.012, 0.015) };
  profiles.set(kod, p);
  return p;
}


/** One kommun's year: counts by civilstånd, age and sex (index civ·202 + age·2 + sex). */
function kommunBlock(kod: string, year: number): Int32Array {
  const key = `${kod}|${year}`;
  const cached = blocks.get(key);
  if (cached) return cached;
  const { seed, cumulative: cum, male, young2019, old2019, growth } = profile(kod);
  const dy = year - 2019;
  const f = (1 + growth) ** dy;
  // 2019 is exact: the seeds' total, 16–64 and 20–64.
  const seg =
    dy === 0
      ? [young2019, seed.a16 - seed.a20, seed.a20, old2019]
      : [
          Math.round(young2019 * f * Math.max(0.3, 1 - 0.004 * dy)),
          Math.round((seed.a16 - seed.a20) * f * Math.max(0.3, 1 + 0.003 * dy)),
          Math.round(seed.a20 * f),
          Math.round(old2019 * f * Math.max(0.2, 1 + 0.012 * dy)),
        ];
  const perAge = new Array<number>(AGES).fill(0);
  for (let i = 0; i < SEGMENTS.length; i++) splitInto(seg[i], cum[i], perAge, SEGMENTS[i][0], 1);
  const block = new Int32Array(BLOCK);
  for (let a = 0; a < AGES; a++) {
    const men = round(perAge[a] * male[a]);
    splitInto(men, CIV_CUMULATIVE[a][0], block, a * SEX, AGES * SEX);
    splitInto(perAge[a] - men, CIV_CUMULATIVE[a][1], block, a * SEX + 1, AGES * SEX);
  }
  blocks.set(key, block);
  return block;
}

/** A region's year: a kommun's own block, or the sum of the kommuner in a län / in riket. */
function regionBlock(region: string, year: number): Int32Array {
  if (region.length === 4) return kommunBlock(region, year);
  const key = `${region}|${year}`;
  const cached = blocks.get(key);
  if (cached) return cached;
  const sum = new Int32Array(BLOCK);
  for (const k of KOMMUNER) {
    if (region !== "00" && lanOf.get(k.kod) !== region) continue;
    const b = kommunBlock(k.kod, year);
    for (let i = 0; i < BLOCK; i++) sum[i] += b[i];
  }
  blocks.set(key, sum);
  return sum;
}

function folkmangd(region: string, civ: number, ageCode: string, sex: number, year: number): number {
  const b = regionBlock(region, year);
  if (ageCode === "tot") {
    let s = 0;
    for (let a = 0; a < AGES; a++) s += b[civ * AGES * SEX + a * SEX + sex];
    return s;
  }
  const a = ageCode === "100+" ? 100 : Number(ageCode);
  return b[civ * AGES * SEX + a * SEX + sex];
}

let metadata: JsonStatDataset | undefined;

/** SCB's real TAB638 metadata (json-stat2, value: []). */
export function tab638Metadata(): JsonStatDataset {
  metadata ??= MetadataDatasetSchema.parse(fixtureJson(FILES.tab638meta));
  return metadata;
}

export function syntheticTab638Cube(): Cube {
  const meta = tab638Metadata();
  const codes = meta.id.map((id) => {
    const idx = meta.dimension[id].category.index as Record<string, number>;
    return Object.keys(idx).sort((a, b) => idx[a] - idx[b]);
  });
  const [regions, , ages, , contents, years] = codes;
  const base: JsonStatDataset = {
    ...meta,
    source: "Samkalk replay-server (SYNTETISKA värden i SCB:s TAB638-struktur)",
    note: [SYNTHETIC_NOTE, ...(meta.note ?? [])],
  };
  return {
    base,
    ids: meta.id,
    codes,
    valueAt: ([r, civ, a, sex, c, t]) => {
      const year = Number(years[t]);
      const now = folkmangd(regions[r], civ, ages[a], sex, year);
      return contents[c] === "BE0101N1" ? now : now - folkmangd(regions[r], civ, ages[a], sex, year - 1);
    },
  };
}
