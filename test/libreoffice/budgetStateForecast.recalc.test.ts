/**
 * The projection's state contribution linked to the allocation forecast, recalculated by LibreOffice:
 * as written, the link gives the forecast in whole tkr and the projection equals the domain; when the
 * national amount is changed on the allocation sheet in the file, the state's contribution, the result
 * and the equity follow, to the projection the domain makes from that amount.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Amount, amountToNumber } from "../../src/domain/amount";
import { cellAddress } from "../../src/domain/a1";
import type { Projektion } from "../../src/domain/budget/projection";
import { ALLOCATION_SHEET_LAYOUT as L } from "../../src/sheets/tilldelning/allocationSheet";
import { computeAllocationOf } from "../../src/usecases/tilldelning/allocationJob";
import { recalculateToCsv } from "../harness/libreoffice";
import { describeWith } from "../harness/externalPrograms";
import { ALLOC, PROJ, STATE_LINE, allocation2022, plan004, projectWith } from "../budget/stateForecastFixture";

const describeLo = describeWith(["soffice"]);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-lo-forecast-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const rowOf = (grid: string[][], label: string) => {
  const r = grid.find((row) => row[0] === label);
  if (!r) throw new Error(`no row "${label}"`);
  return r;
};
type Year = Projektion["ar"][number];
const PICKS: [string, (y: Year) => Amount][] = [
  [STATE_LINE, (y) => y.intakter.find((r) => r.medlem === "stat")!.belopp],
  ["Summa intäkter", (y) => y.summaIntakter],
  ["Resultat", (y) => y.resultat],
  ["Eget kapital vid årets slut", (y) => y.ekSlut],
];
/** The state's line, Summa intäkter, Resultat and equity at the end, per projected year, as the sheet has them. */
const sheetFigures = (grid: string[][], years: number) =>
  PICKS.map(([label]) => [label, ...rowOf(grid, label).slice(1, 1 + years).map(Number)]);
const domainFigures = (p: Projektion) => PICKS.map(([label, pick]) => [label, ...p.ar.map((y) => amountToNumber(pick(y)))]);
const umeaKr = (anslag: string) => computeAllocationOf(allocation2022(anslag)).forbund.find((f) => f.namn === "Umeåregionen")!.tilldelning;

describeLo("the state's contribution linked to the allocation forecast, recalculated by LibreOffice", () => {
  it("follows the national amount changed on the allocation sheet: the state's 2022 contribution, the result and the equity", async () => {
    const settings = await plan004(false);
    const { host, out } = await projectWith(settings, allocation2022());
    if (!out.ok) throw new Error("projection");
    const file = path.join(tmp, "forecast.xlsx");
    await host.save(file);

    const asWritten = await recalculateToCsv(file);
    const grid = asWritten.get(PROJ)!;
    expect(Number(asWritten.get(ALLOC)![L.OWN.prognos][1])).toBe(Number(umeaKr("339000000")));
    expect(sheetFigures(grid, 3)).toEqual(domainFigures(out.projektion));
    expect(Number(rowOf(grid, STATE_LINE)[1])).toBe(Math.round(Number(umeaKr("339000000")) / 1000));

    // The economist types next year's national amount on the allocation sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet(ALLOC)!.getCell(cellAddress(L.PARAM.anslag, 1)).value = 350_000_000;
    await wb.xlsx.writeFile(file);

    const after = await recalculateToCsv(file);
    const moved = after.get(PROJ)!;
    const expected = await projectWith(settings, allocation2022("350000000"));
    if (!expected.out.ok) throw new Error("projection");
    expect(Number(after.get(ALLOC)![L.OWN.prognos][1])).toBe(Number(umeaKr("350000000")));
    expect(sheetFigures(moved, 3)).toEqual(domainFigures(expected.out.projektion));
    expect(Number(rowOf(moved, STATE_LINE)[1])).toBe(Math.round(Number(umeaKr("350000000")) / 1000));
    expect(Number(rowOf(moved, "Resultat")[1])).not.toBe(Number(rowOf(grid, "Resultat")[1]));
  });
});
