/**
 * Exact money amounts. An amount is an integer count of minor units (`minor`) with `decimals`
 * digits after the decimal comma: 1 234,50 kr is { minor: 123450n, decimals: 2 }.
 * BigInt keeps every step exact; nothing here uses floating point.
 */
export interface Amount {
  minor: bigint;
  decimals: number;
}

export const MAX_DECIMALS = 2;

const NUMBER_RE = /^([+-]|−)?(\d+)(?:[.,](\d+))?$/;

/**
 * Parses a number as Swedish users write it: "57 649 000", "57 649 000,50", "1234.5", "-143 817".
 * Spaces, non-breaking spaces and thin spaces are thousands separators. Returns null if it is not a number.
 */
export function parseDecimal(input: string | number): { digits: bigint; decimals: number } | null {
  const text = typeof input === "number" ? numberToPlainString(input) : input;
  if (text === null) return null;
  const cleaned = text.trim().replace(/[\s\u00a0\u202f\u2009]/g, "");
  const m = NUMBER_RE.exec(cleaned);
  if (!m) return null;
  const neg = m[1] === "-" || m[1] === "−";
  const frac = m[3] ?? "";
  const digits = BigInt(m[2] + frac) * (neg ? -1n : 1n);
  return { digits, decimals: frac.length };
}

function numberToPlainString(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  // Up to 15 significant digits is what a double reliably carries (and what Excel shows).
  const s = Number(n.toPrecision(15)).toString();
  return /e/i.test(s) ? null : s;
}

/** Parses an amount of money; at most two decimals (öre). */
export function parseAmount(input: string | number): Amount | null {
  const d = parseDecimal(input);
  if (!d) return null;
  const stripped = stripTrailingZeros(d.digits, d.decimals);
  if (stripped.decimals > MAX_DECIMALS) return null;
  return { minor: stripped.digits, decimals: stripped.decimals };
}

function stripTrailingZeros(digits: bigint, decimals: number): { digits: bigint; decimals: number } {
  while (decimals > 0 && digits % 10n === 0n) {
    digits /= 10n;
    decimals--;
  }
  return { digits, decimals };
}

/** The same amount with more decimals (never fewer). */
export function rescale(a: Amount, decimals: number): Amount {
  if (decimals < a.decimals) throw new Error("rescale may not drop decimals");
  return { minor: a.minor * 10n ** BigInt(decimals - a.decimals), decimals };
}

export function amountToNumber(a: Amount): number {
  return Number(a.minor) / 10 ** a.decimals;
}

/** Plain machine form, point as decimal separator: "2845", "1234.50". */
export function amountToPlain(a: Amount): string {
  const neg = a.minor < 0n;
  const abs = neg ? -a.minor : a.minor;
  let s = abs.toString();
  if (a.decimals > 0) {
    s = s.padStart(a.decimals + 1, "0");
    s = `${s.slice(0, -a.decimals)}.${s.slice(-a.decimals)}`;
  }
  return neg ? `-${s}` : s;
}

/** Swedish display form: "57 649 000", "1 234,50". Uses a non-breaking space as thousands separator. */
export function formatAmount(a: Amount): string {
  const [int, frac] = amountToPlain(a).split(".");
  const neg = int.startsWith("-");
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${neg ? "−" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}
