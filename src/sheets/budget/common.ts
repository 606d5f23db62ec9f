import { Amount, amountToNumber } from "../../domain/amount";
import type { Decimal } from "../../domain/budget/types";
import { criteriaText, quoted } from "../cells";

/** Number formats, amounts and formula text shared by the budget sheets (cells: ../cells). */

export const PERCENT_FORMAT = "0.0#";
export const YEAR_FORMAT = "0";

export function decimalToNumber(d: Decimal): number {
  return Number(d.digits) / 10 ** d.decimals;
}

export function money(a: Amount): number {
  return amountToNumber(a);
}

/**
 * A text as a SUMIFS/COUNTIF criterion that matches exactly that text (ignoring case, as Excel does):
 * wildcards escaped with ~, and a leading "=" when the text would otherwise read as a comparison.
 * Null when Excel cannot take it as a criterion (longer than 255 characters, or empty).
 */
export function exactCriterion(s: string): string | null {
  if (s === "") return null;
  let c = criteriaText(s);
  if (/^[<>=]/.test(c) || /^[-+\d.,\s]+$/.test(c)) c = `=${c}`;
  return c.length > 255 ? null : quoted(c);
}

/** Sum of signed terms as formula text: ["+A", "-B"] → "A-B"; none → "0". */
export function signedSum(terms: { coef: 1 | -1; expr: string }[]): string {
  if (terms.length === 0) return "0";
  return terms
    .map((t, i) => (t.coef < 0 ? `-${t.expr}` : i === 0 ? t.expr : `+${t.expr}`))
    .join("");
}

/** SUM(...) over the given references, "0" when there are none. */
export function sumOf(refs: string[]): string {
  if (refs.length === 0) return "0";
  // SUM takes at most 255 arguments; longer lists are added up in chunks.
  const chunks: string[] = [];
  for (let i = 0; i < refs.length; i += 200) chunks.push(`SUM(${refs.slice(i, i + 200).join(",")})`);
  return chunks.join("+");
}

/** Consecutive row numbers as ranges of one column: rows 7,8,9,12 in B → ["B7:B9", "B12"]. */
export function columnRuns(col: string, rows: number[], absolute = false): string[] {
  const d = absolute ? "$" : "";
  const sorted = [...rows].sort((a, b) => a - b);
  const out: string[] = [];
  let start = -1;
  let prev = -1;
  const flush = () => {
    if (start < 0) return;
    out.push(start === prev ? `${d}${col}${d}${start}` : `${d}${col}${d}${start}:${d}${col}${d}${prev}`);
  };
  for (const r of sorted) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    flush();
    start = r;
    prev = r;
  }
  flush();
  return out;
}

/**
 * A long note split at spaces into lines of at most `max` characters, one per row, so that it overflows
 * only into the printed columns beside it instead of being cut off at the print area's edge.
 */
export function noteLines(t: string, max: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of t.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > max) {
      out.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "" || out.length === 0) out.push(line);
  return out;
}
