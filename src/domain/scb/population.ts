/**
 * Population by kommun, age band and sex, per year, from an SCB population table in tidy form
 * (BefolkningNy by single years of age, a CKM table by age groups, a PX-JSON total, …) or from the
 * figures embedded in Samkalk.
 *
 * A band is taken as SCB gives it when the table has it ("16-64 år"); otherwise it is summed from
 * ages that cover it exactly (single years, or groups that fit inside it). From 2025 SCB adds noise
 * to the population tables, so parts no longer add up to totals: request the bands themselves then.
 * Kön: "totalt" as SCB gives it, else män + kvinnor. Other variables (civilstånd, …) are summed
 * unless they have a total value. Monthly tables give the December value, quarterly the fourth quarter.
 */
import { InputError } from "../errors";
import { kommunByCode } from "../kommuner";
import { parsePeriod, TidyTable } from "./tidy";
import { EMBEDDED_POPULATION_SOURCE, EMBEDDED_POPULATION_YEAR, embeddedPopulation } from "./embeddedPopulation";

/** Ages fran–till inclusive; till null = all ages. */
export interface AgeBand {
  fran: number;
  till: number | null;
}

export type Kon = "totalt" | "kvinnor" | "män";
export const KON_ORDER: Kon[] = ["totalt", "kvinnor", "män"];

export interface PopulationRow {
  regionkod: string;
  region: string;
  band: AgeBand;
  kon: Kon;
  ar: number;
  folkmangd: number;
  /** Where the figure comes from (table id or description). */
  kalla: string;
}

export const DEFAULT_BANDS: AgeBand[] = [
  { fran: 16, till: 64 },
  { fran: 20, till: 64 },
];

export function bandLabel(b: AgeBand): string {
  return b.till === null ? "alla åldrar" : `${b.fran}–${b.till} år`;
}

/** "16–64 år", "16-64", "alla åldrar" → the band; null if it is not one. */
export function parseBandLabel(s: string): AgeBand | null {
  const t = s.trim();
  if (/^(alla åldrar|totalt|samtliga)$/i.test(t)) return { fran: 0, till: null };
  const m = /^(\d{1,3})\s*[-–]\s*(\d{1,3})(\s*år)?$/i.exec(t);
  return m ? { fran: Number(m[1]), till: Number(m[2]) } : null;
}

export const sameBand = (a: AgeBand, b: AgeBand) => a.fran === b.fran && a.till === b.till;

/** An age cell as SCB writes it: "16", "16 år", "100+ år", "16-64 år", "-14 years", "totalt ålder". */
function parseAge(v: string): AgeBand | "total" | null {
  const t = v.trim().replace(/\s*(år|years?|year old)$/i, "");
  if (/^(tot|samtliga|alla|total|totalt)/i.test(t)) return "total";
  let m = /^(\d{1,3})$/.exec(t);
  if (m) return { fran: Number(m[1]), till: Number(m[1]) };
  m = /^(\d{1,3})\s*\+$/.exec(t);
  if (m) return { fran: Number(m[1]), till: 200 };
  m = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(t);
  if (m) return { fran: Number(m[1]), till: Number(m[2]) };
  m = /^[-–]\s*(\d{1,3})$/.exec(t);
  if (m) return { fran: 0, till: Number(m[1]) };
  return null;
}

function parseKon(v: string): Kon | null {
  const t = v.trim().toLowerCase();
  if (/^(män|man|1|men|male|males)$/.test(t)) return "män";
  if (/^(kvinnor|kvinna|2|women|female|females)$/.test(t)) return "kvinnor";
  if (/^(totalt|1\+2|män och kvinnor|kvinnor och män|båda könen|samtliga|total|totalt?,? .*)$/.test(t)) return "totalt";
  return null;
}

const TOTAL_VALUE = /^(totalt|samtliga|total|alla)\b/i;
const CONTENT = /folkmängd|antal personer|befolkning|population/i;

/** Which values of `ages` make up `band` exactly: the band itself, else single years, else groups; null if none do. */
function cover(band: AgeBand, ages: Array<{ value: string; age: AgeBand }>): string[] | null {
  if (band.till === null) return null;
  const exact = ages.find((a) => sameBand(a.age, band));
  if (exact) return [exact.value];
  const inside = ages.filter((a) => a.age.till !== null && a.age.fran >= band.fran && a.age.till <= band.till!);
  const byStart = new Map<number, Array<{ value: string; age: AgeBand }>>();
  for (const a of inside) byStart.set(a.age.fran, [...(byStart.get(a.age.fran) ?? []), a]);
  const out: string[] = [];
  for (let age = band.fran; age <= band.till; ) {
    // Prefer single years (what BefolkningNy gives), then the shortest group starting here.
    const options = (byStart.get(age) ?? []).sort((x, y) => x.age.till! - y.age.till!);
    if (options.length === 0) return null;
    out.push(options[0].value);
    age = options[0].age.till! + 1;
  }
  return out;
}

export interface PopulationOptions {
  bands?: AgeBand[];
  /** What to write as each row's source. */
  kalla: string;
  /** Only these region codes (default: every region with a code). */
  regioner?: string[];
}

export function populationFromTidy(table: TidyTable, opts: PopulationOptions): { rows: PopulationRow[]; varningar: string[] } {
  const bands = opts.bands ?? DEFAULT_BANDS;
  const varningar: string[] = [];
  const dims = table.dimensions;
  const ageDim = dims.find((d) => /^(ålder|alder|age)/i.test(d.trim()));
  const konDim = dims.find((d) => /^(kön|kon|sex)$/i.test(d.trim()));
  const values = (d: string) => [...new Set(table.rows.map((r) => r.dimensions[d] ?? ""))];

  // Other variables: keep a total value if there is one, else sum over them.
  const keep = new Map<string, string>();
  for (const d of dims) {
    if (d === ageDim || d === konDim) continue;
    const vs = values(d);
    if (vs.length === 1) continue;
    const content = vs.filter((v) => CONTENT.test(v));
    const total = vs.find((v) => TOTAL_VALUE.test(v.trim()));
    if (content.length === 1 && /innehåll|contents/i.test(d)) keep.set(d, content[0]);
    else if (/innehåll|contents/i.test(d)) throw new InputError([{ plats: d, meddelande: `Tabellen har flera innehåll (${vs.join(", ")}); välj folkmängden.` }]);
    else if (total) keep.set(d, total);
  }

  const ages = ageDim ? values(ageDim).map((value) => ({ value, age: parseAge(value) })) : [];
  const unreadable = ages.filter((a) => a.age === null).map((a) => a.value);
  if (unreadable.length > 0) throw new InputError([{ plats: ageDim, meddelande: `Åldrarna ${unreadable.slice(0, 5).map((a) => `"${a}"`).join(", ")} går inte att läsa.` }]);
  const readable = ages.filter((a): a is { value: string; age: AgeBand } => a.age !== null && a.age !== "total");
  const totalAge = ages.find((a) => a.age === "total")?.value;
  const bandParts = new Map<string, string[]>(); // band label → age values
  const wanted: AgeBand[] = ageDim ? bands : [{ fran: 0, till: null }];
  for (const b of wanted) {
    if (!ageDim) continue;
    const parts = b.till === null ? (totalAge ? [totalAge] : null) : cover(b, readable);
    if (parts) bandParts.set(bandLabel(b), parts);
    else varningar.push(`Åldersgruppen ${bandLabel(b)} går inte att få ur tabellens åldrar.`);
  }
  const bandOfAge = new Map<string, AgeBand[]>();
  for (const b of wanted) for (const v of bandParts.get(bandLabel(b)) ?? []) bandOfAge.set(v, [...(bandOfAge.get(v) ?? []), b]);

  const periodYear = (p: string): number | null => {
    const q = parsePeriod(p);
    if (!q) return null;
    if (q.typ === "år") return q.ar;
    if (q.typ === "månad") return q.del === 12 ? q.ar : null;
    return q.del === 4 ? q.ar : null;
  };
  if (table.rows.some((r) => parsePeriod(r.period)?.typ === "månad")) varningar.push("Tabellen har månadsvärden: folkmängden den sista december används för varje år.");

  type Acc = { row: Omit<PopulationRow, "folkmangd">; sum: number; missing: boolean };
  const acc = new Map<string, Acc>();
  const wantedRegions = opts.regioner ? new Set(opts.regioner) : null;
  for (const r of table.rows) {
    if (r.regionkod === "" || (wantedRegions && !wantedRegions.has(r.regionkod))) continue;
    if ([...keep].some(([d, v]) => r.dimensions[d] !== v)) continue;
    const ar = periodYear(r.period);
    if (ar === null) continue;
    const kon: Kon | null = konDim ? parseKon(r.dimensions[konDim] ?? "") : "totalt";
    if (!kon) continue;
    const targets = ageDim ? bandOfAge.get(r.dimensions[ageDim] ?? "") ?? [] : wanted;
    for (const band of targets) {
      const key = `${r.regionkod}|${bandLabel(band)}|${kon}|${ar}`;
      let a = acc.get(key);
      if (!a) {
        a = { row: { regionkod: r.regionkod, region: r.region, band, kon, ar, kalla: opts.kalla }, sum: 0, missing: false };
        acc.set(key, a);
      }
      if (r.varde === null) a.missing = true;
      else a.sum += r.varde;
    }
  }
  // Kön totalt from män + kvinnor where the table has no total.
  for (const a of [...acc.values()]) {
    if (a.row.kon !== "män") continue;
    const base = `${a.row.regionkod}|${bandLabel(a.row.band)}|`;
    const totalKey = `${base}totalt|${a.row.ar}`;
    const women = acc.get(`${base}kvinnor|${a.row.ar}`);
    if (!acc.has(totalKey) && women) {
      acc.set(totalKey, { row: { ...a.row, kon: "totalt" }, sum: a.sum + women.sum, missing: a.missing || women.missing });
    }
  }
  const missing = [...acc.values()].filter((a) => a.missing);
  if (missing.length > 0) varningar.push(`${missing.length} värden saknas i tabellen (t.ex. ${missing[0].row.region} ${bandLabel(missing[0].row.band)} ${missing[0].row.ar}) och har hoppats över.`);
  const order = new Map<string, number>();
  table.rows.forEach((r) => order.has(r.regionkod) || order.set(r.regionkod, order.size));
  const rows = [...acc.values()]
    .filter((a) => !a.missing)
    .map((a) => ({ ...a.row, folkmangd: a.sum }))
    .sort(comparePopulationRows(order, wanted));
  if (rows.length === 0) {
    throw new InputError([
      { plats: "tabellen", meddelande: "Tabellen gav ingen folkmängd för de valda åldersgrupperna och åren." },
      ...varningar.map((meddelande) => ({ plats: "tabellen", meddelande })),
    ]);
  }
  return { rows, varningar };
}

function comparePopulationRows(order: Map<string, number>, bands: AgeBand[]) {
  const bandIndex = (b: AgeBand) => bands.findIndex((x) => sameBand(x, b));
  return (x: PopulationRow, y: PopulationRow) =>
    (order.get(x.regionkod) ?? 0) - (order.get(y.regionkod) ?? 0) ||
    bandIndex(x.band) - bandIndex(y.band) ||
    KON_ORDER.indexOf(x.kon) - KON_ORDER.indexOf(y.kon) ||
    x.ar - y.ar;
}

/** The embedded 2019 figures (16–64 and 20–64, both sexes) for these kommuner. */
export function embeddedPopulationRows(koder: string[]): PopulationRow[] {
  const rows: PopulationRow[] = [];
  for (const kod of koder) {
    for (const band of DEFAULT_BANDS) {
      const v = embeddedPopulation(kod, band.fran, band.till!);
      if (v === null) continue;
      rows.push({ regionkod: kod, region: kommunByCode(kod)?.namn ?? kod, band, kon: "totalt", ar: EMBEDDED_POPULATION_YEAR, folkmangd: v, kalla: EMBEDDED_POPULATION_SOURCE });
    }
  }
  return rows;
}

/** Rows of `next` replace rows of `previous` with the same kommun, band, kön and year; the rest are kept. */
export function mergePopulationRows(previous: PopulationRow[], next: PopulationRow[]): PopulationRow[] {
  const key = (r: PopulationRow) => `${r.regionkod}|${bandLabel(r.band)}|${r.kon}|${r.ar}`;
  const replaced = new Set(next.map(key));
  const merged = [...previous.filter((r) => !replaced.has(key(r))), ...next];
  const order = new Map<string, number>();
  for (const r of merged) if (!order.has(r.regionkod)) order.set(r.regionkod, order.size);
  const sortedCodes = [...order.keys()].sort();
  const codeOrder = new Map(sortedCodes.map((k, i) => [k, i]));
  const bands: AgeBand[] = [];
  for (const r of merged) if (!bands.some((b) => sameBand(b, r.band))) bands.push(r.band);
  bands.sort((a, b) => a.fran - b.fran || (a.till ?? 999) - (b.till ?? 999));
  return merged.sort(comparePopulationRows(codeOrder, bands));
}
