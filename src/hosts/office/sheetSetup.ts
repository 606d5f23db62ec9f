/** Column widths, data validation and print setup of a written sheet (queued, applied at the next sync). */
import { PrintSpec, ValidationRule, ValidationSpec } from "../../sheets/spec";
import { columnLetters, rangeAddress } from "../../domain/a1";

/**
 * Excel's width in characters (digits of the default Calibri 11, 7 px each, plus 5 px padding) in the
 * points Office.js uses for Range.format.columnWidth.
 */
export function charsToPoints(chars: number): number {
  return chars <= 0 ? 0 : Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Sets widths from column A, one statement per run of equal widths. Returns the statements queued. */
export function applyColumnWidths(sheet: Excel.Worksheet, widths: number[]): number {
  let statements = 0;
  for (let start = 0; start < widths.length; ) {
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === widths[start]) end++;
    sheet.getRange(`${columnLetters(start)}:${columnLetters(end)}`).format.columnWidth = charsToPoints(widths[start]);
    statements++;
    start = end + 1;
  }
  return statements;
}

export function toDataValidationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list":
      // A typed-in list is comma-separated; preflight refuses values that contain a comma.
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "wholeNumber":
    case "decimal": {
      const basic: Excel.BasicDataValidation =
        rule.max === undefined
          ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" }
          : { formula1: rule.min, formula2: rule.max, operator: "Between" };
      return rule.kind === "wholeNumber" ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

export function applyValidations(sheet: Excel.Worksheet, validations: ValidationSpec[]): void {
  for (const v of validations) {
    const { row, col, rows, cols } = v.range;
    const validation = sheet.getRangeByIndexes(row, col, rows, cols).dataValidation;
    validation.rule = toDataValidationRule(v.rule);
    validation.errorAlert = { showAlert: true, style: "Stop", title: "Samkalk", message: v.errorMessage };
  }
}

/** Excel's limit for one header or footer section. */
const HEADER_FOOTER_MAX = 255;

/** Plain text as a header/footer section: "&" starts a code, so it is doubled; cut to Excel's limit. */
export function headerFooterText(text: string, prefix = ""): string {
  let t = text;
  const escape = (s: string) => s.replace(/&/g, "&&");
  while (t.length > 0 && prefix.length + escape(t).length > HEADER_FOOTER_MAX) t = t.slice(0, -1);
  return prefix + escape(t);
}

export const PAGE_NUMBERS = "Sida &P av &N";

/** Page setup (ExcelApi 1.9): A4, orientation, one page wide, print area, header and footer. */
export function applyPrint(sheet: Excel.Worksheet, print: PrintSpec): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4"; // = Excel.PaperType.a4, written as text so no Excel enum object is needed at runtime
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: print.onePage ? 1 : 0 };
  layout.setPrintArea(rangeAddress(print.area));
  const page = layout.headersFooters.defaultForAllPages;
  page.centerHeader = headerFooterText(print.headerCenter, '&"-,Bold"');
  page.leftFooter = headerFooterText(print.footerLeft);
  page.rightFooter = print.pageNumbers ? PAGE_NUMBERS : "";
}

/** Statements applyPrint queues, and their texts, for payload estimates. */
export const PRINT_STATEMENTS = 8;
