/**
 * Rules of the Excel JavaScript API reference that the fake holds the add-in to, each with the sentence of
 * the reference it follows (quoted from the API reference as shipped in @types/office-js, which is generated
 * from it), and one known Excel on the web bug the fake can reproduce on request.
 */
import { FakeOffice, createFakeOffice } from "./excelFake";
import { rejection } from "./rejection";
import { OfficeWorkbookHost } from "../../src/hosts/office/officeHost";
import { absent, feeLikeSpec, FEE_SHEET, FEE_TABLE } from "./sheetSpecs";

let fake: FakeOffice;
beforeEach(() => {
  fake = createFakeOffice({ sheets: ["Blad1", "Annat"] });
});

describe("TableCollection.add: \"If the address does not contain a sheet name, the currently-active sheet is used.\"", () => {
  test("a bare address given to the workbook's tables makes the table on the active sheet", async () => {
    await fake.run(async (context) => {
      const table = context.workbook.tables.add("A1:B3", true);
      table.name = "Bar";
      await context.sync();
    });
    expect(fake.inspect.tables().map((t) => [t.name, t.sheet])).toEqual([["Bar", "Blad1"]]);
  });

  test("a bare address given to another sheet's tables is refused: it means the active sheet, not that one", async () => {
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Annat").tables.add("A1:B3", true);
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
    expect(fake.inspect.tables()).toEqual([]);
  });

  test("an address with the sheet name, or a Range of the sheet, makes it on that sheet", async () => {
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Annat");
      sheet.tables.add("Annat!A1:B3", true).name = "MedNamn";
      sheet.tables.add(sheet.getRange("D1:E3"), true).name = "MedRange";
      await context.sync();
    });
    expect(fake.inspect.tables().map((t) => [t.name, t.sheet])).toEqual([
      ["MedNamn", "Annat"],
      ["MedRange", "Annat"],
    ]);
  });
});

describe("WorksheetCollection.add: \"If you wish to activate the newly added worksheet, call .activate() on it.\"", () => {
  test("a sheet added and activated in one batch is the active sheet after the sync", async () => {
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Ny");
      sheet.activate();
      await context.sync();
    });
    expect(fake.inspect.selection()?.sheet).toBe("Ny");
  });

  test("where Excel on the web ignores that activation (office-js#930), the job's sheet and table are still written where they belong", async () => {
    const web = createFakeOffice({ activateIgnoredInAddingBatch: true });
    const host = new OfficeWorkbookHost({ run: web.run, settings: web.settings, isSetSupported: web.Office.context.requirements.isSetSupported });
    await host.writeSheet(feeLikeSpec(6), absent());
    // The quirk is on: the new sheet was not activated ...
    expect(web.inspect.selection()?.sheet).toBe("Blad1");
    // ... and nothing depended on it: the table is on the new sheet, Blad1 is untouched.
    expect(web.inspect.tables().map((t) => [t.name, t.sheet])).toEqual([[FEE_TABLE, FEE_SHEET]]);
    expect(web.inspect.sheetValues("Blad1").flat().filter((v) => v !== "" && v !== null)).toEqual([]);
    // Written again (the sheet exists now, so activate is in a later batch than its add): it becomes active.
    await host.writeSheet(feeLikeSpec(6), await host.inspectSheet(FEE_SHEET, [FEE_TABLE]));
    expect(web.inspect.selection()?.sheet).toBe(FEE_SHEET);
  });
});

describe("Worksheet.visibility (Excel.SheetVisibility.veryHidden): \"The visibility of the worksheet.\"", () => {
  test("a very hidden sheet is still one of the workbook's worksheets, and code reads its cells", async () => {
    fake.user.editCell("Annat", "A1", "'{\"samkalk.owned\":[]}");
    fake.user.hideSheet("Annat", "VeryHidden");
    const seen = await fake.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/visibility");
      const cells = context.workbook.worksheets.getItem("Annat").getUsedRangeOrNullObject(true).load("values");
      await context.sync();
      return { sheets: sheets.items.map((s) => [s.name, s.visibility]), a1: cells.values[0][0] };
    });
    expect(seen).toEqual({ sheets: [["Blad1", "Visible"], ["Annat", "VeryHidden"]], a1: '{"samkalk.owned":[]}' });
  });

  test("code may make a sheet very hidden, but not the last visible one", async () => {
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Annat").visibility = "VeryHidden";
      await context.sync();
    });
    expect(fake.inspect.sheets().map((s) => s.visibility)).toEqual(["Visible", "VeryHidden"]);
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").visibility = "VeryHidden";
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidOperation");
  });
});
