import { InputError } from "../../domain/errors";
import { looksLikeCodedRegion, regionkodForName, splitRegion } from "../../domain/scb/regions";
import { parsePeriod } from "../../domain/scb/tidy";
import { parseScbValue } from "../../domain/scb/values";
import { Cell, cellText, Grid } from "./grid";

/* How an extract's columns are used, found from its header row and data. */

/** A column of values: its period (periods as columns) or its content text (several value columns). */
export interface ValueColumn {
  col: number;
  period: string | null;
  innehall: string | null;
}

export interface Layout {
  kind: "columns" | "rows";
  regionCol: number | null;
  timeCol: number | null;
  stubCols: number[];
  values: ValueColumn[];
}

const REGION_WORDS = new Set(["region", "regioner", "kommun", "kommuner", "län", "riket", "municipality", "municipalities", "county", "counties", "område"]);
const TIME_WORDS = new Set(["år", "månad", "kvartal", "halvår", "tid", "period", "year", "month", "quarter", "time"]);

/** "2023", "X2023" (R's write.csv), "2023 - 2023" (codes and texts), "Folkmängd 2023" (content + period). */
function periodHeader(h: string): { period: string; innehall: string | null } | null {
  const direct = parsePeriod(h) ?? parsePeriod(h.replace(/^X(?=\d{4})/, "")) ?? parsePeriod(h.split(" - ")[0]);
  if (direct) return { period: direct.kod, innehall: null };
  const m = /^(.*\S)\s+(\S+)$/.exec(h);
  const p = m ? parsePeriod(m[2]) : null;
  return m && p ? { period: p.kod, innehall: m[1] } : null;
}

function words(h: string): string[] {
  return h.toLocaleLowerCase("sv-SE").split(/[\s,;:()/_-]+/).filter((w) => w !== "");
}

/** Where the regions, periods and values are: periods as trailing header cells, or else a column of periods. */
export function classify(header: string[], rows: Cell[][], data: number[], headerRow: number, locate: Grid["locate"], utanRegion: "fel" | "riket" | undefined): Layout {
  const periods = header.map(periodHeader);
  let first = header.length;
  while (first > 0 && periods[first - 1] !== null) first--;
  const column = (c: number) => data.map((r) => cellText(rows[r][c]));
  if (first < header.length) {
    const stub = range(0, first);
    const regionCol = findRegionColumn(header, stub, column, headerRow, locate, utanRegion);
    const values = range(first, header.length).map((c) => ({ col: c, period: periods[c]!.period, innehall: periods[c]!.innehall }));
    return { kind: "columns", regionCol, timeCol: null, stubCols: stub.filter((c) => c !== regionCol), values };
  }
  const timeCol = header.findIndex((h, c) => isTimeColumn(h, column(c)));
  if (timeCol < 0) {
    throw new InputError([
      {
        plats: locate(headerRow),
        meddelande:
          "Hittade inga perioder: varken rubrikraden eller någon kolumn har perioder som 2023, 2023K1 eller 2023M01. Är det här en tabell från SCB?",
      },
    ]);
  }
  let firstValue = header.length;
  while (firstValue - 1 > timeCol && column(firstValue - 1).every((v) => parseScbValue(v) !== undefined)) firstValue--;
  if (firstValue === header.length) {
    throw new InputError([{ plats: locate(headerRow), meddelande: `Perioderna står i kolumnen "${header[timeCol]}", men ingen kolumn efter den har bara tal.` }]);
  }
  const stub = range(0, firstValue).filter((c) => c !== timeCol);
  const regionCol = findRegionColumn(header, stub, column, headerRow, locate, utanRegion);
  const multi = header.length - firstValue > 1;
  const values = range(firstValue, header.length).map((c) => ({ col: c, period: null, innehall: multi ? header[c] : null }));
  return { kind: "rows", regionCol, timeCol, stubCols: stub.filter((c) => c !== regionCol), values };
}

function isTimeColumn(h: string, values: string[]): boolean {
  const parsed = values.filter((v) => v !== "").map((v) => parsePeriod(v));
  if (parsed.length === 0 || parsed.some((p) => p === null) || periodHeader(h)) return false;
  return words(h).some((w) => TIME_WORDS.has(w)) || parsed.some((p) => p!.typ !== "år");
}

function findRegionColumn(
  header: string[],
  stub: number[],
  column: (c: number) => string[],
  headerRow: number,
  locate: Grid["locate"],
  utanRegion: "fel" | "riket" | undefined,
): number | null {
  const byHeader = stub.find((c) => words(header[c]).some((w) => REGION_WORDS.has(w)));
  if (byHeader !== undefined) return byHeader;
  const byValues = stub.find((c) => {
    const vs = column(c).filter((v) => v !== "");
    return vs.length > 0 && vs.filter(isKnownCodedRegion).length * 2 >= vs.length;
  });
  if (byValues !== undefined) return byValues;
  if (utanRegion === "riket") return null;
  throw new InputError([
    {
      plats: locate(headerRow),
      meddelande: `Rubrikraden saknar en regionkolumn (hittade ${header.map((h) => `"${h}"`).join(", ")}). En SCB-tabell per kommun har t.ex. "region" med "2480 Umeå". Gäller tabellen hela riket, läs in den som riket.`,
    },
  ]);
}

/** "2480 Umeå", "SE331 Västerbottens län": a code whose name matches what we know ("10 år" does not). */
function isKnownCodedRegion(v: string): boolean {
  if (!looksLikeCodedRegion(v)) return false;
  const { regionkod, region } = splitRegion(v);
  return regionkodForName(region) === regionkod;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
