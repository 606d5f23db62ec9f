/**
 * SCB's markers for a cell without a number: ".." not available/too uncertain, "." cannot occur,
 * "-" nothing to report, "x" protected; PX files' DATASYMBOL1–6 are "." to "......".
 */
import { inexactMessage, inexactNumberMessage } from "../exactNumber";

export const SCB_MARKERS: ReadonlySet<string> = new Set([
  ".",
  "..",
  "...",
  "....",
  ".....",
  "......",
  "…",
  "-",
  "–",
  "x",
  "X",
]);

export interface ScbValue {
  varde: number | null;
  status: string | null;
  /** Set when the number as written cannot reach Excel unchanged (past 2^53 or more than 15 digits): why. */
  inexakt?: string;
}

const EMPTY: ScbValue = { varde: null, status: null };
const INT = /^-?\d+$/;
// Spaces Swedish programs put between thousands: space, no-break, narrow no-break, thin.
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/g;
const SPACE_GROUPS = /^-?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;
const ONE_SEPARATOR = /^-?\d+(?:[.,]\d+)?$/;
const DOTS_THEN_COMMA = /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const COMMAS_THEN_DOT = /^-?\d{1,3}(?:,\d{3})+\.\d+$/;

/**
 * A value cell: a number (decimal comma or point, spaces or dots as thousands separators),
 * an SCB marker (value null, status the marker) or empty. Undefined when the cell is something else.
 */
export function parseScbValue(cell: string | number | null | undefined): ScbValue | undefined {
  if (cell === null || cell === undefined) return EMPTY;
  if (typeof cell === "number") return Number.isFinite(cell) ? checked({ varde: cell, status: null }, inexactNumberMessage(cell)) : undefined;
  const s = cell.trim();
  if (INT.test(s)) return checked({ varde: Number(s), status: null }, inexactMessage(s, s));
  if (s === "") return EMPTY;
  if (SCB_MARKERS.has(s)) return { varde: null, status: s };
  const spaced = s.replace(/^\u2212/, "-").replace(GROUP_SPACES, " ");
  if (spaced.includes(" ") && !SPACE_GROUPS.test(spaced)) return undefined;
  const t = spaced.replace(/ /g, "");
  if (!/^-?\d/.test(t)) return undefined;
  let plain: string;
  if (ONE_SEPARATOR.test(t)) plain = t.replace(",", ".");
  else if (DOTS_THEN_COMMA.test(t)) plain = t.replace(/\./g, "").replace(",", ".");
  else if (COMMAS_THEN_DOT.test(t)) plain = t.replace(/,/g, "");
  else return undefined;
  return checked({ varde: Number(plain), status: null }, inexactMessage(plain, s));
}

const checked = (v: ScbValue, inexakt: string | null): ScbValue => (inexakt ? { ...v, inexakt } : v);
