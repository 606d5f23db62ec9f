import type { RangeRef } from "../domain/a1";
import type { PrintSpec } from "./spec";

/** How every sheet prints: A4, one page wide, over `area`, with page numbers. */
export function a4Print(orientation: PrintSpec["orientation"], area: RangeRef, headerCenter: string, footerLeft: string): PrintSpec {
  return { orientation, paper: "A4", fitToWidth: true, area, headerCenter, footerLeft, pageNumbers: true };
}

/** Landscape A4, one page wide, over `area`. */
export function landscapePrint(area: RangeRef, headerCenter: string, footerLeft: string): PrintSpec {
  return a4Print("landscape", area, headerCenter, footerLeft);
}

/** Portrait A4, one page wide, over `area`. */
export function portraitPrint(area: RangeRef, headerCenter: string, footerLeft: string): PrintSpec {
  return a4Print("portrait", area, headerCenter, footerLeft);
}
