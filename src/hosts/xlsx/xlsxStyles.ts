import type ExcelJS from "exceljs";
import type { CellStyle } from "../../sheets/spec";

/** How each style role looks in an .xlsx file (kept in step with the Office host's styles). */
export function applyXlsxStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  switch (style) {
    case "title":
      cell.font = { bold: true, size: 14 };
      break;
    case "subtitle":
      cell.font = { italic: true, color: { argb: "FF595959" } };
      break;
    case "label":
    case "check":
      cell.font = { bold: true };
      break;
    case "header":
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
      cell.border = { bottom: { style: "thin" } };
      cell.alignment = { wrapText: true, vertical: "bottom" };
      break;
    case "input":
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
      break;
    case "total":
      cell.font = { bold: true };
      cell.border = { top: { style: "thin" } };
      break;
    case "note":
      cell.font = { color: { argb: "FF595959" } };
      break;
    case "helper":
      cell.font = { color: { argb: "FF808080" } };
      break;
  }
}
