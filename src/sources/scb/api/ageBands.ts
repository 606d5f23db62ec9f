/** Age bands and the Alder codes (or codelist values) that cover them exactly. */
import { InputError } from "../../../domain/errors";
import { TidyRow } from "../../../domain/scb/tidy";
import { MetaVariable } from "./metadata";
import { Codelist } from "./schemas";

/** An age band, inclusive; `to: null` = and older. */
export interface AgeBand {
  from: number;
  to: number | null;
}
export const ALDER_16_64: AgeBand = { from: 16, to: 64 };
export const ALDER_20_64: AgeBand = { from: 20, to: 64 };

export function bandLabel(b: AgeBand): string {
  return b.to === null ? `${b.from}+ år` : `${b.from}-${b.to} år`;
}

const OPEN = Number.POSITIVE_INFINITY;

/** The ages an Alder code covers: "16" → [16,16], "20-24" → [20,24], "-4" → [0,4], "100+" → [100,∞); totals → null. */
export function ageInterval(code: string, label = ""): [number, number] | null {
  for (const s of [code.trim(), label.replace(/\s*år\s*$/i, "").trim()]) {
    let m = /^(\d+)$/.exec(s);
    if (m) return [Number(m[1]), Number(m[1])];
    m = /^(\d*)\s*-\s*(\d+)$/.exec(s);
    if (m) return [m[1] === "" ? 0 : Number(m[1]), Number(m[2])];
    m = /^(\d+)\s*\+/.exec(s);
    if (m) return [Number(m[1]), OPEN];
  }
  return null;
}

export interface AgeCodes {
  /** The codelist to apply to Alder, when the cover uses one. */
  codelist?: string;
  codes: string[];
}

/**
 * The fewest Alder codes that together cover exactly `band`, from the variable's own values or
 * from one of the given codelists (an aggregation's values cover the ages in their valueMap).
 * Fewer parts = fewer cells and, in CKM tables, less added noise. Throws InputError (Swedish)
 * when the band cannot be formed exactly.
 */
export function ageCodesFor(alder: MetaVariable, band: AgeBand, codelists: readonly Codelist[] = []): AgeCodes {
  const sources: { codelist?: string; items: { code: string; lo: number; hi: number }[] }[] = [
    { items: intervals(alder.values.map((v) => ({ code: v.code, iv: ageInterval(v.code, v.label) }))) },
    ...codelists.map((cl) => ({
      codelist: cl.id,
      items: intervals(cl.values.map((v) => ({ code: v.code, iv: mapInterval(v.valueMap) ?? (v.valueMap.length === 0 ? ageInterval(v.code, v.label) : null) }))),
    })),
  ];
  let best: AgeCodes | undefined;
  for (const src of sources) {
    const codes = exactCover(src.items, band);
    if (codes && (!best || codes.length < best.codes.length)) best = { ...(src.codelist ? { codelist: src.codelist } : {}), codes };
  }
  if (!best) {
    throw new InputError([
      { plats: `variabeln ${alder.code}`, meddelande: `Åldersbandet ${bandLabel(band)} kan inte bildas exakt av tabellens åldersgrupper.` },
    ]);
  }
  return best;
}

function intervals(xs: { code: string; iv: [number, number] | null }[]) {
  return xs.filter((x): x is { code: string; iv: [number, number] } => x.iv !== null).map((x) => ({ code: x.code, lo: x.iv[0], hi: x.iv[1] }));
}

/** A codelist value's valueMap as one contiguous age interval, or null. */
function mapInterval(valueMap: string[]): [number, number] | null {
  if (valueMap.length === 0) return null;
  const ivs = valueMap.map((c) => ageInterval(c));
  if (ivs.some((x) => x === null)) return null;
  const sorted = (ivs as [number, number][]).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) if (sorted[i][0] !== sorted[i - 1][1] + 1) return null;
  return [sorted[0][0], sorted[sorted.length - 1][1]];
}

/** Shortest sequence of intervals tiling [from, to] exactly (to = ∞ for an open band). */
function exactCover(items: { code: string; lo: number; hi: number }[], band: AgeBand): string[] | null {
  const end = band.to === null ? OPEN : band.to;
  const byStart = new Map<number, { code: string; hi: number }[]>();
  for (const it of items) {
    if (it.lo < band.from || it.hi > end) continue;
    byStart.set(it.lo, [...(byStart.get(it.lo) ?? []), { code: it.code, hi: it.hi }]);
  }
  // Breadth-first over start positions: the first time we reach the end is the fewest parts.
  const prev = new Map<number, { from: number; code: string }>();
  let frontier = [band.from];
  const seen = new Set(frontier);
  while (frontier.length > 0) {
    const nextFrontier: number[] = [];
    for (const at of frontier) {
      for (const { code, hi } of byStart.get(at) ?? []) {
        const after = hi === OPEN ? OPEN : hi + 1;
        if (seen.has(after)) continue;
        seen.add(after);
        prev.set(after, { from: at, code });
        if ((end === OPEN && after === OPEN) || (end !== OPEN && after === end + 1)) {
          const codes: string[] = [];
          for (let p = after; p !== band.from; p = prev.get(p)!.from) codes.unshift(prev.get(p)!.code);
          return codes;
        }
        nextFrontier.push(after);
      }
    }
    frontier = nextFrontier;
  }
  return null;
}

/**
 * Sums the age parts of a fetched band into one row per region, period and remaining
 * dimensions, labelled with the band ("20-64 år"). A part without a value makes the sum
 * missing (status ".."). Use only where parts add up (TAB638); in CKM tables the sum carries
 * the parts' noise.
 */
export function sumAgeBand(rows: readonly TidyRow[], band: AgeBand, ageDimension = "ålder"): TidyRow[] {
  const label = bandLabel(band);
  const groups = new Map<string, TidyRow>();
  for (const r of rows) {
    const dims = { ...r.dimensions, [ageDimension]: label };
    const key = JSON.stringify([r.regionkod, r.period, Object.entries(dims).sort()]);
    const g = groups.get(key);
    if (!g) groups.set(key, { ...r, dimensions: dims, varde: r.varde, status: r.varde === null ? (r.status ?? "..") : null });
    else if (g.varde === null || r.varde === null) groups.set(key, { ...g, varde: null, status: g.status ?? r.status ?? ".." });
    else groups.set(key, { ...g, varde: g.varde + r.varde });
  }
  return [...groups.values()];
}
