import type { Block, CellStyle } from "../../sheets/spec";
import type { RangeRef } from "../../domain/a1";
import { STYLE_FORMATS, StyleFormat, WRAPPING_STYLES } from "../styleFormats";
import { appendAll } from "../../domain/arrays";

/** How each style role looks in Excel: the formats (src/hosts/styleFormats.ts) are shared with the xlsx host. */
export { HEADING_FONT_SIZE, STYLE_COLORS } from "../styleColors";

/** Roles whose cells wrap their text: the rows holding them get their height fitted. */
export { WRAPPING_STYLES };

export interface StyleRect extends RangeRef {
  style: CellStyle;
}

/** Statements applyStyle queues for a format: one per property, two for a border (style and weight). */
function statementCount(f: StyleFormat): number {
  const { border, ...rest } = f;
  return Object.keys(rest).length + (border ? 2 : 0);
}

/**
 * Statements applyStyle queues for a role (for payload estimates). The row autofit of the wrapping
 * roles is counted by the plan (one per run of rows).
 */
export const STYLE_STATEMENTS = Object.fromEntries(
  (Object.keys(STYLE_FORMATS) as CellStyle[]).map((s) => [s, statementCount(STYLE_FORMATS[s])]),
) as Record<CellStyle, number>;

const EDGES = { top: "EdgeTop", bottom: "EdgeBottom" } as const;

/** Queues the statements of a style role's format on a range (one per property set, see STYLE_STATEMENTS). */
export function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = STYLE_FORMATS[style];
  const format = range.format;
  if (f.bold) format.font.bold = true;
  if (f.italic) format.font.italic = true;
  if (f.size !== undefined) format.font.size = f.size;
  if (f.color !== undefined) format.font.color = f.color;
  if (f.fill !== undefined) format.fill.color = f.fill;
  if (f.wrapText) format.wrapText = true;
  if (f.vertical === "top") format.verticalAlignment = "Top";
  if (f.border) {
    const edge = format.borders.getItem(EDGES[f.border]);
    edge.style = "Continuous";
    edge.weight = "Thin";
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
    appendAll(done, open.values());
    open = next;
  }
  appendAll(done, open.values());
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
