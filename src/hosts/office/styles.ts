import type { Block, CellStyle, RangeRef } from "../../sheets/spec";

/** How each style role looks in Excel; kept in step with src/hosts/xlsx/xlsxStyles.ts. */
export const STYLE_COLORS = {
  subtitle: "#595959",
  note: "#595959",
  helper: "#808080",
  headerFill: "#DDEBF7",
  /** Cells the user may edit. */
  inputFill: "#FFF2CC",
} as const;

export interface StyleRect extends RangeRef {
  style: CellStyle;
}

/** Statements applyStyle queues for a role (for payload estimates). */
export const STYLE_STATEMENTS: Record<CellStyle, number> = {
  title: 2,
  subtitle: 2,
  label: 1,
  check: 1,
  header: 5,
  input: 1,
  total: 3,
  note: 1,
  helper: 1,
};

export function applyStyle(range: Excel.Range, style: CellStyle): void {
  const format = range.format;
  switch (style) {
    case "title":
      format.font.bold = true;
      format.font.size = 14;
      break;
    case "subtitle":
      format.font.italic = true;
      format.font.color = STYLE_COLORS.subtitle;
      break;
    case "label":
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
  }
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
