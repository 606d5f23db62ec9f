/**
 * Several sheets written in one Excel.run (OfficeWorkbookHost.writeSheets): 1 sync to look at the workbook,
 * 1 more when rewritten sheets have charts to replace, then 1 per group of sheets that fits a request
 * (sheetGroups.ts), each also reading back what was written for the edit fingerprints. The ownership register
 * is saved after each group, so a later failure never leaves a written sheet unregistered.
 */
import type { WriteReport } from "../host";
import type { SheetSpec } from "../../sheets/spec";
import { sameSheetName } from "../../domain/excelNames";
import { OwnedSheet, withOwnedSheet } from "./ownership";
import type { PlannedSheet } from "./sheetGroups";
import { chartRecord, contentRecord, hasChartsToReplace, openTarget, writeCells, writeEverythingElse, writeTarget } from "./sheetWrites";
import { LiveSheet, WorkbookIndex, loadWorkbookIndex } from "./workbookIndex";

export interface SharedWriteDeps {
  register(): OwnedSheet[];
  saveRegister(entries: OwnedSheet[]): Promise<void>;
  /** Registers a sheet a failed first write may have left behind. */
  adopt(context: Excel.RequestContext, spec: SheetSpec, before: WorkbookIndex): Promise<void>;
  withPrint: boolean;
  /** Sheets to put first, in this order, queued with the last group (as OfficeWorkbookHost.orderSheets). */
  order?: string[];
}

/** Queues the positions of the named sheets (written or already there), first and in order. */
function queueOrder(index: WorkbookIndex, written: Map<string, Excel.Worksheet>, order: string[]): void {
  let position = 0;
  for (const name of order) {
    const sheet = written.get(name.toLowerCase()) ?? index.sheets.find((s) => sameSheetName(s.name, name))?.proxy;
    if (sheet) sheet.position = position++;
  }
}

/** Queues a whole single-request sheet write: the target opened, cells, everything else, the read-back. */
function queueWhole(
  context: Excel.RequestContext,
  index: WorkbookIndex,
  { item: spec, plan }: PlannedSheet<SheetSpec>,
  existing: LiveSheet | undefined,
  oldCharts: Excel.Chart[],
  withPrint: boolean,
): { sheet: Excel.Worksheet; readBack: Excel.Range | null } {
  const sheet = openTarget(context, index, spec, existing, oldCharts);
  writeCells(sheet, plan.batches[0]);
  writeEverythingElse(sheet, spec, plan, withPrint);
  // Queued after every write, so the response holds the formulas as Excel now has them.
  return { sheet, readBack: plan.readBack ? sheet.getUsedRange(true).load("address,formulas") : null };
}

export async function writeSharedGroups(
  context: Excel.RequestContext,
  groups: PlannedSheet<SheetSpec>[][],
  deps: SharedWriteDeps,
): Promise<WriteReport[]> {
  const index = await loadWorkbookIndex(context);
  // Syncs not yet counted on a report: each group's first report carries them, so the reports add up.
  let uncounted = 1;
  const register = deps.register();
  const tableNames = groups.flat().flatMap(({ item: spec }) => spec.tables.map((t) => ({ table: t.name, sheet: spec.name })));
  const twice = tableNames.find((t, i) => tableNames.findIndex((u) => sameSheetName(u.table, t.table)) !== i);
  if (twice) throw new Error(`Tabellen "${twice.table}" skulle skrivas på två blad (bland annat "${twice.sheet}"). Inget har skrivits.`);
  // The workbook may have changed since the sheets were inspected: decide again from what is there now.
  const targets = groups.flat().map(({ item: spec }) => {
    const existing = writeTarget(index, register, spec);
    const charts = existing && hasChartsToReplace(register, existing, spec) ? existing.proxy.charts.load("items/name") : null;
    return { existing, charts };
  });
  if (targets.some((t) => t.charts)) {
    await context.sync();
    uncounted++;
  }

  const liveIds = new Set(index.sheets.map((s) => s.id));
  const reports: WriteReport[] = [];
  let k = 0;
  const written = new Map<string, Excel.Worksheet>();
  for (const [g, group] of groups.entries()) {
    const queued = group.map((planned) => {
      const { existing, charts } = targets[k++];
      return { spec: planned.item, plan: planned.plan, existing, ...queueWhole(context, index, planned, existing, charts?.items ?? [], deps.withPrint) };
    });
    for (const q of queued) written.set(q.spec.name.toLowerCase(), q.sheet);
    if (deps.order && g === groups.length - 1) queueOrder(index, written, deps.order);
    try {
      // One iteration per group of sheets that fits a request: a few for hundreds of sheets.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      for (const q of queued) if (!q.existing) await deps.adopt(context, q.spec, index);
      throw e;
    }
    uncounted++;
    let entries = deps.register();
    for (const q of queued) {
      liveIds.add(q.sheet.id);
      const content = q.readBack ? contentRecord(q.readBack, q.spec) : {};
      entries = withOwnedSheet(entries, { id: q.sheet.id, name: q.sheet.name, kind: q.spec.kind, ...content, ...chartRecord(q.spec) }, liveIds);
    }
    try {
      await deps.saveRegister(entries);
    } catch (e) {
      const names = queued.map((q) => `"${q.sheet.name}"`).join(", ");
      throw new Error(`Bladen ${names} skrevs, men Samkalk kunde inte spara att de är Samkalks blad. ${(e as Error).message}`);
    }
    queued.forEach((q, i) => {
      reports.push({ sheetName: q.sheet.name, syncs: i === 0 ? uncounted : 0, largestPayloadBytes: q.plan.batchBytes[0], created: !q.existing });
    });
    uncounted = 0;
  }
  return reports;
}
