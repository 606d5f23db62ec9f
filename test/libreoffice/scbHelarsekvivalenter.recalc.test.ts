/**
 * The Helårsekvivalenter analysis sheet recalculated by LibreOffice Calc: its COUNTIFS/SUMIFS over the
 * tidy table sheet give the domain's months, counts, populations and shares — as written, and after
 * the user switches kön in the sheet's Urval. Data: the SYNTHETIC HE0000T02N2 response (not SCB's
 * values), else Samkalk's own synthetic generator.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TidyTable } from "../../src/domain/scb/tidy";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { analyseHelarsekvivalenter, HeAnalysis, HeYear } from "../../src/domain/scb/heAnalysis";
import { HE_SHEET } from "../../src/sheets/scb/heSheet";
import { parseJsonStat } from "../../src/sources/scb/jsonstat";
import { FILES, fixtureJson } from "../scb/fixturePaths";
import { writeHelarsekvivalenter } from "../../src/usecases/scb/helarsekvivalenter";
import { cellAt, recalculateToCsv } from "../harness/libreoffice";
import { describeWith } from "../harness/externalPrograms";

const describeLo = describeWith(["soffice"]);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-lo-he-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const KOMMUNER = ["2480", "2460", "2401", "2404", "2409", "2403"];

/** The recorded SYNTHETIC HE0000T02N2 response (test/fixtures/scb/synthetic). */
function syntheticTable(): TidyTable {
  return parseJsonStat(fixtureJson(FILES.heSample));
}

/** LibreOffice writes raw values, shares with a "%": back to plain numbers ("" stays ""). */
function value(s: string): number | "" {
  if (s === "") return "";
  return s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
}

function expectClose(actual: number | "", expected: number | null, where: string) {
  if (expected === null) {
    expect({ where, actual }).toEqual({ where, actual: "" });
    return;
  }
  if (actual === "") throw new Error(`${where}: empty, expected ${expected}`);
  const tol = Math.max(Math.abs(expected) * 1e-12, 1e-12);
  if (Math.abs(actual - expected) > tol) throw new Error(`${where}: LibreOffice ${actual}, domain ${expected}`);
}

/** Finds the yearly table by its header and checks every region/year row against the domain. */
function expectTableMatches(grid: string[][], a: HeAnalysis) {
  const header = grid.findIndex((r) => r[0] === "Kod" && r[1] === "Region" && r[2] === "År");
  expect(header).toBeGreaterThan(0);
  const T = a.struktur.typer.length;
  let checked = 0;
  a.regioner.forEach((region, i) =>
    a.ar.forEach((year, j) => {
      const row = grid[header + 1 + i * a.ar.length + j];
      const v: HeYear = a.varden[i][j];
      const where = `${region.namn} ${year}`;
      expect([row[0], row[1], row[2]]).toEqual([region.kod, region.namn, String(year)]);
      expect(value(row[3])).toBe(v.manader);
      for (let t = 0; t <= T; t++) {
        expectClose(value(row[4 + t]), v.antal[t], `${where} antal ${t}`);
        expectClose(value(row[6 + T + t]), v.andel[t], `${where} andel ${t}`);
      }
      expectClose(value(row[5 + T]), v.folkmangd, `${where} folkmängd`);
      checked++;
    }),
  );
  // The förbund's sums.
  const fHeader = grid.findIndex((r, k) => k > header && r[0] === "Kod" && r[1] === "Region");
  a.forbund!.forEach((v, j) => {
    const row = grid[fHeader + 1 + j];
    expect(value(row[3])).toBe(v.manader);
    for (let t = 0; t <= T; t++) expectClose(value(row[6 + T + t]), v.andel[t], `förbundet ${a.ar[j]} andel ${t}`);
  });
  return checked;
}

async function writeFile(name: string, table: TidyTable) {
  const host = new XlsxWorkbookHost();
  const out = await writeHelarsekvivalenter(host, table, { typ: "SCB API", tabell: "TAB1386", titel: "Helårsekvivalenter (SYNTETISKA)", apiVersion: "v2", hamtad: "2026-02-16T09:30:00Z" }, {
    forbund: "Samordningsförbundet Umeåregionen",
    kommuner: KOMMUNER,
    today: new Date("2026-02-16"),
  });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  const file = path.join(tmp, `${name}.xlsx`);
  await host.save(file);
  return file;
}

describeLo("the Helårsekvivalenter sheet recalculated by LibreOffice Calc", () => {
  const table = syntheticTable();

  it("the analysis sheet's shares recalculated by LibreOffice equal the domain's, with the counts and months beside them", async () => {
    const file = await writeFile("he", table);
    const grid = (await recalculateToCsv(file)).get(HE_SHEET)!;
    const a = analyseHelarsekvivalenter(table, { kommuner: KOMMUNER });
    expect(expectTableMatches(grid, a)).toBe(7 * a.ar.length);
    // The chart data show the same shares.
    const chartHeader = grid.findIndex((r) => r[0] === "År" && r[1] === "Umeå");
    expectClose(value(grid[chartHeader + 1][1]), a.varden[0][0].andel[6], "diagramdata Umeå första året");
    expectClose(value(grid[chartHeader + 1][7]), a.varden[6][0].andel[6], "diagramdata Riket första året");
  });

  it("choosing kön kvinnor in the sheet's Urval recalculates everything for women", async () => {
    const file = await writeFile("he-kvinnor", table);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(HE_SHEET)!;
    let konCell = "";
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "kön") konCell = `B${r}`;
    });
    expect(konCell).not.toBe("");
    ws.getCell(konCell).value = "kvinnor";
    await wb.xlsx.writeFile(file);
    const grid = (await recalculateToCsv(file)).get(HE_SHEET)!;
    expect(cellAt(grid, konCell)).toBe("kvinnor");
    const women = analyseHelarsekvivalenter(table, { kommuner: KOMMUNER, urval: { kön: "kvinnor" } });
    expect(women.varden[0][0].folkmangd).not.toBe(analyseHelarsekvivalenter(table, { kommuner: KOMMUNER }).varden[0][0].folkmangd);
    expectTableMatches(grid, women);
  });
});
