/**
 * Rebuilding is how economists iterate: assumptions typed on the projection sheet "Budget 2022–2024" (a
 * yearly change, a fixed amount) are kept when the projection is run again, without asking to keep a copy,
 * and the amounts follow them as if they had been typed in the task pane. An edit to a computed amount is
 * still an edit (asked), and the state's contribution linked to the allocation forecast stays a link.
 * On the xlsx host and on the Office host (strict fake).
 */
import type ExcelJS from "exceljs";
import { amountToNumber } from "../../src/domain/amount";
import type { Projektion } from "../../src/domain/budget/projection";
import { cellAddress } from "../../src/domain/a1";
import type { SettingsStore } from "../../src/hosts/host";
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../../src/hosts/office/officeHost";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { BUDGET_004, UMEAREGIONEN_BUDGET, planAsProjection } from "../../src/samples/budget004";
import { BudgetSettings, importBudgetJob, loadBudgetSettings, runBudgetProjectionJob } from "../../src/usecases/budget/budgetJob";
import { runAllocationJob } from "../../src/usecases/tilldelning/allocationJob";
import { createFakeOffice } from "../fakes/excelFake";
import { ALLOC, PROJ, STATE_LINE, allocation2022, headerCol, labelRow, plan004, today } from "../budget/stateForecastFixture";

function memoryStore(): SettingsStore {
  const data = new Map<string, unknown>();
  return { get: (k) => data.get(k), set: async (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))) };
}

/** The amount of a line in a year, as the projection computed it. */
const amountOf = (p: Projektion, post: string, ar: number) => {
  const y = p.ar.find((x) => x.ar === ar)!;
  const row = [...y.intakter, ...y.kostnader.flatMap((g) => g.poster)].find((r) => r.post === post)!;
  return amountToNumber(row.belopp);
};
const results = (p: Projektion) => p.ar.map((y) => [y.ar, amountToNumber(y.resultat), amountToNumber(y.ekSlut)]);

/** 004's budget in a fresh xlsx workbook, projected from 2021 with `settings`. */
async function xlsxProjected(settings: BudgetSettings) {
  const host = new XlsxWorkbookHost();
  const store = memoryStore();
  const imp = await importBudgetJob(host, { origin: { row: 0, col: 0 }, values: BUDGET_004 }, UMEAREGIONEN_BUDGET, { today, store });
  if (!imp.ok) throw new Error(JSON.stringify(imp.problems));
  const out = await runBudgetProjectionJob(host, settings, { today, store });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return { host, store, out, settings };
}

/** The plan with Kanslipersonal +3 % a year and Lokalhyra −120 tkr in 2024, as typed in the task pane. */
function withTyped(settings: BudgetSettings): BudgetSettings {
  const antaganden = (settings.prognos!.antaganden ?? []).map((a) => {
    if (a.post === "Kanslipersonal") return { ...a, arligForandring: "3" };
    if (a.post === "Lokalhyra") return { ...a, fastaBelopp: { ...a.fastaBelopp, "2024": "-120" } };
    return a;
  });
  return { ...settings, prognos: { ...settings.prognos!, antaganden } };
}

const cellOf = (ws: ExcelJS.Worksheet, post: string, header: string) => ws.getCell(labelRow(ws, post), headerCol(ws, header));

describe("assumptions typed on the projection sheet (xlsx host)", () => {
  it("are kept on a re-run without asking, and the amounts follow them as if typed in the task pane", async () => {
    const plan = await plan004(true);
    const { host, store, out: first } = await xlsxProjected(plan);
    const ws = host.workbook.getWorksheet(PROJ)!;
    cellOf(ws, "Kanslipersonal", "Årlig förändring %").value = 3;
    cellOf(ws, "Lokalhyra", "Fast belopp 2024").value = -120;

    const again = await runBudgetProjectionJob(host, plan, { today, store });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.keptCopies).toEqual([]);
    expect(again.keptUserValues).toBe(2);
    expect(again.varningar).toContain(`2 antaganden som skrivits in på bladet ${PROJ} behölls.`);
    // The same projection as with the values typed in the task pane, in a fresh workbook.
    const pane = await xlsxProjected(withTyped(plan));
    expect(results(again.projektion)).toEqual(results(pane.out.projektion));
    expect(results(again.projektion)).not.toEqual(results(first.projektion));
    expect(amountOf(again.projektion, "Lokalhyra", 2024)).toBe(-120);
    expect(amountOf(again.projektion, "Kanslipersonal", 2024)).toBe(Math.round(amountOf(again.projektion, "Kanslipersonal", 2023) * 1.03));
    // The rewritten sheet shows them, and the settings now hold them.
    const rewritten = host.workbook.getWorksheet(PROJ)!;
    expect(cellOf(rewritten, "Kanslipersonal", "Årlig förändring %").value).toBe(3);
    expect(cellOf(rewritten, "Lokalhyra", "Fast belopp 2024").value).toBe(-120);
    expect(again.prognos.antaganden).toEqual(withTyped(plan).prognos!.antaganden);

    // A third run with the same settings given (as a board pack gives its plan anew) keeps them still.
    const third = await runBudgetProjectionJob(host, plan, { today, store });
    expect(third.ok && [third.keptUserValues, third.keptCopies]).toEqual([0, []]);
    expect(third.ok && results(third.projektion)).toEqual(results(again.projektion));
    // A value given later for the cell (the task pane's) wins over the one typed on the sheet before.
    const paneChange = withTyped(plan);
    paneChange.prognos!.antaganden = paneChange.prognos!.antaganden!.map((a) => (a.post === "Kanslipersonal" ? { ...a, arligForandring: "1" } : a));
    const fourth = await runBudgetProjectionJob(host, paneChange, { today, store });
    expect(fourth.ok && cellOf(host.workbook.getWorksheet(PROJ)!, "Kanslipersonal", "Årlig förändring %").value).toBe(1);
  });

  it("keeps a co-financing commitment typed on its line, and stores it with the commitments", async () => {
    const plan = await plan004(true);
    const withCommitment: BudgetSettings = { ...plan, medfinansiering: [{ namn: "ESF Vägen ut", belopp: { "2022": "100", "2023": "100", "2024": "100" } }] };
    const { host, store } = await xlsxProjected(withCommitment);
    const ws = host.workbook.getWorksheet(PROJ)!;
    expect(cellOf(ws, "ESF Vägen ut", "Fast belopp 2023").value).toBe(-100);
    cellOf(ws, "ESF Vägen ut", "Fast belopp 2023").value = -150;
    const again = await runBudgetProjectionJob(host, withCommitment, { today, store });
    expect(again.ok && [again.keptUserValues, again.keptCopies]).toEqual([1, []]);
    if (!again.ok) return;
    expect(amountOf(again.projektion, "ESF Vägen ut", 2023)).toBe(-150);
    expect(loadBudgetSettings(store)!.medfinansiering).toEqual([{ namn: "ESF Vägen ut", belopp: { "2022": "100", "2023": "150", "2024": "100" } }]);
    const pane = await xlsxProjected({ ...withCommitment, medfinansiering: [{ namn: "ESF Vägen ut", belopp: { "2022": "100", "2023": "150", "2024": "100" } }] });
    expect(results(again.projektion)).toEqual(results(pane.out.projektion));
  });

  it("an edited computed amount is still an edit: the re-run asks and writes nothing", async () => {
    const plan = await plan004(true);
    const { host, store } = await xlsxProjected(plan);
    const ws = host.workbook.getWorksheet(PROJ)!;
    cellOf(ws, "Kanslipersonal", "Årlig förändring %").value = 3;
    ws.getCell(labelRow(ws, "Lokalhyra"), headerCol(ws, "Belopp i tkr") + 1).value = -99;
    const asked = await runBudgetProjectionJob(host, plan, { today, store });
    expect(!asked.ok && asked.editedSheets).toEqual([PROJ]);
    expect(host.workbook.getWorksheet(PROJ)!.getCell(labelRow(ws, "Lokalhyra"), headerCol(ws, "Belopp i tkr") + 1).value).toBe(-99);
  });

  it("a value typed that is not a percentage is named by its post and column, and nothing is written", async () => {
    const plan = await plan004(true);
    const { host, store } = await xlsxProjected(plan);
    const ws = host.workbook.getWorksheet(PROJ)!;
    cellOf(ws, "Kanslipersonal", "Årlig förändring %").value = "ca 3";
    const bad = await runBudgetProjectionJob(host, plan, { today, store });
    expect(!bad.ok && bad.problems).toEqual([
      { plats: `bladet "${PROJ}", posten "Kanslipersonal", kolumnen Årlig förändring %`, meddelande: '"ca 3" är inte en procentsats. Skriv t.ex. 2,5.' },
    ]);
    expect(cellOf(host.workbook.getWorksheet(PROJ)!, "Kanslipersonal", "Årlig förändring %").value).toBe("ca 3");
  });

  it("the state's contribution linked to the allocation forecast stays a link after a re-run", async () => {
    const settings = await plan004(false);
    const host = new XlsxWorkbookHost();
    const store = memoryStore();
    const a = await runAllocationJob(host, allocation2022(), { today });
    expect(a.ok).toBe(true);
    await importBudgetJob(host, { origin: { row: 0, col: 0 }, values: BUDGET_004 }, UMEAREGIONEN_BUDGET, { today, store });
    const first = await runBudgetProjectionJob(host, settings, { today, store });
    expect(first.ok && first.statsbidragAr).toEqual([2022]);
    const ws = host.workbook.getWorksheet(PROJ)!;
    const link = cellOf(ws, STATE_LINE, "Fast belopp 2022").value;
    expect(link).toMatchObject({ formula: expect.stringContaining(`'${ALLOC}'!`) });
    cellOf(ws, "Lokalhyra", "Fast belopp 2024").value = -120;

    const again = await runBudgetProjectionJob(host, settings, { today, store });
    expect(again.ok && [again.keptUserValues, again.keptCopies, again.statsbidragAr]).toEqual([1, [], [2022]]);
    expect(cellOf(host.workbook.getWorksheet(PROJ)!, STATE_LINE, "Fast belopp 2022").value).toEqual(link);
    expect(again.ok && again.prognos.medlemsavgifter).toEqual(settings.prognos!.medlemsavgifter);
  });
});

describe("assumptions typed on the projection sheet (Office host, strict fake)", () => {
  function setup() {
    const fake = createFakeOffice({ sheets: ["Blad1"] });
    const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
    return { fake, host, store: createOfficeSettingsStore(fake.settings) };
  }
  type Setup = ReturnType<typeof setup>;
  /** A1 address of a post's cell under a header, found as the user sees the sheet. */
  function cellAt(s: Setup, post: string, header: string): string {
    let row = -1;
    let col = -1;
    for (let r = 0; r < 80 && row < 0; r++) if (s.fake.inspect.cell(PROJ, cellAddress(r, 0)).value === post) row = r;
    for (let r = 0; r < 15 && col < 0; r++) for (let c = 0; c < 30 && col < 0; c++) if (s.fake.inspect.cell(PROJ, cellAddress(r, c)).value === header) col = c;
    if (row < 0 || col < 0) throw new Error(`no ${post} / ${header}`);
    return cellAddress(row, col);
  }
  async function projected(s: Setup, settings: BudgetSettings) {
    const imp = await importBudgetJob(s.host, { origin: { row: 0, col: 0 }, values: BUDGET_004 }, UMEAREGIONEN_BUDGET, { today, store: s.store });
    if (!imp.ok) throw new Error(JSON.stringify(imp.problems));
    return runBudgetProjectionJob(s.host, settings, { today, store: s.store });
  }

  it("keeps the typed change and fixed amount without asking, reading the sheet once", async () => {
    const s = setup();
    const imp = await importBudgetJob(s.host, { origin: { row: 0, col: 0 }, values: BUDGET_004 }, UMEAREGIONEN_BUDGET, { today, store: s.store });
    if (!imp.ok) throw new Error("import");
    const plan: BudgetSettings = { ...UMEAREGIONEN_BUDGET, prognos: planAsProjection(imp.budget, 2021) };
    const first = await runBudgetProjectionJob(s.host, plan, { today, store: s.store });
    expect(first.ok).toBe(true);
    s.fake.user.editCell(PROJ, cellAt(s, "Kanslipersonal", "Årlig förändring %"), 3);
    s.fake.user.editCell(PROJ, cellAt(s, "Lokalhyra", "Fast belopp 2024"), -120);
    s.fake.resetStats();
    const again = await runBudgetProjectionJob(s.host, plan, { today, store: s.store });
    expect(again.ok).toBe(true);
    if (!again.ok || !first.ok) return;
    expect([again.keptUserValues, again.keptCopies]).toEqual([2, []]);
    const pane = await projected(setup(), withTyped(plan));
    expect(pane.ok && results(again.projektion)).toEqual(pane.ok && results(pane.projektion));
    expect(s.fake.inspect.cell(PROJ, cellAt(s, "Lokalhyra", "Fast belopp 2024")).value).toBe(-120);
    expect(s.fake.inspect.cell(PROJ, cellAt(s, "Kanslipersonal", "Årlig förändring %")).value).toBe(3);
    console.log(`budgetprognos igen med inskrivna antaganden (Office host, fake): ${s.fake.stats.syncs} syncs (första körningen ${first.syncs} för skrivningen)`);
    // The Budget table 2, the three fee sheets 3, the allocation sheets 1, this sheet with its assumptions 2, the write 2:
    // the sheet's state is read once, with its table, as a re-run always read it.
    expect(s.fake.stats.syncs).toBeLessThanOrEqual(10);
  });

  it("asks when a computed amount was edited", async () => {
    const s = setup();
    const plan = await plan004(true);
    expect((await projected(s, plan)).ok).toBe(true);
    s.fake.user.editCell(PROJ, cellAt(s, "Kanslipersonal", "Årlig förändring %"), 3);
    const amount = cellAt(s, "Lokalhyra", "Belopp i tkr").replace(/^A/, "B");
    s.fake.user.editCell(PROJ, amount, -99);
    const asked = await runBudgetProjectionJob(s.host, plan, { today, store: s.store });
    expect(!asked.ok && asked.editedSheets).toEqual([PROJ]);
    expect(s.fake.inspect.cell(PROJ, amount).value).toBe(-99);
  });
});
