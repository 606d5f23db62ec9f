/**
 * The budget projection takes the state's contribution for the allocation's year from the förbund's
 * forecast on the "Statlig tilldelning <år>" sheet, as a live link on the xlsx host: the link's value is
 * the forecast in tkr, result and equity follow; a typed state amount wins; without the sheet nothing changes.
 * On the Office host (strict fake) the forecast is the value Excel shows in the allocation sheet's cell.
 */
import { amountToNumber } from "../../src/domain/amount";
import type { Projektion } from "../../src/domain/budget/projection";
import { cellAddress } from "../../src/domain/a1";
import { ALLOCATION_SHEET_LAYOUT as L } from "../../src/sheets/tilldelning/allocationSheet";
import { computeAllocationOf, runAllocationJob } from "../../src/usecases/tilldelning/allocationJob";
import { runBudgetProjectionJob } from "../../src/usecases/budget/budgetJob";
import { BUDGET_004 } from "../../src/samples/budget004";
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../../src/hosts/office/officeHost";
import { importBudgetJob } from "../../src/usecases/budget/budgetJob";
import { UMEAREGIONEN_BUDGET } from "../../src/samples/budget004";
import { NOT_CALCULATED, createFakeOffice } from "../fakes/excelFake";
import { ALLOC, PROJ, STATE_LINE, allocation2022, headerCol, labelRow, plan004, projectWith, textsOf, today } from "../budget/stateForecastFixture";

const umeaForecastKr = () => computeAllocationOf(allocation2022()).forbund.find((f) => f.namn === "Umeåregionen")!.tilldelning;
const stateAmount = (p: Projektion, ar: number) => amountToNumber(p.ar.find((y) => y.ar === ar)!.intakter.find((r) => r.medlem === "stat")!.belopp);
const yearOf = (p: Projektion, ar: number) => p.ar.find((y) => y.ar === ar)!;

describe("the projection's state contribution from the allocation forecast", () => {
  it("links the state's 2022 contribution to Umeåregionen's forecast in whole tkr; result and equity follow", async () => {
    const settings = await plan004(false);
    const { host, out } = await projectWith(settings, allocation2022());
    const without = await projectWith(settings, null);
    if (!out.ok || !without.out.ok) throw new Error("projection");
    const forecastTkr = Math.round(Number(umeaForecastKr()) / 1000);
    expect(out.statsbidragAr).toEqual([2022]);
    expect(stateAmount(out.projektion, 2022)).toBe(forecastTkr);

    const ws = host.workbook.getWorksheet(PROJ)!;
    const cell = ws.getCell(labelRow(ws, STATE_LINE), headerCol(ws, "Fast belopp 2022"));
    const forecastCell = `'${ALLOC}'!${cellAddress(L.OWN.prognos, 1, true)}`;
    expect(cell.value).toEqual({ formula: `ROUND(${forecastCell}/1000,0)`, result: forecastTkr });
    // Only 2022 has a forecast sheet: the other years keep their typed amounts.
    expect(ws.getCell(labelRow(ws, STATE_LINE), headerCol(ws, "Fast belopp 2023")).value).toBe(stateAmount(without.out.projektion, 2023));

    // Against the same projection without the sheet, the 2022 result and every later equity move by the difference.
    const delta = forecastTkr - stateAmount(without.out.projektion, 2022);
    expect(amountToNumber(yearOf(out.projektion, 2022).resultat) - amountToNumber(yearOf(without.out.projektion, 2022).resultat)).toBe(delta);
    expect(out.projektion.ar.map((y, j) => amountToNumber(y.ekSlut) - amountToNumber(without.out.projektion.ar[j].ekSlut))).toEqual([delta, delta, delta]);

    // Both sheets say where the figure comes from and where it goes.
    expect(textsOf(ws).join(" ")).toMatch(/Statens bidrag 2022: prognos från bladet Statlig tilldelning 2022/);
    expect(textsOf(ws).some((t) => /går före prognosen/.test(t))).toBe(true);
    const alloc = host.workbook.getWorksheet(ALLOC)!;
    const row = L.BUDGET_LINK.data + 1;
    expect([1, 2, 3].map((k) => alloc.getCell(row, L.BUDGET_LINK.col + 1 + k).value)).toEqual([
      "Umeåregionen",
      { formula: cellAddress(L.OWN.prognos, 1), result: Number(umeaForecastKr()) },
      expect.stringMatching(/^Budgetprognosen: statens bidrag 2022 .*hämtas härifrån/),
    ]);
  });

  it("without an allocation sheet the projection is as before: no link, the state's amount by its rule", async () => {
    const settings = await plan004(false);
    const { host, out } = await projectWith(settings, null);
    if (!out.ok) throw new Error("projection");
    expect(out.statsbidragAr).toEqual([]);
    expect(out.varningar.filter((v) => /Statlig tilldelning|Statens bidrag/.test(v))).toEqual([]);
    const ws = host.workbook.getWorksheet(PROJ)!;
    expect(ws.getCell(labelRow(ws, STATE_LINE), headerCol(ws, "Fast belopp 2022")).value).toBeNull();
    // Untyped, the 2022 amount is the base year's (2021) carried forward: the default change is 0 %.
    expect(stateAmount(out.projektion, 2022)).toBe(BUDGET_004.find((r) => r[0] === `- ${STATE_LINE}`)![1]);
    expect(textsOf(ws).some((t) => /Statlig tilldelning/.test(t))).toBe(false);
  });

  it("a state amount typed among the member fees wins over the forecast, and the user is told", async () => {
    const typed = await plan004(true);
    const { host, out } = await projectWith(typed, allocation2022());
    const without = await projectWith(typed, null);
    if (!out.ok || !without.out.ok) throw new Error("projection");
    expect(out.statsbidragAr).toEqual([]);
    expect(out.varningar).toContain("Statens bidrag 2022 är angivet bland medlemsavgifterna och går före prognosen på bladet Statlig tilldelning 2022.");
    expect(out.projektion.ar.map((y) => amountToNumber(y.ekSlut))).toEqual(without.out.projektion.ar.map((y) => amountToNumber(y.ekSlut)));
    const ws = host.workbook.getWorksheet(PROJ)!;
    expect(ws.getCell(labelRow(ws, STATE_LINE), headerCol(ws, "Fast belopp 2022")).value).toBe(stateAmount(without.out.projektion, 2022));
  });

  it("an allocation sheet without a förbund of its own links nothing, and says so", async () => {
    const { forbund: _own, ...noOwn } = allocation2022();
    const settings = await plan004(false);
    const { out } = await projectWith(settings, noOwn);
    if (!out.ok) throw new Error("projection");
    expect(out.statsbidragAr).toEqual([]);
    expect(out.varningar).toContain("Bladet Statlig tilldelning 2022 har inget eget förbund angivet; statens bidrag 2022 länkas inte till prognosen där.");
  });

  it("a re-run of the allocation with a new national amount moves the linked contribution on the next projection", async () => {
    const settings = await plan004(false);
    const { host } = await projectWith(settings, allocation2022());
    const again = await runAllocationJob(host, allocation2022("350000000"), { today });
    expect(again.ok).toBe(true);
    const out = await runBudgetProjectionJob(host, settings, { today });
    if (!out.ok) throw new Error("projection");
    const kr = computeAllocationOf(allocation2022("350000000")).forbund[0].tilldelning;
    expect(stateAmount(out.projektion, 2022)).toBe(Math.round(Number(kr) / 1000));
  });

  it("in kr the link is the forecast itself; with one decimal of tkr it is rounded to tenths of tkr", async () => {
    const kr = Number(umeaForecastKr());
    const inKr = await plan004(false);
    const asKr = await projectWith({ ...inKr, enhet: "kr" }, allocation2022());
    const tenths = await projectWith({ ...inKr, prognos: { ...inKr.prognos!, decimaler: 1 } }, allocation2022());
    if (!asKr.out.ok || !tenths.out.ok) throw new Error("projection");
    const forecastCell = `'${ALLOC}'!${cellAddress(L.OWN.prognos, 1, true)}`;
    const linkOf = (host: typeof asKr.host) => {
      const ws = host.workbook.getWorksheet(PROJ)!;
      return ws.getCell(labelRow(ws, STATE_LINE), headerCol(ws, "Fast belopp 2022")).value;
    };
    expect(linkOf(asKr.host)).toEqual({ formula: forecastCell, result: kr });
    expect(stateAmount(asKr.out.projektion, 2022)).toBe(kr);
    const tenthsOfTkr = Math.round(kr / 100) / 10;
    expect(linkOf(tenths.host)).toEqual({ formula: `ROUND(${forecastCell}/100,0)/10`, result: tenthsOfTkr });
    expect(stateAmount(tenths.out.projektion, 2022)).toBe(tenthsOfTkr);
  });
});

describe("in Excel (the Office host on the strict fake)", () => {
  /** Excel's value of the allocation sheet's link cell is the forecast; `calculated: false`: Excel has not calculated. */
  async function inExcel(calculated: boolean) {
    const kr = Number(umeaForecastKr());
    const evaluateFormula = (f: string, at: { sheet: string }) => (calculated && at.sheet === ALLOC && f === `=${cellAddress(L.OWN.prognos, 1)}` ? kr : NOT_CALCULATED);
    const fake = createFakeOffice({ sheets: ["Blad1"], evaluateFormula });
    const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
    const store = createOfficeSettingsStore(fake.settings);
    expect((await runAllocationJob(host, allocation2022(), { today })).ok).toBe(true);
    expect((await importBudgetJob(host, { origin: { row: 0, col: 0 }, values: BUDGET_004 }, UMEAREGIONEN_BUDGET, { today, store })).ok).toBe(true);
    const out = await runBudgetProjectionJob(host, await plan004(false), { today, store });
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    return { fake, out, kr };
  }

  it("links the state's 2022 contribution to the forecast Excel shows on the allocation sheet", async () => {
    const { fake, out, kr } = await inExcel(true);
    expect(out.statsbidragAr).toEqual([2022]);
    expect(stateAmount(out.projektion, 2022)).toBe(Math.round(kr / 1000));
    expect(fake.inspect.formulaCells(PROJ).filter((c) => c.formula.includes(ALLOC)).map((c) => c.formula)).toEqual([
      `=ROUND('${ALLOC}'!${cellAddress(L.OWN.prognos, 1, true)}/1000,0)`,
    ]);
  });

  it("links nothing, and says why, when the forecast on the sheet is not a number", async () => {
    const { fake, out } = await inExcel(false);
    expect(out.statsbidragAr).toEqual([]);
    expect(out.varningar).toContain(`Prognosen på bladet ${ALLOC} (cell ${cellAddress(L.OWN.prognos, 1)}) är inte ett belopp i hela kronor; statens bidrag 2022 länkas inte.`);
    expect(fake.inspect.formulaCells(PROJ).filter((c) => c.formula.includes(ALLOC))).toEqual([]);
  });
});
