/**
 * Writers hold Excel's own sizes without a recursion or spread limit: a sheet as large as SCB pulls get (here
 * 200 000 rows, ten times the 18 720 rows that used to stop `scb befolkning --out`) is written and recognised as
 * Samkalk's; a sheet past Excel's 1 048 576 rows or a cell past 32 767 characters is refused before anything is
 * written, with a Swedish message naming the sheet (and the cell), on both hosts' shared preflight.
 */
import { InputError, listProblems } from "../../src/domain/errors";
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_ROWS, excelLimitProblems } from "../../src/hosts/preflight";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import type { Cell } from "../../src/sheets/spec";
import { absent, minimalSpec, num, text } from "../fakes/sheetSpecs";

const tall = (rows: number, row: (i: number) => Cell[]) => minimalSpec("Befolkning", { blocks: [{ row: 0, col: 0, cells: Array.from({ length: rows }, (_, i) => row(i)) }] });

describe("sheets as large as Excel's", () => {
  test("a 200 000-row table is written, and a re-inspection sees Samkalk's untouched sheet", async () => {
    const host = new XlsxWorkbookHost();
    const report = await host.writeSheet(tall(200_000, (i) => [text(`kommun ${i}`), num(i)]), absent("Befolkning"));
    expect(report.created).toBe(true);
    expect(await host.inspectSheet("Befolkning", [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });
    expect(host.workbook.getWorksheet("Befolkning")?.getCell("B200000").value).toBe(199_999);
  }, 120_000);

  test("exactly Excel's 1 048 576 rows pass the preflight; one more is refused naming the sheet and the limit", () => {
    const row = () => [num(1)];
    expect(excelLimitProblems(tall(EXCEL_MAX_ROWS, row))).toEqual([]);
    const over = excelLimitProblems(tall(EXCEL_MAX_ROWS + 1, row));
    expect(over).toHaveLength(1);
    expect(over[0].plats).toBe('bladet "Befolkning"');
    expect(over[0].meddelande).toMatch(/1\u00a0048\u00a0577 rader; ett blad i Excel rymmer högst 1\u00a0048\u00a0576/);
  });

  test("a sheet past the row limit writes nothing to the workbook", async () => {
    const host = new XlsxWorkbookHost();
    await expect(host.writeSheet(tall(EXCEL_MAX_ROWS + 1, () => [num(1)]), absent("Befolkning"))).rejects.toBeInstanceOf(InputError);
    expect(host.workbook.worksheets).toHaveLength(0);
  }, 60_000);

  test("a text longer than a cell holds is refused with its sheet and cell; one at the limit is written", async () => {
    const host = new XlsxWorkbookHost();
    const long = "a".repeat(EXCEL_MAX_CELL_CHARS + 1);
    const e = await host.writeSheet(tall(3, (i) => [text(i === 2 ? long : "kort")]), absent("Befolkning")).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).problems).toEqual([{ plats: 'bladet "Befolkning", cell A3', meddelande: expect.stringMatching(/32\u00a0768 tecken; en cell i Excel rymmer högst 32\u00a0767/) }]);
    expect(host.workbook.worksheets).toHaveLength(0);
    await host.writeSheet(tall(1, () => [text(long.slice(1))]), absent("Befolkning"));
    expect(String(host.workbook.getWorksheet("Befolkning")?.getCell("A1").value)).toHaveLength(EXCEL_MAX_CELL_CHARS);
  });

  test("a million problems are listed as the first thirty and a count of the rest", () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => ({ plats: `cell A${i + 1}`, meddelande: "för lång" }));
    const lines = listProblems(many);
    expect(lines).toHaveLength(31);
    expect(lines[0]).toBe("cell A1: för lång");
    expect(lines[30]).toBe("… och 999\u00a0970 till.");
    expect(listProblems(many.slice(0, 31))).toHaveLength(31);
    expect(listProblems(many.slice(0, 31)).at(-1)).toBe("cell A31: för lång");
  });
});
