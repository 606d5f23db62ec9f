import type { Cell } from "./grid";

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const EOF = -1;

/**
 * The records papaparse gives for a well-formed file (delimiter given, empty lines kept), read in one
 * pass over the text; null when the text has anything this reader leaves to papaparse: a quote inside
 * an unquoted cell or after a closing quote, a line break inside quotes, an unclosed quote, bare CR or
 * mixed line breaks, a leading BOM, an empty text.
 *
 * An unquoted cell that is a plain integer written the way String(n) writes it ("0", "-12", at most 15
 * digits) comes back as that number, so the million value cells of a large extract cost no strings;
 * `cellText` gives back exactly the text of the file.
 */
export function readPlainCsv(text: string, delimiter: string): Cell[][] | null {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 0xfeff) return null;
  const crlf = text.indexOf("\r") >= 0;
  const d = delimiter.charCodeAt(0);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let i = 0;
  for (;;) {
    let cell: Cell;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const q = quoted(text, i + 1);
      if (q === null) return null;
      cell = q.value;
      i = q.end;
    } else {
      let j = i;
      while (j < n) {
        const ch = text.charCodeAt(j);
        if (ch === d || ch === CR || ch === LF) break;
        if (ch === QUOTE) return null;
        j++;
      }
      cell = integerAt(text, i, j) ?? text.slice(i, j);
      i = j;
    }
    row.push(cell);
    const c = i < n ? text.charCodeAt(i) : EOF;
    if (c === d) {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (c === EOF) return rows;
    if (crlf) {
      if (c !== CR || text.charCodeAt(i + 1) !== LF) return null;
      i += 2;
    } else if (c === LF) i++;
    else return null;
  }
}

/** A quoted cell from just after its opening quote: its text ("" for ") and where it ends; null when it is not well-formed. */
function quoted(text: string, from: number): { value: string; end: number } | null {
  const n = text.length;
  let value = "";
  let start = from;
  let j = from;
  for (;;) {
    if (j >= n) return null;
    const ch = text.charCodeAt(j);
    if (ch === QUOTE) {
      if (text.charCodeAt(j + 1) === QUOTE) {
        value += text.slice(start, j + 1);
        j += 2;
        start = j;
        continue;
      }
      value += text.slice(start, j);
      j++;
      break;
    }
    if (ch === CR || ch === LF) return null;
    j++;
  }
  return { value, end: j };
}

/** The integer text[from, to) when it is written as String(n) would write it, else null. */
function integerAt(text: string, from: number, to: number): number | null {
  let i = from;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  const digits = to - i;
  if (digits < 1 || digits > 15) return null;
  const first = text.charCodeAt(i);
  if (first < ZERO || first > NINE || (first === ZERO && (digits > 1 || negative))) return null;
  let v = 0;
  for (; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch < ZERO || ch > NINE) return null;
    v = v * 10 + (ch - ZERO);
  }
  return negative ? -v : v;
}
