import type ExcelJS from "exceljs";
import type { CellStyle } from "../../sheets/spec";
import { HEADING_FONT_SIZE, STATUS_FILLS, STYLE_COLORS, TITLE_FONT_SIZE } from "../styleColors";

/** "#C6EFCE" → exceljs' ARGB "FFC6EFCE". */
export function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } });

/** Roles whose cells wrap their text: the xlsx host estimates their rows' heights (see wrappedRowHeight). */
export const XLSX_WRAPPING_STYLES: ReadonlySet<CellStyle> = new Set<CellStyle>(["header", "wrap", "changed"]);

/** How each style role looks in an .xlsx file (the colours are shared with the Office host's styles). */
export function applyXlsxStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  switch (style) {
    case "title":
      cell.font = { bold: true, size: TITLE_FONT_SIZE };
      break;
    case "subtitle":
      cell.font = { italic: true, color: { argb: argb(STYLE_COLORS.subtitle) } };
      break;
    case "label":
      // Top-aligned: a label sits beside wrapped texts that make its row tall.
      cell.font = { bold: true };
      cell.alignment = { vertical: "top" };
      break;
    case "check":
      cell.font = { bold: true };
      break;
    case "header":
      cell.font = { bold: true };
      cell.fill = solid(STYLE_COLORS.headerFill);
      cell.border = { bottom: { style: "thin" } };
      cell.alignment = { wrapText: true, vertical: "bottom" };
      break;
    case "input":
      cell.fill = solid(STYLE_COLORS.inputFill);
      break;
    case "total":
      cell.font = { bold: true };
      cell.border = { top: { style: "thin" } };
      break;
    case "note":
      cell.font = { color: { argb: argb(STYLE_COLORS.note) } };
      break;
    case "helper":
      cell.font = { color: { argb: argb(STYLE_COLORS.helper) } };
      break;
    case "heading":
      cell.font = { bold: true, size: HEADING_FONT_SIZE };
      break;
    case "wrap":
      cell.alignment = { wrapText: true, vertical: "top" };
      break;
    case "good":
    case "neutral":
    case "bad":
    case "info":
    case "muted":
      cell.fill = solid(STATUS_FILLS[style]);
      cell.alignment = { vertical: "top" };
      break;
    case "changed":
      cell.font = { bold: true };
      cell.fill = solid(STYLE_COLORS.changedFill);
      cell.alignment = { wrapText: true, vertical: "top" };
      break;
  }
}

/** Excel's standard row height (one line of Calibri 11) and its tallest row, in points. */
export const STANDARD_ROW_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;
/** Excel's default column width, in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/**
 * An estimate of the height a wrapped text needs in a column `widthChars` characters wide: one 15 pt
 * line per started column width of text, and per line break. Generous (a proportional font fits more
 * than `widthChars` letters on a line), since a row cut short hides text and a tall one only wastes room.
 */
export function wrappedRowHeight(text: string, widthChars: number): number {
  // Word wrap as Excel does it (whole words to the next line), with a little room for wide letters and bold.
  const perLine = Math.max(1, Math.floor(widthChars * 0.92));
  let lines = 0;
  for (const paragraph of text.split(/\r\n?|\n/)) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else {
        lines += used === 0 ? 0 : 1;
        lines += Math.floor((word.length - 1) / perLine);
        used = ((word.length - 1) % perLine) + 1;
      }
    }
  }
  return Math.min(MAX_ROW_HEIGHT, lines * STANDARD_ROW_HEIGHT);
}
