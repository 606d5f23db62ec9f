/**
 * The "Befolkning" sheet: population per kommun, age band (16–64, 20–64 or a custom band), kön and
 * year, one row each in an Excel table, with each figure's source. The fee split reads its population
 * from here (fillFeePopulationFromScb); new figures replace those of the same kommun, band, kön and
 * year and keep the rest.
 */
import type { ReadValue } from "../spec";
import { Cell, SheetSpec } from "../spec";
import { num, text } from "../cells";
import { cellText } from "./common";
import { landscapePrint } from "../print";
import { KON_ORDER, Kon, PopulationRow, bandLabel, parseBandLabel } from "../../domain/scb/population";

export const BEFOLKNING_SHEET = "Befolkning";
export const BEFOLKNING_TABLE = "Samkalk_Befolkning";
export const BEFOLKNING_HEADERS = ["Regionkod", "Kommun", "Åldersgrupp", "Kön", "År", "Folkmängd", "Källa"] as const;
const HEADER_ROW = 4;

export interface BefolkningSheetInput {
  rows: PopulationRow[];
  today: Date;
  /** Shown under the title. */
  note?: string;
}

export function buildBefolkningSheet(input: BefolkningSheetInput): SheetSpec {
  const body: Cell[][] = input.rows.map((r) => [
    text(r.regionkod),
    text(cellText(r.region)),
    text(bandLabel(r.band)),
    text(r.kon),
    num(r.ar, undefined, "0"),
    num(r.folkmangd, undefined, "#,##0"),
    text(cellText(r.kalla)),
  ]);
  const cols = BEFOLKNING_HEADERS.length;
  return {
    name: BEFOLKNING_SHEET,
    kind: "befolkning",
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [text("Befolkning", "title")],
          [text(input.note ?? "Folkmängd per kommun, åldersgrupp, kön och år (31 december). Källan står på varje rad och på bladet Källor.", "note")],
          [text(`Uppdaterad ${input.today.toISOString().slice(0, 10)} med Samkalk. Medlemsavgifternas befolkning kan fyllas i härifrån.`, "note")],
        ],
      },
      { row: HEADER_ROW, col: 0, cells: [BEFOLKNING_HEADERS.map((h) => text(h, "header")), ...body] },
    ],
    columnWidths: [10, 22, 14, 10, 8, 14, 60],
    tables: [{ name: BEFOLKNING_TABLE, range: { row: HEADER_ROW, col: 0, rows: body.length + 1, cols }, style: "TableStyleLight9" }],
    validations: [],
    print: landscapePrint({ row: 0, col: 0, rows: HEADER_ROW + body.length + 1, cols }, "Befolkning", "Samkalk"),
    freezeRows: HEADER_ROW + 1,
  };
}

const asText = (v: ReadValue | undefined) => (v === null || v === undefined ? "" : String(v).trim());
const asNumber = (v: ReadValue | undefined): number | null => {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const t = asText(v).replace(/[\s\u00a0]/g, "").replace(",", ".");
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : null;
};

/** The rows of an existing Befolkning table, by header; rows that cannot be read are reported, not kept. */
export function befolkningRowsFromTable(header: string[], body: ReadValue[][]): { rows: PopulationRow[]; unreadable: number[] } {
  const at = BEFOLKNING_HEADERS.map((h, i) => {
    const k = header.findIndex((x) => x.trim().toUpperCase() === h.toUpperCase());
    return k >= 0 ? k : i;
  });
  const rows: PopulationRow[] = [];
  const unreadable: number[] = [];
  body.forEach((line, i) => {
    if (line.every((v) => v === null || v === "")) return;
    const kodRaw = asText(line[at[0]]);
    const kod = /^\d{1,4}$/.test(kodRaw) ? kodRaw.padStart(kodRaw.length <= 2 ? 2 : 4, "0") : kodRaw;
    const band = parseBandLabel(asText(line[at[2]]));
    const kon = asText(line[at[3]]).toLowerCase() as Kon;
    const ar = asNumber(line[at[4]]);
    const folkmangd = asNumber(line[at[5]]);
    if (!kod || !band || !KON_ORDER.includes(kon) || ar === null || folkmangd === null) {
      unreadable.push(i);
      return;
    }
    rows.push({ regionkod: kod, region: asText(line[at[1]]), band, kon, ar, folkmangd, kalla: asText(line[at[6]]) });
  });
  return { rows, unreadable };
}

export const BEFOLKNING_LAYOUT = { headerRow: HEADER_ROW, firstDataRow: HEADER_ROW + 1 } as const;
