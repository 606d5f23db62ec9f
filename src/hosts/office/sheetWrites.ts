/** The statements the Office host queues to write a sheet spec (writeSheet); none of them syncs. */
import type { SheetSpec } from "../../sheets/spec";
import { contentFingerprint, localAddress } from "../contentFingerprint";
import type { OwnedSheet } from "./ownership";
import { applyColumnWidths, applyPrint, applyValidations } from "./sheetSetup";
import { applyCharts } from "./charts";
import { applyStyle } from "./styles";
import type { RangeWrite, WritePlan } from "./writePlan";
import type { LiveTableProxy } from "./workbookIndex";

/** One batch of the plan's cell writes: formulas (and texts and numbers) and number formats, by rectangle. */
export function writeCells(sheet: Excel.Worksheet, writes: RangeWrite[]): void {
  for (const w of writes) {
    const range = sheet.getRangeByIndexes(w.row, w.col, w.rows, w.cols);
    if (w.formulas) range.formulas = w.formulas;
    if (w.numberFormats) range.numberFormat = w.numberFormats;
  }
}

/** Removes what Samkalk wrote last time, so the sheet (and its id) can be reused. */
export function resetOwnedSheet(sheet: Excel.Worksheet, tablesOnSheet: LiveTableProxy[], charts: Excel.Chart[]): void {
  for (const c of charts) c.delete();
  for (const t of tablesOnSheet) t.proxy.delete();
  const everything = sheet.getRange();
  everything.clear("All");
  everything.dataValidation.clear();
  sheet.freezePanes.unfreeze();
}

/** Everything after the cells, in the last batch: widths, styles, tables, validations, charts, print setup, row heights, panes. */
export function writeEverythingElse(sheet: Excel.Worksheet, spec: SheetSpec, plan: WritePlan, withPrint: boolean): void {
  applyColumnWidths(sheet, spec.columnWidths);
  for (const r of plan.styleRects) applyStyle(sheet.getRangeByIndexes(r.row, r.col, r.rows, r.cols), r.style);
  for (const t of spec.tables) {
    // A Range of this sheet, not an address: an address without a sheet name means the active sheet.
    const table = sheet.tables.add(sheet.getRangeByIndexes(t.range.row, t.range.col, t.range.rows, t.range.cols), true);
    table.name = t.name;
    table.style = t.style;
  }
  applyValidations(sheet, spec.validations);
  if (spec.charts) applyCharts(sheet, spec.charts);
  if (withPrint) applyPrint(sheet, spec.print);
  // After the values, widths and styles it depends on: whole rows, so every cell of a row counts.
  for (const run of plan.autofitRows) sheet.getRange(`${run.row + 1}:${run.row + run.rows}`).format.autofitRows();
  if (spec.freezeRows) sheet.freezePanes.freezeRows(spec.freezeRows);
  sheet.activate();
}

/** The register entry's record of what was written, from the used range read back after the writes. */
export function contentRecord(usedRange: Excel.Range): Pick<OwnedSheet, "contentAddress" | "fingerprint"> {
  return { contentAddress: localAddress(usedRange.address), fingerprint: contentFingerprint(usedRange.address, usedRange.formulas) };
}
