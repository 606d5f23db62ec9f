/**
 * The "Källor" sheet: the workbook's record of where its statistics came from — one row per fetch
 * from SCB's API, imported file or cleaned pasted extract, and per use of such data elsewhere (the fee
 * split's population). Samkalk adds a row on each run (reading the table back first); rows are never
 * dropped, so the user's own notes in the table stay too.
 */
import type { ReadValue } from "../spec";
import { Cell, SheetSpec } from "../spec";
import { empty, num, text } from "../cells";
import { cellText } from "./common";
import { landscapePrint } from "../print";

export const KALLOR_SHEET = "Källor";
export const KALLOR_TABLE = "Samkalk_Kallor";

export interface KallorRad {
  /** When, "2026-01-15 14:03" (Swedish time). */
  tid: string;
  /** "SCB API", "Fil", "Inklistrat utdrag", "Inbyggd i Samkalk", "Syntetiska exempeldata", "Används". */
  typ: string;
  /** SCB table id ("TAB1386"), file name or the selection's address. */
  tabell: string;
  titel: string;
  /** The query sent, as JSON text; "" for files and pasted extracts. */
  fraga: string;
  /** "v2", "v1"; "" when no API was involved. */
  apiVersion: string;
  /** Observations read; null when not applicable. */
  rader: number | null;
  /** The sheet(s) written from it. */
  blad: string;
  /** Anything else worth knowing (what the data were used for, warnings). */
  anmarkning: string;
}

export const KALLOR_HEADERS = ["Tid", "Typ", "Tabell eller fil", "Titel", "Fråga (JSON)", "API-version", "Rader", "Blad", "Anmärkning"] as const;
const KEYS: Array<keyof KallorRad> = ["tid", "typ", "tabell", "titel", "fraga", "apiVersion", "rader", "blad", "anmarkning"];
const HEADER_ROW = 4;

function asText(v: ReadValue | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v);
}

/**
 * The rows of an existing Källor table, matched by header (so a column the user moved stays right);
 * columns Samkalk does not know are dropped, blank rows skipped.
 */
export function kallorRowsFromTable(header: string[], body: ReadValue[][]): KallorRad[] {
  const index = KALLOR_HEADERS.map((h, i) => {
    const at = header.findIndex((x) => x.trim().toUpperCase() === h.toUpperCase());
    return at >= 0 ? at : header.length === KALLOR_HEADERS.length ? i : -1;
  });
  const out: KallorRad[] = [];
  for (const line of body) {
    if (line.every((v) => v === null || v === "")) continue;
    const get = (k: number) => (index[k] >= 0 ? line[index[k]] : null);
    const rader = get(6);
    out.push({
      tid: asText(get(0)),
      typ: asText(get(1)),
      tabell: asText(get(2)),
      titel: asText(get(3)),
      fraga: asText(get(4)),
      apiVersion: asText(get(5)),
      rader: typeof rader === "number" ? rader : rader === null || rader === "" || Number.isNaN(Number(rader)) ? null : Number(rader),
      blad: asText(get(7)),
      anmarkning: asText(get(8)),
    });
  }
  return out;
}

export function buildKallorSheet(rows: KallorRad[]): SheetSpec {
  const cols = KALLOR_HEADERS.length;
  const body: Cell[][] = rows.map((r) =>
    KEYS.map((k) => {
      const v = r[k];
      if (k === "rader") return typeof v === "number" ? num(v, undefined, "#,##0") : empty();
      return text(cellText(String(v ?? "")));
    }),
  );
  // An Excel table needs at least one body row.
  if (body.length === 0) body.push(KEYS.map(() => empty()));
  return {
    name: KALLOR_SHEET,
    kind: "scb-kallor",
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [text("Källor", "title")],
          [text("Varifrån arbetsbokens statistik kommer: varje hämtning från SCB, varje importerad fil och inklistrat utdrag, och var uppgifterna används.", "note")],
          [text("Samkalk lägger till en rad varje gång. Tiderna är svensk tid.", "note")],
        ],
      },
      { row: HEADER_ROW, col: 0, cells: [KALLOR_HEADERS.map((h) => text(h, "header")), ...body] },
    ],
    columnWidths: [17, 20, 22, 40, 40, 11, 10, 26, 50],
    tables: [{ name: KALLOR_TABLE, range: { row: HEADER_ROW, col: 0, rows: body.length + 1, cols }, style: "TableStyleLight9" }],
    validations: [],
    print: landscapePrint({ row: 0, col: 0, rows: HEADER_ROW + body.length + 1, cols }, "Källor", "Samkalk"),
    freezeRows: HEADER_ROW + 1,
  };
}

export const KALLOR_LAYOUT = { headerRow: HEADER_ROW, firstDataRow: HEADER_ROW + 1 } as const;
