import Papa from "papaparse";
import { columnLetters } from "../../domain/a1";
import { InputError } from "../../domain/errors";
import { decodeBytes, TextEncoding } from "../decode";
import { readPlainCsv } from "./plainCsv";
import { maxOf } from "../../domain/arrays";

/** What the user gave us, as rows of cells, with a way to name a cell in messages. */
export type Cell = string | number | null;

export interface Grid {
  rows: Cell[][];
  encoding: TextEncoding | "text" | "cells";
  delimiter: Delimiter | null;
  /** "rad 3, kolumn 2" for files, "cell B3" for a range; col omitted → the whole row. */
  locate: (row: number, col?: number) => string;
}

export type Delimiter = "," | ";" | "\t";

export interface GridSource {
  /** File name or similar, put in front of locations. */
  kalla?: string;
  /** Top-left cell of a pasted range, 1-based (default A1). */
  start?: { rad: number; kolumn: number };
}

export function toGrid(input: Uint8Array | string | Cell[][], src: GridSource): Grid {
  const prefix = src.kalla ? `${src.kalla}, ` : "";
  if (Array.isArray(input)) {
    const r0 = src.start?.rad ?? 1;
    const c0 = src.start?.kolumn ?? 1;
    return {
      rows: input,
      encoding: "cells",
      delimiter: null,
      locate: (row, col) => (col === undefined ? `${prefix}rad ${r0 + row}` : `${prefix}cell ${columnLetters(c0 + col - 1)}${r0 + row}`),
    };
  }
  const { text, encoding } =
    typeof input === "string" ? { text: input.replace(/^\uFEFF/, ""), encoding: "text" as const } : decodeBytes(input);
  const delimiter = guessDelimiter(text);
  // Papa gives one record per line unless a quoted cell spans lines, which SCB exports never do.
  const locate = (row: number, col?: number) => `${prefix}rad ${row + 1}${col === undefined ? "" : `, kolumn ${col + 1}`}`;
  // A well-formed file (every SCB download) is read in one pass; papaparse takes everything else.
  const plain = readPlainCsv(text, delimiter);
  if (plain !== null) return { rows: plain, encoding, delimiter, locate };
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  if (quoteError) {
    throw new InputError([{ plats: locate(quoteError.row ?? 0), meddelande: "Ett citattecken (\") avslutas aldrig." }]);
  }
  return { rows: parsed.data, encoding, delimiter, locate };
}

const DELIMITERS: readonly Delimiter[] = [";", "\t", ","];

/**
 * The separator that splits the most lines into the same number of cells. A title line
 * ("Folkmängd efter region, ålder och år", quoted or not) or decimal commas in some cells cannot
 * outvote the header and data rows, which all have the same count. Ties: ";" before tab before ",".
 */
function guessDelimiter(text: string): Delimiter {
  const lines = text.slice(0, 1 << 16).split(/\r\n|\n|\r/, 50).filter((l) => l.trim() !== "");
  let best: Delimiter = ";";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const frequency = new Map<number, number>();
    for (const line of lines) {
      const n = countOutsideQuotes(line, d);
      if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    }
    const score = Math.max(0, maxOf(frequency.values()));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: Delimiter): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === d) n++;
  }
  return n;
}

export function cellText(c: Cell | undefined): string {
  return c === null || c === undefined ? "" : String(c).trim();
}

export function nonEmptyCount(row: Cell[]): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (typeof c === "number") n++;
    // Most texts have no white space at their ends: no trimmed copy is made to see that they are not empty.
    else if (typeof c === "string" && c.length > 0 && (!mayTrim(c) || c.trim() !== "")) n++;
  }
  return n;
}

/** Whether trimming could change the text: white space (all of it ≤ U+0020 or above U+007E) at either end. */
export function mayTrim(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  const first = t.charCodeAt(0);
  const last = t.charCodeAt(n - 1);
  return first <= 0x20 || first >= 0x7f || last <= 0x20 || last >= 0x7f;
}
