/**
 * The budget jobs in a workbook as the economist has it: the Office host on the strict fake. The budget
 * is pasted on a sheet and selected; Samkalk writes the Budget table and the Budgetkontroll, then the
 * projection and the follow-up. Bad input writes nothing.
 */
import { amountToNumber, amountToPlain } from "../../src/domain/amount";
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../../src/hosts/office/officeHost";
import { umearegionenSettings } from "../../src/demo/demoWorkbook";
import { BUDGET_HEADER_ROW } from "../../src/sheets/budget/budgetTableSheet";
import { cellAddress } from "../../src/domain/a1";
import type { CellValue } from "../../src/sources/budget/budgetCells";
import {
  BudgetSettings, importBudgetFromSelection, importBudgetJob, runBudgetFollowUpJob, runBudgetProjectionJob,
} from "../../src/usecases/budget/budgetJob";
import { BUDGET_004, UMEAREGIONEN_BUDGET, planAsProjection } from "../../src/samples/budget004";
import { runFeeSplitJob } from "../../src/usecases/fee/feeSplitJob";
import { createFakeOffice } from "../fakes/excelFake";
import { copy004, rowOf } from "../budget/fixtures/budget004";
import { benchBudget } from "../budget/budgetBench";

const today = new Date("2026-11-23");

function setup(maxExcelApi?: string) {
  const fake = createFakeOffice({ sheets: ["Blad1"], ...(maxExcelApi ? { maxExcelApi } : {}) });
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
  const store = createOfficeSettingsStore(fake.settings);
  return { fake, host, store };
}
type Setup = ReturnType<typeof setup>;

/** The economist pastes the budget at `row`, `col` (0-based) of Blad1 and selects it. */
function paste(s: Setup, values: CellValue[][], row = 0, col = 0) {
  values.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null) return;
      // Excel would take "- Lokalhyra" for a formula; in a real sheet such text is stored as text.
      s.fake.user.editCell("Blad1", cellAddress(row + i, col + j), typeof v === "string" && /^[-+=@]/.test(v) ? `'${v}` : v);
    }),
  );
  const width = Math.max(...values.map((r) => r.length));
  s.fake.user.select("Blad1", `${cellAddress(row, col)}:${cellAddress(row + values.length - 1, col + width - 1)}`);
}

async function imported(values: CellValue[][] = BUDGET_004) {
  const s = setup();
  paste(s, values);
  const out = await importBudgetFromSelection(s.host, UMEAREGIONEN_BUDGET, { store: s.store, today });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return { ...s, out };
}

describe("importing 004's budget from the selection", () => {
  it("writes the Budget table and the Budgetkontroll, and reports exactly the 2021 kommun fees' 1 tkr shortfall", async () => {
    const { fake, out } = await imported();
    expect(out.sheets).toEqual(["Budget", "Budgetkontroll"]);
    expect(out.avvikelser.map((k) => [k.typ, k.ar, k.cell, amountToPlain(k.forvantat), amountToPlain(k.funnet)])).toEqual([
      ["kommunernas_avgifter", 2021, "B6:B11", "2845", "2844"],
    ]);
    // 7 lines and 2 fee checks a year, plus EK början 2022 and 2023 against the year before: all but one agree.
    expect(out.budget.kontroller.filter((k) => k.ok)).toHaveLength(3 * 9 + 2 - 1);
    const table = fake.inspect.tables().find((t) => t.name === "Samkalk_Budget")!;
    expect(table).toMatchObject({ sheet: "Budget", address: `A${BUDGET_HEADER_ROW + 1}:I${BUDGET_HEADER_ROW + 1 + 96}` });
    expect(fake.inspect.grid("Budget", `A${BUDGET_HEADER_ROW + 1}:I${BUDGET_HEADER_ROW + 2}`)).toEqual([
      ["Sektion", "Grupp", "Post", "År", "Belopp", "Enhet", "Medlem", "Medlemskod", "Källcell"],
      ["Intäkter", "", "Försäkringskassan", 2021, 5690, "tkr", "stat", "", "B5"],
    ]);
    // The checks are live formulas over the table, not numbers.
    const formulas = fake.inspect.formulaCells("Budgetkontroll").map((c) => c.formula);
    expect(formulas.some((f) => /^=SUMIFS\('Budget'!\$E\$6:\$E\$101,'Budget'!\$A\$6:\$A\$101,"Kostnader",'Budget'!\$B\$6:\$B\$101,"Kansli och styrelse",'Budget'!\$D\$6:\$D\$101,2022\)$/.test(f))).toBe(true);
    expect(formulas.some((f) => f.includes('"kommun"'))).toBe(true);
    // The source is untouched and nothing was corrected.
    expect(fake.inspect.cell("Blad1", "B6").value).toBe(2359);
  });

  it("names the cells where the budget really is on the sheet", async () => {
    const s = setup();
    paste(s, BUDGET_004, 2, 1);
    const out = await importBudgetFromSelection(s.host, UMEAREGIONEN_BUDGET, { today });
    expect(out.ok && out.avvikelser.map((k) => k.cell)).toEqual(["C8:C13"]);
  });

  it("imports and projects in a number of syncs that does not grow with the posts", async () => {
    const small = await benchBudget(30);
    const large = await benchBudget(300);
    expect([large.importSyncs, large.projectionSyncs]).toEqual([small.importSyncs, small.projectionSyncs]);
    expect(large.importSyncs).toBeLessThanOrEqual(8); // selection 2, look at both sheets 2, write each 2 + 2
    expect(large.projectionSyncs).toBeLessThanOrEqual(9); // the table 2, the three fee sheets 3, the allocation sheets together 1, the sheet 1, write 2
    expect(large.checksFailed).toBe(0);
  });
});

describe("bad input names the cell and writes nothing", () => {
  const cases: [string, (v: CellValue[][]) => void, RegExp, RegExp][] = [
    ["text in an amount cell", (v) => (v[rowOf("- Lokalhyra")][2] = "ca 90"), /^cell C22$/, /"ca 90" är inte ett belopp/],
    ["a Summa line with no parts above it", (v) => v.splice(rowOf("Verksamheter") + 1, 0, ["Summa projekt", -10, -10, -10]), /^rad 35$/, /har inga poster ovanför sig/],
    ["no year headers", (v) => (v[2] = [null, null, null, null]), /^område A1:D51$/, /ingen rubrikrad med år/],
    ["a year twice", (v) => (v[2] = [null, 2021, 2022, 2022]), /^cell D3$/, /År 2022 finns redan i C3/],
  ];
  it.each(cases)("%s", async (_what, change, plats, message) => {
    const s = setup();
    const values = copy004();
    change(values);
    paste(s, values);
    const before = s.fake.inspect.sheetNames();
    s.fake.resetStats();
    const out = await importBudgetFromSelection(s.host, UMEAREGIONEN_BUDGET, { store: s.store, today });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems[0].plats).toMatch(plats);
    expect(out.problems[0].meddelande).toMatch(message);
    expect(s.fake.stats.syncs).toBe(2); // reading the selection (its size, then its values), nothing else
    expect(s.fake.inspect.sheetNames()).toEqual(before);
    expect(s.fake.inspect.savedSettings()["samkalk.budget"]).toBeUndefined();
  });

  it("merged cells", async () => {
    const s = setup();
    s.fake.resetStats();
    const out = await importBudgetJob(s.host, { origin: { row: 0, col: 0 }, values: BUDGET_004, merged: [{ row: 0, col: 0, rows: 1, cols: 4 }] }, UMEAREGIONEN_BUDGET);
    expect(!out.ok && out.problems[0]).toEqual({ plats: "celler A1:D1", meddelande: expect.stringMatching(/sammanfogade celler/) });
    expect(s.fake.stats.syncs).toBe(0);
    expect(s.fake.inspect.sheetNames()).toEqual(["Blad1"]);
  });

  it("merged cells in the selection (Excel with ExcelApi 1.13)", async () => {
    const s = setup("1.13");
    paste(s, BUDGET_004, 2, 1);
    s.fake.user.merge("Blad1", "B3:C3");
    const before = s.fake.inspect.sheetNames();
    s.fake.resetStats();
    const out = await importBudgetFromSelection(s.host, UMEAREGIONEN_BUDGET, { store: s.store, today });
    expect(!out.ok && out.problems).toEqual([{ plats: "celler B3:C3", meddelande: expect.stringMatching(/sammanfogade celler/) }]);
    expect(s.fake.stats.syncs).toBe(2); // reading the selection (its size, then its values), nothing else
    expect(s.fake.inspect.sheetNames()).toEqual(before);
    expect(s.fake.inspect.cell("Blad1", "C8").value).toBe(2359);
    expect(s.fake.inspect.savedSettings()["samkalk.budget"]).toBeUndefined();
  });

  it("a sheet called Budget that is the user's own is refused and left alone", async () => {
    const s = setup();
    s.fake.user.addSheet("Budget");
    s.fake.user.editCell("Budget", "A1", "min egen budget");
    paste(s, BUDGET_004);
    const out = await importBudgetFromSelection(s.host, UMEAREGIONEN_BUDGET, { today });
    expect(!out.ok && out.problems[0]).toEqual({ plats: 'bladet "Budget"', meddelande: expect.stringMatching(/inte skapat av Samkalk/) });
    expect(s.fake.inspect.sheetNames()).toEqual(["Blad1", "Budget"]);
    expect(s.fake.inspect.cell("Budget", "A1").value).toBe("min egen budget");
  });
});

describe("a corrected Budget table is not lost when the budget is imported again", () => {
  it("asks first, then keeps the user's table as a copy", async () => {
    const s = await imported();
    s.fake.user.editCell("Budget", `E${BUDGET_HEADER_ROW + 2}`, 5691);
    s.fake.user.select("Blad1", "A1:D51");
    const asked = await importBudgetFromSelection(s.host, UMEAREGIONEN_BUDGET, { today });
    expect(!asked.ok && asked.editedSheets).toEqual(["Budget"]);
    expect(s.fake.inspect.cell("Budget", `E${BUDGET_HEADER_ROW + 2}`).value).toBe(5691);
    const kept = await importBudgetFromSelection(s.host, UMEAREGIONEN_BUDGET, { today, onEdited: "keepCopy" });
    expect(kept.ok && kept.keptCopies).toEqual(["Budget (ändrad)"]);
    expect(s.fake.inspect.cell("Budget (ändrad)", `E${BUDGET_HEADER_ROW + 2}`).value).toBe(5691);
    expect(s.fake.inspect.cell("Budget", `E${BUDGET_HEADER_ROW + 2}`).value).toBe(5690);
  });
});

describe("the projection", () => {
  const settings = (s: Awaited<ReturnType<typeof imported>>): BudgetSettings => ({ ...UMEAREGIONEN_BUDGET, prognos: planAsProjection(s.out.budget, 2021) });

  it("reads the Budget table and writes Budget 2022–2024 as live formulas, equity rolled forward", async () => {
    const s = await imported();
    const out = await runBudgetProjectionJob(s.host, settings(s), { store: s.store, today });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.sheetName).toBe("Budget 2022–2024");
    expect(out.projektion.ar.map((y) => [y.ar, amountToNumber(y.resultat), amountToNumber(y.ekBorjan), amountToNumber(y.ekSlut)])).toEqual([
      [2022, -102, 894, 792],
      [2023, -9, 792, 783],
      [2024, -9, 783, 774],
    ]);
    expect(out.kontroller).toEqual([]);
    const formulas = s.fake.inspect.formulaCells("Budget 2022–2024");
    const kansli = formulas.find((c) => /^B\d+$/.test(c.address) && c.formula.includes("ROUND(ROUND($F"))!;
    expect(kansli.formula).toMatch(/\(10000\+ROUND\(.*\*100,0\)\)\/10000,0\)/);
    expect(formulas.some((c) => c.formula.includes('"FEL: negativt"'))).toBe(true);
    expect(formulas.some((c) => c.formula.includes("COUNT("))).toBe(true); // the staircase, empty: "Ingen trappa"
    expect(s.fake.inspect.validations("Budget 2022–2024").some((v) => v.rule !== null)).toBe(true);
  });

  it("links the member fees to the fee split sheet of the year, and says the typed fees for that year are not used", async () => {
    const s = await imported();
    const fee = await runFeeSplitJob(s.host, { ...umearegionenSettings(), ar: 2022 }, { lang: "sv", store: s.store, today });
    expect(fee.ok).toBe(true);
    const out = await runBudgetProjectionJob(s.host, settings(s), { store: s.store, today });
    expect(out.ok && out.lankadeAr).toEqual([2022]);
    if (!out.ok || !fee.ok) return;
    expect(out.varningar).toEqual([expect.stringMatching(/Medlemsavgifterna 2022 hämtas från bladet Medlemsavgifter 2022/)]);
    const links = s.fake.inspect.formulaCells("Budget 2022–2024").filter((c) => c.formula.includes("'Medlemsavgifter 2022'!"));
    expect(links.some((c) => c.formula === "='Medlemsavgifter 2022'!$E$17")).toBe(true);
    expect(links.some((c) => c.formula.includes('MATCH("2480"'))).toBe(true);
    // The projection takes the fee sheet's amounts (recomputed from the stored fee settings).
    const umea = out.projektion.ar[0].intakter.find((r) => r.medlemskod === "2480")!;
    expect(umea.belopp).toEqual(fee.result.kommuner.find((k) => k.kod === "2480")!.avgift);
    expect(out.kontroller).toEqual([]);
  });

  it("reads the Budget table as the user left it, and names the row of a bad amount there", async () => {
    const s = await imported();
    // The state's 2021 contribution (the table's first row), corrected in the table.
    s.fake.user.editCell("Budget", `E${BUDGET_HEADER_ROW + 2}`, 5800);
    const unchanged: BudgetSettings = { ...UMEAREGIONEN_BUDGET, prognos: { basAr: 2021, ekBorjan: "894" } };
    const out = await runBudgetProjectionJob(s.host, unchanged, { today });
    expect(out.ok && out.projektion.ar.map((y) => amountToNumber(y.intakter[0].belopp))).toEqual([5800, 5800, 5800]);
    s.fake.user.editCell("Budget", `E${BUDGET_HEADER_ROW + 2}`, "ca 5 800");
    const bad = await runBudgetProjectionJob(s.host, unchanged, { today, onEdited: "overwrite" });
    expect(!bad.ok && bad.problems).toEqual([{ plats: `bladet Budget, rad ${BUDGET_HEADER_ROW + 2}`, meddelande: '"ca 5 800" är inte ett belopp.' }]);
  });

  it("refuses without a budget to start from, and with a member fee set as a fixed amount", async () => {
    const s = setup();
    const none = await runBudgetProjectionJob(s.host, { ...UMEAREGIONEN_BUDGET, prognos: { basAr: 2021, ekBorjan: "894" } });
    expect(!none.ok && none.problems[0].meddelande).toMatch(/ingen inläst budget/);
    const t = await imported();
    const bad = await runBudgetProjectionJob(t.host, {
      ...UMEAREGIONEN_BUDGET,
      prognos: { basAr: 2021, ekBorjan: "894", antaganden: [{ post: "Region Västerbotten", fastaBelopp: { "2022": "3000" } }, { post: "Lokalhyra", arligForandring: "2,555" }] },
    });
    expect(!bad.ok && bad.problems.map((p) => p.meddelande)).toEqual([expect.stringMatching(/fler än två decimaler/)]);
    const member = await runBudgetProjectionJob(t.host, {
      ...UMEAREGIONEN_BUDGET,
      prognos: { basAr: 2021, ekBorjan: "894", antaganden: [{ post: "Region Västerbotten", fastaBelopp: { "2022": "3000" } }] },
    });
    expect(!member.ok && member.problems[0]).toEqual({ plats: "antagande 1", meddelande: expect.stringMatching(/är en medlemsavgift/) });
    expect(t.fake.inspect.sheetNames()).not.toContain("Budget 2022–2024");
  });
});

describe("the follow-up", () => {
  it("writes 003's result against budget and the co-financing commitments the projection takes as costs", async () => {
    const s = await imported();
    const settings: BudgetSettings = {
      ...UMEAREGIONEN_BUDGET,
      prognos: { basAr: 2021, ekBorjan: "894" },
      uppfoljning: { period: "jan–jun 2021", enhet: "kr", resultat: { budget: "−585 289", utfall: "−143 817" } },
      medfinansiering: [{ namn: "Arbetsgivarkoordinator", belopp: { "2022": "400", "2023": "200" } }],
    };
    const proj = await runBudgetProjectionJob(s.host, settings, { today });
    expect(proj.ok && proj.projektion.ar.map((y) => amountToNumber(y.kostnader.find((g) => g.grupp === "Medfinansiering")!.summa))).toEqual([-400, -200, 0]);
    const out = await runBudgetFollowUpJob(s.host, settings, { today });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.sheetName).toBe("Uppföljning jan–jun 2021");
    expect(amountToPlain(out.uppfoljning.resultat.avvikelse)).toBe("441472");
    const values = s.fake.inspect.sheetValues(out.sheetName).flat();
    expect(values).toContain("Åtagandena finns som kostnader i budgetprognosen på bladet Budget 2022–2024.");
    expect(values).toContain("Summa (tkr)");
    expect(s.fake.inspect.formulaCells(out.sheetName).map((c) => c.formula)).toContain("=C6-B6");
  });

  it("refuses a period too long for a sheet name", async () => {
    const s = setup();
    const out = await runBudgetFollowUpJob(s.host, { forbund: "F", uppfoljning: { period: "1 januari–30 juni 2021", resultat: { budget: "1", utfall: "1" } } });
    expect(!out.ok && out.problems[0].meddelande).toMatch(/kortare/);
    expect(s.fake.inspect.sheetNames()).toEqual(["Blad1"]);
  });
});
