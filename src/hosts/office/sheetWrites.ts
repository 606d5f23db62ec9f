/** The statements the Office host queues to write a sheet spec (writeSheet); none of them syncs. */
import type { SheetSpec } from "../../sheets/spec";
import { contentFingerprint, localAddress, typedAddress } from "../contentFingerprint";
import { applyColumnWidths, applyPrint, applyValidations } from "./sheetSetup";
import { applyCharts } from "./charts";
import { applyStyle } from "./styles";
import type { RangeWrite, WritePlan } from "./writePlan";
import type { LiveSheet, LiveTableProxy, WorkbookIndex } from "./workbookIndex";
import { sameSheetName } from "../../domain/excelNames";
import { notOwnedMessage, protectionMessage, tableConflictMessage } from "../preflight";
import { isOwnedId, ownedEntry, type OwnedSheet } from "./ownership";

/** One batch of the plan's cell writes: formulas (and texts and numbers) and number formats, by rectangle. */
export function writeCells(sheet: Excel.Worksheet, writes: RangeWrite[]): void {
  for (const w of writes) {
    const range = sheet.getRangeByIndexes(w.row, w.col, w.rows, w.cols);
    if (w.formulas) range.formulas = w.formulas;
    if (w.numberFormats) range.numberFormat = w.numberFormats;
  }
}

/**
 * The sheet a spec is written to, decided from the workbook as it is now (it may have changed since it was
 * inspected): undefined for a new sheet. Throws the Swedish reason when the spec may not be written there:
 * a same-named sheet that is not Samkalk's, protection, or a table name taken elsewhere.
 */
export function writeTarget(index: WorkbookIndex, register: OwnedSheet[], spec: SheetSpec): LiveSheet | undefined {
  const existing = index.sheets.find((s) => sameSheetName(s.name, spec.name));
  if (existing && !isOwnedId(register, existing.id)) throw new Error(notOwnedMessage(spec.name));
  const problem =
    protectionMessage(spec.name, { exists: !!existing, protected: existing?.protected, structureProtected: index.structureProtected }) ??
    tableConflictMessage(spec, index.tables, existing?.name ?? null);
  if (problem) throw new Error(problem);
  return existing;
}

/**
 * Whether a rewrite must first find the sheet's old charts (one more sync) to remove them: when the new spec
 * has charts, or when the register says Samkalk drew some there last time (a spec may have none now).
 */
export function hasChartsToReplace(register: OwnedSheet[], existing: LiveSheet | undefined, spec: SheetSpec): boolean {
  if (!existing) return false;
  return (spec.charts?.length ?? 0) > 0 || (ownedEntry(register, existing.id)?.charts ?? 0) > 0;
}

/** What the register keeps of a spec's charts. */
export function chartRecord(spec: SheetSpec): Pick<OwnedSheet, "charts"> {
  const n = spec.charts?.length ?? 0;
  return n > 0 ? { charts: n } : {};
}

/** Queues making the target ready for the writes: the owned sheet emptied, or a new sheet added; id and name loaded. */
export function openTarget(context: Excel.RequestContext, index: WorkbookIndex, spec: SheetSpec, existing: LiveSheet | undefined, oldCharts: Excel.Chart[]): Excel.Worksheet {
  const sheet = existing ? existing.proxy : context.workbook.worksheets.add(spec.name);
  if (existing) resetOwnedSheet(sheet, index.tables.filter((t) => sameSheetName(t.sheetName, existing.name)), oldCharts);
  sheet.load("id,name");
  return sheet;
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
export function contentRecord(usedRange: Excel.Range, spec: SheetSpec): Pick<OwnedSheet, "contentAddress" | "fingerprint" | "typedAddress"> {
  const typed = typedAddress(spec.typedCells);
  return { contentAddress: localAddress(usedRange.address), fingerprint: contentFingerprint(usedRange.address, usedRange.formulas, typed), ...(typed ? { typedAddress: typed } : {}) };
}
