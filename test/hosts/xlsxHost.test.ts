/**
 * The xlsx host (command line, LibreOffice tests) keeps the same promises as the Office host: it tells
 * edited sheets from untouched ones, keeps an edited sheet as the user's copy, and styles as specified.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { STYLE_COLORS } from "../../src/hosts/office/styles";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { argb } from "../../src/hosts/xlsx/xlsxStyles";
import { FEE_SHEET as SHEET, FEE_TABLE, absent, feeLikeSpec, minimalSpec, num, text } from "../fakes/sheetSpecs";

const COPY = "Medlemsavgifter 2025 (ändrad)";

function sheet(host: XlsxWorkbookHost, name: string): ExcelJS.Worksheet {
  const ws = host.workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

const tableNames = (ws: ExcelJS.Worksheet) => Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables);

describe("edits since Samkalk wrote a sheet", () => {
  test("a sheet the user edited after Samkalk wrote it is reported as edited; an untouched one is not", async () => {
    const host = new XlsxWorkbookHost();
    await host.writeSheet(feeLikeSpec(6), absent());
    await host.writeSheet(minimalSpec("Orörd"), absent("Orörd"));
    expect(await host.inspectSheet(SHEET, [FEE_TABLE])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });

    sheet(host, SHEET).getCell("C5").value = 2480;
    expect(await host.inspectSheet(SHEET, [FEE_TABLE])).toMatchObject({ editedSinceWritten: true });
    expect(await host.inspectSheet("Orörd", [])).toMatchObject({ editedSinceWritten: false });

    const other = new XlsxWorkbookHost();
    await other.writeSheet(feeLikeSpec(6), absent());
    sheet(other, SHEET).getCell("H30").value = "min anteckning";
    expect((await other.inspectSheet(SHEET, [])).editedSinceWritten).toBe(true);
  });

  test("recalculation alone does not count as an edit", async () => {
    const host = new XlsxWorkbookHost();
    await host.writeSheet(feeLikeSpec(6), absent());
    const cell = sheet(host, SHEET).getCell("E5");
    cell.value = { formula: cell.formula, result: 999_999 } as ExcelJS.CellFormulaValue; // a new cached result
    expect((await host.inspectSheet(SHEET, [])).editedSinceWritten).toBe(false);
  });

  test("a sheet Samkalk did not write: not Samkalk's, edits unknown", async () => {
    const host = new XlsxWorkbookHost();
    host.workbook.addWorksheet("Eget").getCell("A1").value = "mina siffror";
    expect(await host.inspectSheet("EGET", [])).toMatchObject({ exists: true, ownedBySamkalk: false, editedSinceWritten: null });
    await expect(host.writeSheet(minimalSpec("Eget"), await host.inspectSheet("Eget", []))).rejects.toThrow(/inte skapat av Samkalk/);
  });
});

describe("keeping the user's copy", () => {
  test("keeping the user's copy renames the sheet and its tables, the copy is never touched again, and a fresh sheet of the old name can be written", async () => {
    const host = new XlsxWorkbookHost();
    await host.writeSheet(feeLikeSpec(6), absent());
    sheet(host, SHEET).getCell("C5").value = 2480;

    await host.keepAsUserCopy(SHEET, COPY);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual([COPY]);
    expect(tableNames(sheet(host, COPY))).toEqual([`${FEE_TABLE}_kopia1`]);
    const copyState = await host.inspectSheet(COPY, [`${FEE_TABLE}_kopia1`]);
    expect(copyState).toMatchObject({ exists: true, ownedBySamkalk: false, editedSinceWritten: null });
    expect(copyState.tables[`${FEE_TABLE}_kopia1`][0][2]).toBe(2480);
    await expect(host.writeSheet(minimalSpec(COPY), copyState)).rejects.toThrow(/inte skapat av Samkalk/);

    const fresh = await host.inspectSheet(SHEET, [FEE_TABLE]);
    expect(fresh.exists).toBe(false);
    expect((await host.writeSheet(feeLikeSpec(8), fresh)).created).toBe(true);
    expect(await host.inspectSheet(SHEET, [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });

    // The file holds both tables, under distinct names.
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await host.toBuffer()) as unknown as ExcelJS.Buffer);
    expect(reread.worksheets.map((w) => [w.name, tableNames(w)])).toEqual([
      [COPY, [`${FEE_TABLE}_kopia1`]],
      [SHEET, [FEE_TABLE]],
    ]);
  });

  test("a table name used on another sheet is refused, as in Excel", async () => {
    const host = new XlsxWorkbookHost();
    await host.writeSheet(feeLikeSpec(6, "Avgifter A"), absent("Avgifter A"));
    await expect(host.writeSheet(feeLikeSpec(6), absent())).rejects.toThrow(`Tabellen "${FEE_TABLE}" finns redan på bladet "Avgifter A"`);
  });

  test.each([
    ["the new name is taken", SHEET, "EGET", /Det finns redan ett blad som heter "EGET"/],
    ["the new name is one Excel refuses", SHEET, "Avgifter: 2025", /går inte att använda för kopian/],
    ["the sheet is the user's own", "Eget", "Eget (kopia)", /inte skapat av Samkalk/],
    ["the sheet does not exist", "Finns inte", "Kopia", /finns inte i arbetsboken/],
  ])("it is refused in Swedish, changing nothing, when %s", async (_what, name, newName, message) => {
    const host = new XlsxWorkbookHost();
    await host.writeSheet(feeLikeSpec(6), absent());
    host.workbook.addWorksheet("Eget");
    await expect(host.keepAsUserCopy(name, newName)).rejects.toThrow(message);
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual([SHEET, "Eget"]);
    expect(tableNames(sheet(host, SHEET))).toEqual([FEE_TABLE]);
    expect((await host.inspectSheet(SHEET, [])).ownedBySamkalk).toBe(true);
  });
});

describe("styles and headers", () => {
  test("the new styles have the Office host's colours; wrapped rows get a height", async () => {
    const host = new XlsxWorkbookHost();
    const roles = ["heading", "good", "neutral", "bad", "info", "muted", "changed"] as const;
    const long = "Initiativet har kommit i gång i alla fyra kommuner, men rekryteringen av coacher har tagit längre tid än planerat.";
    const spec = minimalSpec(SHEET, {
      columnWidths: [20, 30],
      blocks: [
        {
          row: 0,
          col: 0,
          cells: [roles.map((r) => text(r, r)), [text("Läget", "label"), text(long, "wrap")], [num(3, "changed"), text("Kort", "wrap")]],
        },
      ],
    });
    await host.writeSheet(spec, absent());
    const ws = sheet(host, SHEET);
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 12 });
    expect(["B1", "C1", "D1", "E1", "F1", "G1"].map(fill)).toEqual(
      [STYLE_COLORS.goodFill, STYLE_COLORS.neutralFill, STYLE_COLORS.badFill, STYLE_COLORS.infoFill, STYLE_COLORS.mutedFill, STYLE_COLORS.changedFill].map(argb),
    );
    expect(argb(STYLE_COLORS.goodFill)).toBe("FFC6EFCE");
    expect(ws.getCell("G1").font).toMatchObject({ bold: true });
    expect(ws.getCell("B2").alignment).toEqual({ wrapText: true, vertical: "top" });
    expect(ws.getRow(2).height).toBeGreaterThanOrEqual(45);
    expect(ws.getRow(3).height).toBeUndefined(); // one line: left to the reader
  });

  test("a workbook read from file and saved again numbers its pages on from sheet to sheet, unless a sheet says otherwise", async () => {
    const first = new XlsxWorkbookHost();
    await first.writeSheet(feeLikeSpec(6), absent());
    const own = first.workbook.addWorksheet("Egen numrering");
    own.getCell("A1").value = "börjar på sidan 5";
    own.pageSetup.firstPageNumber = 5;
    const pageSetups = async (host: XlsxWorkbookHost) => {
      const zip = await JSZip.loadAsync(await host.toBuffer());
      const xml = (n: number) => zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string");
      return (await Promise.all([xml(1), xml(2)])).map((x) => x.match(/<pageSetup[^>]*>/)?.[0] ?? "");
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-pages-"));
    try {
      const file = path.join(dir, "paket.xlsx");
      await first.save(file);
      // Saved again without a change: the untouched Samkalk sheet still continues, the user's still starts at 5.
      const again = await XlsxWorkbookHost.open(file);
      const [fee, egen] = await pageSetups(again);
      expect(fee).not.toMatch(/firstPageNumber/);
      expect(egen).toMatch(/firstPageNumber="5"/);
      expect(egen).toMatch(/useFirstPageNumber="1"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("inspectSheet returns each table's header row as text, and its body", async () => {
    const host = new XlsxWorkbookHost();
    await host.writeSheet(feeLikeSpec(6), absent());
    const state = await host.inspectSheet(SHEET, [FEE_TABLE.toUpperCase(), "Finns_inte"]);
    expect(state.tableHeaders).toEqual({ [FEE_TABLE.toUpperCase()]: ["Kod", "Kommun", "Befolkning", "Andel", "Avgift"] });
    expect(state.tables[FEE_TABLE.toUpperCase()]).toHaveLength(6);
  });
});
