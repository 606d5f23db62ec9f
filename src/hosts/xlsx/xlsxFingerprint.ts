/** The xlsx host's record of what it wrote: a fingerprint of a worksheet's contents, for edit detection. */
import type ExcelJS from "exceljs";
import { rangeAddress } from "../../domain/a1";
import { contentFingerprint } from "../contentFingerprint";
import { maxOf, minOf } from "../../domain/arrays";

/** A cell's content as exceljs holds it: "=" and the formula text for a formula, else the value. */
function cellContent(cell: ExcelJS.Cell): unknown {
  const formula = cell.formula;
  if (formula) return `=${formula}`;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v !== "object" || v instanceof Date) return v;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("error" in v) return v.error;
  if ("text" in v) return typeof v.text === "string" ? v.text : JSON.stringify(v.text);
  return JSON.stringify(v);
}

/**
 * contentFingerprint of the sheet: the smallest range holding every cell with content, and that
 * range's contents (as the Office host does with the values-only used range and its formulas), constants
 * in the `typed` cells left out.
 */
export function worksheetFingerprint(ws: ExcelJS.Worksheet, typed?: string): string {
  const cells: Array<{ row: number; col: number; content: unknown }> = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const content = cellContent(cell);
      if (content !== "") cells.push({ row: rowNumber - 1, col: colNumber - 1, content });
    }),
  );
  if (cells.length === 0) return contentFingerprint("A1", [[""]]);
  const r0 = minOf(cells.map((c) => c.row));
  const c0 = minOf(cells.map((c) => c.col));
  const rows = maxOf(cells.map((c) => c.row)) - r0 + 1;
  const cols = maxOf(cells.map((c) => c.col)) - c0 + 1;
  const grid: unknown[][] = Array.from({ length: rows }, () => Array<unknown>(cols).fill(""));
  for (const c of cells) grid[c.row - r0][c.col - c0] = c.content;
  return contentFingerprint(rangeAddress({ row: r0, col: c0, rows, cols }), grid, typed);
}
