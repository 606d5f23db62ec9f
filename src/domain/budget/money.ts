import { Amount, formatAmount } from "../amount";
import type { Decimal, Enhet } from "./types";

/** Arithmetic on exact amounts that may carry different numbers of decimals. */

export const NOLL: Amount = { minor: 0n, decimals: 0 };

function align(a: Amount, b: Amount): [bigint, bigint, number] {
  const d = Math.max(a.decimals, b.decimals);
  return [a.minor * 10n ** BigInt(d - a.decimals), b.minor * 10n ** BigInt(d - b.decimals), d];
}

export function plus(a: Amount, b: Amount): Amount {
  const [x, y, decimals] = align(a, b);
  return { minor: x + y, decimals };
}

export function minus(a: Amount, b: Amount): Amount {
  const [x, y, decimals] = align(a, b);
  return { minor: x - y, decimals };
}

export function negate(a: Amount): Amount {
  return { minor: -a.minor, decimals: a.decimals };
}

export function times(a: Amount, n: bigint): Amount {
  return { minor: a.minor * n, decimals: a.decimals };
}

export function total(list: readonly Amount[]): Amount {
  return list.reduce(plus, NOLL);
}

export function compare(a: Amount, b: Amount): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function same(a: Amount, b: Amount): boolean {
  return compare(a, b) === 0;
}

/** Integer division rounded half away from zero, like Excel's ROUND. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error("division by zero");
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = n / d;
  const r = n % d;
  const absR = r < 0n ? -r : r;
  if (2n * absR >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/** The amount with exactly `decimals` decimals, rounded half away from zero when decimals are dropped. */
export function roundTo(a: Amount, decimals: number): Amount {
  if (decimals >= a.decimals) return { minor: a.minor * 10n ** BigInt(decimals - a.decimals), decimals };
  return { minor: divideRounded(a.minor, 10n ** BigInt(a.decimals - decimals)), decimals };
}

/** p % of a, rounded half away from zero to `decimals` decimals. */
export function percentOf(a: Amount, p: Decimal, decimals: number): Amount {
  const numerator = a.minor * 10n ** BigInt(decimals) * p.digits;
  const denominator = 10n ** BigInt(a.decimals) * 100n * 10n ** BigInt(p.decimals);
  return { minor: divideRounded(numerator, denominator), decimals };
}

/** a changed by p %: a × (100 + p) / 100, rounded half away from zero to `decimals` decimals. */
export function changeByPercent(a: Amount, p: Decimal, decimals: number): Amount {
  return percentOf(a, { digits: 100n * 10n ** BigInt(p.decimals) + p.digits, decimals: p.decimals }, decimals);
}

/** The magnitude of a. */
export function abs(a: Amount): Amount {
  return a.minor < 0n ? negate(a) : a;
}

/** "−2 595 tkr" (non-breaking spaces, as formatAmount). */
export function formatBelopp(a: Amount, enhet: Enhet): string {
  return `${formatAmount(a)}\u00a0${enhet}`;
}

/** "82,9 %". */
export function formatProcent(p: Decimal): string {
  return `${formatAmount({ minor: p.digits, decimals: p.decimals })}\u00a0%`;
}
