/**
 * The fee sheet's formulas, recalculated by an independent engine (LibreOffice Calc, headless), give
 * exactly the domain's fees — as written, and after a user changes populations in the file.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { amountToPlain } from "../../src/domain/amount";
import { KOMMUNER } from "../../src/domain/kommuner";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { FEE_SHEET_LAYOUT } from "../../src/sheets/fee/feeSheet";
import { cellAddress } from "../../src/domain/a1";
import { embeddedPopulation } from "../../src/domain/scb/embeddedPopulation";
import { umearegionenSettings } from "../../src/demo/demoWorkbook";
import { FeeSplitSettings, runFeeSplitJob, toFeeSplitRequest } from "../../src/usecases/fee/feeSplitJob";
import { computeFeeSplit } from "../../src/domain/fee/feeSplit";
import { cellAt, recalculateToCsv } from "../harness/libreoffice";
import { describeWith } from "../harness/externalPrograms";

const describeLo = describeWith(["soffice"]);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-lo-test-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const L = FEE_SHEET_LAYOUT;
const feeCell = (i: number) => cellAddress(L.firstDataRow + i, L.columns.belopp);
const keyCell = (i: number) => cellAddress(L.firstDataRow + i, L.columns.nyckel);
const topCell = (i: number) => cellAddress(L.topFirst + i, L.columns.belopp);
/** LibreOffice writes raw values; normalise "2845" / "2845.5" / "2845.50" to the domain's plain form. */
const plain = (s: string) => amountToPlain({ minor: BigInt(Math.round(Number(s) * 100)), decimals: 2 }).replace(/\.?0+$/, "") || "0";
const domainPlain = (s: string) => s.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");

async function writeAndRecalc(settings: FeeSplitSettings, name: string) {
  const host = new XlsxWorkbookHost();
  const outcome = await runFeeSplitJob(host, settings, { lang: "sv", today: new Date("2026-11-23") });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  const file = path.join(tmp, `${name}.xlsx`);
  await host.save(file);
  return { file, outcome };
}

function expectSheetMatchesDomain(grid: string[][], settings: FeeSplitSettings) {
  const r = computeFeeSplit(toFeeSplitRequest(settings));
  expect([0, 1, 2].map((i) => plain(cellAt(grid, topCell(i))))).toEqual([r.stat, r.region, r.kommunerTotal].map((a) => domainPlain(amountToPlain(a))));
  expect(r.kommuner.map((_, i) => plain(cellAt(grid, feeCell(i))))).toEqual(r.kommuner.map((k) => domainPlain(amountToPlain(k.avgift))));
  const checks = grid.flat().filter((c) => c.startsWith("OK:") || c.startsWith("FEL:"));
  expect(checks).toEqual(["OK: delarna summerar exakt till helheten", "OK: kommunernas avgifter summerar exakt"]);
  return r;
}

describeLo("the fee sheet recalculated by LibreOffice Calc", () => {
  it("gives the domain's fees for Umeåregionen 2021, and both checks say OK", async () => {
    const settings = umearegionenSettings();
    const { file } = await writeAndRecalc(settings, "umea");
    const grid = (await recalculateToCsv(file)).get("Medlemsavgifter 2021")!;
    const r = expectSheetMatchesDomain(grid, settings);
    expect(amountToPlain(r.region)).toBe("2845");
  });

  it("recomputes every fee when a population is changed in the file, and the parts still sum exactly", async () => {
    const settings = umearegionenSettings();
    const { file } = await writeAndRecalc(settings, "edited");
    // A user edits two populations in the input table (cached formula results are now stale).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Medlemsavgifter 2021")!;
    ws.getCell(keyCell(0)).value = 90000;
    ws.getCell(keyCell(5)).value = 0;
    await wb.xlsx.writeFile(file);

    const grid = (await recalculateToCsv(file)).get("Medlemsavgifter 2021")!;
    const edited = { ...settings, kommuner: settings.kommuner.map((k, i) => (i === 0 ? { ...k, varde: "90000" } : i === 5 ? { ...k, varde: "0" } : k)) };
    const r = expectSheetMatchesDomain(grid, edited);
    expect(plain(cellAt(grid, feeCell(5)))).toBe("0"); // a kommun with no population pays nothing
    expect(r.kommuner[0].avgift.minor).not.toBe(computeFeeSplit(toFeeSplitRequest(settings)).kommuner[0].avgift.minor);
  });

  it("splits an öre amount over all 290 kommuner exactly as the domain does", async () => {
    const settings: FeeSplitSettings = {
      ...umearegionenSettings(),
      ar: 2030,
      belopp: "12 345 678,91",
      avser: "total",
      enhet: "kr",
      nyckel: { kind: "befolkning", aldersFran: 20, aldersTill: 64, referensAr: 2019 },
      kommuner: KOMMUNER.map((k) => ({ kod: k.kod, namn: k.namn, varde: String(embeddedPopulation(k.kod, 20, 64)) })),
    };
    const { file } = await writeAndRecalc(settings, "all290");
    const grid = (await recalculateToCsv(file)).get("Medlemsavgifter 2030")!;
    expectSheetMatchesDomain(grid, settings);
  });

  it("normalises 004's fixed shares (99,9 %) in the sheet too, and shows the warning", async () => {
    const pct: Record<string, string> = { "2480": "82,9", "2460": "5,1", "2401": "4,0", "2404": "2,9", "2409": "3,7", "2403": "1,3" };
    const base = umearegionenSettings();
    const settings: FeeSplitSettings = { ...base, nyckel: { kind: "andel" }, kommuner: base.kommuner.map((k) => ({ ...k, varde: pct[k.kod] })) };
    const { file } = await writeAndRecalc(settings, "andel");
    const grid = (await recalculateToCsv(file)).get("Medlemsavgifter 2021")!;
    const r = expectSheetMatchesDomain(grid, settings);
    expect(r.kommuner.reduce((s, k) => s + k.avgift.minor, 0n)).toBe(2845n);
    expect(grid.flat().some((c) => /^Obs: andelarna summerar till 99[.,]9 %/.test(c))).toBe(true);
  });
});
