/**
 * The helårsekvivalenter job on a workbook file: the data sheet, the analysis sheet with the domain's
 * values cached in its formulas, a Källor row; refusals and bad data write nothing; a sheet the user
 * edited is kept as the user's copy. Data: our SYNTHETIC generator (not SCB's values).
 */
import ExcelJS from "exceljs";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { analyseHelarsekvivalenter } from "../../src/domain/scb/heAnalysis";
import { heSheetCells } from "../../src/sheets/scb/heSheet";
import { syntheticHelarsekvivalenter } from "../../src/samples/syntheticHelarsekvivalenter";
import { tidySheetLayout } from "../../src/sheets/scb/tidySheet";
import { HE_DATA_SHEET, HE_SHEET, fetchHelarsekvivalenter, writeHelarsekvivalenter } from "../../src/usecases/scb/helarsekvivalenter";
import { FetchRows, KALLOR_SHEET } from "../../src/usecases/scb/kallor";

const KOMMUNER = ["2480", "2403"];
const table = syntheticHelarsekvivalenter({ kommuner: KOMMUNER, fromYear: 2022, toYear: 2024, lastMonth: 4 });
const kalla = { typ: "Syntetiska exempeldata", tabell: table.meta.tableId, titel: table.meta.title, hamtad: new Date("2026-03-02T08:15:00Z") };
const today = new Date("2026-03-02");
const opts = { forbund: "Testförbundet", kommuner: KOMMUNER, today, syntetisk: true };

const cached = (ws: ExcelJS.Worksheet, a: string) => (ws.getCell(a).value as ExcelJS.CellFormulaValue).result;

describe("helårsekvivalenter into a workbook (xlsx host)", () => {
  it("writes the data sheet, the analysis sheet and a Källor row; each formula carries the domain's value", async () => {
    const host = new XlsxWorkbookHost();
    const out = await writeHelarsekvivalenter(host, table, kalla, opts);
    expect(out.ok && out.sheets).toEqual([HE_DATA_SHEET, HE_SHEET, KALLOR_SHEET]);
    const a = analyseHelarsekvivalenter(table, { kommuner: KOMMUNER });
    const cells = heSheetCells({ analysis: a, tidySheet: HE_DATA_SHEET, tidyLayout: tidySheetLayout({ sheetName: HE_DATA_SHEET, title: "", kallaText: "", table }), forbund: "Testförbundet", kallaText: "", today, syntetisk: true });
    const ws = host.workbook.getWorksheet(HE_SHEET)!;
    a.regioner.forEach((_, i) =>
      a.ar.forEach((_, j) => {
        expect(cached(ws, cells.manader(i, j))).toBe(a.varden[i][j].manader);
        expect(cached(ws, cells.andelSumma(i, j))).toBe(a.varden[i][j].andel[6]);
        expect(cached(ws, cells.antal(i, j, 0))).toBe(a.varden[i][j].antal[0]);
      }),
    );
    expect(a.varden.map((r) => r.map((y) => y.manader))).toEqual([
      [12, 12, 4],
      [12, 12, 4],
      [12, 12, 4],
    ]);
    expect(out.ok && out.kalla.anmarkning).toBe("Syntetiska exempeldata, inte SCB:s.");
  });

  it("bad data write nothing: a table without Folkmängd, a kommun the table lacks", async () => {
    const host = new XlsxWorkbookHost();
    const noPop = { ...table, rows: table.rows.filter((r) => r.dimensions.tabellinnehåll !== "Folkmängd") };
    expect((await writeHelarsekvivalenter(host, noPop, kalla, opts)).ok).toBe(false);
    expect((await writeHelarsekvivalenter(host, table, kalla, { ...opts, kommuner: ["2480", "0114"] })).ok).toBe(false);
    expect(host.workbook.worksheets).toHaveLength(0);
  });

  it("a sheet named Helårsekvivalenter that is not Samkalk's stops the job before anything is written", async () => {
    const host = new XlsxWorkbookHost();
    host.workbook.addWorksheet(HE_SHEET).getCell("A1").value = "mitt eget";
    const out = await writeHelarsekvivalenter(host, table, kalla, opts);
    expect(!out.ok && out.problems[0].plats).toBe(`bladet "${HE_SHEET}"`);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual([HE_SHEET]);
  });

  it("an analysis sheet the user has edited is kept as the user's copy when the data are fetched again", async () => {
    const host = new XlsxWorkbookHost();
    await writeHelarsekvivalenter(host, table, kalla, opts);
    host.workbook.getWorksheet(HE_SHEET)!.getCell("A30").value = "Min kommentar";
    const out = await writeHelarsekvivalenter(host, table, kalla, opts);
    expect(out.ok && out.varningar).toEqual([`Bladet "${HE_SHEET}" hade ändrats sedan Samkalk skrev det. Din version finns kvar som "${HE_SHEET} (ändrad)".`]);
    expect(host.workbook.getWorksheet(`${HE_SHEET} (ändrad)`)!.getCell("A30").value).toBe("Min kommentar");
  });

  it("through the fetch seam; a cancelled fetch writes nothing", async () => {
    const host = new XlsxWorkbookHost();
    const fetch: FetchRows = async (_signal, onProgress) => {
      onProgress(1);
      return { rows: table.rows, dimensions: table.dimensions, notes: table.notes, kalla: { ...kalla, typ: "SCB API", tabell: "TAB1386", apiVersion: "v2", fraga: { Region: [...KOMMUNER, "00"] } } };
    };
    const controller = new AbortController();
    controller.abort();
    const cancelled = await fetchHelarsekvivalenter(host, fetch, { ...opts, signal: controller.signal });
    expect(cancelled).toMatchObject({ ok: false, cancelled: true });
    expect(host.workbook.worksheets).toHaveLength(0);
    const out = await fetchHelarsekvivalenter(host, fetch, opts);
    expect(out.ok && [out.kalla.tabell, out.kalla.apiVersion, out.kalla.fraga]).toEqual(["TAB1386", "v2", '{"Region":["2480","2403","00"]}']);
  });
});
