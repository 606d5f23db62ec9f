import { InputError, InputProblem, clipText, formatCount } from "../../domain/errors";
import { EXCEL_MAX_CELL_CHARS } from "../../domain/excelNames";
import { RegionCell, splitRegion } from "../../domain/scb/regions";
import { parsePeriod, TidyRow, TidyTable } from "../../domain/scb/tidy";
import { parseScbValue } from "../../domain/scb/values";
import { classify, Layout } from "./extractLayout";
import { Cell, cellText, Delimiter, Grid, GridSource, mayTrim, nonEmptyCount, toGrid } from "./grid";

/**
 * Reads an SCB table as analysts get it: a web download (old PxWeb "with heading", comma or
 * semicolon, title line, Latin-1; the PxWeb 2 csv download), an R/Excel re-save, or a range
 * selected in Excel. Periods may be columns ("2023", "2023M01", "2023K1") or one column of rows.
 */
export interface ExtractOptions extends GridSource {
  /** A table without a region variable (riket-only tables) is an error unless this says "riket". */
  utanRegion?: "fel" | "riket";
}

export interface ExtractMeta {
  title?: string;
  encoding: Grid["encoding"];
  delimiter: Delimiter | null;
  periodLayout: "columns" | "rows";
  /** With periods as rows and a single value column: that column's heading (what the values are). */
  innehall?: string;
  /** Things the user should know that are not SCB's footnotes (unknown region names, …). */
  varningar: string[];
}

export interface ExtractResult extends TidyTable {
  meta: ExtractMeta;
}

/** The dimension added when the heading joins a content text and a period ("Folkmängd 2023"). */
export const INNEHALL = "tabellinnehåll";
const MAX_PROBLEMS = 20;
export function parseExtract(input: Uint8Array | string | Cell[][], opts: ExtractOptions = {}): ExtractResult {
  const grid = toGrid(input, opts);
  const { rows, locate } = grid;
  const what = grid.encoding === "cells" ? "Markeringen" : "Filen";
  let r = skipEmpty(rows, 0);
  if (r >= rows.length) throw new InputError([{ plats: opts.kalla, meddelande: `${what} är tom.` }]);
  const preamble: string[] = [];
  while (r < rows.length && nonEmptyCount(rows[r]) === 1) {
    preamble.push(rows[r].map(cellText).join(" ").trim());
    r = skipEmpty(rows, r + 1);
  }
  if (r >= rows.length) {
    throw new InputError([{ plats: locate(0), meddelande: `${what} är ingen SCB-tabell: hittade ingen rubrikrad (en rad med minst två ifyllda celler).` }]);
  }
  const headerRow = r;
  const header = trimEnd(rows[headerRow].map(cellText));
  const { data, notes } = splitBlock(rows, headerRow + 1, header.length);
  if (data.length === 0) {
    throw new InputError([{ plats: locate(headerRow), meddelande: "Det finns inga datarader under rubrikraden." }]);
  }
  const layout = classify(header, rows, data, headerRow, locate, opts.utanRegion);
  const varningar: string[] = [];
  const out = buildRows(layout, header, grid, data, varningar);
  return {
    rows: out.rows,
    dimensions: out.dimensions,
    notes: [...preamble.slice(1), ...notes],
    meta: {
      title: preamble[0],
      encoding: grid.encoding,
      delimiter: grid.delimiter,
      periodLayout: layout.kind,
      innehall: layout.kind === "rows" && layout.values.length === 1 ? header[layout.values[0].col] : undefined,
      varningar,
    },
  };
}

function skipEmpty(rows: Cell[][], from: number): number {
  let r = from;
  while (r < rows.length && nonEmptyCount(rows[r]) === 0) r++;
  return r;
}

function trimEnd(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === "") n--;
  return cells.slice(0, n);
}

/** Data rows run until an empty row or a one-cell row (a footnote); everything after is notes. */
function splitBlock(rows: Cell[][], from: number, width: number): { data: number[]; notes: string[] } {
  const data: number[] = [];
  const notes: string[] = [];
  let inTable = true;
  for (let r = from; r < rows.length; r++) {
    const row = rows[r];
    const filled = nonEmptyCount(row);
    if (filled === 0) {
      if (data.length > 0) inTable = false;
      continue;
    }
    if (inTable && !(filled === 1 && (row.length < width || width > 2))) data.push(r);
    else {
      inTable = false;
      notes.push(row.map(cellText).filter((c) => c !== "").join(" "));
    }
  }
  return { data, notes };
}

function buildRows(layout: Layout, header: string[], grid: Grid, data: number[], varningar: string[]) {
  const { rows, locate } = grid;
  const labels = uniqueLabels(layout.stubCols.map((c) => header[c] || `kolumn ${c + 1}`));
  const withInnehall = layout.values.some((v) => v.innehall !== null);
  const dimensions = withInnehall ? [...labels, uniqueLabels([...labels, INNEHALL]).pop()!] : labels;
  const innehallLabel = dimensions[dimensions.length - 1];
  const regions = new Map<string, RegionCell>();
  const unknown = new Set<string>();
  const problems: InputProblem[] = [];
  // Sized up front: every data row gives one row per value column (or the parse fails), and growing
  // an array of a million rows step by step copies it over and over.
  const out: TidyRow[] = new Array<TidyRow>(data.length * layout.values.length);
  let n = 0;
  const width = header.length;
  const carried: string[] = [];
  let lastRegionText: string | null = null;
  let lastRegion = RIKET;
  for (const r of data) {
    const row = rows[r];
    const shape = shapeProblem(row, width, grid.encoding === "cells");
    if (shape !== null) {
      problems.push({ plats: shape.col === undefined ? locate(r) : locate(r, shape.col), meddelande: shape.meddelande });
      if (problems.length >= MAX_PROBLEMS) break;
      continue;
    }
    let region = RIKET;
    if (layout.regionCol !== null) {
      const text = carryDown(carried, row, layout.regionCol);
      // An extract repeats a region on every row of its block: the one before is looked up once.
      if (text !== lastRegionText) {
        lastRegion = regionFor(regions, text);
        lastRegionText = text;
        if (lastRegion.regionkod === "") unknown.add(text);
      }
      region = lastRegion;
    }
    const dims: Record<string, string> = {};
    for (let i = 0; i < labels.length; i++) dims[labels[i]] = carryDown(carried, row, layout.stubCols[i]);
    let period = "";
    if (layout.timeCol !== null) {
      period = parsePeriod(carryDown(carried, row, layout.timeCol))?.kod ?? "";
      if (period === "") {
        problems.push({ plats: locate(r, layout.timeCol), meddelande: "Perioden saknas." });
        if (problems.length >= MAX_PROBLEMS) break;
        continue;
      }
    }
    for (const v of layout.values) {
      const cell = row[v.col];
      let varde: number | null;
      let status: string | null = null;
      // Integers in a file arrive as numbers (readPlainCsv, at most 15 digits, so exact): nothing to parse.
      if (typeof cell === "number" && Number.isFinite(cell)) varde = cell;
      else {
        const parsed = parseScbValue(cell ?? null);
        if (parsed === undefined) {
          problems.push({ plats: locate(r, v.col), meddelande: `"${clipText(cellText(cell))}" är inget tal och ingen SCB-markering (som .. eller -).` });
          if (problems.length >= MAX_PROBLEMS) break;
          continue;
        }
        if (parsed.inexakt) {
          problems.push({ plats: locate(r, v.col), meddelande: parsed.inexakt });
          if (problems.length >= MAX_PROBLEMS) break;
          continue;
        }
        ({ varde, status } = parsed);
      }
      const d = v.innehall === null ? dims : { ...dims, [innehallLabel]: v.innehall };
      out[n++] = { regionkod: region.regionkod, region: region.region, dimensions: d, period: v.period ?? period, varde, status };
    }
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length > 0) throw new InputError(problems);
  out.length = n;
  if (unknown.size > 0) {
    const names = [...unknown].slice(0, 10).map((n) => `"${n}"`).join(", ");
    varningar.push(`Regionkod saknas för ${unknown.size} region(er) som inte är kommuner eller län: ${names}${unknown.size > 10 ? " …" : ""}.`);
  }
  return { rows: out, dimensions };
}

const RIKET: RegionCell = { regionkod: "00", region: "Riket" };

/** A short line in a file is broken; a range may just end early (missing cells are empty). Null when the row fits. */
function shapeProblem(row: Cell[], width: number, isRange: boolean): { col?: number; meddelande: string } | null {
  for (let c = width; c < row.length; c++) {
    if (cellText(row[c]) !== "") return { col: c, meddelande: "Cellen ligger utanför tabellen (till höger om sista rubriken)." };
  }
  for (let c = 0; c < row.length; c++) {
    const t = row[c];
    if (typeof t === "string" && t.length > EXCEL_MAX_CELL_CHARS) {
      return { col: c, meddelande: `Texten är ${formatCount(t.length)} tecken; en cell i Excel rymmer högst ${formatCount(EXCEL_MAX_CELL_CHARS)}.` };
    }
  }
  if (row.length < width && !isRange) return { meddelande: `Raden har ${row.length} celler men rubrikraden har ${width}.` };
  return null;
}

/** Tables copied from the web view leave a repeated stub text blank: carry it down from the rows above. */
function carryDown(carried: string[], row: Cell[], c: number): string {
  const cell = row[c];
  const t = typeof cell === "string" && !mayTrim(cell) ? cell : cellText(cell);
  if (t !== "") carried[c] = t;
  return carried[c] ?? "";
}

/** Each region text is split once: an extract repeats it on every row of its block. */
function regionFor(regions: Map<string, RegionCell>, text: string): RegionCell {
  let region = regions.get(text);
  if (region === undefined) {
    region = splitRegion(text);
    regions.set(text, region);
  }
  return region;
}

function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}
