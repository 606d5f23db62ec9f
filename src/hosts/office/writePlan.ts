/**
 * Turns a sheet spec into range writes grouped into syncs. Normally everything fits in one sync, so a
 * sheet takes the same number of round trips for 6 rows as for 290; only a spec whose estimated request
 * exceeds the budget is split into chunks of rows, one sync each, with styles, tables, validation and
 * print setup in the last.
 *
 * The last sync also reads back the sheet's used range (formulas and address) for the edit fingerprint,
 * when that response is sure to stay under the budget; a sheet too large for that gets no fingerprint.
 */
import { Block, Cell, SheetSpec } from "../../sheets/spec";
import { cellAddress } from "../../domain/a1";
import { STATEMENT_OVERHEAD_BYTES, estimatePayloadBytes } from "./payload";
import { PRINT_STATEMENTS } from "./sheetSetup";
import { CHART_STATEMENTS } from "./charts";
import { STYLE_STATEMENTS, StyleRect, styleRects, wrappedRowRuns } from "./styles";

/** What `range.formulas` gets per cell; null leaves the cell alone (Office.js ignores nulls in 2-D arrays). */
export type FormulaInput = string | number | null;

export interface RangeWrite {
  row: number;
  col: number;
  rows: number;
  cols: number;
  formulas: FormulaInput[][] | null;
  numberFormats: (string | null)[][] | null;
  bytes: number;
}

export interface WritePlan {
  /** Cell writes per sync, in order; the last sync also carries everything else. */
  batches: RangeWrite[][];
  styleRects: StyleRect[];
  /** Estimated request bytes of each of those syncs. */
  batchBytes: number[];
  /** Runs of rows holding wrapped cells, 0-based: their heights are fitted (one statement per run). */
  autofitRows: Array<{ row: number; rows: number }>;
  /** The written contents can be read back in the last sync's response (see readBackBytes). */
  readBack: boolean;
  /** Estimated bytes of that read-back response (0 when there is none). */
  readBackBytes: number;
}

/**
 * Texts are always written with a leading apostrophe: Excel then stores exactly the text. Without it,
 * "=..." "+..." "-..." "@..." would run as formulas, and "0114", "TRUE" or "2025-01-01" would
 * silently become numbers, booleans and dates.
 */
export function formulaInput(cell: Cell, row: number, col: number): FormulaInput {
  switch (cell.kind) {
    case "text":
      return cell.text === "" ? "" : `'${cell.text}`;
    case "number":
      if (!Number.isFinite(cell.value)) throw new Error(`Cellen ${cellAddress(row, col)}: ${cell.value} är inget tal.`);
      return cell.value;
    case "formula":
      return `=${cell.formula}`;
    case "empty":
      return cell.style || cell.format ? "" : null;
  }
}

function writeBytes(formulas: unknown[][] | null, numberFormats: unknown[][] | null): number {
  return (
    (formulas ? estimatePayloadBytes(formulas) + STATEMENT_OVERHEAD_BYTES : 0) +
    (numberFormats ? estimatePayloadBytes(numberFormats) + STATEMENT_OVERHEAD_BYTES : 0)
  );
}

/** The block's bounding rectangle, padded with nulls where rows are ragged; null if it writes nothing. */
export function blockWrite(block: Block): RangeWrite | null {
  const rows = block.cells.length;
  const cols = block.cells.reduce((n, r) => Math.max(n, r.length), 0);
  if (rows === 0 || cols === 0) return null;
  const pad = <T>(f: (cell: Cell, i: number, j: number) => T): (T | null)[][] =>
    block.cells.map((line, i) => Array.from({ length: cols }, (_, j) => (j < line.length ? f(line[j], i, j) : null)));
  const formulas = pad((cell, i, j) => formulaInput(cell, block.row + i, block.col + j));
  const hasValues = formulas.some((line) => line.some((v) => v !== null));
  const hasFormats = block.cells.some((line) => line.some((c) => c.format !== undefined));
  const numberFormats = hasFormats ? pad((cell) => cell.format ?? null) : null;
  if (!hasValues && !numberFormats) return null;
  const write = { row: block.row, col: block.col, rows, cols, formulas: hasValues ? formulas : null, numberFormats };
  return { ...write, bytes: writeBytes(write.formulas, write.numberFormats) };
}

/**
 * Splits a write into row chunks of at most `maxBytes` each (a single row is never split); the first
 * chunk at most `firstMaxBytes`, to fill what is left of a request already begun.
 */
export function splitRows(write: RangeWrite, maxBytes: number, firstMaxBytes = maxBytes): RangeWrite[] {
  if (write.bytes <= firstMaxBytes) return [write];
  const statements = (write.formulas ? 1 : 0) + (write.numberFormats ? 1 : 0);
  const rowBytes = (i: number) =>
    (write.formulas ? estimatePayloadBytes(write.formulas[i]) + 1 : 0) +
    (write.numberFormats ? estimatePayloadBytes(write.numberFormats[i]) + 1 : 0);
  const chunks: RangeWrite[] = [];
  let start = 0;
  let bytes = statements * STATEMENT_OVERHEAD_BYTES;
  const flush = (end: number) => {
    chunks.push({
      row: write.row + start,
      col: write.col,
      rows: end - start,
      cols: write.cols,
      formulas: write.formulas ? write.formulas.slice(start, end) : null,
      numberFormats: write.numberFormats ? write.numberFormats.slice(start, end) : null,
      bytes,
    });
    start = end;
    bytes = statements * STATEMENT_OVERHEAD_BYTES;
  };
  for (let i = 0; i < write.rows; i++) {
    const b = rowBytes(i);
    if (i > start && bytes + b > (chunks.length === 0 ? firstMaxBytes : maxBytes)) flush(i);
    bytes += b;
  }
  flush(write.rows);
  return chunks;
}

/**
 * Estimated bytes of reading back the used range's formulas after the write: the formula texts (never
 * longer than what was written) and `"",` for each cell of the written area's bounding box.
 */
export function readBackBytes(writes: RangeWrite[]): number {
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  let bytes = 0;
  for (const w of writes) {
    if (!w.formulas) continue;
    bytes += estimatePayloadBytes(w.formulas);
    r0 = Math.min(r0, w.row);
    r1 = Math.max(r1, w.row + w.rows - 1);
    c0 = Math.min(c0, w.col);
    c1 = Math.max(c1, w.col + w.cols - 1);
  }
  const cells = r1 < 0 ? 1 : (r1 - r0 + 1) * (c1 - c0 + 1);
  return bytes + 3 * cells + STATEMENT_OVERHEAD_BYTES;
}

/** Estimated bytes of everything but the cell writes: widths, styles, tables, validation, charts, print, freeze. */
function restBytes(spec: SheetSpec, rects: StyleRect[], autofitRuns: number): number {
  const statements =
    spec.columnWidths.length +
    rects.reduce((n, r) => n + STYLE_STATEMENTS[r.style], 0) +
    autofitRuns +
    // the read-back of the used range
    1 +
    spec.tables.length * 3 +
    spec.validations.length * 2 +
    PRINT_STATEMENTS +
    (spec.charts?.length ?? 0) * CHART_STATEMENTS +
    // clearing an owned sheet, deleting its tables, freezing and activating
    8;
  return statements * STATEMENT_OVERHEAD_BYTES + estimatePayloadBytes([spec.tables, spec.validations, spec.print, spec.charts ?? []]);
}

export function planSheetWrite(spec: SheetSpec, budgetBytes: number): WritePlan {
  const writes = spec.blocks.map(blockWrite).filter((w): w is RangeWrite => w !== null);
  const rects = styleRects(spec.blocks);
  const autofitRows = wrappedRowRuns(rects);
  const rest = restBytes(spec, rects, autofitRows.length);
  const cellBytes = writes.reduce((n, w) => n + w.bytes, 0);
  if (cellBytes + rest <= budgetBytes) {
    const back = readBackBytes(writes);
    const readBack = back <= budgetBytes;
    return { batches: [writes], styleRects: rects, batchBytes: [cellBytes + rest], autofitRows, readBack, readBackBytes: readBack ? back : 0 };
  }
  const batches: RangeWrite[][] = [[]];
  const batchBytes = [0];
  for (const write of writes) {
    // A large block first fills what is left of the current request (unless that is little), so a
    // small block before it does not cost a request of its own.
    const room = budgetBytes - batchBytes[batches.length - 1];
    for (const chunk of splitRows(write, budgetBytes, room >= budgetBytes / 10 ? room : budgetBytes)) {
      const last = batches.length - 1;
      if (batches[last].length > 0 && batchBytes[last] + chunk.bytes > budgetBytes) {
        batches.push([chunk]);
        batchBytes.push(chunk.bytes);
      } else {
        batches[last].push(chunk);
        batchBytes[last] += chunk.bytes;
      }
    }
  }
  const last = batches.length - 1;
  if (batchBytes[last] + rest > budgetBytes) {
    batches.push([]);
    batchBytes.push(rest);
  } else batchBytes[last] += rest;
  return { batches, styleRects: rects, batchBytes, autofitRows, readBack: false, readBackBytes: 0 };
}
