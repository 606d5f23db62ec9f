/**
 * The allocation job on a workbook: the xlsx host (what the command line and the demo use) and the
 * Office host on the strict fake. Umeåregionen against the whole country, from Samkalk's offline data.
 */
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { OfficeWorkbookHost } from "../../src/hosts/office/officeHost";
import { ALLOCATION_SHEET_LAYOUT as L } from "../../src/sheets/tilldelning/allocationSheet";
import { cellAddress } from "../../src/domain/a1";
import { KOMMUNER } from "../../src/domain/kommuner";
import { computeAllocationOf, runAllocationJob } from "../../src/usecases/tilldelning/allocationJob";
import { OVRIGA_FORBUND, syntheticForsorjningsmatt, wholeCountryAllocationInput } from "../../src/samples/wholeCountryAllocation";
import { createFakeOffice } from "../fakes/excelFake";

const UMEA = ["2480", "2460", "2401", "2404", "2409", "2403"];
const umea = () => wholeCountryAllocationInput({ forbund: "Umeåregionen", kommuner: UMEA, ar: 2027 });
const today = new Date("2027-03-15");

describe("the whole-country underlag for a förbund", () => {
  it("lists all 290 kommuner, the förbund's own first, the rest as one line for 69 förbund, with a synthetic försörjningsmått for each", () => {
    const input = umea();
    expect(input.kommuner).toHaveLength(290);
    expect(input.kommuner.slice(0, 6).map((k) => [k.forbund, k.kod])).toEqual(UMEA.map((k) => ["Umeåregionen", k]));
    expect(new Set(input.kommuner.map((k) => k.kod)).size).toBe(290);
    expect(input.forbundInfo).toEqual([
      { namn: "Umeåregionen", antal: 1, forraAret: undefined },
      { namn: OVRIGA_FORBUND, antal: 69 },
    ]);
    const fm = syntheticForsorjningsmatt();
    expect(KOMMUNER.every((k) => (fm.get(k.kod) ?? 0) > 0)).toBe(true);
    expect(input.underlag?.[0]).toMatch(/Hela landet räknas.*SYNTETISKT/);
  });

  it("Umeåregionen's forecast: the base, its parts of 339 Mkr, and the total exact", () => {
    const r = computeAllocationOf(umea());
    expect(r.grundSumma).toBe(70n * 400_000n);
    expect(r.forbund[0].grund).toBe(400_000n);
    expect(r.forbund.reduce((s, f) => s + f.tilldelning, 0n)).toBe(339_000_000n);
    // Umeåregionen's 16–64 population is about 1,6 % of the country's: its population part about that share of 25 % of 311 Mkr.
    const share = Number(r.forbund[0].befolkning) / Number(r.befolkningSumma);
    expect(Math.abs(Number(r.forbund[0].befolkningsdel) - share * Number(r.befolkningsPott))).toBeLessThan(2);
  });
});

describe("running the allocation job", () => {
  it("writes 'Statlig tilldelning 2027' with this förbund's forecast, and a re-run rewrites it", async () => {
    const host = new XlsxWorkbookHost();
    const first = await runAllocationJob(host, umea(), { today });
    expect(first.ok).toBe(true);
    const ws = host.workbook.getWorksheet("Statlig tilldelning 2027")!;
    const r = computeAllocationOf(umea());
    expect(ws.getCell(cellAddress(L.OWN.prognos, 1)).value).toMatchObject({ result: Number(r.forbund[0].tilldelning) });
    const again = await runAllocationJob(host, { ...umea(), anslag: "350000000" }, { today });
    expect(again.ok).toBe(true);
    expect(host.workbook.getWorksheet("Statlig tilldelning 2027")!.getCell(cellAddress(L.PARAM.anslag, 1)).value).toBe(350_000_000);
  });

  it("refuses a sheet of the same name the user made, and leaves it as it was", async () => {
    const host = new XlsxWorkbookHost();
    host.workbook.addWorksheet("Statlig tilldelning 2027").getCell("A1").value = "mina siffror";
    const out = await runAllocationJob(host, umea(), { today });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems[0]).toMatchObject({ plats: 'bladet "Statlig tilldelning 2027"', meddelande: expect.stringMatching(/är inte skapat av Samkalk/) });
    expect(host.workbook.getWorksheet("Statlig tilldelning 2027")!.getCell("A1").value).toBe("mina siffror");
  });

  it("bad input writes nothing: a kommun in two förbund and weights that miss 100 %", async () => {
    const host = new XlsxWorkbookHost();
    const input = umea();
    input.kommuner.push({ ...input.kommuner[0], forbund: "Annat förbund" });
    const out = await runAllocationJob(host, { ...input, viktForsorjning: "80" }, { today });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems.map((p) => p.plats)).toEqual(["Vikt försörjningsmått och Vikt invånare 16–64 år", "kommun 291"]);
    expect(host.workbook.worksheets).toHaveLength(0);
  });

  it("amounts too large for Excel to compute to the krona are refused, and nothing is written", async () => {
    const host = new XlsxWorkbookHost();
    const input = wholeCountryAllocationInput({ forbund: "Umeåregionen", kommuner: UMEA, ar: 2027, anslag: "90000000000", forraAret: "20000000000" });
    const out = await runAllocationJob(host, input, { today });
    expect(!out.ok && out.problems.map((p) => p.plats)).toEqual(["underlaget", "förra årets tilldelning"]);
    expect(host.workbook.worksheets).toHaveLength(0);
  });

  it("on the Office host (strict fake): the sheet, its validations within Excel's limits, and this förbund's line", async () => {
    const fake = createFakeOffice({ sheets: ["Blad1"] });
    const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
    const out = await runAllocationJob(host, umea(), { today });
    expect(out.ok).toBe(true);
    expect(fake.inspect.sheetNames()).toContain("Statlig tilldelning 2027");
    const first = L.rows(2, 290).modelFirst;
    expect(fake.inspect.cell("Statlig tilldelning 2027", cellAddress(first, L.columns.namn)).value).toBe("Umeåregionen");
    expect(fake.inspect.cell("Statlig tilldelning 2027", cellAddress(first, L.columns.prognos)).formula).toMatch(/^=IF\(/);
    expect(out.ok && out.syncs).toBeLessThanOrEqual(4);
  });
});
