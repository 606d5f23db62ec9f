/**
 * What each style role looks like, independent of the API that applies it: the Office host
 * (office/styles.ts) turns a StyleFormat into Office.js format statements, the xlsx host
 * (xlsx/xlsxStyles.ts) into exceljs cell properties. A property left out is left at Excel's default.
 */
import type { CellStyle } from "../sheets/spec";
import { HEADING_FONT_SIZE, STATUS_FILLS, STYLE_COLORS, TITLE_FONT_SIZE } from "./styleColors";

export interface StyleFormat {
  bold?: true;
  italic?: true;
  /** Font size, in points. */
  size?: number;
  /** Font colour, "#RRGGBB". */
  color?: string;
  /** Solid fill colour, "#RRGGBB". */
  fill?: string;
  wrapText?: true;
  /** Vertical alignment when not Excel's default (bottom). */
  vertical?: "top";
  /** A thin continuous border on that edge. */
  border?: "top" | "bottom";
}

/** Status roles: their fill, top-aligned (they sit beside wrapped texts). */
const status = (fill: string): StyleFormat => ({ fill, vertical: "top" });

export const STYLE_FORMATS: Readonly<Record<CellStyle, StyleFormat>> = {
  title: { bold: true, size: TITLE_FONT_SIZE },
  subtitle: { italic: true, color: STYLE_COLORS.subtitle },
  // Top-aligned: a label sits beside wrapped texts that make its row tall.
  label: { bold: true, vertical: "top" },
  check: { bold: true },
  header: { bold: true, fill: STYLE_COLORS.headerFill, wrapText: true, border: "bottom" },
  input: { fill: STYLE_COLORS.inputFill },
  total: { bold: true, border: "top" },
  // Not wrapped: notes are long lines in a narrow column that overflow to the right.
  note: { color: STYLE_COLORS.note },
  helper: { color: STYLE_COLORS.helper },
  heading: { bold: true, size: HEADING_FONT_SIZE },
  wrap: { wrapText: true, vertical: "top" },
  good: status(STATUS_FILLS.good),
  neutral: status(STATUS_FILLS.neutral),
  bad: status(STATUS_FILLS.bad),
  info: status(STATUS_FILLS.info),
  muted: status(STATUS_FILLS.muted),
  // Changed since the previous report.
  changed: { bold: true, fill: STYLE_COLORS.changedFill, wrapText: true, vertical: "top" },
};

/** Roles whose cells wrap their text: the rows holding them get their height fitted (by each host its way). */
export const WRAPPING_STYLES: ReadonlySet<CellStyle> = new Set<CellStyle>(
  (Object.keys(STYLE_FORMATS) as CellStyle[]).filter((s) => STYLE_FORMATS[s].wrapText),
);
