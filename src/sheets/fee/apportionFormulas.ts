import { cellAddress, columnLetters } from "../../domain/a1";

/**
 * Excel formulas for a largest-remainder split, one row per part, using only functions Excel 2016
 * has (INT, SUM, COUNTIF, COUNTIFS): the same steps as domain/largestRemainder.ts.
 *
 *   golv    = INT(total × vikt / Σvikt)          whole units of the exact quota
 *   rest    = total × vikt − golv × Σvikt        exact remainder numerator (an integer, < Σvikt)
 *   rang    = 1 + #(rest larger) + #(same rest and lower ordning)
 *   tillägg = 1 if rang ≤ total − Σgolv          the leftover units go to the largest remainders
 *   del     = golv + tillägg
 *
 * Everything is an integer in the smallest unit, so doubles are exact while total × Σvikt < 2^53;
 * the use case refuses inputs beyond that.
 */
export interface ApportionColumns {
  /** 0-based columns of the helper cells. */
  vikt: number;
  ordning: number;
  golv: number;
  rest: number;
  rang: number;
  tillagg: number;
}

export interface ApportionRows {
  /** 0-based first and last row of the parts. */
  first: number;
  last: number;
}

function colRange(col: number, rows: ApportionRows): string {
  const c = columnLetters(col);
  return `$${c}$${rows.first + 1}:$${c}$${rows.last + 1}`;
}

/** Formulas for the helper cells of one row; `total` is an A1 expression for the amount in minor units. */
export function apportionRowFormulas(row: number, cols: ApportionColumns, rows: ApportionRows, total: string) {
  const here = (col: number) => cellAddress(row, col);
  const sumVikt = `SUM(${colRange(cols.vikt, rows)})`;
  const rests = colRange(cols.rest, rows);
  return {
    golv: `IF(${sumVikt}=0,0,INT(${total}*${here(cols.vikt)}/${sumVikt}))`,
    rest: `${total}*${here(cols.vikt)}-${here(cols.golv)}*${sumVikt}`,
    rang: `COUNTIF(${rests},">"&${here(cols.rest)})+COUNTIFS(${rests},${here(cols.rest)},${colRange(cols.ordning, rows)},"<"&${here(cols.ordning)})+1`,
    tillagg: `IF(${here(cols.rang)}<=${total}-SUM(${colRange(cols.golv, rows)}),1,0)`,
    /** The part in minor units. */
    del: `(${here(cols.golv)}+${here(cols.tillagg)})`,
    andel: `IF(${sumVikt}=0,0,${here(cols.vikt)}/${sumVikt})`,
  };
}

/** Headers of the helper columns, in the order of ApportionColumns. */
export const APPORTION_HEADERS = ["Vikt", "Ordning", "Golv", "Rest", "Rang", "Tillägg"] as const;

/** Rank as the sheet's COUNTIF/COUNTIFS computes it (larger rest first, then lower ordning), for the cached values. */
export function apportionRanks(rests: bigint[], order: number[]): number[] {
  return rests.map((r, i) => 1 + rests.filter((s, j) => s > r || (s === r && order[j] < order[i])).length);
}
