/**
 * Helårsekvivalenter as a share of the population 20–64: the computation behind the analysis sheet,
 * done here the way the sheet's formulas do it, so every formula can carry the value it must give.
 *
 * Input: a tidy table shaped like SCB's HE0000T02N2 — regions (kommuner and riket "00"), a content
 * variable holding the six benefit types, "Summa helårsekvivalenter" and "Folkmängd" (and "Andel",
 * which is not used: shares cannot be averaged or summed), other variables to pick one value of
 * (kön, åldersgrupp), and monthly periods.
 *
 * Yearly values (the choice is a setting, shown on the sheet):
 *  - "medel" (default): the mean of the year's months. Months = the months with a Folkmängd value for
 *    that region; each count is the sum over those months' rows divided by that number (a missing
 *    value counts as 0 — SCB shows missing ekonomiskt bistånd as 0 anyway).
 *  - "december": the December value (months = 1 when December is there).
 * Share = yearly count / yearly Folkmängd. The förbund's row sums its kommuner's counts and
 * Folkmängd, then divides. The latest year is usually preliminary and may have fewer months: the
 * months column shows it.
 *
 * Matching is as Excel's SUMIFS does it: texts compared without regard to case.
 */
import { InputError, InputProblem } from "../errors";
import { parsePeriod, PeriodTyp, TidyRow, TidyTable } from "./tidy";
import { minOf } from "../arrays";

export type Arsvarde = "medel" | "december";

export interface HeAnalysisOptions {
  /** Region codes of the förbund's kommuner, in the order to show; default every kommun (4-digit code) in the table. */
  kommuner?: string[];
  /** The value to use for each variable other than region, content and period (e.g. { kön: "totalt" }); default: detected. */
  urval?: Record<string, string>;
  arsvarde?: Arsvarde;
}

export interface HeStructure {
  /** Label of the content variable (e.g. "tabellinnehåll"). */
  innehall: string;
  /** The benefit types as the table names them, in the table's order. */
  typer: string[];
  summa: string;
  folkmangd: string;
  /** One chosen value per other variable. */
  urval: Array<{ dimension: string; varde: string }>;
  periodTyp: PeriodTyp;
  arsvarde: Arsvarde;
}

export interface HeRegion {
  kod: string;
  namn: string;
  roll: "kommun" | "riket";
}

export interface HeYear {
  /** Months (or periods) counted; for the förbund the fewest of its kommuner. */
  manader: number;
  /** Yearly counts per type, then Summa at index typer.length; null when there is no month. */
  antal: Array<number | null>;
  folkmangd: number | null;
  /** Shares, same order as antal; null when there is no month or no population. */
  andel: Array<number | null>;
}

export interface HeAnalysis {
  struktur: HeStructure;
  regioner: HeRegion[];
  ar: number[];
  /** [region][year]. */
  varden: HeYear[][];
  /** The förbund (sum of its kommuner) per year; null with a single kommun. */
  forbund: HeYear[] | null;
}

const fold = (s: string) => s.toUpperCase();

const TOTAL_KON = /^(totalt|båda könen|män och kvinnor|1\+2|samtliga|total|totalt?,? (båda|alla).*)$/i;
const TOTAL_ANY = /^(totalt|samtliga|total|alla)\b/i;
const AGE_20_64 = /^20\s*[-–]\s*64/;

function problem(meddelande: string, plats = "tabellen"): InputError {
  return new InputError([{ plats, meddelande }]);
}

function distinct(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (!seen.has(fold(v))) seen.set(fold(v), v);
  return [...seen.values()];
}

/** Finds the content variable, the types, Summa and Folkmängd, and the value for each other variable. */
export function heStructure(table: TidyTable, opts: HeAnalysisOptions = {}): HeStructure {
  const valuesOf = (d: string) => distinct(table.rows.map((r) => r.dimensions[d] ?? ""));
  const innehall = table.dimensions.find((d) => valuesOf(d).some((v) => /folkmängd/i.test(v)));
  if (!innehall) {
    throw problem("Tabellen har inget innehåll som heter Folkmängd. Använd SCB:s tabell HE0000T02N2 (helårsekvivalenter) med innehållet Folkmängd.");
  }
  const contents = valuesOf(innehall);
  const folkmangd = contents.find((v) => /folkmängd/i.test(v))!;
  const summa = contents.find((v) => /^summa/i.test(v));
  if (!summa) throw problem(`Tabellen har inget innehåll "Summa helårsekvivalenter" (den har: ${contents.join(", ")}).`);
  const typer = contents.filter((v) => v !== folkmangd && v !== summa && !/^andel/i.test(v));
  if (typer.length === 0) throw problem("Tabellen har inga ersättningstyper (sjukpenning, arbetslöshetsersättning, …).");

  const problems: InputProblem[] = [];
  const urval: HeStructure["urval"] = [];
  for (const d of table.dimensions) {
    if (d === innehall) continue;
    const values = valuesOf(d);
    const asked = opts.urval?.[d];
    let chosen: string | undefined;
    if (asked !== undefined) {
      chosen = values.find((v) => fold(v) === fold(asked));
      if (!chosen) problems.push({ plats: d, meddelande: `"${asked}" finns inte i tabellen. Välj ett av: ${values.join(", ")}.` });
    } else if (values.length === 1) chosen = values[0];
    else {
      chosen =
        (/kön|kon|sex/i.test(d) ? values.find((v) => TOTAL_KON.test(v.trim())) : undefined) ??
        (/ålder|alder|age/i.test(d) ? values.find((v) => AGE_20_64.test(v.trim())) : undefined) ??
        values.find((v) => TOTAL_ANY.test(v.trim()));
      if (!chosen) problems.push({ plats: d, meddelande: `Välj vilket värde som ska användas: ${values.join(", ")}.` });
    }
    if (chosen !== undefined) urval.push({ dimension: d, varde: chosen });
  }
  if (problems.length > 0) throw new InputError(problems);

  const typ = new Set<PeriodTyp>();
  for (const r of table.rows) {
    const p = parsePeriod(r.period);
    if (!p) throw problem(`Perioden "${r.period}" går inte att läsa.`);
    typ.add(p.typ);
  }
  if (typ.size !== 1) throw problem("Tabellen blandar år, kvartal och månader. Hämta en periodtyp åt gången.");
  const periodTyp = [...typ][0];
  const arsvarde = opts.arsvarde ?? "medel";
  if (arsvarde === "december" && periodTyp !== "månad") throw problem("Decembervärdet kräver månadsdata.");
  return { innehall, typer, summa, folkmangd, urval, periodTyp, arsvarde };
}

/** Whether a period belongs to the year as the sheet's period criterion decides. */
export function periodMatches(period: string, ar: number, s: Pick<HeStructure, "periodTyp" | "arsvarde">): boolean {
  const p = fold(period);
  if (s.periodTyp === "år") return p === String(ar);
  if (s.arsvarde === "december") return p === `${ar}M12`;
  return p.startsWith(`${ar}${s.periodTyp === "kvartal" ? "K" : "M"}`);
}

function regionsOf(table: TidyTable, kommuner: string[] | undefined): HeRegion[] {
  const names = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const r of table.rows) {
    if (!names.has(r.regionkod)) {
      names.set(r.regionkod, r.region);
      const other = byName.get(fold(r.region));
      if (other !== undefined && other !== r.regionkod) {
        throw problem(`Regionerna ${other} och ${r.regionkod} heter båda "${r.region}"; bladets formler skiljer regioner åt på namnet.`);
      }
      byName.set(fold(r.region), r.regionkod);
    }
  }
  const koder = kommuner ?? [...names.keys()].filter((k) => /^\d{4}$/.test(k));
  const missing = koder.filter((k) => !names.has(k));
  if (missing.length > 0) throw problem(`Tabellen saknar ${missing.length === 1 ? "kommunen" : "kommunerna"} ${missing.join(", ")}.`);
  if (koder.length === 0) throw problem("Tabellen har inga kommuner.");
  const out: HeRegion[] = koder.map((kod) => ({ kod, namn: names.get(kod)!, roll: "kommun" }));
  if (names.has("00") && !koder.includes("00")) out.push({ kod: "00", namn: names.get("00")!, roll: "riket" });
  return out;
}

export function analyseHelarsekvivalenter(table: TidyTable, opts: HeAnalysisOptions = {}): HeAnalysis {
  const struktur = heStructure(table, opts);
  const regioner = regionsOf(table, opts.kommuner);
  const ar = [...new Set(table.rows.map((r) => parsePeriod(r.period)!.ar))].sort((a, b) => a - b);
  const filters = struktur.urval.map((u) => ({ d: u.dimension, v: fold(u.varde) }));
  const rowsFor = (region: HeRegion) => {
    const name = fold(region.namn);
    return table.rows.filter((r) => fold(r.region) === name && filters.every((f) => fold(r.dimensions[f.d] ?? "") === f.v));
  };
  const contents = [...struktur.typer, struktur.summa].map(fold);
  const folk = fold(struktur.folkmangd);

  const year = (rows: TidyRow[], y: number): HeYear => {
    const inYear = rows.filter((r) => periodMatches(r.period, y, struktur));
    const manader = inYear.filter((r) => fold(r.dimensions[struktur.innehall] ?? "") === folk && r.varde !== null).length;
    const sum = (content: string) => {
      let s = 0;
      for (const r of inYear) if (r.varde !== null && fold(r.dimensions[struktur.innehall] ?? "") === content) s += r.varde;
      return s;
    };
    if (manader === 0) return { manader, antal: contents.map(() => null), folkmangd: null, andel: contents.map(() => null) };
    const antal = contents.map((c) => sum(c) / manader);
    const folkmangd = sum(folk) / manader;
    return { manader, antal, folkmangd, andel: antal.map((a) => (folkmangd === 0 ? null : a / folkmangd)) };
  };

  const varden = regioner.map((region) => {
    const rows = rowsFor(region);
    return ar.map((y) => year(rows, y));
  });
  const kommunIdx = regioner.map((r, i) => (r.roll === "kommun" ? i : -1)).filter((i) => i >= 0);
  const forbund =
    kommunIdx.length > 1
      ? ar.map((_, j) => {
          // As the sheet's SUM: missing values are skipped; MIN of the months.
          const antal = contents.map((_, t) => kommunIdx.reduce((s, i) => s + (varden[i][j].antal[t] ?? 0), 0));
          const folkmangd = kommunIdx.reduce((s, i) => s + (varden[i][j].folkmangd ?? 0), 0);
          const manader = minOf(kommunIdx.map((i) => varden[i][j].manader));
          return { manader, antal, folkmangd, andel: antal.map((a) => (folkmangd === 0 ? null : a / folkmangd)) };
        })
      : null;
  return { struktur, regioner, ar, varden, forbund };
}
