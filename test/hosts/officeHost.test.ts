/**
 * The Office host against the strict Excel fake: what an analyst's workbook ends up containing, and
 * how many round trips it took.
 */
import { OfficeWorkbookHost, createOfficeSettingsStore, estimatePayloadBytes } from "../../src/hosts/office/officeHost";
import { OWNERSHIP_KEY } from "../../src/hosts/office/ownership";
import { charsToPoints } from "../../src/hosts/office/sheetSetup";
import { FakeOffice, FakeOfficeOptions, createFakeOffice } from "../fakes/excelFake";
import { FEE_FIRST_ROW, FEE_SHEET as SHEET, FEE_TABLE, absent, bigTextSpec, feeLikeSpec, minimalSpec, num, text } from "../fakes/sheetSpecs";

function setup(options: FakeOfficeOptions = {}): { fake: FakeOffice; host: OfficeWorkbookHost } {
  const fake = createFakeOffice(options);
  const host = new OfficeWorkbookHost({
    run: fake.run,
    settings: fake.settings,
    isSetSupported: fake.Office.context.requirements.isSetSupported,
  });
  return { fake, host };
}

describe("round trips", () => {
  test("a fee sheet for 290 kommuner takes as few syncs as one for 6 (at most 3 per write)", async () => {
    const counts: number[] = [];
    for (const kommuner of [6, 290]) {
      const { fake, host } = setup();
      const state = await host.inspectSheet(SHEET, [FEE_TABLE]);
      const inspectSyncs = fake.stats.syncs;
      const report = await host.writeSheet(feeLikeSpec(kommuner), state);
      const writeSyncs = fake.stats.syncs - inspectSyncs;
      expect(report.syncs).toBe(writeSyncs);
      expect(writeSyncs).toBeLessThanOrEqual(3);
      counts.push(fake.stats.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  test("inspecting an existing sheet with its table takes 2 syncs, a missing sheet 1", async () => {
    const { fake, host } = setup();
    await host.inspectSheet(SHEET, [FEE_TABLE]);
    expect(fake.stats.syncs).toBe(1);
    await host.writeSheet(feeLikeSpec(290), absent());
    fake.resetStats();
    await host.inspectSheet(SHEET, [FEE_TABLE]);
    expect(fake.stats.syncs).toBe(2);
  });

  test("writing takes 2 syncs, the read-back for edit detection included; edit detection alone takes 2", async () => {
    const { fake, host } = setup();
    const report = await host.writeSheet(feeLikeSpec(290), absent());
    expect(report.syncs).toBe(2);
    expect(fake.stats.syncs).toBe(2);
    fake.resetStats();
    expect(await host.inspectSheet(SHEET, [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });
    expect(fake.stats.syncs).toBe(2);
    fake.user.addSheet("Eget");
    fake.resetStats();
    expect(await host.inspectSheet("Eget", [])).toMatchObject({ ownedBySamkalk: false, editedSinceWritten: null });
    expect(fake.stats.syncs).toBe(1);
  });

  test("a huge sheet (100 000 rows × 5 columns of text) is split into several syncs, each below 5 MB", async () => {
    const { fake, host } = setup();
    const report = await host.writeSheet(bigTextSpec(100_000, 5), absent("Stort blad"));
    const writes = fake.stats.payloadBytes.slice(1); // the first sync only reads the workbook
    expect(writes.length).toBeGreaterThan(2);
    for (const bytes of fake.stats.payloadBytes) expect(bytes).toBeLessThan(5_000_000);
    expect(report.syncs).toBe(fake.stats.syncs);
    // The host's estimate is close to what the request really weighs.
    const largest = Math.max(...writes);
    expect(report.largestPayloadBytes).toBeGreaterThan(largest * 0.95);
    expect(report.largestPayloadBytes).toBeLessThan(largest * 1.05);
    expect(fake.inspect.grid("Stort blad", "A100000:E100000")).toEqual([
      [1, 2, 3, 4, 5].map((c) => `Rad 100000 kolumn ${c} åäö`),
    ]);
    expect(fake.inspect.storedCellCount("Stort blad")).toBe(500_000);
    // Too large to read back within a response: no fingerprint, so edits are unknown, and inspecting
    // it reads nothing large either.
    fake.resetStats();
    expect(await host.inspectSheet("Stort blad", [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: null });
    expect(fake.stats.syncs).toBe(1);
  });

  test("inspecting and writing together shares the look at the workbook: 2 syncs for a new sheet, 3 for a rewrite that reads its table", async () => {
    const { fake, host } = setup();
    const first = await host.inspectAndWrite({ sheetName: SHEET, tableNames: [FEE_TABLE] }, (state) => {
      expect(state).toMatchObject({ exists: false, tables: {} });
      return feeLikeSpec(290);
    });
    expect(fake.stats.syncs).toBe(2);
    expect(first.report).toMatchObject({ syncs: 2, created: true });
    fake.resetStats();
    const again = await host.inspectAndWrite({ sheetName: SHEET, tableNames: [FEE_TABLE] }, (state) => {
      expect(state).toMatchObject({ exists: true, ownedBySamkalk: true, editedSinceWritten: false });
      expect(state.tables[FEE_TABLE]).toHaveLength(290);
      return feeLikeSpec(6);
    });
    expect(fake.stats.syncs).toBe(3);
    expect(again.report).toMatchObject({ syncs: 3, created: false });
    expect(fake.inspect.tables().find((t) => t.name === FEE_TABLE)?.address).toMatch(/:[A-Z]+10$/);
  });

  test("inspecting and writing together writes nothing when the decision is not to write, or when the sheet is not Samkalk's", async () => {
    const { fake, host } = setup();
    const none = await host.inspectAndWrite({ sheetName: SHEET, tableNames: [] }, () => null);
    expect(none.report).toBeNull();
    expect(fake.stats.syncs).toBe(1);
    expect(fake.inspect.sheetNames()).not.toContain(SHEET);
    fake.user.addSheet(SHEET);
    fake.user.editCell(SHEET, "A1", "mitt");
    await expect(host.inspectAndWrite({ sheetName: SHEET, tableNames: [] }, () => feeLikeSpec(6))).rejects.toThrow(`Bladet "${SHEET}" finns redan och är inte skapat av Samkalk.`);
    expect(fake.inspect.cell(SHEET, "A1").value).toBe("mitt");
  });

  test("estimatePayloadBytes measures UTF-8 JSON, like the request", () => {
    expect(estimatePayloadBytes([["Umeå", 1]])).toBe(JSON.stringify([["Umeå", 1]]).length + 1);
  });
});

describe("what lands in the workbook", () => {
  test("values, formulas, number formats, styles, widths and frozen rows as specified", async () => {
    const { fake, host } = setup();
    const report = await host.writeSheet(feeLikeSpec(6), absent());
    expect(report).toMatchObject({ sheetName: SHEET, created: true });
    const cell = (a: string) => fake.inspect.cell(SHEET, a);

    expect(cell("A1")).toMatchObject({ value: SHEET, bold: true, size: 14 });
    expect(cell("B2")).toMatchObject({ value: 11380, numberFormat: "#,##0", fill: "#FFF2CC" });
    expect(cell("A5")).toMatchObject({ value: "0114", fill: "#FFF2CC" }); // a code stays text, with its zero
    expect(cell("D5")).toMatchObject({ formula: "=C5/SUM($C$5:$C$10)", numberFormat: "0.0%" });
    expect(cell("A4")).toMatchObject({ value: "Kod", bold: true, borderBottom: { style: "Continuous", weight: "Thin" } });
    expect(cell("E11")).toMatchObject({ formula: "=SUM(E5:E10)", bold: true, borderTop: { style: "Continuous", weight: "Thin" } });
    expect(cell("A3").fontColor).toBe("#595959");
    expect(fake.inspect.columnWidth(SHEET, "B")).toBe(charsToPoints(32));
    expect(fake.inspect.columnWidth(SHEET, "E")).toBe(charsToPoints(14));
    expect(fake.inspect.frozenRows(SHEET)).toBe(FEE_FIRST_ROW);
    expect(fake.inspect.activeSheet()).toBe(SHEET);
  });

  test("tables, validations and print setup land as specified", async () => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(6), absent());

    expect(fake.inspect.tables()).toEqual([
      { name: FEE_TABLE, sheet: SHEET, address: "A4:E10", style: "TableStyleLight9", showTotals: false },
    ]);
    const alert = { showAlert: true, style: "Stop", title: "Samkalk" };
    expect(fake.inspect.validations(SHEET)).toEqual([
      {
        address: "C5:C10",
        rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
        errorAlert: { ...alert, message: "Ange befolkningen som ett heltal, 0 eller större." },
      },
      {
        address: "B2",
        rule: { decimal: { formula1: 0, formula2: 1_000_000, operator: "Between" } },
        errorAlert: { ...alert, message: "Ange beloppet som ett tal." },
      },
      {
        address: "B3",
        rule: { list: { inCellDropDown: true, source: "Total medlemsfinansiering,Statens del (50 %)" } },
        errorAlert: { ...alert, message: "Välj i listan." },
      },
    ]);
    const layout = fake.inspect.pageLayout(SHEET);
    expect(layout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:E11",
    });
    expect(layout.headersFooters).toMatchObject({
      centerHeader: `&"-,Bold"${SHEET}`,
      leftFooter: "Samordningsförbundet Test && Co",
      rightFooter: "Sida &P av &N",
    });
  });

  test("on a host without ExcelApi 1.9 the sheet is written without print setup", async () => {
    const { fake, host } = setup({ maxExcelApi: "1.8" });
    await host.writeSheet(feeLikeSpec(6), absent());
    expect(fake.inspect.pageLayout(SHEET)).toMatchObject({ paperSize: "Letter", printArea: null });
    expect(fake.inspect.tables()).toHaveLength(1);
  });

  test.each(['=HYPERLINK("http://x")', "+SUM(A1)", "@x", "-1+2", "'citat", "TRUE", "2025-01-01", "50%"])(
    "the text %s ends up as that text, never as a formula or a number",
    async (hostile) => {
      const { fake, host } = setup();
      const spec = minimalSpec(SHEET, { blocks: [{ row: 0, col: 0, cells: [[text(hostile), text(hostile, "input")]] }] });
      await host.writeSheet(spec, absent());
      expect(fake.inspect.formulaCells(SHEET)).toEqual([]);
      expect(fake.inspect.grid(SHEET, "A1:B1")).toEqual([[hostile, hostile]]);
    },
  );
});

describe("ownership", () => {
  test("rewriting Samkalk's sheet replaces its contents and keeps the same sheet", async () => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(290), absent());
    const id = fake.inspect.sheets().find((s) => s.name === SHEET)?.id;
    fake.user.editCell(SHEET, "Z999", "användarens anteckning");

    const state = await host.inspectSheet(SHEET, [FEE_TABLE]);
    expect(state).toMatchObject({ exists: true, ownedBySamkalk: true });
    expect(state.tables[FEE_TABLE]).toHaveLength(290);
    const report = await host.writeSheet(feeLikeSpec(6), state);

    expect(report.created).toBe(false);
    expect(fake.inspect.sheets().filter((s) => s.name === SHEET)).toEqual([expect.objectContaining({ id })]);
    expect(fake.inspect.usedAddress(SHEET)).toBe("A1:E11");
    expect(fake.inspect.tables()).toEqual([expect.objectContaining({ name: FEE_TABLE, address: "A4:E10" })]);
    expect(fake.inspect.validations(SHEET).map((v) => v.address)).toEqual(["C5:C10", "B2", "B3"]);
  });

  test("the user's edits in the table are read back before a rewrite", async () => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(6), absent());
    fake.user.editCell(SHEET, "C5", "2480");
    const state = await host.inspectSheet(SHEET, [FEE_TABLE, "Finns_inte"]);
    expect(Object.keys(state.tables)).toEqual([FEE_TABLE]);
    expect(state.tables[FEE_TABLE][0].slice(0, 3)).toEqual(["0114", "Kommun 1", 2480]);
  });

  test("a user's own sheet with the same name is refused and left unchanged: nothing is written", async () => {
    const { fake, host } = setup();
    fake.user.addSheet(SHEET);
    fake.user.editCell(SHEET, "A1", "mina siffror");
    const state = await host.inspectSheet(SHEET, [FEE_TABLE]);
    expect(state).toMatchObject({ exists: true, ownedBySamkalk: false });
    fake.resetStats();

    await expect(host.writeSheet(feeLikeSpec(6), state)).rejects.toThrow(
      `Bladet "${SHEET}" finns redan och är inte skapat av Samkalk. Byt namn på bladet eller välj ett annat namn/år – Samkalk skriver inte över det.`,
    );
    expect(fake.stats.syncs).toBe(0);
    expect(fake.inspect.sheetValues(SHEET)).toEqual([["mina siffror"]]);
    expect(fake.inspect.tables()).toEqual([]);
  });

  test("a user's sheet made after inspectSheet is still refused, with nothing written", async () => {
    const { fake, host } = setup();
    const state = await host.inspectSheet(SHEET, [FEE_TABLE]);
    fake.user.addSheet(SHEET.toUpperCase());
    fake.resetStats();
    await expect(host.writeSheet(feeLikeSpec(6), state)).rejects.toThrow(/inte skapat av Samkalk/);
    expect(fake.stats.syncs).toBe(1); // the look at the workbook, no write
    expect(fake.inspect.storedCellCount(SHEET.toUpperCase())).toBe(0);
    expect(fake.inspect.savedSettings()).toEqual({});
  });

  test("a renamed Samkalk sheet is still recognised by its id, and can be rewritten under its new name", async () => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(6), absent());
    fake.user.renameSheet(SHEET, "Avgifter (gamla)");
    expect(await host.inspectSheet("Avgifter (gamla)", [FEE_TABLE])).toMatchObject({ exists: true, ownedBySamkalk: true });

    const state = await host.inspectSheet("Avgifter (gamla)", []);
    const report = await host.writeSheet(minimalSpec("Avgifter (gamla)"), state);
    expect(report.created).toBe(false);
    expect(fake.inspect.sheetNames()).toEqual(["Blad1", "Avgifter (gamla)"]);
  });

  test("a copy with the old name, made by the user, is not Samkalk's", async () => {
    const { fake, host } = setup();
    await host.writeSheet(minimalSpec(), absent());
    fake.user.deleteSheet(SHEET);
    fake.user.addSheet(SHEET);
    expect(await host.inspectSheet(SHEET, [])).toMatchObject({ exists: true, ownedBySamkalk: false });
  });

  test("the register is saved in the document settings, by id, and drops deleted sheets", async () => {
    const { fake, host } = setup();
    await host.writeSheet(minimalSpec("Avgifter 2024"), absent("Avgifter 2024"));
    fake.user.deleteSheet("Avgifter 2024");
    await host.writeSheet(minimalSpec(), absent());
    const id = fake.inspect.sheets().find((s) => s.name === SHEET)?.id;
    expect(fake.inspect.savedSettings()[OWNERSHIP_KEY]).toEqual([
      { id, name: SHEET, kind: "medlemsavgifter", contentAddress: "A1", fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) },
    ]);
  });

  test("a table name used on another sheet is refused before anything is written", async () => {
    const { fake, host } = setup();
    fake.user.addSheet("Eget");
    fake.user.addTable("Eget", "A1:B2", FEE_TABLE);
    fake.resetStats();
    await expect(host.writeSheet(feeLikeSpec(6), absent())).rejects.toThrow(`Tabellen "${FEE_TABLE}" finns redan på bladet "Eget"`);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.inspect.sheetNames()).toEqual(["Blad1", "Eget"]);
  });

  test("a sheet left half-written by a failed write is Samkalk's, so a retry rewrites it", async () => {
    const { fake, host } = setup();
    const broken = feeLikeSpec(6);
    broken.tables.push({ name: "Överlappar", range: { row: 5, col: 1, rows: 3, cols: 2 }, style: "TableStyleLight9" });
    await expect(host.writeSheet(broken, absent())).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.inspect.sheetNames()).toContain(SHEET);

    const state = await host.inspectSheet(SHEET, []);
    expect(state.ownedBySamkalk).toBe(true);
    await host.writeSheet(feeLikeSpec(6), state);
    expect(fake.inspect.tables().map((t) => t.name)).toEqual([FEE_TABLE]);
  });

  test("sheet names Excel would refuse are refused up front, in Swedish", async () => {
    const { fake, host } = setup();
    await expect(host.writeSheet(minimalSpec("Avgifter 2025/2026"), absent())).rejects.toThrow(/Bladnamnet .* går inte att använda/);
    expect(fake.stats.syncs).toBe(0);
  });
});

describe("edits since Samkalk wrote a sheet", () => {
  test("a sheet the user edited after Samkalk wrote it is reported as edited; an untouched one is not", async () => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(6), absent());
    await host.writeSheet(minimalSpec("Orörd"), absent("Orörd"));
    expect(await host.inspectSheet(SHEET, [FEE_TABLE])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });

    fake.user.editCell(SHEET, "C5", "2480");
    expect(await host.inspectSheet(SHEET, [FEE_TABLE])).toMatchObject({ editedSinceWritten: true });
    expect(await host.inspectSheet("Orörd", [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });
  });

  test.each([
    ["a note typed beside the table", "G20", "min anteckning"],
    ["a formula replaced by its value", "E5", "1000"],
    ["a cell emptied at the sheet's edge", "E11", ""],
  ])("%s is an edit", async (_what, address, input) => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(6), absent());
    fake.user.editCell(SHEET, address, input);
    expect((await host.inspectSheet(SHEET, [])).editedSinceWritten).toBe(true);
  });

  test("recalculation alone does not count as an edit, nor renaming the sheet", async () => {
    let calculated = 1;
    const { fake, host } = setup({ evaluateFormula: () => calculated });
    await host.writeSheet(feeLikeSpec(6), absent());
    const before = await host.inspectSheet(SHEET, [FEE_TABLE]);
    calculated = 2; // Excel recalculated: every formula shows a new value
    const after = await host.inspectSheet(SHEET, [FEE_TABLE]);
    expect(before.tables[FEE_TABLE][0][4]).toBe(1);
    expect(after.tables[FEE_TABLE][0][4]).toBe(2);
    expect(after.editedSinceWritten).toBe(false);

    fake.user.renameSheet(SHEET, "Avgifter (min)");
    expect(await host.inspectSheet("Avgifter (min)", [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });
  });

  test("a sheet registered by an older version (no fingerprint) is Samkalk's, with edits unknown", async () => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(6), absent());
    const register = fake.settings.get(OWNERSHIP_KEY) as Array<Record<string, unknown>>;
    fake.settings.set(OWNERSHIP_KEY, register.map(({ id, name, kind }) => ({ id, name, kind })));
    expect(await host.inspectSheet(SHEET, [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: null });
    // The next write records a fingerprint again.
    await host.writeSheet(feeLikeSpec(6), await host.inspectSheet(SHEET, []));
    expect((await host.inspectSheet(SHEET, [])).editedSinceWritten).toBe(false);
  });

  test("a rewrite starts afresh: what was edited before is not an edit of the new sheet", async () => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(6), absent());
    fake.user.editCell(SHEET, "Z999", "användarens anteckning");
    await host.writeSheet(feeLikeSpec(8), await host.inspectSheet(SHEET, []));
    expect((await host.inspectSheet(SHEET, [])).editedSinceWritten).toBe(false);
  });
});

describe("keeping the user's copy", () => {
  const COPY = "Medlemsavgifter 2025 (ändrad)";

  test("keeping the user's copy renames the sheet and its tables, the copy is never touched again, and a fresh sheet of the old name can be written", async () => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(6), absent());
    fake.user.addSheet("Eget");
    fake.user.addTable("Eget", "A1:B2", `${FEE_TABLE}_kopia1`); // the first suffix is taken
    fake.user.editCell(SHEET, "C5", "2480");
    const id = fake.inspect.sheets().find((s) => s.name === SHEET)?.id;
    fake.resetStats();

    await host.keepAsUserCopy(SHEET, COPY);
    expect(fake.stats.syncs).toBe(2);
    expect(fake.inspect.sheets().find((s) => s.id === id)?.name).toBe(COPY);
    expect(fake.inspect.tables().find((t) => t.sheet === COPY)).toMatchObject({ name: `${FEE_TABLE}_kopia2`, address: "A4:E10" });
    expect((fake.inspect.savedSettings()[OWNERSHIP_KEY] as Array<{ id: string }>).map((o) => o.id)).not.toContain(id);

    // Never touched again: not Samkalk's, so a write under its name is refused.
    const copyState = await host.inspectSheet(COPY, []);
    expect(copyState).toMatchObject({ exists: true, ownedBySamkalk: false, editedSinceWritten: null });
    await expect(host.writeSheet(minimalSpec(COPY), copyState)).rejects.toThrow(/inte skapat av Samkalk/);

    // The old name (and the table name) are free for a fresh sheet.
    const fresh = await host.inspectSheet(SHEET, [FEE_TABLE]);
    expect(fresh.exists).toBe(false);
    expect((await host.writeSheet(feeLikeSpec(8), fresh)).created).toBe(true);
    expect(fake.inspect.tables().find((t) => t.name === FEE_TABLE)).toMatchObject({ sheet: SHEET, address: "A4:E12" });
    expect(fake.inspect.grid(COPY, "C5")).toEqual([[2480]]);
    expect(await host.inspectSheet(SHEET, [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });
  });

  test.each([
    ["the new name is taken (in other case)", SHEET, "BLAD1", /Det finns redan ett blad som heter "BLAD1"/],
    ["the new name is one Excel refuses", SHEET, "Avgifter 2025/26", /Namnet "Avgifter 2025\/26" går inte att använda för kopian/],
    ["the sheet is the user's own", "Eget", "Eget (kopia)", /Bladet "Eget" är inte skapat av Samkalk/],
    ["the sheet does not exist", "Finns inte", "Kopia", /Bladet "Finns inte" finns inte i arbetsboken/],
  ])("it is refused in Swedish, changing nothing, when %s", async (_what, sheet, newName, message) => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(6), absent());
    fake.user.addSheet("Eget");
    const register = fake.inspect.savedSettings();
    await expect(host.keepAsUserCopy(sheet, newName)).rejects.toThrow(message);
    expect(fake.inspect.sheetNames()).toEqual(["Blad1", SHEET, "Eget"]);
    expect(fake.inspect.tables().map((t) => t.name)).toEqual([FEE_TABLE]);
    expect(fake.inspect.savedSettings()).toEqual(register);
  });
});

describe("the user's selection", () => {
  test("the selection is read in two syncs (its size, then its values): sheet, top-left cell, position and values", async () => {
    const { fake, host } = setup();
    fake.user.addSheet("Förra året");
    fake.user.editCell("Förra året", "B3", "Nr");
    fake.user.editCell("Förra året", "C3", "Namn");
    fake.user.editCell("Förra året", "B4", 1);
    fake.user.editCell("Förra året", "C4", "'0114");
    fake.user.editCell("Förra året", "D4", "TRUE");
    fake.user.select("Förra året", "B3:D5");
    fake.resetStats();

    const selection = await host.readSelection();
    expect(fake.stats.syncs).toBe(2);
    expect(selection).toEqual({
      sheetName: "Förra året",
      topLeft: "B3",
      row: 2,
      col: 1,
      values: [
        ["Nr", "Namn", ""],
        [1, "0114", true],
        ["", "", ""],
      ],
    });
  });
});

describe("merged cells in the selection", () => {
  function mergedSheet(maxExcelApi: string) {
    const ctx = setup({ maxExcelApi });
    ctx.fake.user.addSheet("Mitt, blad");
    ctx.fake.user.editCell("Mitt, blad", "B2", "Rubrik");
    ctx.fake.user.merge("Mitt, blad", "B2:D2");
    ctx.fake.user.merge("Mitt, blad", "A4:A5");
    ctx.fake.user.merge("Mitt, blad", "F1:G1"); // outside the selection
    ctx.fake.user.select("Mitt, blad", "A2:D5");
    ctx.fake.resetStats();
    return ctx;
  }

  test("on ExcelApi 1.13 the merged areas that overlap the selection are read in the same sync as its values", async () => {
    const { fake, host } = mergedSheet("1.13");
    const selection = await host.readSelection();
    expect(fake.stats.syncs).toBe(2);
    expect(selection.values[0]).toEqual(["", "Rubrik", "", ""]);
    expect(selection.merged).toEqual([
      { row: 1, col: 1, rows: 1, cols: 3 },
      { row: 3, col: 0, rows: 2, cols: 1 },
    ]);
  });

  test("on ExcelApi 1.13 a selection without merged cells has none", async () => {
    const { fake, host } = setup({ maxExcelApi: "1.13" });
    fake.user.merge("Blad1", "F1:G1");
    fake.user.select("Blad1", "A1:B2");
    fake.resetStats();
    const selection = await host.readSelection();
    expect(fake.stats.syncs).toBe(2);
    expect(selection.merged).toEqual([]);
  });

  test("on ExcelApi 1.9 the host cannot tell, and says nothing", async () => {
    const { fake, host } = mergedSheet("1.9");
    const selection = await host.readSelection();
    expect(fake.stats.syncs).toBe(2);
    expect(selection.merged).toBeUndefined();
    expect(selection.values[0]).toEqual(["", "Rubrik", "", ""]);
  });
});

describe("styles for reports", () => {
  const LONG = "Initiativet har kommit i gång i alla fyra kommuner, men rekryteringen av coacher har tagit längre tid än planerat.";

  test("wrapped cells get autofit rows, top-aligned; rows without them keep the standard height", async () => {
    const { fake, host } = setup();
    const spec = minimalSpec(SHEET, {
      columnWidths: [20, 30],
      blocks: [
        {
          row: 0,
          col: 0,
          cells: [
            [text("Rubrik", "heading")],
            [text("Läget", "label"), text(LONG, "wrap")],
            [text("Kort", "label"), text("Kort text", "wrap")],
            [text("Ingen radbrytning", "label"), text(LONG)],
          ],
        },
      ],
    });
    await host.writeSheet(spec, absent());
    expect(fake.inspect.cell(SHEET, "B2")).toMatchObject({ wrapText: true, verticalAlignment: "Top" });
    expect(fake.inspect.rowHeight(SHEET, 2)).toBeGreaterThanOrEqual(45); // three lines or more in 30 characters
    expect(fake.inspect.rowHeight(SHEET, 3)).toBe(15);
    expect(fake.inspect.rowHeight(SHEET, 4)).toBe(15); // not wrapped: overflows to the right instead
  });

  test("the heading, status and changed styles land as specified", async () => {
    const { fake, host } = setup();
    const roles = ["heading", "good", "neutral", "bad", "info", "muted", "changed"] as const;
    const spec = minimalSpec(SHEET, { blocks: [{ row: 0, col: 0, cells: [roles.map((r) => text(r, r)), [num(3, "changed")]] }] });
    await host.writeSheet(spec, absent());
    const cell = (a: string) => fake.inspect.cell(SHEET, a);
    expect(cell("A1")).toMatchObject({ bold: true, size: 12, fill: null });
    expect(["B1", "C1", "D1", "E1", "F1"].map((a) => [cell(a).fill, cell(a).bold])).toEqual([
      ["#C6EFCE", false],
      ["#FFEB9C", false],
      ["#FFC7CE", false],
      ["#DDEBF7", false],
      ["#EDEDED", false],
    ]);
    expect(cell("G1")).toMatchObject({ bold: true, fill: "#FCE4D6", size: 11 });
    expect(cell("A2")).toMatchObject({ value: 3, bold: true, fill: "#FCE4D6" });
  });
});

describe("table headers", () => {
  test("inspectSheet returns the header row of each table found, as text, with the user's changes", async () => {
    const { fake, host } = setup();
    await host.writeSheet(feeLikeSpec(6), absent());
    fake.user.editCell(SHEET, "C4", "Invånare");
    const state = await host.inspectSheet(SHEET, [FEE_TABLE, "Finns_inte"]);
    expect(state.tableHeaders).toEqual({ [FEE_TABLE]: ["Kod", "Kommun", "Invånare", "Andel", "Avgift"] });
    expect(Object.keys(state.tables)).toEqual([FEE_TABLE]);
  });
});

describe("settings store", () => {
  test("stores JSON values in the document and saves them", async () => {
    const { fake } = setup();
    const store = createOfficeSettingsStore(fake.settings);
    expect(store.get("samkalk.medlemsavgifter")).toBeUndefined();
    await store.set("samkalk.medlemsavgifter", { ar: 2025, kommuner: ["0114"] });
    expect(store.get("samkalk.medlemsavgifter")).toEqual({ ar: 2025, kommuner: ["0114"] });
    expect(fake.inspect.savedSettings()).toEqual({ "samkalk.medlemsavgifter": { ar: 2025, kommuner: ["0114"] } });
  });

  test("a failed save is reported in Swedish", async () => {
    const { fake } = setup();
    fake.settings.failSaves = true;
    await expect(createOfficeSettingsStore(fake.settings).set("k", 1)).rejects.toThrow(/kunde inte sparas/);
  });
});
