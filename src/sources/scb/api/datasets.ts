import { InputError } from "../../../domain/errors";
import { TidyRow } from "../../../domain/scb/tidy";
import { MetaVariable, TableMetadata } from "./metadata";
import { Codelist } from "./schemas";
import { SelectionInput } from "./selection";

/**
 * The SCB datasets Samkalk fetches, and how to ask for them. Codes that we have seen in real
 * responses (test/fixtures/scb) are used directly; codes we have not seen (helårsekvivalenter,
 * TAB5557) are looked up by their label in the table's metadata at run time.
 */
export type DatasetKey = "befolkning" | "befolkning-ckm-ar" | "befolkning-ckm-manad" | "helarsekvivalenter" | "tabell";

export interface DatasetInfo {
  key: DatasetKey;
  namn: string;
  beskrivning: string;
  /** v2 table id. */
  tableId?: string;
  /** v1 path under https://api.scb.se/OV0104/v1/doris/sv/ssd. */
  v1Path?: string;
  periodtyp: "år" | "månad" | "valfri";
  forstaPeriod?: string;
  sistaPeriod?: string;
  /** How sure we are of ids and codes. */
  verifierat: string;
  anmarkningar: string[];
}

export const DATASETS: Readonly<Record<DatasetKey, DatasetInfo>> = {
  befolkning: {
    key: "befolkning",
    namn: "Folkmängd efter kommun, ålder och kön (år)",
    beskrivning: "Folkmängd 31 december per region, civilstånd, ettårsklass, kön och år.",
    tableId: "TAB638",
    v1Path: "BE/BE0101/BE0101A/BefolkningNy",
    periodtyp: "år",
    forstaPeriod: "1968",
    sistaPeriod: "2024",
    verifierat: "Id, variabler och koder från SCB:s riktiga metadata (v2 TAB638 och v1 BefolkningNy, juni 2026).",
    anmarkningar: [
      "Slutar med 2024. Från 2025 finns folkmängden i CKM-tabellerna TAB5557 (år) och TAB6471 (månad).",
      "Civilstånd utelämnas i frågan och summeras då bort av SCB. Kön 1 och 2 finns, men ingen totalkod: utelämna Kon för båda könen.",
      "Åldersband (16–64, 20–64, eget) hämtas som ettårsklasser och summeras; tabellen har ingen brusning, så delarna summerar exakt.",
    ],
  },
  "befolkning-ckm-ar": {
    key: "befolkning-ckm-ar",
    namn: "Folkmängd efter region, ålder och kön, från 2025 (år, CKM)",
    beskrivning: "SCB:s CKM-skyddade årstabell från referensåret 2025.",
    tableId: "TAB5557",
    periodtyp: "år",
    forstaPeriod: "2025",
    verifierat:
      "Id enligt DOMAIN.md och offentlig kod; ingen metadata för TAB5557 finns inspelad. Koder slås upp i metadata (antas likna TAB6471: TotSA, TotSa, 5- och 10-årsklasser).",
    anmarkningar: [
      "Cell Key Method: varje cell har fått ett litet slumpat brus, så delar summerar inte till totaler. Begär åldersgrupperna direkt (så få delar som möjligt) i stället för att summera ettårsklasser.",
    ],
  },
  "befolkning-ckm-manad": {
    key: "befolkning-ckm-manad",
    namn: "Folkmängd per månad efter region, ålder och kön, från 2025M01 (CKM)",
    beskrivning: "Folkmängden sista dagen i varje månad.",
    tableId: "TAB6471",
    v1Path: "BE/BE0101/BE0101A/BefolkManadCKM",
    periodtyp: "månad",
    forstaPeriod: "2025M01",
    verifierat: "Id, variabler och koder från SCB:s riktiga metadata (pxwebpy-inspelning, 2025M01–2026M04).",
    anmarkningar: [
      "Alder har ettårsklasser, 5- och 10-årsklasser och TotSA; Kon TotSa/1/2; ContentsCode 000007SF.",
      "Samma CKM-brus som TAB5557: begär band direkt, t.ex. 20–64 som 20-29, 30-39, 40-49, 50-59, 60-64.",
    ],
  },
  helarsekvivalenter: {
    key: "helarsekvivalenter",
    namn: "Helårsekvivalenter 20–64 (20–65) år efter kommun, kön och ersättningstyp (månad)",
    beskrivning:
      "Befolkningen som försörjs med sociala ersättningar och bidrag, omräknat till helårsekvivalenter: sex ersättningstyper, Summa, Folkmängd och Andel av befolkningen.",
    tableId: "TAB1386",
    v1Path: "HE/HE0112/HE0000T02N2",
    periodtyp: "månad",
    forstaPeriod: "2014M01",
    verifierat:
      "EJ VERIFIERAT mot SCB: v2-id TAB1386 är rapporterat (offentlig kod, Region Dalarna), inte kontrollerat live; inget riktigt svar finns inspelat. Offentlig kod använder även v1-sökvägen HE/HE0000/HE0000T02N2. Koder för innehåll och kön är okända och slås upp på etikett.",
    anmarkningar: [
      "Variabler (enligt offentlig kod): Region, Kon, Aldersgrupp (20-64, 20-65), ContentsCode, Tid (2014M01…, bara månader).",
      "Regioner: 290 kommuner och riket 00. Län måste summeras av kommunerna; Andel kan inte summeras utan räknas om från Summa och Folkmängd.",
      "Senaste året är preliminärt. Ekonomiskt bistånd som saknas visas som 0. Små kommuner svänger mycket relativt: visa antal bredvid andelar.",
    ],
  },
  tabell: {
    key: "tabell",
    namn: "Valfri SCB-tabell efter id",
    beskrivning: "Vilken tabell som helst i Statistikdatabasen, med ett urval per variabel (fetchDataset delar upp stora urval).",
    periodtyp: "valfri",
    verifierat: "Struktur läses från tabellens metadata.",
    anmarkningar: ["Variabler som inte väljs summeras bort av SCB om de får utelämnas; annars måste de väljas."],
  },
};

/** The population table for a year: TAB638 through 2024, the CKM table TAB5557 from 2025. */
export function populationTableFor(year: number): DatasetInfo {
  return year <= 2024 ? DATASETS.befolkning : DATASETS["befolkning-ckm-ar"];
}

// ---- Age bands -------------------------------------------------------------------------------

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

// ---- Population request ------------------------------------------------------------------

export interface PopulationRequest {
  table: string;
  selection: SelectionInput;
  codelists?: Record<string, string>;
  /** Sum these rows with sumAgeBand (the Alder codes that make up the band). */
  ageCodes: AgeCodes;
}

function findByLabel(v: MetaVariable | undefined, re: RegExp): string[] {
  return v ? v.values.filter((x) => re.test(x.label)).map((x) => x.code) : [];
}

/**
 * Population by kommun, age band and sex for some years, from TAB638 (to 2024) or a CKM table
 * (from 2025), given the table's metadata (and optionally Alder's codelists).
 */
export function populationRequest(
  meta: TableMetadata,
  opts: { regions: readonly string[]; periods: readonly string[]; band: AgeBand; perKon: boolean; alderCodelists?: readonly Codelist[] },
): PopulationRequest {
  const v = (code: string) => meta.variables.find((x) => x.code === code);
  const alder = v("Alder");
  if (!alder) throw new InputError([{ plats: `tabell ${meta.id}`, meddelande: "Tabellen har ingen variabel Alder." }]);
  const ageCodes = ageCodesFor(alder, opts.band, opts.alderCodelists);
  const selection: Record<string, readonly string[]> = { Region: opts.regions, Alder: ageCodes.codes, Tid: opts.periods };
  const contents = findByLabel(v("ContentsCode"), /^folkmängd/i);
  if (v("ContentsCode")) selection.ContentsCode = contents.length ? [contents[0]] : [v("ContentsCode")!.values[0].code];
  const kon = v("Kon");
  if (kon) {
    const men = findByLabel(kon, /^män$/i);
    const women = findByLabel(kon, /^kvinnor$/i);
    const total = findByLabel(kon, /totalt|samtliga|båda/i);
    if (opts.perKon) selection.Kon = [...men, ...women];
    else if (total.length) selection.Kon = [total[0]];
    else if (!kon.elimination) selection.Kon = [...men, ...women];
  }
  // Other variables (Civilstand in TAB638) are left out: SCB sums them away.
  for (const other of meta.variables) {
    if (!(other.code in selection) && !other.elimination && other.code !== "Kon") {
      throw new InputError([{ plats: `tabell ${meta.id}`, meddelande: `Variabeln ${other.code} måste väljas men Samkalk vet inte vilket värde.` }]);
    }
  }
  return { table: meta.id, selection, ...(ageCodes.codelist ? { codelists: { Alder: ageCodes.codelist } } : {}), ageCodes };
}

// ---- Helårsekvivalenter ----------------------------------------------------------------------

export type HeInnehall =
  | "sjukpenning"
  | "sjukOchAktivitetsersattning"
  | "arbetsloshetsersattning"
  | "arbetsmarknadsatgarder"
  | "ekonomisktBistand"
  | "etableringsersattning"
  | "summa"
  | "folkmangd"
  | "andel";

/** Content labels in SCB's order (DOMAIN.md), matched by label since the codes are not verified. */
export const HE_INNEHALL: readonly { key: HeInnehall; etikett: string; monster: RegExp; summerbar: boolean }[] = [
  { key: "sjukpenning", etikett: "Sjukpenning", monster: /^sjukpenning/i, summerbar: true },
  // SCB's own label has a typo ("ersersättning"); match either spelling.
  { key: "sjukOchAktivitetsersattning", etikett: "Sjuk- och aktivitetsersersättning", monster: /^sjuk- och aktivitets/i, summerbar: true },
  { key: "arbetsloshetsersattning", etikett: "Arbetslöshetsersättning", monster: /^arbetslöshets/i, summerbar: true },
  { key: "arbetsmarknadsatgarder", etikett: "Arbetsmarknadsåtgärder", monster: /^arbetsmarknadsåtgärd/i, summerbar: true },
  { key: "ekonomisktBistand", etikett: "Ekonomiskt bistånd", monster: /^ekonomiskt bistånd/i, summerbar: true },
  { key: "etableringsersattning", etikett: "Etableringsersättning", monster: /^etablering/i, summerbar: true },
  { key: "summa", etikett: "Summa helårsekvivalenter", monster: /^summa/i, summerbar: true },
  { key: "folkmangd", etikett: "Folkmängd", monster: /^folkmängd/i, summerbar: true },
  { key: "andel", etikett: "Andel av befolkningen", monster: /^andel/i, summerbar: false },
];

/** Selection for helårsekvivalenter, with ContentsCode and Kon codes looked up by label in `meta`. */
export function helarsekvivalenterRequest(
  meta: TableMetadata,
  opts: {
    regions: readonly string[];
    months: readonly string[];
    aldersgrupp?: "20-64" | "20-65";
    kon: "per-kon" | "totalt" | "alla";
    innehall?: readonly HeInnehall[];
  },
): { table: string; selection: SelectionInput } {
  const v = (code: string) => meta.variables.find((x) => x.code === code);
  const plats = `tabell ${meta.id}`;
  const contents = v("ContentsCode");
  if (!contents) throw new InputError([{ plats, meddelande: "Tabellen har ingen variabel ContentsCode." }]);
  const wanted = opts.innehall ?? HE_INNEHALL.map((h) => h.key);
  const codes = wanted.map((key) => {
    const h = HE_INNEHALL.find((x) => x.key === key)!;
    const hit = contents.values.find((x) => h.monster.test(x.label));
    if (!hit) throw new InputError([{ plats, meddelande: `Innehållet "${h.etikett}" finns inte i tabellen.` }]);
    return hit.code;
  });
  const kon = v("Kon");
  const men = findByLabel(kon, /^män$/i);
  const women = findByLabel(kon, /^kvinnor$/i);
  const total = kon ? kon.values.filter((x) => !men.includes(x.code) && !women.includes(x.code)).map((x) => x.code) : [];
  const konCodes = opts.kon === "per-kon" ? [...men, ...women] : opts.kon === "totalt" ? total.slice(0, 1) : [...total.slice(0, 1), ...men, ...women];
  return {
    table: meta.id,
    selection: {
      Region: opts.regions,
      Kon: konCodes,
      Aldersgrupp: [opts.aldersgrupp ?? "20-64"],
      ContentsCode: codes,
      Tid: opts.months,
    },
  };
}

/** The last `n` periods of the table's time variable (its values are in time order). */
