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
  let above: Cell[] = [];
  let i = 0;
  for (;;) {
    let cell: Cell;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      // A stub text repeats the one above it on most rows of an extract: that string is used again.
      const same = sameAsAbove(text, i, above[row.length]);
      if (same !== null) {
        cell = same;
        i += same.length + 2;
      } else {
        const value = quoted(text, i + 1);
        if (value === null) return null;
        cell = value;
        i = quotedEnd;
      }
    } else {
      // The integer is read on the way to the cell's end; anything but digits (after a leading minus) makes it text.
      const negative = text.charCodeAt(i) === MINUS;
      let j = negative ? i + 1 : i;
      const firstDigit = j;
      let v = 0;
      let digitsOnly = true;
      for (; j < n; j++) {
        const ch = text.charCodeAt(j);
        if (ch >= ZERO && ch <= NINE) v = v * 10 + (ch - ZERO);
        else if (ch === d || ch === CR || ch === LF) break;
        else if (ch === QUOTE) return null;
        else digitsOnly = false;
      }
      const digits = j - firstDigit;
      const plainInteger =
        digitsOnly && digits >= 1 && digits <= 15 && (text.charCodeAt(firstDigit) !== ZERO || (digits === 1 && !negative));
      cell = plainInteger ? (negative ? -v : v) : text.slice(i, j);
      i = j;
    }
    row.push(cell);
    const c = i < n ? text.charCodeAt(i) : EOF;
    if (c === d) {
      i++;
      continue;
    }
    rows.push(row);
    above = row;
    row = [];
    if (c === EOF) return rows;
    if (crlf) {
      if (c !== CR || text.charCodeAt(i + 1) !== LF) return null;
      i += 2;
    } else if (c === LF) i++;
    else return null;
  }
}

/** The text above (same column, row before) when the quoted cell at `at` holds exactly it, else null. */
function sameAsAbove(text: string, at: number, above: Cell | undefined): string | null {
  if (typeof above !== "string") return null;
  const end = at + 1 + above.length;
  if (text.charCodeAt(end) !== QUOTE || text.charCodeAt(end + 1) === QUOTE || !text.startsWith(above, at + 1)) return null;
  // A text with a quote in it is written with doubled quotes, so it cannot match as it stands.
  return above.includes('"') ? null : above;
}

/** Where the last cell read by `quoted` ended (just after its closing quote). */
let quotedEnd = 0;

/** A quoted cell from just after its opening quote: its text ("" for ") with quotedEnd set; null when it is not well-formed. */
function quoted(text: string, from: number): string | null {
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
  quotedEnd = j;
  return value;
}
