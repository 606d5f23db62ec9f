/** A1 addresses and rectangles for the Excel fake. Coordinates are 0-based. */

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export const WHOLE_SHEET: Rect = { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };

export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLS ? n - 1 : -1;
}

export function columnName(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

interface RefPart {
  col: number | null;
  row: number | null;
}

function parsePart(part: string): RefPart | null {
  const m = /^\$?([A-Za-z]{1,3})?(?:\$?(\d{1,7}))?$/.exec(part);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const col = m[1] === undefined ? null : columnIndex(m[1]);
  const row = m[2] === undefined ? null : Number(m[2]) - 1;
  if (col === -1 || (row !== null && (row < 0 || row >= MAX_ROWS))) return null;
  return { col, row };
}

function unquoteSheetName(raw: string): string | null {
  if (raw.startsWith("'")) {
    if (!raw.endsWith("'") || raw.length < 3) return null;
    return raw.slice(1, -1).replace(/''/g, "'");
  }
  return raw.length > 0 ? raw : null;
}

/** Parses "A1", "A1:C3", "$A$1", "A:C", "2:5", optionally prefixed by "Sheet!" or "'My sheet'!". */
export function parseAddress(address: string): { sheetName: string | null; rect: Rect } | null {
  let sheetName: string | null = null;
  let body = address.trim();
  const bang = body.lastIndexOf("!");
  if (bang >= 0) {
    sheetName = unquoteSheetName(body.slice(0, bang));
    if (sheetName === null) return null;
    body = body.slice(bang + 1);
  }
  const parts = body.split(":");
  if (parts.length > 2) return null;
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if (!a || !b) return null;
  const kind = (p: RefPart) => (p.col !== null && p.row !== null ? "cell" : p.col !== null ? "col" : "row");
  if (kind(a) !== kind(b) || (parts.length === 1 && kind(a) !== "cell")) return null;
  if (kind(a) === "col") {
    const c0 = Math.min(a.col ?? 0, b.col ?? 0);
    const c1 = Math.max(a.col ?? 0, b.col ?? 0);
    return { sheetName, rect: { row: 0, col: c0, rows: MAX_ROWS, cols: c1 - c0 + 1 } };
  }
  if (kind(a) === "row") {
    const r0 = Math.min(a.row ?? 0, b.row ?? 0);
    const r1 = Math.max(a.row ?? 0, b.row ?? 0);
    return { sheetName, rect: { row: r0, col: 0, rows: r1 - r0 + 1, cols: MAX_COLS } };
  }
  const r0 = Math.min(a.row ?? 0, b.row ?? 0);
  const r1 = Math.max(a.row ?? 0, b.row ?? 0);
  const c0 = Math.min(a.col ?? 0, b.col ?? 0);
  const c1 = Math.max(a.col ?? 0, b.col ?? 0);
  return { sheetName, rect: { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 } };
}

export function formatRect(rect: Rect): string {
  const fullCols = rect.row === 0 && rect.rows === MAX_ROWS;
  const fullRows = rect.col === 0 && rect.cols === MAX_COLS;
  if (fullCols) return `${columnName(rect.col)}:${columnName(rect.col + rect.cols - 1)}`;
  if (fullRows) return `${rect.row + 1}:${rect.row + rect.rows}`;
  const start = `${columnName(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return start;
  return `${start}:${columnName(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

/** "Blad1!A1:B2", quoting names the way Excel does when they are not plain identifiers. */
export function qualifiedAddress(sheetName: string, rect: Rect): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheetName) && !/^[A-Za-z]{1,3}\d+$/.test(sheetName);
  const name = plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${name}!${formatRect(rect)}`;
}

export function isInsideSheet(rect: Rect): boolean {
  return (
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.col) &&
    Number.isInteger(rect.rows) &&
    Number.isInteger(rect.cols) &&
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.col + rect.cols <= MAX_COLS
  );
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function containsCell(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;
}

/** The parts of `a` outside `b`, as up to four rectangles. */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  const top = b.row - a.row;
  if (top > 0) out.push({ row: a.row, col: a.col, rows: top, cols: a.cols });
  const bottom = a.row + a.rows - (b.row + b.rows);
  if (bottom > 0) out.push({ row: b.row + b.rows, col: a.col, rows: bottom, cols: a.cols });
  const midRow = Math.max(a.row, b.row);
  const midRows = Math.min(a.row + a.rows, b.row + b.rows) - midRow;
  const left = b.col - a.col;
  if (left > 0) out.push({ row: midRow, col: a.col, rows: midRows, cols: left });
  const right = a.col + a.cols - (b.col + b.cols);
  if (right > 0) out.push({ row: midRow, col: b.col + b.cols, rows: midRows, cols: right });
  return out;
}
