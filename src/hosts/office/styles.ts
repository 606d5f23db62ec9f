import type { Block, CellStyle } from "../../sheets/spec";
import type { RangeRef } from "../../domain/a1";
import { HEADING_FONT_SIZE, STATUS_FILLS, STYLE_COLORS, TITLE_FONT_SIZE } from "../styleColors";

/** How each style role looks in Excel: the colours are shared with src/hosts/xlsx/xlsxStyles.ts. */
export { HEADING_FONT_SIZE, STYLE_COLORS } from "../styleColors";

/** Roles whose cells wrap their text: the rows holding them get their height fitted. */
export const WRAPPING_STYLES: ReadonlySet<CellStyle> = new Set<CellStyle>(["header", "wrap", "changed"]);

export interface StyleRect extends RangeRef {
  style: CellStyle;
}

/** Statements applyStyle queues for a role (for payload estimates). */
export const STYLE_STATEMENTS: Record<CellStyle, number> = {
  title: 2,
  subtitle: 2,
  label: 2,
  check: 1,
  header: 5,
  input: 1,
  total: 3,
  note: 1,
  helper: 1,
  heading: 2,
  // wrapText and verticalAlignment; the row autofit is counted by the plan (one per run of rows).
  wrap: 2,
  good: 2,
  neutral: 2,
  bad: 2,
  info: 2,
  muted: 2,
  changed: 4,
};

export function applyStyle(range: Excel.Range, style: CellStyle): void {
  const format = range.format;
  switch (style) {
    case "title":
      format.font.bold = true;
      format.font.size = TITLE_FONT_SIZE;
      break;
    case "subtitle":
      format.font.italic = true;
      format.font.color = STYLE_COLORS.subtitle;
      break;
    case "label":
      // Top-aligned: a label sits beside wrapped texts that make its row tall.
      format.font.bold = true;
      format.verticalAlignment = "Top";
      break;
    case "check":
      format.font.bold = true;
      break;
    case "header": {
      format.font.bold = true;
      format.fill.color = STYLE_COLORS.headerFill;
      format.wrapText = true;
      const bottom = format.borders.getItem("EdgeBottom");
      bottom.style = "Continuous";
      bottom.weight = "Thin";
      break;
    }
    case "input":
      format.fill.color = STYLE_COLORS.inputFill;
      break;
    case "total": {
      format.font.bold = true;
      const top = format.borders.getItem("EdgeTop");
      top.style = "Continuous";
      top.weight = "Thin";
      break;
    }
    case "note":
      // Not wrapped: notes are long lines in a narrow column that overflow to the right, as in the xlsx host.
      format.font.color = STYLE_COLORS.note;
      break;
    case "helper":
      format.font.color = STYLE_COLORS.helper;
      break;
    case "heading":
      format.font.bold = true;
      format.font.size = HEADING_FONT_SIZE;
      break;
    case "wrap":
      format.wrapText = true;
      format.verticalAlignment = "Top";
      break;
    case "good":
    case "neutral":
    case "bad":
    case "info":
    case "muted":
      format.fill.color = STATUS_FILLS[style];
      format.verticalAlignment = "Top";
      break;
    case "changed":
      format.font.bold = true;
      format.fill.color = STYLE_COLORS.changedFill;
      format.wrapText = true;
      format.verticalAlignment = "Top";
      break;
  }
}

/**
 * The rows holding wrapped cells, as runs of consecutive 0-based rows: one `autofitRows` statement
 * each, on whole rows (so every cell of the row counts, as Excel's own autofit does).
 */
export function wrappedRowRuns(rects: StyleRect[]): Array<{ row: number; rows: number }> {
  const rows = new Set<number>();
  for (const r of rects) if (WRAPPING_STYLES.has(r.style)) for (let i = 0; i < r.rows; i++) rows.add(r.row + i);
  const runs: Array<{ row: number; rows: number }> = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.row + last.rows === row) last.rows++;
    else runs.push({ row, rows: 1 });
  }
  return runs;
}

/**
 * The styled cells of all blocks as few rectangles as a simple sweep finds: runs of equal style along
 * each row, merged downwards while the run below has the same columns. A later block's style wins.
 */
export function styleRects(blocks: Block[]): StyleRect[] {
  const grid = new Map<number, Map<number, CellStyle>>();
  for (const b of blocks) {
    b.cells.forEach((cells, i) =>
      cells.forEach((cell, j) => {
        if (!cell.style) return;
        const row = b.row + i;
        let line = grid.get(row);
        if (!line) grid.set(row, (line = new Map()));
        line.set(b.col + j, cell.style);
      }),
    );
  }
  const done: StyleRect[] = [];
  let open = new Map<string, StyleRect>();
  for (const row of [...grid.keys()].sort((a, b) => a - b)) {
    const next = new Map<string, StyleRect>();
    for (const run of rowRuns(row, grid.get(row) ?? new Map())) {
      const key = `${run.style}|${run.col}|${run.cols}`;
      const above = open.get(key);
      if (above && above.row + above.rows === row) {
        above.rows++;
        open.delete(key);
        next.set(key, above);
      } else next.set(key, run);
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}

function rowRuns(row: number, line: Map<number, CellStyle>): StyleRect[] {
  const runs: StyleRect[] = [];
  for (const col of [...line.keys()].sort((a, b) => a - b)) {
    const style = line.get(col) as CellStyle;
    const last = runs[runs.length - 1];
    if (last && last.style === style && last.col + last.cols === col) last.cols++;
    else runs.push({ style, row, col, rows: 1, cols: 1 });
  }
  return runs;
}
