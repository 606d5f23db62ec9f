/**
 * The Office.js implementation of WorkbookHost: the only product code that talks to Excel.
 *
 * Round trips are what make an add-in slow (each context.sync() is a request, over the network in Excel
 * on the web), so the host uses a constant number of them, whatever the number of rows:
 *
 *  - inspectSheet: 1 sync for a missing sheet (or an existing one when no tables are asked for and no
 *    fingerprint is recorded), at most 2 otherwise. The first looks at the workbook (sheet names and
 *    ids, tables); the second reads, together, the requested tables' data bodies and header rows and,
 *    for a Samkalk sheet with a recorded fingerprint, what edit detection needs: the address of the
 *    values-only used range and the formulas of the range Samkalk wrote (sheetState.ts).
 *  - writeSheet: 2 (one to look at the workbook, one with every write; one more to find the old charts
 *    when a sheet that has or had charts is rewritten). That second sync also reads
 *    back the used range's formulas and address, queued after the writes, so the fingerprint recorded
 *    in the ownership register is computed from Excel's own formula text. Only a sheet too large for
 *    one request (Excel on the web refuses requests over 5 MB) is written in chunks, one sync each; it
 *    gets no fingerprint (its edits are reported as unknown). A first write that fails costs one more
 *    sync, to find and register the sheet it may have left behind.
 *  - inspectAndWrite: the two above sharing the look at the workbook: 2 syncs for a first write, 3 for a
 *    rewrite whose tables or edit fingerprint are read.
 *  - keepAsUserCopy: 2 (one to look, one renaming the sheet and its tables).
 *  - readSelection: 2 (its size first, so a selection too large is refused unread; then the values, with the
 *    merged areas that overlap the selection when ExcelApi 1.13 is there).
 *
 * Saving the ownership register (document settings, saveAsync) is not a context.sync().
 *
 * A workbook the command line wrote carries its register in the very hidden sheet *Samkalk data*: for a sheet
 * this document's register has no entry for, the inspections read that sheet and the sheet's formulas in the
 * sync they make anyway (one more only when none was due), and adopt the entry (commandLineData.ts).
 * Workbooks without that sheet are read exactly as before.
 */
import type { Selection, SheetState, WorkbookHost, WriteReport } from "../host";
import type { SheetSpec } from "../../sheets/spec";
import { userCopyProblem, userCopyTableNames } from "../userCopy";
import { OWNERSHIP_KEY, OwnedSheet, isOwnedId, parseOwnedSheets, withOwnedSheet, withoutOwnedSheet } from "./ownership";
import { DEFAULT_PAYLOAD_BUDGET_BYTES } from "./payload";
import { assertWritableSpec, notOwnedMessage } from "../preflight";
import { sameSheetName } from "../../domain/excelNames";
import { DocumentSettings, documentSettings, saveSettings } from "./settingsStore";
import { queueSheetState, readSheetStates, readWorkbookStates, type SheetStateRequest } from "./sheetState";
import { readSelection } from "./selection";
import { groupSheets, type PlannedSheet } from "./sheetGroups";
import { writeSharedGroups, type SharedWriteDeps } from "./sharedWrite";
import { chartRecord, contentRecord, hasChartsToReplace, openTarget, writeCells, writeEverythingElse, writeTarget } from "./sheetWrites";
import { WorkbookIndex, loadWorkbookIndex } from "./workbookIndex";
import { planSheetWrite } from "./writePlan";
import { appendAll, maxOf } from "../../domain/arrays";
import { adoptedState, missingSettings, queueAdoption, type AdoptionResult } from "./commandLineData";

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

  /** Sheets adopted from the command line's data sheet (commandLineData.ts), saved with the next register save. */
  private adopted: OwnedSheet[] = [];

  /** The document's register, with the command line's sheets adopted where it has no entry for them. */
  private register(): OwnedSheet[] {
    const own = parseOwnedSheets(this.settings().get(OWNERSHIP_KEY));
    return [...own, ...this.adopted.filter((a) => !own.some((o) => o.id === a.id))];
  }

  /**
   * Keeps the adopted sheets and copies the stored settings the document lacks (in memory, so the job that
   * reads them next sees them; saved with the next save of the settings). Returns how many were copied.
   */
  private readonly onAdopted = (found: AdoptionResult): number => {
    this.adopted = [...this.adopted.filter((a) => !found.sheets.some((f) => f.entry.id === a.id)), ...found.sheets.map((f) => f.entry)];
    const settings = this.settings();
    const has = (key: string) => settings.get(key) !== null && settings.get(key) !== undefined;
    const missing = missingSettings(found.stored, has);
    for (const [key, value] of missing) settings.set(key, value);
    return missing.length;
  };

  /**
   * When the task pane opens: the jobs' settings (the förbundsprofil, each job's choices) a command-line run
   * stored in the workbook (*Samkalk data*) are copied into the document settings it lacks and saved.
   * Only in a document without a register of its own: 1 sync, 2 when the workbook has the data sheet.
   * Returns whether anything was copied.
   */
  async adoptCommandLineSettings(): Promise<boolean> {
    if (parseOwnedSheets(this.settings().get(OWNERSHIP_KEY)).length > 0) return false;
    let copied = 0;
    await this.run((context) => readSheetStates(context, [], [], (found) => void (copied = this.onAdopted(found))));
    if (copied > 0) await saveSettings(this.settings());
    return copied > 0;
  }

  /** Stores and saves the register; rejects with the save's (Swedish) error. */
  private async saveRegister(entries: OwnedSheet[]): Promise<void> {
    const settings = this.settings();
    settings.set(OWNERSHIP_KEY, entries);
    await saveSettings(settings);
  }

  private async saveOwned(entry: OwnedSheet, liveIds: ReadonlySet<string>): Promise<void> {
    try {
      await this.saveRegister(withOwnedSheet(this.register(), entry, liveIds));
    } catch (e) {
      throw new Error(
        `Bladet "${entry.name}" skrevs, men Samkalk kunde inte spara att det är Samkalks blad. ${(e as Error).message}`,
      );
    }
  }

  async activateSheet(sheetName: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(sheetName).activate();
      await context.sync();
    });
  }

  async inspectSheet(sheetName: string, tableNames: string[]): Promise<SheetState> {
    const register = this.register();
    return this.run(async (context) => (await readSheetStates(context, register, [{ sheetName, tableNames }], this.onAdopted))[0]);
  }

  async inspectSheets(requests: SheetStateRequest[]): Promise<SheetState[]> {
    const register = this.register();
    return this.run((context) => readSheetStates(context, register, requests, this.onAdopted));
  }

  /** Every sheet's state, with the tables asked for: 1 sync for a workbook with nothing to read, else 2. */
  async inspectWorkbook(tables: SheetStateRequest[]): Promise<SheetState[]> {
    const register = this.register();
    return this.run((context) => readWorkbookStates(context, register, tables, this.onAdopted));
  }

  /**
   * Writes the specs in order, sharing requests between sheets (sheetGroups.ts): 1 sync to look at the
   * workbook, 1 more when rewritten sheets have charts, then 1 per group of sheets that fits a request; a
   * sheet too large for one request is written alone, as writeSheet writes it. `order` is applied in the
   * last group's request (in one sync more after a sheet written alone).
   */
  async writeSheets(items: Array<{ spec: SheetSpec; state: SheetState }>, options: { order?: string[] } = {}): Promise<WriteReport[]> {
    for (const { spec, state } of items) {
      if (state.exists && !state.ownedBySamkalk) throw new Error(notOwnedMessage(spec.name));
      assertWritableSpec(spec);
    }
    const planned = items.map((item) => ({ item: item.spec, plan: planSheetWrite(item.spec, this.budget) }));
    const reports: WriteReport[] = [];
    let shared: PlannedSheet<SheetSpec>[][] = [];
    const groups = groupSheets(planned, this.budget);
    // The order goes with the last request when the last sheets share one; else it costs its own sync.
    const orderLast = options.order && groups.length > 0 && groups[groups.length - 1].kind === "shared" ? options.order : undefined;
    const flush = async (order?: string[]) => {
      if (shared.length > 0) appendAll(reports, await this.writeShared(shared, order));
      shared = [];
    };
    for (const group of groups) {
      if (group.kind === "shared") {
        shared.push(group.sheets);
        continue;
      }
      await flush();
      const k = planned.indexOf(group.sheet);
      reports.push(await this.writeSheet(items[k].spec, items[k].state));
    }
    await flush(orderLast);
    if (options.order && !orderLast) await this.orderSheets(options.order);
    return reports;
  }

  /** Groups of sheets each written in one request, in one Excel.run (see writeSheets). */
  private async writeShared(groups: PlannedSheet<SheetSpec>[][], order?: string[]): Promise<WriteReport[]> {
    const deps: SharedWriteDeps = {
      order,
      register: () => this.register(),
      saveRegister: (entries) => this.saveRegister(entries),
      adopt: (context, spec, index) => this.adoptHalfCreatedSheet(context, spec, index),
      withPrint: this.isSetSupported("ExcelApi", "1.9"),
    };
    return this.run((context) => writeSharedGroups(context, groups, deps));
  }

  async writeSheet(spec: SheetSpec, state: SheetState): Promise<WriteReport> {
    if (state.exists && !state.ownedBySamkalk) throw new Error(notOwnedMessage(spec.name));
    assertWritableSpec(spec);
    return this.run(async (context) => this.writeWithIndex(context, await loadWorkbookIndex(context), spec, 1));
  }

  /**
   * inspectSheet and writeSheet in one Excel.run: the write uses the inspection's look at the workbook, so a
   * first write (nothing to read) takes 2 syncs in all, a rewrite 3. The write still decides from that look
   * whether it may write (ownership, protection, tables), as writeSheet does.
   */
  async inspectAndWrite(
    request: SheetStateRequest,
    decide: (state: SheetState) => SheetSpec | null,
  ): Promise<{ state: SheetState; report: WriteReport | null }> {
    const register = this.register();
    return this.run(async (context) => {
      const index = await loadWorkbookIndex(context);
      const queued = queueSheetState(index, register, request);
      const adoption = queueAdoption(index, register, [request.sheetName]);
      const synced = queued.needsSync || adoption !== null;
      if (synced) await context.sync();
      const adopted = adoption?.result();
      if (adopted) this.onAdopted(adopted);
      const state = adopted ? adoptedState(queued.state(), adopted) : queued.state();
      const spec = decide(state);
      if (spec === null) return { state, report: null };
      if (state.exists && !state.ownedBySamkalk) throw new Error(notOwnedMessage(spec.name));
      assertWritableSpec(spec);
      return { state, report: await this.writeWithIndex(context, index, spec, synced ? 2 : 1) };
    });
  }

  /** The write of writeSheet after its look at the workbook (`index`); `before`: syncs already spent, counted on the report. */
  private async writeWithIndex(context: Excel.RequestContext, index: WorkbookIndex, spec: SheetSpec, before: number): Promise<WriteReport> {
    const plan = planSheetWrite(spec, this.budget);
    const withPrint = this.isSetSupported("ExcelApi", "1.9");
    let syncs = before;

    const existing = writeTarget(index, this.register(), spec);
    // Find the charts of last time (one more sync) so they can be removed, when there were or are any.
    let oldCharts: Excel.Chart[] = [];
    if (existing && hasChartsToReplace(this.register(), existing, spec)) {
      const charts = existing.proxy.charts.load("items/name");
      await context.sync();
      syncs++;
      oldCharts = charts.items;
    }
    const sheet = openTarget(context, index, spec, existing, oldCharts);
    const liveIds = new Set(index.sheets.map((s) => s.id));
    let registered = false;
    try {
      for (const [i, batch] of plan.batches.entries()) {
        const last = i === plan.batches.length - 1;
        writeCells(sheet, batch);
        let readBack: Excel.Range | null = null;
        if (last) {
          writeEverythingElse(sheet, spec, plan, withPrint);
          // Queued after every write, so the response holds the formulas as Excel now has them.
          if (plan.readBack) readBack = sheet.getUsedRange(true).load("address,formulas");
        }
        // One iteration unless the sheet is too large for one request; then one per ~4 MB chunk.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        syncs++;
        if (!registered || readBack) {
          liveIds.add(sheet.id);
          const content = readBack ? contentRecord(readBack, spec) : {};
          await this.saveOwned({ id: sheet.id, name: sheet.name, kind: spec.kind, ...content, ...chartRecord(spec) }, liveIds);
          registered = true;
        }
      }
    } catch (e) {
      if (!existing && !registered) await this.adoptHalfCreatedSheet(context, spec, index);
      throw e;
    }

    return {
      sheetName: sheet.name,
      syncs,
      largestPayloadBytes: maxOf(plan.batchBytes),
      created: !existing,
    };
  }

  async keepAsUserCopy(sheetName: string, newName: string): Promise<void> {
    const register = this.register();
    await this.run(async (context) => {
      const index = await loadWorkbookIndex(context);
      const sheet = index.sheets.find((s) => sameSheetName(s.name, sheetName));
      const owned = sheet !== undefined && isOwnedId(register, sheet.id);
      const problem =
        (index.structureProtected
          ? `Arbetsbokens struktur är skyddad, så Samkalk kan inte byta namn på bladet "${sheetName}" för att behålla din version. Ta bort skyddet (Granska > Skydda arbetsbok) och kör igen. Inget har ändrats.`
          : null) ?? userCopyProblem(sheetName, newName, index.sheets.map((s) => s.name), owned);
      if (problem || !sheet) throw new Error(problem ?? `Bladet "${sheetName}" finns inte i arbetsboken.`);

      // Out of the register first: from here on Samkalk never writes to this sheet again.
      this.adopted = this.adopted.filter((a) => a.id !== sheet.id);
      try {
        await this.saveRegister(withoutOwnedSheet(register, sheet.id));
      } catch (e) {
        throw new Error(`Bladet "${sheet.name}" kunde inte göras till ditt eget, inget har ändrats. ${(e as Error).message}`);
      }
      // Tables first, then the sheet: if a statement fails, the ones after it are not applied, and a
      // renamed sheet must not be left with the table names a fresh sheet needs.
      const tablesOnSheet = index.tables.filter((t) => sameSheetName(t.sheetName, sheet.name));
      const renamed = userCopyTableNames(tablesOnSheet.map((t) => t.name), index.tables.map((t) => t.name));
      for (const t of tablesOnSheet) t.proxy.name = renamed.get(t.name) ?? t.name;
      sheet.proxy.name = newName;
      try {
        await context.sync();
      } catch (e) {
        // The sheet keeps its name, so it stays Samkalk's (best effort: the rename error is what matters).
        await this.saveRegister(register).catch(() => undefined);
        throw new Error(`Bladet "${sheet.name}" kunde inte byta namn till "${newName}". ${(e as Error).message}`);
      }
    });
  }

  async orderSheets(names: string[]): Promise<void> {
    await this.run(async (context) => {
      const index = await loadWorkbookIndex(context);
      let position = 0;
      for (const name of names) {
        const sheet = index.sheets.find((s) => sameSheetName(s.name, name));
        if (sheet) sheet.proxy.position = position++;
      }
      await context.sync();
    });
  }

  async readSelection(): Promise<Selection> {
    return this.run((context) => readSelection(context, this.isSetSupported("ExcelApi", "1.13")));
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
        await this.saveOwned({ id: sheet.id, name: sheet.name, kind: spec.kind, ...chartRecord(spec) }, liveIds);
      }
    } catch {
      // Best effort: the original error is what the user needs to see.
    }
  }
}
