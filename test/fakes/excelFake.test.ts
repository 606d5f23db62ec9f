/**
 * The Excel fake behaves like Office.js where it matters: nothing is readable before load + sync,
 * nothing is written before sync, and what Excel refuses the fake refuses too.
 */
import { FakeOffice, createFakeOffice, installFakeOffice, uninstallFakeOffice } from "./excelFake";
import { rejection } from "./rejection";


let fake: FakeOffice;
beforeEach(() => {
  fake = createFakeOffice();
});

describe("reading", () => {
  test("a property read before load + sync throws PropertyNotLoaded, like Office.js", async () => {
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      const range = sheet.getRange("A1:B2");
      expect(() => range.values).toThrow(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => context.workbook.worksheets.items).toThrow(/'items' is not available/);
      expect(() => sheet.isNullObject).toThrow(/'isNullObject' is not available/);

      range.load("values");
      expect(() => range.values).toThrow(/not available/); // loaded but not yet synced
      await context.sync();
      expect(range.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
      expect(() => range.address).toThrow(/'address' is not available/); // only what was loaded
    });
  });

  test("items/name loads names only; isNullObject tells a missing item", async () => {
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const missing = context.workbook.worksheets.getItemOrNullObject("Finns inte").load("name");
      const present = context.workbook.worksheets.getItemOrNullObject("BLAD1").load("name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Blad1"]);
      expect(() => sheets.items[0].id).toThrow(/'id' is not available/);
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Blad1");
    });
  });

  test("getItem of a missing sheet fails the sync with ItemNotFound", async () => {
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Finns inte").getRange("A1").load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ItemNotFound");
  });
});

describe("sheet order", () => {
  test("setting a sheet's position moves it there at sync; a place outside the workbook is refused", async () => {
    await fake.run(async (context) => {
      context.workbook.worksheets.add("Andra");
      context.workbook.worksheets.add("Tredje");
      await context.sync();
      context.workbook.worksheets.getItem("Tredje").position = 0;
      await context.sync();
    });
    expect(fake.inspect.sheetNames()).toEqual(["Tredje", "Blad1", "Andra"]);
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Andra").position = 3;
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
    expect(fake.inspect.sheetNames()).toEqual(["Tredje", "Blad1", "Andra"]);
  });
});

describe("writing", () => {
  test("writes are applied only at sync, and reading back needs a load", async () => {
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B1");
      range.values = [["Umeå", 2480]];
      range.format.font.bold = true;
      expect(fake.inspect.cell("Blad1", "A1").value).toBe("");
      await context.sync();
      expect(fake.inspect.cell("Blad1", "A1")).toMatchObject({ value: "Umeå", bold: true });
      expect(fake.inspect.cell("Blad1", "B1").value).toBe(2480);
    });
  });

  test("text is parsed as Excel parses it: formulas, numbers, booleans; an apostrophe keeps text", async () => {
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:H1");
      range.values = [["=1+2", "+SUM(A1)", "-1+2", "@x", "0114", "TRUE", "'=HYPERLINK(\"x\")", "'0114"]];
      await context.sync();
    });
    const cells = ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1"].map((a) => fake.inspect.cell("Blad1", a));
    expect(cells.map((c) => c.formula)).toEqual(["=1+2", "=+SUM(A1)", "=-1+2", "=@x", null, null, null, null]);
    expect(cells.slice(4).map((c) => c.value)).toEqual([114, true, '=HYPERLINK("x")', "0114"]);
  });

  test("null in a 2-D array leaves the cell alone", async () => {
    fake.user.editCell("Blad1", "B1", "behåll");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Blad1").getRange("A1:B1").values = [["ny", null]];
      await context.sync();
    });
    expect(fake.inspect.grid("Blad1", "A1:B1")).toEqual([["ny", "behåll"]]);
  });

  test("a 2-D array of the wrong shape rejects the sync with InvalidArgument and writes nothing", async () => {
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:B2").values = [["a", "b"], ["c"]];
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
    expect(fake.inspect.usedAddress("Blad1")).toBeNull();
  });

  test("statements before a failing one stay applied, as in Excel", async () => {
    await rejection(
      fake.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.add("Först");
        sheets.add("Först");
        sheets.add("Aldrig");
        await context.sync();
      }),
    );
    expect(fake.inspect.sheetNames()).toEqual(["Blad1", "Först"]);
  });

  test.each([
    ["a name longer than 31 characters", "x".repeat(32), "InvalidArgument"],
    ["a name with a colon", "Avgifter: 2025", "InvalidArgument"],
    ["a name with a slash", "2025/2026", "InvalidArgument"],
    ["a name starting with an apostrophe", "'Avgifter", "InvalidArgument"],
    ["an existing name in other case", "BLAD1", "ItemAlreadyExists"],
  ])("adding a sheet with %s is refused", async (_what, name, code) => {
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      }),
    );
    expect(error.code).toBe(code);
  });

  test("tables: names are unique in the workbook and tables cannot overlap", async () => {
    fake.user.addSheet("Annat");
    fake.user.addTable("Annat", "A1:B3", "Avgifter");
    const duplicate = await rejection(
      fake.run(async (context) => {
        const table = context.workbook.worksheets.getItem("Blad1").tables.add("A1:B3", true);
        table.name = "AVGIFTER";
        await context.sync();
      }),
    );
    expect(duplicate.code).toBe("ItemAlreadyExists");
    const overlap = await rejection(
      fake.run(async (context) => {
        // With the sheet name: a bare address would mean the active sheet (Blad1), refused for another reason.
        context.workbook.worksheets.getItem("Annat").tables.add("Annat!B2:C4", true);
        await context.sync();
      }),
    );
    expect(overlap.code).toBe("InvalidArgument");
    expect(overlap.message).toMatch(/overlap/);
  });

  test("a table's headers become unique text and its data body can be read", async () => {
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.getRange("A1:B3").values = [["Kod", ""], ["'0114", 10], ["'0115", 20]];
      const table = sheet.tables.add("A1:B3", true);
      table.name = "Kommuner";
      await context.sync();
      const tables = context.workbook.tables.load("items/name,items/worksheet/name");
      const body = context.workbook.tables.getItem("kommuner").getDataBodyRange().load("values");
      await context.sync();
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([["Kommuner", "Blad1"]]);
      expect(body.values).toEqual([
        ["0114", 10],
        ["0115", 20],
      ]);
    });
    expect(fake.inspect.grid("Blad1", "A1:B1")).toEqual([["Kod", "Column2"]]);
  });
});

describe("selection, renames and row heights", () => {
  test("the selected range is the active sheet's selection, read with its sheet name after a sync", async () => {
    fake.user.addSheet("Förra året");
    fake.user.editCell("Förra året", "B3", "Nr");
    fake.user.editCell("Förra året", "C4", 7);
    fake.user.select("Förra året", "B3:C4");
    expect(fake.inspect.selection()).toEqual({ sheet: "Förra året", address: "B3:C4" });
    await fake.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address,values,rowIndex,columnIndex,worksheet/name");
      expect(() => range.worksheet.name).toThrow(/'name' is not available/);
      await context.sync();
      expect(range.address).toBe("'Förra året'!B3:C4");
      expect([range.rowIndex, range.columnIndex]).toEqual([2, 1]);
      expect(range.values).toEqual([
        ["Nr", ""],
        ["", 7],
      ]);
      expect(range.worksheet.name).toBe("Förra året");
    });
    expect(fake.stats.syncs).toBe(1);
  });

  test("a sheet never selected in has A1 selected", async () => {
    await fake.run(async (context) => {
      const range = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(range.address).toBe("Blad1!A1");
    });
  });

  test("setting a worksheet's or a table's name renames it at sync, with Excel's rules", async () => {
    fake.user.addSheet("Annat");
    fake.user.addTable("Blad1", "A1:B3", "Avgifter");
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.name = "Mitt blad";
      context.workbook.tables.getItem("Avgifter").name = "Avgifter_kopia1";
      expect(fake.inspect.sheetNames()).toEqual(["Blad1", "Annat"]);
      await context.sync();
    });
    expect(fake.inspect.sheetNames()).toEqual(["Mitt blad", "Annat"]);
    expect(fake.inspect.tables().map((t) => [t.name, t.sheet])).toEqual([["Avgifter_kopia1", "Mitt blad"]]);
    const taken = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Annat").name = "MITT BLAD";
        await context.sync();
      }),
    );
    expect(taken.code).toBe("ItemAlreadyExists");
  });

  test("autofitRows makes rows with wrapped text tall enough, from the cells of the range only", async () => {
    const long = "En lång beskrivning av initiativet som inte får plats på en rad i en smal kolumn.";
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      sheet.getRange("A1:C2").values = [
        ["kort", "", long],
        [long, "", ""],
      ];
      sheet.getRange("C1").format.wrapText = true;
      sheet.getRange("C1").format.verticalAlignment = "Top";
      sheet.getRange("A1").format.autofitRows(); // only A1: the long text in C1 does not count
      await context.sync();
      expect(fake.inspect.rowHeight("Blad1", 1)).toBe(15);
      sheet.getRange("1:2").format.autofitRows();
      const format = sheet.getRange("A1:A2").format.load("rowHeight,verticalAlignment");
      await context.sync();
      expect(format.rowHeight).toBeNull(); // rows of different heights
      expect(format.verticalAlignment).toBe("Bottom"); // the default
    });
    expect(fake.inspect.rowHeight("Blad1", 1)).toBeGreaterThanOrEqual(45);
    expect(fake.inspect.rowHeight("Blad1", 2)).toBe(15); // not wrapped: one line
    expect(fake.inspect.cell("Blad1", "C1")).toMatchObject({ wrapText: true, verticalAlignment: "Top" });
    const bad = await rejection(
      fake.run(async (context) => {
        const format: { verticalAlignment: string } = context.workbook.worksheets.getItem("Blad1").getRange("A1").format;
        format.verticalAlignment = "Middle"; // not one of Excel's
        await context.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");
  });
});

describe("requests", () => {
  test("every sync with something queued is one request, measured as JSON; empty syncs cost nothing", async () => {
    await fake.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["x"]];
      await context.sync();
      context.workbook.worksheets.getItem("Blad1").getRange("A2").values = [["y"]];
      // not synced: Excel.run flushes it at the end
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.payloadBytes).toHaveLength(2);
    expect(fake.stats.payloadBytes[0]).toBeGreaterThan(JSON.stringify([["x"]]).length);
    fake.resetStats();
    expect(fake.stats).toEqual({ syncs: 0, payloadBytes: [] });
  });

  test("a request over 5 MB is refused like Excel on the web does", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => [`rad ${i} ${"x".repeat(80)}`]);
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange(`A1:A${rows.length}`).values = rows;
        await context.sync();
      }),
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.stats.payloadBytes[0]).toBeGreaterThan(5_000_000);
    expect(fake.inspect.usedAddress("Blad1")).toBeNull();
  });

  test("the batch must return a promise, and a context is dead after its run", async () => {
    const notAPromise = (() => undefined) as unknown as (c: Excel.RequestContext) => Promise<void>;
    expect((await rejection(fake.run(notAPromise))).code).toBe("RunMustReturnPromise");
    let leaked: Excel.RequestContext | undefined;
    await fake.run(async (context) => {
      leaked = context;
    });
    const error = await rejection((leaked as Excel.RequestContext).sync());
    expect(error.code).toBe("InvalidObjectPath");
  });
});

describe("API sets", () => {
  test("pageLayout needs ExcelApi 1.9: on a 1.8 host it fails with ApiNotFound", async () => {
    const old = createFakeOffice({ maxExcelApi: "1.8" });
    expect(old.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(old.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(old.Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    const error = await rejection(
      old.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").pageLayout.orientation = "Landscape";
        await context.sync();
      }),
    );
    expect(error.code).toBe("ApiNotFound");
  });

  test("merged areas need ExcelApi 1.13: on the default 1.9 host loading them fails with ApiNotFound", async () => {
    fake.user.merge("Blad1", "A1:B1");
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:C3").getMergedAreasOrNullObject().load("address");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ApiNotFound");
  });
});

describe("merged cells", () => {
  test("getMergedAreasOrNullObject: the whole areas that overlap the range, after load + sync; a null object when none", async () => {
    const fake13 = createFakeOffice({ maxExcelApi: "1.13" });
    fake13.user.merge("Blad1", "B2:C3");
    fake13.user.merge("Blad1", "E1:E4");
    fake13.user.merge("Blad1", "H8:I8");
    expect(() => fake13.user.merge("Blad1", "C3:D3")).toThrow(/overlaps/);
    await fake13.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      const merged = sheet.getRange("A1:E2").getMergedAreasOrNullObject().load("address,areas/items/address");
      const none = sheet.getRange("A5:B6").getMergedAreasOrNullObject().load("address");
      expect(() => merged.isNullObject).toThrow(/'isNullObject' is not available/);
      expect(() => merged.address).toThrow(/not available/);
      await context.sync();
      expect(merged.isNullObject).toBe(false);
      expect(merged.address).toBe("Blad1!B2:C3,Blad1!E1:E4");
      expect(merged.areas.items.map((a) => a.address)).toEqual(["Blad1!B2:C3", "Blad1!E1:E4"]);
      expect(none.isNullObject).toBe(true);
    });
  });
});

describe("globals and settings", () => {
  afterEach(() => uninstallFakeOffice(globalThis));

  test("installFakeOffice exposes Office and Excel; settings persist across runs and need saveAsync", async () => {
    const installed = installFakeOffice(globalThis, { displayLanguage: "en-US" });
    const info = await Office.onReady();
    expect(String(info.host)).toBe("Excel");
    expect(Office.context.displayLanguage).toBe("en-US");
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Ny");
      await context.sync();
    });
    expect(installed.inspect.sheetNames()).toEqual(["Blad1", "Ny"]);

    const settings = Office.context.document.settings;
    settings.set("samkalk.test", { a: [1, "två"] });
    expect(settings.get("samkalk.test")).toEqual({ a: [1, "två"] });
    expect(settings.get("saknas")).toBeNull();
    expect(installed.inspect.savedSettings()).toEqual({});
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    expect(installed.inspect.savedSettings()).toEqual({ "samkalk.test": { a: [1, "två"] } });
    settings.set("samkalk.test", "osparat");
    installed.settings.reload();
    expect(settings.get("samkalk.test")).toEqual({ a: [1, "två"] });
  });

  test("the user's edits apply at once, outside any sync", () => {
    fake.user.editCell("Blad1", "C3", "=A1*2");
    fake.user.editCell("Blad1", "C4", "'=inte en formel");
    expect(fake.inspect.formulaCells("Blad1")).toEqual([{ address: "C3", formula: "=A1*2" }]);
    expect(fake.inspect.cell("Blad1", "C4").value).toBe("=inte en formel");
    expect(fake.stats.syncs).toBe(0);
  });
});

describe("protection, as Excel enforces it", () => {
  // Worksheet.protection (ExcelApi 1.2) and Workbook.protection (ExcelApi 1.7): a protected sheet refuses
  // changes to its cells, tables and layout with AccessDenied; a workbook with protected structure refuses
  // adding, renaming and deleting sheets.
  test("a protected sheet can be read and activated but not written; the flag can be loaded", async () => {
    const fake = createFakeOffice();
    fake.user.editCell("Blad1", "A1", "kvar");
    fake.user.protectSheet("Blad1");
    const flags = await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      const protection = sheet.protection.load("protected");
      const a1 = sheet.getRange("A1").load("values");
      sheet.activate();
      await context.sync();
      return { protectedFlag: protection.protected, value: a1.values[0][0] };
    });
    expect(flags).toEqual({ protectedFlag: true, value: "kvar" });
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["ny"]];
        await context.sync();
      }),
    );
    expect(error.code).toBe("AccessDenied");
    expect(fake.inspect.cell("Blad1", "A1").value).toBe("kvar");
  });

  test("a workbook with protected structure refuses a new sheet; its flag can be loaded", async () => {
    const fake = createFakeOffice();
    fake.user.protectWorkbookStructure();
    const flag = await fake.run(async (context) => {
      const p = context.workbook.protection.load("protected");
      await context.sync();
      return p.protected;
    });
    expect(flag).toBe(true);
    const error = await rejection(
      fake.run(async (context) => {
        context.workbook.worksheets.add("Nytt");
        await context.sync();
      }),
    );
    expect(error.code).toBe("AccessDenied");
    expect(fake.inspect.sheetNames()).toEqual(["Blad1"]);
  });
});

describe("data validation limits, as Excel's dialog enforces them", () => {
  test("an error alert title over 32 or a message over 225 characters is refused", async () => {
    const fake = createFakeOffice();
    for (const alert of [{ title: "T".repeat(33), message: "Ange ett tal." }, { title: "Samkalk", message: "M".repeat(226) }]) {
      const error = await rejection(
        fake.run(async (context) => {
          const v = context.workbook.worksheets.getItem("Blad1").getRange("A1:A3").dataValidation;
          v.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
          v.errorAlert = { showAlert: true, style: "Stop", ...alert };
          await context.sync();
        }),
      );
      expect(error.code).toBe("InvalidArgument");
    }
  });
});
