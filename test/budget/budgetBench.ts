/**
 * Benchmark of the budget jobs through the Office host on the strict fake (used by bench/bench.ts): a
 * budget of `posts` posts × 3 years pasted on a sheet and selected, imported (Budget + Budgetkontroll)
 * and projected (Budget 2022–2024). Counts the context.sync() calls of each job, which must not grow
 * with the number of posts, the largest request, and the time on the fake.
 */
import { performance } from "node:perf_hooks";
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../../src/hosts/office/officeHost";
import { cellAddress } from "../../src/domain/a1";
import type { CellValue } from "../../src/sources/budget/budgetCells";
import { importBudgetFromSelection, runBudgetProjectionJob } from "../../src/usecases/budget/budgetJob";
import { createFakeOffice } from "../fakes/excelFake";

const KOMMUNER = ["Umeå", "Vännäs", "Nordmaling", "Vindeln", "Robertsfors", "Bjurholm"];

/** A consistent budget with `posts` posts: 8 member lines, 2 other incomes, the rest costs in groups of 25. */
export function benchBudgetCells(posts: number): CellValue[][] {
  const years = [2021, 2022, 2023];
  const rows: CellValue[][] = [["Budget", null, null, null], [null, ...years]];
  const sum = (xs: number[][]) => years.map((_, j) => xs.reduce((s, x) => s + x[j], 0));
  const income: number[][] = [];
  const line = (label: string, a: number[]) => rows.push([label, ...a]);
  rows.push(["Intäkter", null, null, null]);
  const fee = [5690, 5700, 5710];
  line("- Försäkringskassan", fee.map((x) => 2 * x));
  income.push(fee.map((x) => 2 * x));
  KOMMUNER.forEach((k, i) => {
    const a = fee.map((x) => (i === 0 ? x - 5 * (KOMMUNER.length - 1) : 5));
    line(`- ${k} kommun`, a);
    income.push(a);
  });
  line("- Region Västerbotten", fee);
  income.push(fee);
  for (const k of [1, 2]) {
    const a = [100 * k, 110 * k, 120 * k];
    line(`- Övrig intäkt ${k}`, a);
    income.push(a);
  }
  line("Summa intäkter", sum(income));
  rows.push(["Kostnader", null, null, null]);
  const groupSums: number[][] = [];
  const costPosts = posts - 10;
  for (let g = 0; g * 25 < costPosts; g++) {
    rows.push([`Grupp ${g + 1}`, null, null, null]);
    const mine: number[][] = [];
    for (let i = g * 25; i < Math.min(costPosts, (g + 1) * 25); i++) {
      const a = years.map((_, j) => -(20 + ((i * 37 + j * 11) % 400)));
      line(`- Kostnad ${i + 1}`, a);
      mine.push(a);
    }
    const s = sum(mine);
    line(`Summa grupp ${g + 1}`, s);
    groupSums.push(s);
  }
  const costs = sum(groupSums);
  line("Summa kostnader", costs);
  const result = years.map((_, j) => sum(income)[j] + costs[j]);
  line("Resultat", result);
  const start = [5000];
  const end: number[] = [];
  years.forEach((_, j) => {
    if (j > 0) start.push(end[j - 1]);
    end.push(start[j] + result[j]);
  });
  line("Eget kapital vid årets början", start);
  line("Eget kapital vid årets slut", end);
  return rows;
}

export interface BudgetBench {
  posts: number;
  importSyncs: number;
  projectionSyncs: number;
  importMs: number;
  projectionMs: number;
  largestRequestBytes: number;
  checksFailed: number;
}

export async function benchBudget(posts: number): Promise<BudgetBench> {
  // ExcelApi 1.13, so reading the selection also reads its merged areas (still one sync).
  const fake = createFakeOffice({ sheets: ["Blad1"], maxExcelApi: "1.13" });
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
  const store = createOfficeSettingsStore(fake.settings);
  const cells = benchBudgetCells(posts);
  cells.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null) fake.user.editCell("Blad1", cellAddress(i, j), typeof v === "string" && v.startsWith("-") ? `'${v}` : v);
    }),
  );
  fake.user.select("Blad1", `A1:D${cells.length}`);
  const settings = {
    forbund: "Bench",
    enhet: "tkr" as const,
    prognos: {
      basAr: 2021,
      ekBorjan: "1000",
      standardForandring: "2",
      antaganden: Array.from({ length: Math.ceil((posts - 10) / 25) }, (_, g) => ({ grupp: `Grupp ${g + 1}`, arligForandring: String(1 + (g % 4)) })),
    },
  };
  fake.resetStats();
  let t0 = performance.now();
  const imp = await importBudgetFromSelection(host, settings, { store });
  const importMs = performance.now() - t0;
  if (!imp.ok) throw new Error(JSON.stringify(imp.problems));
  const importSyncs = fake.stats.syncs;
  const largestImport = Math.max(...fake.stats.payloadBytes);
  fake.resetStats();
  t0 = performance.now();
  const proj = await runBudgetProjectionJob(host, settings, { store });
  const projectionMs = performance.now() - t0;
  if (!proj.ok) throw new Error(JSON.stringify(proj.problems));
  return {
    posts,
    importSyncs,
    projectionSyncs: fake.stats.syncs,
    importMs,
    projectionMs,
    largestRequestBytes: Math.max(largestImport, ...fake.stats.payloadBytes),
    checksFailed: imp.avvikelser.length,
  };
}
