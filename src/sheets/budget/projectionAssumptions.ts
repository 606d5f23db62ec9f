import type { RangeRef } from "../../domain/a1";
import type { TableSpec } from "../spec";
import { text } from "../cells";
import type { ProjectionGrid } from "./projectionLayout";

/** The assumptions block's table on the projection sheet "Budget <år1>–<år3>", read back on a re-run. */
export function projectionTableName(years: number[]): string {
  return `Samkalk_Antaganden_${years[0]}_${years[years.length - 1]}`;
}

/** Header of the table's last column: the post (or group) a row's assumptions are for. */
export const ASSUMPTION_KEY_HEADER = "Avser";

/** The header texts of the assumption columns, as the sheet writes them (the reader finds its columns by them). */
export const assumptionHeaders = {
  bas: (basAr: number) => `Utgångsläge ${basAr}`,
  arlig: "Årlig förändring %",
  perAr: (y: number) => `Förändring % ${y}`,
  fast: (y: number) => `Fast belopp ${y}`,
  sista: "Sista år",
};

/**
 * The assumptions block as an Excel table (from Utgångsläge to a last column naming the post or group of
 * each row), and the cells whose typed values a re-run keeps: per post its yearly and per-year change and,
 * for a post that is not a member fee, its fixed amounts and last year; per group its changes and last year;
 * per co-financing commitment its amounts. The base amounts and member fees are not among them (a change
 * there is an edit).
 */
export function writeAssumptionsTable(g: ProjectionGrid): { table: TableSpec; typedCells: RangeRef[] } {
  const { years, n, C, lines, blocks, put, HEADER_ROW, R } = g;
  const keyCol = C.sista + 1;
  put(HEADER_ROW, keyCol, text(ASSUMPTION_KEY_HEADER, "header"));
  const typedCells: RangeRef[] = [];
  const seen = new Set<string>();
  for (const b of blocks) {
    if (b.headingRow !== undefined && b.hasInputs) {
      put(b.headingRow, keyCol, text(b.name!, "note"));
      typedCells.push({ row: b.headingRow, col: C.arlig, rows: 1, cols: n + 1 }, { row: b.headingRow, col: C.sista, rows: 1, cols: 1 });
    }
  }
  for (const l of lines) {
    if (l.kind === "medlem_ny") continue;
    put(l.row, keyCol, text(l.post, "note"));
    if (l.kind === "medfinansiering" && !seen.has(`medfinansiering:${l.post}`)) {
      seen.add(`medfinansiering:${l.post}`);
      typedCells.push({ row: l.row, col: C.fast(0), rows: 1, cols: n });
    }
    // Posts of the same name share their assumptions: the first line's are the ones read back.
    if (l.kind !== "bas" || seen.has(l.post)) continue;
    seen.add(l.post);
    typedCells.push({ row: l.row, col: C.arlig, rows: 1, cols: l.medlem ? n + 1 : 2 * n + 2 });
  }
  const table: TableSpec = {
    name: projectionTableName(years),
    range: { row: HEADER_ROW, col: C.bas, rows: R.summaKostnader - HEADER_ROW, cols: keyCol - C.bas + 1 },
    style: "TableStyleLight1",
  };
  return { table, typedCells };
}
