/**
 * The budget sheets' formulas recalculated by an independent engine (LibreOffice Calc, headless): the
 * Budgetkontroll recomputes 004 and finds exactly its 1 tkr kommun shortfall; the projection equals the
 * domain (equity rolled forward, exact halves rounded away from zero) as written, after assumptions are
 * changed in the file, with member fees linked to a fee sheet, and for random budgets; the follow-up
 * gives 003's 441 472 kr.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { amountToNumber } from "../../src/domain/amount";
import type { Projektion } from "../../src/domain/budget/projection";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { umearegionenSettings } from "../../src/demo/demoWorkbook";
import { runFeeSplitJob } from "../../src/usecases/fee/feeSplitJob";
import { BudgetSettings, importBudgetJob, runBudgetFollowUpJob, runBudgetProjectionJob } from "../../src/usecases/budget/budgetJob";
import { BUDGET_004, UMEAREGIONEN_BUDGET, planAsProjection } from "../../src/samples/budget004";
import type { CellValue } from "../../src/sources/budget/budgetCells";
import { recalculateToCsv } from "../harness/libreoffice";
import { describeWith } from "../harness/externalPrograms";
import { randomBudget } from "../budget/randomBudget";
import { randomProjection } from "../budget/randomProjection";
import { copy004, rowOf } from "../budget/fixtures/budget004";
import { CHECK_LABELS, CHECK_STATUS } from "../../src/sheets/budget/projectionSheet";

const describeLo = describeWith(["soffice"]);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-lo-budget-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const today = new Date("2026-11-23");
const PROJ = "Budget 2022–2024";
const grid004 = (values: CellValue[][] = BUDGET_004) => ({ origin: { row: 0, col: 0 }, values });

let fileNo = 0;
async function recalc(host: XlsxWorkbookHost) {
  const file = path.join(tmp, `b${fileNo++}.xlsx`);
  await host.save(file);
  return { file, sheets: await recalculateToCsv(file) };
}

async function recalcFile(file: string) {
  return recalculateToCsv(file);
}

const rowIndex = (grid: string[][], label: string) => {
  const r = grid.findIndex((row) => row[0] === label);
  if (r < 0) throw new Error(`no row "${label}"`);
  return r;
};
const lcFirst = (s: string) => s.charAt(0).toLocaleLowerCase("sv-SE") + s.slice(1);

/** Every line, group sum, total and equity of the sheet, against the domain's projection. */
function expectProjection(grid: string[][], proj: Projektion) {
  const got: (string | number)[][] = [];
  const want: (string | number)[][] = [];
  const cmp = (label: string, j: number, expected: number) => {
    got.push([label, proj.ar[j].ar, Number(grid[rowIndex(grid, label)][1 + j])]);
    want.push([label, proj.ar[j].ar, expected]);
  };
  proj.ar.forEach((y, j) => {
    for (const r of y.intakter) cmp(r.post, j, amountToNumber(r.belopp));
    for (const g of y.kostnader) {
      for (const r of g.poster) cmp(r.post, j, amountToNumber(r.belopp));
      cmp(`Summa ${lcFirst(g.grupp)}`, j, amountToNumber(g.summa));
    }
    cmp("Summa intäkter", j, amountToNumber(y.summaIntakter));
    cmp("Summa kostnader", j, amountToNumber(y.summaKostnader));
    cmp("Resultat", j, amountToNumber(y.resultat));
    cmp("Eget kapital vid årets början", j, amountToNumber(y.ekBorjan));
    cmp("Eget kapital vid årets slut", j, amountToNumber(y.ekSlut));
  });
  expect(got).toEqual(want);
  // The board's checks as the sheet states them, against the domain's findings.
  const has = (typ: string, ar: number) => proj.kontroller.some((k) => k.typ === typ && k.ar === ar);
  const status = (label: string) => proj.ar.map((_, j) => grid[rowIndex(grid, label)][1 + j]);
  expect(status(CHECK_LABELS.ekNegativ)).toEqual(proj.ar.map((y) => (has("eget_kapital_negativt", y.ar) ? CHECK_STATUS.negativt : "OK")));
  expect(status(CHECK_LABELS.trappa).map((s) => s === CHECK_STATUS.overTrappan)).toEqual(proj.ar.map((y) => has("eget_kapital_over_trappan", y.ar)));
  const prop = status(CHECK_LABELS.proportion);
  expect(prop.map((s) => s.startsWith("FEL"))).toEqual(proj.ar.map((y) => has("medlemsavgifter_ej_50_25_25", y.ar)));
}

/** Column (1-based) of a header of the projection sheet, by its text. */
function headerCol(ws: ExcelJS.Worksheet, textIn: string): number {
  for (let r = 1; r <= 12; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= ws.columnCount; c++) if (row.getCell(c).value === textIn) return c;
  }
  throw new Error(`no header "${textIn}"`);
}
function labelRow(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === label) return r;
  throw new Error(`no row "${label}"`);
}

describeLo("Budgetkontroll recalculated by LibreOffice", () => {
  it("recomputes every Summa, Resultat and Eget kapital line of 004 and finds only the 2021 kommun fees' 1 tkr shortfall", async () => {
    const host = new XlsxWorkbookHost();
    const out = await importBudgetJob(host, grid004(), UMEAREGIONEN_BUDGET, { today });
    expect(out.ok).toBe(true);
    const grid = (await recalc(host)).sheets.get("Budgetkontroll")!;
    const fel = grid.filter((r) => r[6] === "FEL");
    expect(fel).toHaveLength(1);
    expect(fel[0].slice(0, 7)).toEqual(["Kommunernas medlemsavgifter", "2021", "B6:B11", "2844", "2845", "-1", "FEL"]);
    const checked = grid.filter((r) => r[6] === "OK");
    expect(checked.length).toBe(3 * 10 - 1 - 1); // 8 lines + 2 fee checks a year, minus EK början 2021 (input) and the one FEL
    expect(checked.every((r) => r[3] === r[4] && r[5] === "0")).toBe(true);
    expect(grid[rowIndex(grid, "Antal avvikelser nu")][1]).toBe("1");
  });

  it("shows a wrong sub-total, and the total typed over it, exactly as the importer's checks do", async () => {
    const values = copy004();
    values[rowOf("Summa kansli och styrelse")][2] = -2590;
    const host = new XlsxWorkbookHost();
    const out = await importBudgetJob(host, grid004(values), UMEAREGIONEN_BUDGET, { today });
    const grid = (await recalc(host)).sheets.get("Budgetkontroll")!;
    const fel = grid.filter((r) => r[6] === "FEL").map((r) => r.slice(1, 5));
    const domain = out.ok ? out.avvikelser : [];
    expect(fel).toEqual(domain.map((k) => [String(k.ar), k.cell, String(amountToNumber(k.funnet)), String(amountToNumber(k.forvantat))]));
    // The sub-total (its posts sum to −2 595), and Summa kostnader, which is −11 595 but whose typed parts now sum to −11 590.
    expect(fel.slice(1)).toEqual([
      ["2022", `C${rowOf("Summa kansli och styrelse") + 1}`, "-2590", "-2595"],
      ["2022", `C${rowOf("Summa kostnader") + 1}`, "-11595", "-11590"],
    ]);
  });

  it("follows the importer on nested groups, posts outside any group, no Summa kostnader line and positive costs", async () => {
    const odd = (sign: 1 | -1): CellValue[][] => [
      [null, 2021, 2022],
      ["Intäkter", null, null],
      ["- Medlemsavgifter", 1000, 1000],
      ["- Projektmedel ESF", 50, 60],
      ["Summa intäkter", 1050, 1060],
      ["Kostnader", null, null],
      ["Kansli", null, null],
      ["- Personal", sign * -300, sign * -310],
      ["Lokaler", null, null],
      ["- Hyra", sign * -100, sign * -100],
      ["- El", sign * -10, sign * -12],
      ["Summa lokaler", sign * -110, sign * -112],
      ["- Resor", sign * -20, sign * -20],
      ["Summa kansli", sign * -430, sign * -442],
      ["- Ofördelat", sign * -5, sign * -5],
      ["Verksamheter", null, null],
      ["- Insats A", sign * -400, sign * -400],
      ["Summa verksamheter", sign * -400, sign * -400],
      ["Resultat", 215, 213],
      ["Eget kapital vid årets början", 100, 315],
      ["Eget kapital vid årets slut", 315, 528],
    ];
    const broken = odd(-1);
    broken[11][2] = -113; // Summa lokaler 2022
    broken[18][1] = 216; // Resultat 2021
    for (const values of [odd(1), odd(-1), broken]) {
      const host = new XlsxWorkbookHost();
      const out = await importBudgetJob(host, grid004(values), { forbund: "Test" }, { today });
      if (!out.ok) throw new Error(JSON.stringify(out.problems));
      const grid = (await recalc(host)).sheets.get("Budgetkontroll")!;
      const rows = grid.filter((r, i) => i > rowIndex(grid, "Kontroll") && r[0] !== "");
      const fel = rows.filter((r) => r[6] === "FEL").map((r) => [r[1], r[2], r[3], r[4]]);
      expect(fel).toEqual(out.avvikelser.map((k) => [String(k.ar), k.cell, String(amountToNumber(k.funnet)), String(amountToNumber(k.forvantat))]));
      expect(rows.filter((r) => r[6] === "OK").every((r) => r[3] === r[4])).toBe(true);
    }
  });

  it("says OK to every line of random consistent budgets (costs positive or negative, amounts as text)", async () => {
    await fc.assert(
      fc.asyncProperty(randomBudget, async (b) => {
        const host = new XlsxWorkbookHost();
        const out = await importBudgetJob(host, grid004(b.values), { forbund: "Test" }, { today });
        expect(out.ok && out.avvikelser).toEqual([]);
        const grid = (await recalc(host)).sheets.get("Budgetkontroll")!;
        const statuses = grid.filter((r, i) => i > rowIndex(grid, "Kontroll") && r[0] !== "").map((r) => r[6]);
        expect(statuses.filter((s) => s !== "OK" && s !== "–")).toEqual([]);
        expect(statuses.filter((s) => s === "OK").length).toBeGreaterThan(0);
      }),
      { numRuns: 3, seed: 4004 },
    );
  });
});

describeLo("the projection recalculated by LibreOffice", () => {
  async function project(settings: BudgetSettings, host = new XlsxWorkbookHost()) {
    const imp = await importBudgetJob(host, grid004(), UMEAREGIONEN_BUDGET, { today });
    if (!imp.ok) throw new Error(JSON.stringify(imp.problems));
    const out = await runBudgetProjectionJob(host, settings, { today });
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    return { host, out, imp };
  }
  const plan = () => {
    const host = new XlsxWorkbookHost();
    return importBudgetJob(host, grid004(), UMEAREGIONEN_BUDGET, { today }).then((imp) => {
      if (!imp.ok) throw new Error("import");
      return planAsProjection(imp.budget, 2021);
    });
  };

  it("reproduces 004's plan for 2022–2023 (equity 792, 783) and carries it into 2024", async () => {
    const { host, out } = await project({ ...UMEAREGIONEN_BUDGET, prognos: await plan() });
    expect(out.ok && out.projektion.ar.map((y) => amountToNumber(y.ekSlut))).toEqual([792, 783, 774]);
    const grid = (await recalc(host)).sheets.get(PROJ)!;
    expectProjection(grid, out.ok ? out.projektion : (undefined as never));
  });

  it("recomputes when assumptions are changed in the file: % per year on the rounded amount (halves away from zero), a group's last year, equity, a staircase tier", async () => {
    const base = await plan();
    const { host } = await project({ ...UMEAREGIONEN_BUDGET, prognos: base });
    const file = path.join(tmp, "edited.xlsx");
    await host.save(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(PROJ)!;
    const kansli = labelRow(ws, "Kanslipersonal");
    ws.getCell(kansli, headerCol(ws, "Årlig förändring %")).value = 2.5;
    ws.getCell(kansli, headerCol(ws, "Fast belopp 2022")).value = null;
    ws.getCell(kansli, headerCol(ws, "Fast belopp 2023")).value = null;
    ws.getCell(labelRow(ws, "Vuxentorget"), headerCol(ws, "Förändring % 2024")).value = 10;
    ws.getCell(labelRow(ws, "Verksamheter"), headerCol(ws, "Sista år")).value = 2023;
    ws.getCell(labelRow(ws, "Eget kapital vid årets början"), 2).value = 1000;
    ws.getCell(labelRow(ws, "Nivå 1"), 3).value = 5;
    await wb.xlsx.writeFile(file);

    const grid = (await recalcFile(file)).get(PROJ)!;
    const antaganden = base.antaganden!.map((a) =>
      a.post === "Kanslipersonal" ? { post: a.post, arligForandring: "2,5" } : a.post === "Vuxentorget" ? { ...a, forandringPerAr: { "2024": "10" } } : a,
    );
    antaganden.push({ grupp: "Verksamheter", sistaAr: 2023 });
    const edited = await project({
      ...UMEAREGIONEN_BUDGET,
      prognos: { ...base, antaganden, ekBorjan: "1000", egetKapitalRegel: { matt: "medlemsavgifter", kalla: "Exempel i testet", steg: [{ tillOchMed: null, maxProcent: "5" }] } },
    });
    const proj = edited.out.ok ? edited.out.projektion : (undefined as never);
    // −1 580 × 1,025 = −1 619,5 → −1 620; −1 620 × 1,025 = −1 660,5 → −1 661; −1 661 × 1,025 = −1 702,525 → −1 703
    expect([0, 1, 2].map((j) => Number(grid[rowIndex(grid, "Kanslipersonal")][1 + j]))).toEqual([-1620, -1661, -1703]);
    expect(Number(grid[rowIndex(grid, "Vuxentorget")][3])).toBe(0); // the group ended in 2023
    expectProjection(grid, proj);
    expect(grid[rowIndex(grid, CHECK_LABELS.trappa)].slice(1, 4)).toEqual(proj.ar.map((y) => (proj.kontroller.some((k) => k.typ === "eget_kapital_over_trappan" && k.ar === y.ar) ? CHECK_STATUS.overTrappan : "OK")));
    expect(grid[rowIndex(grid, CHECK_LABELS.trappGrans)][1]).toBe("569"); // 5 % of 11 380
  });

  it("links member fees to the fee split sheet of the year, and flags a fee typed over the link", async () => {
    const host = new XlsxWorkbookHost();
    const fee = await runFeeSplitJob(host, { ...umearegionenSettings(), ar: 2022 }, { lang: "sv", today });
    expect(fee.ok).toBe(true);
    const { out } = await project({ ...UMEAREGIONEN_BUDGET, prognos: await plan() }, host);
    expect(out.ok && out.lankadeAr).toEqual([2022]);
    const { file, sheets } = await recalc(host);
    const grid = sheets.get(PROJ)!;
    const proj = out.ok ? out.projektion : (undefined as never);
    expectProjection(grid, proj);
    const feeGrid = sheets.get("Medlemsavgifter 2022")!;
    const umeaFee = feeGrid.find((r) => r[0] === "2480")![4];
    expect(grid[rowIndex(grid, "Umeå kommun, 82,9% av arb-bef.")][1]).toBe(umeaFee);
    expect(umeaFee).not.toBe("2353"); // the fee sheet's population key, not the document's typed fee
    const check = CHECK_LABELS.avgiftsblad;
    expect(grid[rowIndex(grid, check)].slice(1, 4)).toEqual(["OK", CHECK_STATUS.ingetBlad, CHECK_STATUS.ingetBlad]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(PROJ)!;
    ws.getCell(labelRow(ws, "Umeå kommun, 82,9% av arb-bef."), headerCol(ws, "Fast belopp 2022")).value = 2000;
    await wb.xlsx.writeFile(file);
    const after = (await recalcFile(file)).get(PROJ)!;
    expect(after[rowIndex(after, check)][1]).toBe(CHECK_STATUS.avviker);
    expect(after[rowIndex(after, CHECK_LABELS.proportion)][1]).toBe(CHECK_STATUS.ej502525);
  });

  it("equals the domain for random budgets and assumptions, exact halves included", async () => {
    let halves = 0;
    await fc.assert(
      fc.asyncProperty(randomProjection, async (rp) => {
        const host = new XlsxWorkbookHost();
        const imp = await importBudgetJob(host, grid004(rp.values), { forbund: "Slump", enhet: "tkr" }, { today });
        if (!imp.ok) throw new Error(JSON.stringify(imp.problems));
        const out = await runBudgetProjectionJob(host, rp.settings, { today });
        if (!out.ok) throw new Error(JSON.stringify(out.problems));
        const grid = (await recalc(host)).sheets.get(PROJ)!;
        expectProjection(grid, out.projektion);
        halves += exactHalves(rp.settings, imp.budget.rader.filter((r) => r.ar === 2021), out.projektion);
      }),
      { numRuns: 4, seed: 20261123 },
    );
    expect(halves).toBeGreaterThan(0);
  });
});

/**
 * How many projected amounts were an exact half before rounding (prev × (10 000 + 100p) ≡ 5 000 mod 10 000
 * for one of the settings' percentages, and rounded away from zero to the amount found).
 */
function exactHalves(settings: BudgetSettings, base: { post: string; belopp: { minor: bigint } }[], proj: Projektion): number {
  const p = settings.prognos!;
  const texts = [p.standardForandring, ...(p.antaganden ?? []).flatMap((a) => [a.arligForandring, ...Object.values(a.forandringPerAr ?? {})])];
  const P = texts.flatMap((t) => (t === undefined ? [] : [Math.round(Number(t.replace(",", ".")) * 100)]));
  let n = 0;
  const prev = new Map(base.map((b) => [b.post, Number(b.belopp.minor)]));
  for (const y of proj.ar) {
    for (const r of [...y.intakter, ...y.kostnader.flatMap((g) => g.poster)]) {
      const before = prev.get(r.post);
      const now = Number(r.belopp.minor);
      if (r.grund === "förändring" && before !== undefined) {
        const half = P.some((pct) => {
          const x = before * (10000 + pct);
          return Math.abs(x) % 10000 === 5000 && Math.sign(x) * Math.ceil(Math.abs(x) / 10000) === now;
        });
        if (half) n++;
      }
      prev.set(r.post, now);
    }
  }
  return n;
}

describeLo("the follow-up recalculated by LibreOffice", () => {
  it("gives 003's result: −143 817 kr against −585 289 kr, 441 472 kr (75,4 %) better", async () => {
    const host = new XlsxWorkbookHost();
    const out = await runBudgetFollowUpJob(
      host,
      {
        forbund: "SOFINT Samordningsförbundet i Norra Örebro län",
        uppfoljning: { period: "jan–jun 2021", enhet: "kr", resultat: { budget: "−585 289", utfall: "-143 817" } },
        medfinansiering: [{ namn: "Arbetsgivarkoordinator, VTA/CSR (ESF)", belopp: { "2022": "400 000", "2023": "200 000" } }],
      },
      { today },
    );
    expect(out.ok).toBe(true);
    const grid = (await recalc(host)).sheets.get("Uppföljning jan–jun 2021")!;
    expect(grid[rowIndex(grid, "Resultat för perioden")].slice(1, 5)).toEqual(["-585289", "-143817", "441472", "75.4"]);
    expect(grid[rowIndex(grid, "Jämfört med budget")][1]).toBe("bättre än budget");
    expect(grid[rowIndex(grid, "Arbetsgivarkoordinator, VTA/CSR (ESF)")].slice(1, 4)).toEqual(["400000", "200000", "600000"]);
  });

  it("per line and group: sums, avvikelse and % as the domain has them", async () => {
    const host = new XlsxWorkbookHost();
    const rader = [
      { sektion: "intäkter" as const, post: "Medlemsavgifter", budget: "1 500 000", utfall: "1 500 000" },
      { sektion: "kostnader" as const, grupp: "Verksamheter", post: "Finansierbara projekt", budget: "-450 000", utfall: "0" },
      { sektion: "kostnader" as const, grupp: "Verksamheter", post: "Coachingteamet", budget: "-1 200 000", utfall: "-1 208 528" },
      { sektion: "kostnader" as const, grupp: "Kansli", post: "Kansli och styrelse", budget: "-435 289", utfall: "-435 289" },
    ];
    const out = await runBudgetFollowUpJob(host, { forbund: "SOFINT", uppfoljning: { period: "jan–jun 2021", enhet: "kr", rader } }, { today });
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    const grid = (await recalc(host)).sheets.get("Uppföljning jan–jun 2021")!;
    const u = out.uppfoljning;
    const pct = (a: { avvikelseProcent: { digits: bigint; decimals: number } | null }) => (a.avvikelseProcent ? String(Number(a.avvikelseProcent.digits) / 10 ** a.avvikelseProcent.decimals) : "");
    const row = (label: string) => grid[rowIndex(grid, label)].slice(1, 5);
    for (const r of u.rader) expect(row(r.post)).toEqual([amountToNumber(r.budget), amountToNumber(r.utfall), amountToNumber(r.avvikelse)].map(String).concat(pct(r)));
    for (const g of u.grupper) expect(row(`Summa ${lcFirst(g.post)}`)).toEqual([amountToNumber(g.budget), amountToNumber(g.utfall), amountToNumber(g.avvikelse)].map(String).concat(pct(g)));
    expect(row("Resultat för perioden")).toEqual(["-585289", "-143817", "441472", "75.4"]);
    expect(row("Coachingteamet")[3]).toBe("-0.7");
  });
});

describeLo("a re-run that keeps assumptions typed on the projection sheet, recalculated by LibreOffice", () => {
  it("equals the domain's projection with the typed yearly change and fixed amount", async () => {
    const host = new XlsxWorkbookHost();
    const data = new Map<string, unknown>();
    const store = { get: (k: string) => data.get(k), set: async (k: string, v: unknown) => void data.set(k, JSON.parse(JSON.stringify(v))) };
    const imp = await importBudgetJob(host, grid004(), UMEAREGIONEN_BUDGET, { today, store });
    if (!imp.ok) throw new Error(JSON.stringify(imp.problems));
    const settings: BudgetSettings = { ...UMEAREGIONEN_BUDGET, prognos: planAsProjection(imp.budget, 2021) };
    const first = await runBudgetProjectionJob(host, settings, { today, store });
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    const ws = host.workbook.getWorksheet(PROJ)!;
    ws.getCell(labelRow(ws, "Kanslipersonal"), headerCol(ws, "Årlig förändring %")).value = 3.5;
    ws.getCell(labelRow(ws, "Lokalhyra"), headerCol(ws, "Fast belopp 2024")).value = -120;
    const again = await runBudgetProjectionJob(host, settings, { today, store });
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect([again.keptUserValues, again.keptCopies]).toEqual([2, []]);
    const grid = (await recalc(host)).sheets.get(PROJ)!;
    expectProjection(grid, again.projektion);
    expect(Number(grid[rowIndex(grid, "Lokalhyra")][3])).toBe(-120);
  });
});
