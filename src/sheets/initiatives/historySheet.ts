import { HISTORIK_RUBRIKER, Historikrad } from "../../domain/initiatives/model";
import type { Cell, SheetSpec } from "../spec";
import { num, text } from "../cells";
import { landscapePrint } from "../print";

/** Every status report's snapshot, newest first: what the overview compares with next time. */
export const HISTORY_SHEET = "Initiativ historik";
export const HISTORY_TABLE = "Samkalk_Initiativhistorik";
export const HISTORY_HEADER_ROW = 2;

export function buildHistorySheet(rows: readonly Historikrad[]): SheetSpec {
  const sorted = [...rows].sort((a, b) => (a.datum === b.datum ? a.nr - b.nr : a.datum < b.datum ? 1 : -1));
  const body: Cell[][] = sorted.map((r) => [
    text(r.datum),
    num(r.nr, undefined, "0"),
    text(r.nulage),
    text(r.statustext, "wrap"),
    r.paverkan === "x" ? text("x") : num(r.paverkan, undefined, "0"),
  ]);
  const n = Math.max(body.length, 1);
  return {
    name: HISTORY_SHEET,
    kind: "initiativ-historik",
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [text("Samverkansinitiativ – historik", "title")],
          [text("Skrivs av Samkalk vid varje statusrapport. Ändra inte: översikten jämför med den senaste rapporten här.", "note")],
          HISTORIK_RUBRIKER.map((h) => text(h, "header")),
          ...(body.length > 0 ? body : [HISTORIK_RUBRIKER.map(() => text(""))]),
        ],
      },
    ],
    columnWidths: [12, 6, 14, 80, 12],
    tables: [{ name: HISTORY_TABLE, range: { row: HISTORY_HEADER_ROW, col: 0, rows: n + 1, cols: HISTORIK_RUBRIKER.length }, style: "TableStyleLight1" }],
    validations: [],
    print: landscapePrint({ row: 0, col: 0, rows: HISTORY_HEADER_ROW + 1 + n, cols: HISTORIK_RUBRIKER.length }, "Samverkansinitiativ – historik", "Samkalk"),
    freezeRows: HISTORY_HEADER_ROW + 1,
  };
}
