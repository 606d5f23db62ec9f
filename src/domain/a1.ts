/**
 * Excel's A1 addresses, the one place they are made and read: 0-based rectangles (RangeRef) ↔ "B3",
 * "$B$3", "A1:D51", and the areas of an address as Office.js reports it ("Blad1!A1:B2,Blad1!D4:E5").
 * Located error messages ("cell C22") and formulas use the same functions.
 */

/** A 0-based rectangle of cells. */
export interface RangeRef {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** "A1"-style address of a 0-based cell. */
export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

export function rangeAddress(r: RangeRef, absolute = false): string {
  const start = cellAddress(r.row, r.col, absolute);
  if (r.rows === 1 && r.cols === 1) return start;
  return `${start}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1, absolute)}`;
}

/** 0-based column → "A", "Z", "AA". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/**
 * The areas of an address such as "Blad1!A1:B2", "'Mitt, blad'!C3" or "Blad1!A1:B2,Blad1!D4:E5" (RangeAreas),
 * with the sheet names dropped. Whole columns ("A:B") and rows ("3:4") span the sheet. Throws on anything else.
 */
export function areaRefs(address: string): RangeRef[] {
  return splitAreas(address).map(areaRef);
}

/** Splits at commas outside quoted sheet names ('' is a quote inside one). */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

function areaRef(area: string): RangeRef {
  const local = area.slice(area.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
  const pieces = local.split(":");
  const [a, b = a] = pieces;
  const m = /^([A-Z]{0,3})(\d{0,7})$/.exec(a);
  const n = /^([A-Z]{0,3})(\d{0,7})$/.exec(b);
  if (!m || !n || pieces.length > 2) throw new Error(`Okänd adress från Excel: "${area}".`);
  const col = (letters: string) => [...letters].reduce((v, ch) => v * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const hasCol = m[1] !== "" && n[1] !== "";
  const hasRow = m[2] !== "" && n[2] !== "";
  if ((!hasCol && !hasRow) || (pieces.length === 1 && !(hasCol && hasRow)) || (m[1] === "") !== (n[1] === "") || (m[2] === "") !== (n[2] === "")) {
    throw new Error(`Okänd adress från Excel: "${area}".`);
  }
  const [c0, c1] = hasCol ? [col(m[1]), col(n[1])].sort((x, y) => x - y) : [0, MAX_COLS - 1];
  const [r0, r1] = hasRow ? [Number(m[2]) - 1, Number(n[2]) - 1].sort((x, y) => x - y) : [0, MAX_ROWS - 1];
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}
