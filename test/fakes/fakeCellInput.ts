/**
 * How Excel turns what an add-in assigns to `range.values` / `range.formulas` into cell content.
 * Excel parses such input like typed text: "=...", "+...", "-..." and "@..." become formulas, numeric
 * text becomes a number, "TRUE" a boolean, an ISO date a date serial, and a leading apostrophe forces
 * text (the apostrophe is not part of the value). This is exactly how a host can end up running text
 * it meant to store, so the fake reproduces it.
 */
import { invalidArgument } from "./fakeErrors";

export type ScalarValue = string | number | boolean;

export interface CellContent {
  /** "" for an empty cell; unused (kept "") for formula cells, since the fake does not evaluate. */
  value: ScalarValue;
  /** Formula text including the leading "=", or null. */
  formula: string | null;
}

export const MAX_CELL_TEXT = 32_767;
const MAX_FORMULA = 8_192;

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateSerial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Rough syntax check: Excel refuses formulas with unbalanced parentheses or quotes. */
export function formulaProblem(formula: string): string | null {
  if (formula.length > MAX_FORMULA) return `formula longer than ${MAX_FORMULA} characters`;
  const body = formula.slice(1);
  if (body.trim() === "") return "empty formula";
  let depth = 0;
  let inString = false;
  let inSheetName = false;
  for (const ch of body) {
    if (inString) {
      if (ch === '"') inString = false;
    } else if (inSheetName) {
      if (ch === "'") inSheetName = false;
    } else if (ch === '"') inString = true;
    else if (ch === "'") inSheetName = true;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return "unbalanced parentheses";
  }
  if (inString || inSheetName) return "unterminated quote";
  return depth === 0 ? null : "unbalanced parentheses";
}

function formulaContent(formula: string, where: string): CellContent {
  const problem = formulaProblem(formula);
  if (problem) throw invalidArgument(`${where}: ${problem} in ${JSON.stringify(formula.slice(0, 80))}`);
  return { value: "", formula };
}

/** Interprets one non-null element of a 2-D array assigned to values/formulas. */
export function contentFromInput(input: unknown, where: string): CellContent {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw invalidArgument(`${where}: ${input} is not a finite number`);
    return { value: input, formula: null };
  }
  if (typeof input === "boolean") return { value: input, formula: null };
  if (typeof input !== "string") {
    throw invalidArgument(`${where}: ${input === undefined ? "undefined" : typeof input} is not a cell value`);
  }
  if (input.length > MAX_CELL_TEXT) throw invalidArgument(`${where}: text longer than ${MAX_CELL_TEXT} characters`);
  if (input === "") return { value: "", formula: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (input.startsWith("=")) return formulaContent(input, where);
  const trimmed = input.trim();
  if (NUMERIC.test(trimmed)) {
    const percent = trimmed.endsWith("%");
    const n = Number(percent ? trimmed.slice(0, -1) : trimmed);
    return { value: percent ? n / 100 : n, formula: null };
  }
  if (/^[+\-@]/.test(input)) return formulaContent(`=${input}`, where);
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true", formula: null };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { value: serial, formula: null };
  }
  return { value: input, formula: null };
}
