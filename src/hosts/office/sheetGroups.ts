/**
 * Groups the sheets of one job into requests (writeSheets): consecutive sheets whose whole write fits one
 * request share it while their estimated request bytes, and the bytes of the response reading their contents
 * back, stay under the budget, so 200 small status sheets cost a few
 * syncs instead of 200. A sheet that needs several requests of its own (a huge table) is a group alone and is
 * written in its chunks. Order is kept: a sheet whose formulas refer to another comes after it.
 */
import type { WritePlan } from "./writePlan";

export interface PlannedSheet<T> {
  item: T;
  plan: WritePlan;
}

export type SheetGroup<T> = { kind: "shared"; sheets: PlannedSheet<T>[] } | { kind: "alone"; sheet: PlannedSheet<T> };

export function groupSheets<T>(planned: PlannedSheet<T>[], budgetBytes: number): SheetGroup<T>[] {
  const groups: SheetGroup<T>[] = [];
  let open: PlannedSheet<T>[] = [];
  let openBytes = 0;
  let openBack = 0;
  const close = () => {
    if (open.length > 0) groups.push({ kind: "shared", sheets: open });
    open = [];
    openBytes = 0;
    openBack = 0;
  };
  for (const p of planned) {
    if (p.plan.batches.length > 1) {
      close();
      groups.push({ kind: "alone", sheet: p });
      continue;
    }
    const bytes = p.plan.batchBytes[0];
    const back = p.plan.readBackBytes;
    if (open.length > 0 && (openBytes + bytes > budgetBytes || openBack + back > budgetBytes)) close();
    open.push(p);
    openBytes += bytes;
    openBack += back;
  }
  close();
  return groups;
}
