import type { Amount } from "../amount";
import type { Enhet } from "../fee/feeSplit";

export type { Enhet };

/** The two parts of a budget. Costs are negative amounts in every table this module returns. */
export type Sektion = "intäkter" | "kostnader";

/** Who pays a member fee: the state (via Försäkringskassan), the region, or a kommun. */
export type Medlem = "stat" | "region" | "kommun";

/** An exact decimal such as a percentage: 82,9 = { digits: 829n, decimals: 1 } (the shape of parseDecimal). */
export interface Decimal {
  digits: bigint;
  decimals: number;
}

/** One budget post in one year. */
export interface BudgetRad {
  sektion: Sektion;
  /** Group heading the post stands under ("Kansli och styrelse"); none for ungrouped lines. */
  grupp?: string;
  /** The line's text without a leading "- ". */
  post: string;
  ar: number;
  /** Costs negative, whatever the sheet used. */
  belopp: Amount;
  enhet: Enhet;
  medlem?: Medlem;
  /** Kommun code (4 digits, "2480") or the region's län code ("24") when it could be recognised. */
  medlemskod?: string;
  /** The kommun's share as written on the line, in percent. */
  andel?: Decimal;
  /** A1 address of the amount in the sheet ("C7"). */
  cell: string;
}
