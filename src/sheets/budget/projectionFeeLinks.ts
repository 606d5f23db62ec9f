import { cellAddress } from "../../domain/a1";
import { FEE_SHEET_LAYOUT } from "../fee/feeSheet";
import { quoted, sheetRef } from "../cells";

/** A fee split sheet for a year of the projection, that member fees link to. */
export interface FeeSheetLink {
  ar: number;
  sheetName: string;
  /** Kommun codes in the fee sheet's table. */
  kommunKoder: string[];
}

/** An amount cell of the fee sheet's 50/25/25 block (row 0-based), as an absolute reference. */
export const feeRef = (link: FeeSheetLink, row: number) => `${sheetRef(link.sheetName)}${cellAddress(row, FEE_SHEET_LAYOUT.columns.belopp, true)}`;
const feeTableCol = (link: FeeSheetLink, col: number) => {
  const first = FEE_SHEET_LAYOUT.firstDataRow;
  return `${sheetRef(link.sheetName)}${cellAddress(first, col, true)}:${cellAddress(first + 299, col, true)}`;
};
/** A kommun's fee looked up by its code in the fee sheet's table (0 when it is not there). */
export const kommunFee = (link: FeeSheetLink, kod: string) =>
  `IFERROR(INDEX(${feeTableCol(link, FEE_SHEET_LAYOUT.columns.belopp)},MATCH(${quoted(kod)},${feeTableCol(link, FEE_SHEET_LAYOUT.columns.kod)},0)),0)`;
/** Where the state's and the region's fees stand in the fee sheet. */
export const STAT_FEE_ROW = FEE_SHEET_LAYOUT.topFirst;
export const REGION_FEE_ROW = FEE_SHEET_LAYOUT.topFirst + 1;
