/**
 * The "Statlig tilldelning" sheet's formulas, recalculated by LibreOffice Calc, give the domain's
 * kronor — as written, with the cap binding over several rounds, and after parameters are edited in the file.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cellAddress } from "../../src/domain/a1";
import { embeddedPopulation } from "../../src/domain/scb/embeddedPopulation";
import { KOMMUNER } from "../../src/domain/kommuner";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { ALLOCATION_SHEET_LAYOUT as L, allocationSheetName } from "../../src/sheets/tilldelning/allocationSheet";
import { type AllocationInput, computeAllocationOf, runAllocationJob } from "../../src/usecases/tilldelning/allocationJob";
import { syntheticForsorjningsmatt, wholeCountryAllocationInput } from "../../src/samples/wholeCountryAllocation";
import type { AllocationResult } from "../../src/domain/tilldelning/types";
import fc from "fast-check";
import { cellAt, recalculateToCsv } from "../harness/libreoffice";
import { describeWith } from "../harness/externalPrograms";

const describeLo = describeWith(["soffice"]);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-lo-alloc-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const UMEA = ["2480", "2460", "2401", "2404", "2409", "2403"];
const C = L.columns;

async function writeAndRecalc(input: AllocationInput, name: string, edit?: (ws: ExcelJS.Worksheet) => void) {
  const host = new XlsxWorkbookHost();
  const outcome = await runAllocationJob(host, input, { today: new Date("2027-03-15") });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  const file = path.join(tmp, `${name}.xlsx`);
  await host.save(file);
  if (edit) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    edit(wb.getWorksheet(allocationSheetName(input.ar))!);
    await wb.xlsx.writeFile(file);
  }
  return (await recalculateToCsv(file)).get(allocationSheetName(input.ar))!;
}

/** Every förbund's amounts in the recalculated sheet, column by column, as the domain has them. */
function expectSheetMatches(grid: string[][], r: AllocationResult) {
  const rows = L.rows(r.forbund.length, r.request.kommuner.length);
  const read = (i: number, col: number) => cellAt(grid, cellAddress(rows.modelFirst + i, col));
  const cols = [C.grund, C.fdel, C.bdel, C.modell, C.golv, C.avdrag, C.prognos] as const;
  const sheet = r.forbund.map((_, i) => cols.map((c) => read(i, c)));
  const domain = r.forbund.map((f) => [f.grund, f.forsorjningsdel, f.befolkningsdel, f.modell, f.sparrGolv, f.avdrag, f.tilldelning].map(String));
  expect(sheet).toEqual(domain);
  expect(r.forbund.map((_, i) => read(i, C.galler))).toEqual(r.forbund.map((f) => (f.sparrGaller ? "ja" : "nej")));
  expect(grid.flat().filter((c) => c.startsWith("OK:") || c.startsWith("FEL:"))).toEqual([
    "OK: vikterna summerar till 100 %",
    "OK: modellen och prognosen summerar exakt till anslaget",
  ]);
}

/** Eight förbund of the first 40 kommuner, with last years that hold several of them over more than one round; one name full of Excel's criteria characters. */
function eightForbund(): AllocationInput {
  const fm = syntheticForsorjningsmatt();
  const kommuner = KOMMUNER.slice(0, 40).map((k, i) => ({ forbund: i % 8 === 2 ? "<Förbund ~3?*>" : `Förbund ${(i % 8) + 1}`, kod: k.kod, befolkning: String(embeddedPopulation(k.kod, 16, 64)), forsorjningsmatt: String(fm.get(k.kod)) }));
  const base: AllocationInput = { ar: 2027, forbund: "Förbund 2", anslag: "60000000", sparr: "10", kommuner };
  const model = computeAllocationOf(base).forbund;
  const factor = [1.25, 1.15, 1.1, 1.04, 0.9, 1.3, 1.0, 0.8];
  return {
    ...base,
    forbundInfo: model.map((f, i) => ({ namn: f.namn, forraAret: String(Math.round(Number(f.modell) * factor[i])), overTrappan: i === 5 })),
  };
}

/** A random but reproducible case: 12 förbund over 60 kommuner, last years around the model, some above the staircase. */
function randomCase(seed: number, ar: number): AllocationInput {
  const [g] = fc.sample(
    fc.record({
      picks: fc.shuffledSubarray(KOMMUNER.map((k) => k.kod), { minLength: 60, maxLength: 60 }),
      fm: fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 60, maxLength: 60 }),
      factor: fc.array(fc.integer({ min: 75, max: 135 }), { minLength: 12, maxLength: 12 }),
      trappa: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      known: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 12, maxLength: 12 }),
      anslag: fc.integer({ min: 20_000_000, max: 150_000_000 }),
      sparr: fc.constantFrom("5", "7,5", "10", "12,34"),
    }),
    { seed, numRuns: 1 },
  );
  const kommuner = g.picks.map((kod, i) => ({ forbund: i % 13 === 12 ? "" : `F${i % 13}`, kod, befolkning: String(embeddedPopulation(kod, 16, 64)), forsorjningsmatt: (g.fm[i] / 10).toFixed(1) }));
  const base: AllocationInput = { ar, forbund: "F3", anslag: String(g.anslag), sparr: g.sparr, kommuner };
  const model = computeAllocationOf(base).forbund;
  return {
    ...base,
    forbundInfo: model.map((f, i) => ({
      namn: f.namn,
      forraAret: g.known[i] === 0 ? undefined : String((f.modell * BigInt(g.factor[i])) / 100n),
      overTrappan: g.trappa[i] && i % 3 === 0,
    })),
  };
}

describeLo("the Statlig tilldelning sheet recalculated by LibreOffice Calc", () => {
  it("Umeåregionen against the whole country: every förbund's amounts to the krona, the cap holding Umeåregionen at 90 % of last year", async () => {
    const plain = wholeCountryAllocationInput({ forbund: "Umeåregionen", kommuner: UMEA, ar: 2027 });
    const model = computeAllocationOf(plain).forbund[0].modell;
    const input = wholeCountryAllocationInput({ forbund: "Umeåregionen", kommuner: UMEA, ar: 2027, forraAret: String((model * 13n) / 10n) });
    const r = computeAllocationOf(input);
    expect(r.forbund[0].sparrGaller).toBe(true);
    const grid = await writeAndRecalc(input, "umea");
    expectSheetMatches(grid, r);
    expect(cellAt(grid, cellAddress(L.OWN.prognos, 1))).toBe(String(r.forbund[0].tilldelning));
  });

  it("several förbund held over more than one round, one above the staircase unprotected", async () => {
    const input = eightForbund();
    const r = computeAllocationOf(input);
    expect(r.varv).toBeGreaterThanOrEqual(2);
    expect(r.forbund.filter((f) => f.sparrGaller).length).toBeGreaterThanOrEqual(2);
    expect(r.forbund[5].sparrGaller).toBe(false);
    expectSheetMatches(await writeAndRecalc(input, "eight"), r);
  });

  it("recomputes when the national amount, the cap and a weight are edited in the file, and compares with the decided allocation", async () => {
    const input = eightForbund();
    const decided = 7_000_000;
    const grid = await writeAndRecalc(input, "edited", (ws) => {
      ws.getCell(cellAddress(L.PARAM.anslag, 1)).value = 61_234_567;
      ws.getCell(cellAddress(L.PARAM.sparr, 1)).value = 5;
      ws.getCell(cellAddress(L.PARAM.viktF, 1)).value = 60;
      ws.getCell(cellAddress(L.PARAM.viktB, 1)).value = 40;
      ws.getCell(cellAddress(L.COMPARE.beslut, 1)).value = decided;
    });
    const r = computeAllocationOf({ ...input, anslag: "61234567", sparr: "5", viktForsorjning: "60", viktBefolkning: "40" });
    expectSheetMatches(grid, r);
    const own = r.forbund[1].tilldelning;
    expect(cellAt(grid, cellAddress(L.COMPARE.skillnadKr, 1))).toBe(String(decided - Number(own)));
    // LibreOffice writes a percentage cell as "20.8712329401047%".
    expect(Number(cellAt(grid, cellAddress(L.COMPARE.skillnadPct, 1)).replace("%", "")) / 100).toBeCloseTo(decided / Number(own) - 1, 12);
  });
  it("five random cases in one workbook: every förbund to the krona, whatever the cap holds", async () => {
    const host = new XlsxWorkbookHost();
    const cases = [0, 1, 2, 3, 4].map((k) => randomCase(1000 + k, 2030 + k));
    for (const c of cases) {
      const out = await runAllocationJob(host, c, { today: new Date("2027-03-15") });
      if (!out.ok) throw new Error(JSON.stringify(out.problems));
    }
    const file = path.join(tmp, "random.xlsx");
    await host.save(file);
    const sheets = await recalculateToCsv(file);
    let held = 0;
    for (const c of cases) {
      const r = computeAllocationOf(c);
      held += r.forbund.filter((f) => f.sparrGaller).length;
      expectSheetMatches(sheets.get(allocationSheetName(c.ar))!, r);
    }
    expect(held).toBeGreaterThan(0);
  });
});
