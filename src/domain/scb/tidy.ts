/**
 * SCB statistics in tidy form: one observation per row, whatever layout it came in
 * (web extract, pasted range, json-stat2, PX-JSON).
 */
export interface TidyRow {
  /** "2480" (kommun), "24" (län), "00" (riket); "" when the source gave a name we could not place. */
  regionkod: string;
  region: string;
  /** The other variables, keyed by their label as SCB shows it ("kön", "ålder"). Shared between rows: do not mutate. */
  dimensions: Readonly<Record<string, string>>;
  /** Normalized period code: "2023", "2023K1" or "2023M01" (see parsePeriod). */
  period: string;
  varde: number | null;
  /** SCB's marker when there is no value ("..", "-", …), else null. */
  status: string | null;
}

export interface TidyTable {
  rows: TidyRow[];
  /** Labels of the dimensions in `TidyRow.dimensions`, in the source's order. */
  dimensions: string[];
  /** Footnotes and comments that came with the table. */
  notes: string[];
}

export type PeriodTyp = "år" | "kvartal" | "månad";

export interface Period {
  /** SCB's code: "2023", "2023K1", "2023M01". */
  kod: string;
  typ: PeriodTyp;
  ar: number;
  /** Quarter 1–4 or month 1–12; null for a year. */
  del: number | null;
  /** First and last day, ISO dates. */
  start: string;
  slut: string;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})\s*[KQkq]([1-4])$/;
const MONTH = /^(\d{4})(?:[Mm](\d{1,2})|-(\d{2}))$/;

/** Reads "2023", "2023K1" (also "2023Q1") and "2023M01" (also "2023M1", "2023-01"); null if it is not a period. */
export function parsePeriod(text: string): Period | null {
  const s = text.trim();
  let m = YEAR.exec(s);
  if (m) return make("år", Number(m[1]), null);
  m = QUARTER.exec(s);
  if (m) return make("kvartal", Number(m[1]), Number(m[2]));
  m = MONTH.exec(s);
  if (m) {
    const month = Number(m[2] ?? m[3]);
    return month >= 1 && month <= 12 ? make("månad", Number(m[1]), month) : null;
  }
  return null;
}

function make(typ: PeriodTyp, ar: number, del: number | null): Period {
  const [first, last] = typ === "år" ? [1, 12] : typ === "kvartal" ? [del! * 3 - 2, del! * 3] : [del!, del!];
  const kod = typ === "år" ? `${ar}` : typ === "kvartal" ? `${ar}K${del}` : `${ar}M${pad(del!)}`;
  const lastDay = new Date(Date.UTC(ar, last, 0)).getUTCDate();
  return { kod, typ, ar, del, start: `${ar}-${pad(first)}-01`, slut: `${ar}-${pad(last)}-${pad(lastDay)}` };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
