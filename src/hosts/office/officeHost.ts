/**
 * The Office.js implementation of WorkbookHost: the only product code that talks to Excel.
 *
 * Round trips are what make an add-in slow (each context.sync() is a request, over the network in Excel
 * on the web), so the host uses a constant number of them per sheet: inspectSheet takes at most 2 syncs,
 * writeSheet 2 (one to look at the workbook, one with every write), whatever the number of rows. Only a
 * sheet too large for one request (Excel on the web refuses requests over 5 MB) is written in chunks.
 */
import type { ReadValue, SheetState, WorkbookHost, WriteReport } from "../host";
import type { SheetSpec } from "../../sheets/spec";
import { rangeAddress } from "../../sheets/spec";
import { OWNERSHIP_KEY, OwnedSheet, isOwnedId, parseOwnedSheets, withOwnedSheet } from "./ownership";
import { DEFAULT_PAYLOAD_BUDGET_BYTES } from "./payload";
import { LiveTable, assertWritableSpec, notOwnedMessage, sameSheetName, tableConflictMessage } from "./preflight";
import { DocumentSettings, documentSettings, saveSettings } from "./settingsStore";
import { applyColumnWidths, applyPrint, applyValidations } from "./sheetSetup";
import { StyleRect, applyStyle } from "./styles";
import { RangeWrite, planSheetWrite } from "./writePlan";

export { createOfficeSettingsStore } from "./settingsStore";
export { estimatePayloadBytes } from "./payload";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions {
  /** Default: the global Excel.run. */
  run?: ExcelRun;
  /** Default: Office.context.document.settings. */
  settings?: DocumentSettings;
  /** Default: Office.context.requirements.isSetSupported. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Largest request the host builds, in bytes. Default 4 MB (Excel on the web refuses over 5 MB). */
  payloadBudgetBytes?: number;
}

interface LiveSheet {
  name: string;
  id: string;
  proxy: Excel.Worksheet;
}

interface LiveTableProxy extends LiveTable {
  proxy: Excel.Table;
}

interface WorkbookIndex {
  sheets: LiveSheet[];
  tables: LiveTableProxy[];
}

/** One sync: every worksheet's name and id, every table's name and sheet. */
async function loadWorkbookIndex(context: Excel.RequestContext): Promise<WorkbookIndex> {
  const worksheets = context.workbook.worksheets.load("items/name,items/id");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  await context.sync();
  return {
    sheets: worksheets.items.map((s) => ({ name: s.name, id: s.id, proxy: s })),
    tables: tables.items.map((t) => ({ name: t.name, sheetName: t.worksheet.name, proxy: t })),
  };
}

function toReadValue(v: unknown): ReadValue {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
}

function writeCells(sheet: Excel.Worksheet, writes: RangeWrite[]): void {
  for (const w of writes) {
    const range = sheet.getRangeByIndexes(w.row, w.col, w.rows, w.cols);
    if (w.formulas) range.formulas = w.formulas;
    if (w.numberFormats) range.numberFormat = w.numberFormats;
  }
}

/** Removes what Samkalk wrote last time, so the sheet (and its id) can be reused. */
function resetOwnedSheet(sheet: Excel.Worksheet, tablesOnSheet: LiveTableProxy[]): void {
  for (const t of tablesOnSheet) t.proxy.delete();
  const everything = sheet.getRange();
  everything.clear("All");
  everything.dataValidation.clear();
  sheet.freezePanes.unfreeze();
}

function writeEverythingElse(sheet: Excel.Worksheet, spec: SheetSpec, rects: StyleRect[], withPrint: boolean): void {
  applyColumnWidths(sheet, spec.columnWidths);
  for (const r of rects) applyStyle(sheet.getRangeByIndexes(r.row, r.col, r.rows, r.cols), r.style);
  for (const t of spec.tables) {
    const table = sheet.tables.add(rangeAddress(t.range), true);
    table.name = t.name;
    table.style = t.style;
  }
  applyValidations(sheet, spec.validations);
  if (withPrint) applyPrint(sheet, spec.print);
  if (spec.freezeRows) sheet.freezePanes.freezeRows(spec.freezeRows);
  sheet.activate();
}

export class OfficeWorkbookHost implements WorkbookHost {
  private readonly run: ExcelRun;
  private readonly settings: () => DocumentSettings;
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly budget: number;

  constructor(options: OfficeHostOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.settings = () => options.settings ?? documentSettings();
    this.isSetSupported =
      options.isSetSupported ?? ((name, version) => Office.context.requirements.isSetSupported(name, version));
    this.budget = options.payloadBudgetBytes ?? DEFAULT_PAYLOAD_BUDGET_BYTES;
  }

  private register(): OwnedSheet[] {
    return parseOwnedSheets(this.settings().get(OWNERSHIP_KEY));
  }

  private async saveOwned(entry: OwnedSheet, liveIds: ReadonlySet<string>): Promise<void> {
    const settings = this.settings();
    settings.set(OWNERSHIP_KEY, withOwnedSheet(this.register(), entry, liveIds));
    try {
      await saveSettings(settings);
    } catch (e) {
      throw new Error(
        `Bladet "${entry.name}" skrevs, men Samkalk kunde inte spara att det är Samkalks blad. ${(e as Error).message}`,
      );
    }
  }

  async inspectSheet(sheetName: string, tableNames: string[]): Promise<SheetState> {
    const register = this.register();
    return this.run(async (context) => {
      const index = await loadWorkbookIndex(context);
      const sheet = index.sheets.find((s) => sameSheetName(s.name, sheetName));
      if (!sheet) return { sheetName, exists: false, ownedBySamkalk: false, tables: {} };
      const bodies: Array<[string, Excel.Range]> = [];
      for (const name of tableNames) {
        const table = index.tables.find((t) => sameSheetName(t.name, name) && sameSheetName(t.sheetName, sheet.name));
        if (table) bodies.push([name, table.proxy.getDataBodyRange().load("values")]);
      }
      if (bodies.length > 0) await context.sync();
      const tables: Record<string, ReadValue[][]> = {};
      for (const [name, range] of bodies) tables[name] = range.values.map((row) => row.map(toReadValue));
      return { sheetName, exists: true, ownedBySamkalk: isOwnedId(register, sheet.id), tables };
    });
  }

  async writeSheet(spec: SheetSpec, state: SheetState): Promise<WriteReport> {
    if (state.exists && !state.ownedBySamkalk) throw new Error(notOwnedMessage(spec.name));
    assertWritableSpec(spec);
    const plan = planSheetWrite(spec, this.budget);
    const withPrint = this.isSetSupported("ExcelApi", "1.9");
    let syncs = 0;

    const written = await this.run(async (context) => {
      const index = await loadWorkbookIndex(context);
      syncs++;
      // The workbook may have changed since inspectSheet: decide again from what is there now.
      const existing = index.sheets.find((s) => sameSheetName(s.name, spec.name));
      if (existing && !isOwnedId(this.register(), existing.id)) throw new Error(notOwnedMessage(spec.name));
      const conflict = tableConflictMessage(spec, index.tables, existing?.name ?? null);
      if (conflict) throw new Error(conflict);

      let sheet: Excel.Worksheet;
      if (existing) {
        sheet = existing.proxy;
        resetOwnedSheet(sheet, index.tables.filter((t) => sameSheetName(t.sheetName, existing.name)));
      } else {
        sheet = context.workbook.worksheets.add(spec.name);
      }
      sheet.load("id,name");
      const liveIds = new Set(index.sheets.map((s) => s.id));
      let registered = false;
      try {
        for (const [i, batch] of plan.batches.entries()) {
          writeCells(sheet, batch);
          if (i === plan.batches.length - 1) writeEverythingElse(sheet, spec, plan.styleRects, withPrint);
          // One iteration unless the sheet is too large for one request; then one per ~4 MB chunk.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          syncs++;
          if (!registered) {
            liveIds.add(sheet.id);
            await this.saveOwned({ id: sheet.id, name: sheet.name, kind: spec.kind }, liveIds);
            registered = true;
          }
        }
      } catch (e) {
        if (!existing && !registered) await this.adoptHalfCreatedSheet(context, spec, index);
        throw e;
      }
      return { name: sheet.name, created: !existing };
    });

    return {
      sheetName: written.name,
      syncs,
      largestPayloadBytes: Math.max(...plan.batchBytes),
      created: written.created,
    };
  }

  /**
   * A failed first write can leave the new sheet behind (Excel applies statements up to the failing one).
   * It is Samkalk's, so it is registered, letting a retry rewrite it instead of refusing it.
   */
  private async adoptHalfCreatedSheet(context: Excel.RequestContext, spec: SheetSpec, before: WorkbookIndex): Promise<void> {
    try {
      const sheet = context.workbook.worksheets.getItemOrNullObject(spec.name).load("id,name");
      await context.sync();
      if (!sheet.isNullObject && !before.sheets.some((s) => s.id === sheet.id)) {
        const liveIds = new Set([...before.sheets.map((s) => s.id), sheet.id]);
        await this.saveOwned({ id: sheet.id, name: sheet.name, kind: spec.kind }, liveIds);
      }
    } catch {
      // Best effort: the original error is what the user needs to see.
    }
  }
}

export function createOfficeHost(options?: OfficeHostOptions): WorkbookHost {
  return new OfficeWorkbookHost(options);
}
