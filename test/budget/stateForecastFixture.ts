/**
 * Seed 004's plan projected from 2021 in a workbook that may also hold the state-allocation forecast for
 * 2022 (Umeåregionen against the whole country, Samkalk's offline underlag): shared by the use-case test
 * on the xlsx host and the LibreOffice recalculation.
 */
import type ExcelJS from "exceljs";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { BudgetSettings, importBudgetJob, runBudgetProjectionJob } from "../../src/usecases/budget/budgetJob";
import type { ProjectionSettings } from "../../src/usecases/budget/budgetSettings";
import { BUDGET_004, UMEAREGIONEN_BUDGET, planAsProjection } from "../../src/samples/budget004";
import { wholeCountryAllocationInput } from "../../src/samples/wholeCountryAllocation";
import { AllocationInput, runAllocationJob } from "../../src/usecases/tilldelning/allocationJob";

export const today = new Date("2022-03-15");
export const PROJ = "Budget 2022–2024";
export const ALLOC = "Statlig tilldelning 2022";
export const STATE_LINE = "Försäkringskassan";
const UMEA = ["2480", "2460", "2401", "2404", "2409", "2403"];

/** The allocation input for 2022: Umeåregionen's six kommuner against the rest of the country. */
export const allocation2022 = (anslag = "339000000"): AllocationInput => ({ ...wholeCountryAllocationInput({ forbund: "Umeåregionen", kommuner: UMEA, ar: 2022 }), anslag });

/** 004's plan as projection settings; `typedState2022: false` leaves the state's 2022 contribution untyped. */
export async function plan004(typedState2022: boolean): Promise<BudgetSettings> {
  const host = new XlsxWorkbookHost();
  const imp = await importBudgetJob(host, { origin: { row: 0, col: 0 }, values: BUDGET_004 }, UMEAREGIONEN_BUDGET, { today });
  if (!imp.ok) throw new Error(JSON.stringify(imp.problems));
  const plan: ProjectionSettings = planAsProjection(imp.budget, 2021);
  const medlemsavgifter = (plan.medlemsavgifter ?? []).map((m) => {
    if (typedState2022 || m.ar !== 2022) return m;
    const { stat: _typed, ...rest } = m;
    return rest;
  });
  return { ...UMEAREGIONEN_BUDGET, prognos: { ...plan, medlemsavgifter } };
}

/** A workbook with the budget imported, the allocation sheet written (unless `allocation` is null), then the projection. */
export async function projectWith(settings: BudgetSettings, allocation: AllocationInput | null) {
  const host = new XlsxWorkbookHost();
  if (allocation) {
    const a = await runAllocationJob(host, allocation, { today });
    if (!a.ok) throw new Error(JSON.stringify(a.problems));
  }
  // The budget is read in the settings' unit (004 is in tkr; read as kr it is a small förbund's budget in kr).
  const imp = await importBudgetJob(host, { origin: { row: 0, col: 0 }, values: BUDGET_004 }, { forbund: settings.forbund, enhet: settings.enhet }, { today });
  if (!imp.ok) throw new Error(JSON.stringify(imp.problems));
  const out = await runBudgetProjectionJob(host, settings, { today });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return { host, out };
}

export function headerCol(ws: ExcelJS.Worksheet, textIn: string): number {
  for (let r = 1; r <= 15; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).value === textIn) return c;
  }
  throw new Error(`no header "${textIn}"`);
}

export function labelRow(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return r;
  throw new Error(`no row "${label}"`);
}

/** Every text cell of the sheet. */
export function textsOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && out.push(c.value)));
  return out;
}
