/**
 * Förbundsprofil: what a förbund is, asked once and used by every job (fee split, budget, initiatives,
 * SCB, the board pack). Plain data; the JSON file and the workbook's document settings hold the same shape
 * (`src/sources/profile/profileJson.ts`).
 */

/** Which part of the member funding the profile's amount is. */
export type ProfileAmountPart = "total" | "stat" | "kommuner";

export type ProfileKey =
  /** Population in an age band at 31 December of the reference year (SCB). */
  | { kind: "befolkning"; aldersFran: number; aldersTill: number; referensAr: number }
  /** Fixed shares in percent by kommun code, as the förbundsordning states them (text as typed, decimal comma allowed). */
  | { kind: "andel"; andelar: Record<string, string> };

export interface ForbundProfile {
  /** The förbund's name, e.g. "Samordningsförbundet Umeåregionen". */
  forbund: string;
  /** The member region, e.g. "Region Västerbotten". */
  region: string;
  /** The budget year the pack is for. */
  ar: number;
  /** Member kommuner by 4-digit SCB code, in the order the förbund lists them. */
  kommuner: string[];
  nyckel: ProfileKey;
  /** The member funding: the amount as exact decimal text, which part it is, and its unit. */
  belopp: { avser: ProfileAmountPart; varde: string; enhet: "kr" | "tkr" };
  /** Optional inputs for the board pack: a budget file (CSV/TSV/.xlsx) and an initiatives table (CSV). */
  budgetfil?: string;
  initiativfil?: string;
}

/** The age band as the profile file writes it: "16-64". */
export function ageBandText(key: Extract<ProfileKey, { kind: "befolkning" }>): string {
  return `${key.aldersFran}-${key.aldersTill}`;
}
