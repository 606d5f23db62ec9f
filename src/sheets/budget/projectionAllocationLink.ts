import { cellAddress } from "../../domain/a1";
import type { Enhet } from "../../domain/budget/types";
import { sheetRef } from "../cells";
import { ALLOCATION_SHEET_LAYOUT } from "../tilldelning/allocationSheet";

/** A "Statlig tilldelning <år>" sheet whose forecast for the user's förbund is the state's contribution that year. */
export interface AllocationSheetLink {
  ar: number;
  sheetName: string;
  /** The förbund whose forecast is linked (the allocation sheet's own förbund). */
  forbund: string;
}

/** The förbund's forecast (whole kronor) on the allocation sheet, as an absolute reference. */
export const forecastRef = (link: AllocationSheetLink) => `${sheetRef(link.sheetName)}${cellAddress(ALLOCATION_SHEET_LAYOUT.OWN.prognos, 1, true)}`;

/**
 * The forecast in the projection's unit, rounded as the projection rounds (half away from zero) with
 * integer care: kronor ÷ 10^k is exactly a half only when the decimal quotient is one, so ROUND never
 * lands on the wrong side of it.
 */
export function forecastInUnit(link: AllocationSheetLink, enhet: Enhet, dec: number): string {
  const ref = forecastRef(link);
  if (enhet === "kr") return ref;
  if (dec >= 3) return `${ref}/1000`;
  return dec === 0 ? `ROUND(${ref}/1000,0)` : `ROUND(${ref}/${10 ** (3 - dec)},0)/${10 ** dec}`;
}

/** The note on the projection sheet: where the state's contribution comes from, and what wins over it. */
export function allocationNote(link: AllocationSheetLink, enhet: Enhet): string {
  const unit = enhet === "kr" ? "i kr" : "omräknad till tkr och avrundad som budgetens övriga belopp";
  return (
    `Statens bidrag ${link.ar}: prognos från bladet ${link.sheetName} (${link.forbund}, cell ${cellAddress(ALLOCATION_SHEET_LAYOUT.OWN.prognos, 1)}), ${unit}. ` +
    `Ett belopp för staten ${link.ar} angivet bland medlemsavgifterna går före prognosen (då länkas den inte); ` +
    `ett belopp skrivet i Fast belopp ${link.ar} på statens rad ersätter länken.`
  );
}
