import type ExcelJS from "exceljs";
import type { CellStyle } from "../../sheets/spec";
import { STYLE_FORMATS, WRAPPING_STYLES } from "../styleFormats";

/** "#C6EFCE" → exceljs' ARGB "FFC6EFCE". */
export function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } });

/** Roles whose cells wrap their text: the xlsx host estimates their rows' heights (see wrappedRowHeight). */
export const XLSX_WRAPPING_STYLES: ReadonlySet<CellStyle> = WRAPPING_STYLES;

/** A style role's format (src/hosts/styleFormats.ts, shared with the Office host) as exceljs cell properties. */
export function applyXlsxStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  const f = STYLE_FORMATS[style];
  if (f.bold || f.italic || f.size !== undefined || f.color !== undefined) {
    cell.font = {
      ...(f.bold ? { bold: true } : {}),
      ...(f.italic ? { italic: true } : {}),
      ...(f.size !== undefined ? { size: f.size } : {}),
      ...(f.color !== undefined ? { color: { argb: argb(f.color) } } : {}),
    };
  }
  if (f.fill !== undefined) cell.fill = solid(f.fill);
  if (f.border) cell.border = { [f.border]: { style: "thin" } };
  // A wrapped cell states its vertical alignment in the file; bottom is Excel's default.
  if (f.wrapText || f.vertical) cell.alignment = { ...(f.wrapText ? { wrapText: true } : {}), vertical: f.vertical ?? "bottom" };
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
