/**
 * Largest-remainder apportionment (Hamilton's method) in exact integer arithmetic.
 *
 * Each part first gets the whole-number part of its exact quota total × weight / Σweights; the units
 * still missing go one each to the parts with the largest remainders, ties to the lowest `order` key.
 * The parts therefore always sum exactly to the total, and each part is within one unit of its quota.
 *
 * The Excel formulas written by src/sheets/feeSplitFormulas.ts follow the same steps cell by cell.
 */
export interface Apportioned {
  /** Whole-number part of the quota. */
  floor: bigint;
  /** Remainder numerator: total × weight − floor × Σweights (0 ≤ rest < Σweights). */
  rest: bigint;
  /** 1 if this part received one of the leftover units. */
  extra: 0n | 1n;
  /** The part: floor + extra. */
  part: bigint;
}

export function apportion(total: bigint, weights: readonly bigint[], order: readonly number[]): Apportioned[] {
  if (weights.length !== order.length) throw new Error("weights and order differ in length");
  if (total < 0n) throw new Error("total must not be negative");
  if (weights.some((w) => w < 0n)) throw new Error("weights must not be negative");
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    if (total !== 0n) throw new Error("cannot apportion a non-zero total over zero weights");
    return weights.map(() => ({ floor: 0n, rest: 0n, extra: 0n, part: 0n }));
  }
  const floors = weights.map((w) => (total * w) / sum);
  const rests = weights.map((w, i) => total * w - floors[i] * sum);
  const leftover = total - floors.reduce((a, b) => a + b, 0n);
  // Rank by rest (descending), then by order key (ascending): the same rule the sheet's COUNTIFS encodes.
  const ranked = weights
    .map((_, i) => i)
    .sort((a, b) => (rests[a] === rests[b] ? order[a] - order[b] : rests[a] > rests[b] ? -1 : 1));
  const extra = new Array<0n | 1n>(weights.length).fill(0n);
  for (let k = 0; BigInt(k) < leftover; k++) extra[ranked[k]] = 1n;
  return weights.map((_, i) => ({ floor: floors[i], rest: rests[i], extra: extra[i], part: floors[i] + extra[i] }));
}
