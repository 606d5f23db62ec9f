/**
 * The tidy SCB table sheet ("SCB <titel>"): one row per observation in an Excel table — regionkod,
 * region, one column per other variable, period, värde, status. Everything SCB sends as text (codes,
 * names, labels, periods, markers, notes) is written as text cells, never as formulas, so a label
 * like "=HYPERLINK(...)" or "-x" stays what it is, and "0114" and "2023" keep their form. A missing
 * value (SCB's "..", "-", …) is an empty cell with the marker in the status column.
 */
import { InputError } from "../../domain/errors";
import type { TidyTable } from "../../domain/scb/tidy";
import { Cell, SheetSpec } from "../spec";
import { empty, num, text } from "../cells";
import { MAX_SHEET_ROWS, capitalise, cellText, tableNameFor, uniqueHeaders } from "./common";
import { landscapePrint } from "../print";

export interface TidySheetInput {
  sheetName: string;
  /** What the table is (SCB's title), shown at the top. */
  title: string;
  /** Where it came from: "Källa: SCB, tabell TAB1386, hämtad 2026-01-15 14:03 (API v2)". */
  kallaText: string;
  /** Shown in red under the title (e.g. that the data are synthetic). */
  varning?: string;
  table: TidyTable;
}

export interface TidySheetLayout {
  headerRow: number;
  firstDataRow: number;
  /** Last data row (0-based); headerRow when there are no rows. */
  lastDataRow: number;
  headers: string[];
  columns: { regionkod: number; region: number; period: number; varde: number; status: number; dimensions: Record<string, number> };
  tableName: string;
}

/** Notes shown above the table, at most this many (the rest are summarised). */
const MAX_NOTES = 15;
const FIXED_BEFORE = 2;

export function tidyTableName(sheetName: string): string {
  return tableNameFor("Samkalk", sheetName);
}

function noteLines(input: TidySheetInput): string[] {
  const notes = input.table.notes.map((n) => n.trim()).filter((n) => n !== "");
  if (notes.length <= MAX_NOTES) return notes;
  return [...notes.slice(0, MAX_NOTES - 1), `… och ${notes.length - MAX_NOTES + 1} fotnoter till (se källan).`];
}

export function tidySheetLayout(input: TidySheetInput): TidySheetLayout {
  const dims = input.table.dimensions;
  const notes = noteLines(input);
  // title, source, [warning], [notes…], empty, header
  const headerRow = 2 + (input.varning ? 1 : 0) + notes.length + 1;
  const headers = uniqueHeaders(["Regionkod", "Region", ...dims.map((d) => capitalise(d).slice(0, 250)), "Period", "Värde", "Status"]);
  const dimensions: Record<string, number> = {};
  dims.forEach((d, i) => (dimensions[d] = FIXED_BEFORE + i));
  const n = dims.length;
  return {
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow: headerRow + input.table.rows.length,
    headers,
    columns: { regionkod: 0, region: 1, period: FIXED_BEFORE + n, varde: FIXED_BEFORE + n + 1, status: FIXED_BEFORE + n + 2, dimensions },
    tableName: tidyTableName(input.sheetName),
  };
}

/** Throws InputError when the table cannot go on one sheet. */
export function assertFitsOnSheet(input: TidySheetInput): void {
  const layout = tidySheetLayout(input);
  if (layout.lastDataRow >= MAX_SHEET_ROWS) {
    throw new InputError([
      {
        plats: input.title,
        meddelande: `Tabellen har ${input.table.rows.length.toLocaleString("sv-SE")} rader, men ett Excel-blad rymmer ${(MAX_SHEET_ROWS - layout.firstDataRow).toLocaleString("sv-SE")} under rubrikerna. Välj färre regioner, perioder eller variabler.`,
      },
    ]);
  }
}

export function buildTidySheet(input: TidySheetInput): SheetSpec {
  assertFitsOnSheet(input);
  const layout = tidySheetLayout(input);
  const { table } = input;
  const dims = table.dimensions;
  const top: Cell[][] = [[text(cellText(input.title), "title")], [text(cellText(input.kallaText), "note")]];
  if (input.varning) top.push([text(cellText(input.varning), "bad")]);
  for (const n of noteLines(input)) top.push([text(cellText(n), "note")]);

  const rows: Cell[][] = new Array<Cell[]>(table.rows.length + 1);
  rows[0] = layout.headers.map((h) => text(h, "header"));
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i];
    const line: Cell[] = [text(r.regionkod), text(cellText(r.region))];
    for (const d of dims) line.push(text(cellText(r.dimensions[d] ?? "")));
    line.push(text(r.period), r.varde === null ? empty() : num(r.varde), r.status === null ? empty() : text(r.status));
    rows[i + 1] = line;
  }
  const cols = layout.headers.length;
  return {
    name: input.sheetName,
    kind: "scb-tabell",
    blocks: [
      { row: 0, col: 0, cells: top },
      { row: layout.headerRow, col: 0, cells: rows },
    ],
    columnWidths: [10, 24, ...dims.map(() => 22), 10, 12, 8],
    tables: [{ name: layout.tableName, range: { row: layout.headerRow, col: 0, rows: table.rows.length + 1, cols }, style: "TableStyleLight9" }],
    validations: [],
    print: landscapePrint({ row: 0, col: 0, rows: layout.lastDataRow + 1, cols }, input.title.slice(0, 200), input.kallaText.slice(0, 200)),
    freezeRows: layout.headerRow + 1,
  };
}
