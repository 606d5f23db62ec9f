/**
 * The tidy SCB table sheet: one row per observation, SCB's text always as text (also through the
 * Office host, where text starting with = + - @ would otherwise become a formula), numbers as numbers,
 * and a very large table written within Excel on the web's request limit.
 */
import type { TidyTable } from "../../../src/domain/scb/tidy";
import { buildTidySheet, tidySheetLayout } from "../../../src/sheets/scb/tidySheet";
import { numberedSheetName, scbSheetName, validSheetName } from "../../../src/sheets/scb/common";
import { benchLargeTidyTable } from "./largeTableBench";
import { officeSetup } from "./scbTestSupport";

const hostile: TidyTable = {
  dimensions: ["kön", "=HYPERLINK(\"http://x\")"],
  notes: ["=1+1", "Källa: SCB"],
  rows: [
    { regionkod: "0114", region: "=HYPERLINK(\"http://evil\",\"klicka\")", dimensions: { kön: "+1", '=HYPERLINK("http://x")': "-x" }, period: "2023", varde: 12.5, status: null },
    { regionkod: "2480", region: "Umeå", dimensions: { kön: "@y", '=HYPERLINK("http://x")': "TRUE" }, period: "2023M01", varde: null, status: ".." },
    { regionkod: "00", region: "Riket", dimensions: { kön: "2023-01-01", '=HYPERLINK("http://x")': "1 000" }, period: "2023", varde: -3, status: null },
  ],
};

const input = { sheetName: "SCB Test", title: "+Folkmängd", kallaText: "Källa: SCB, tabell TAB1", table: hostile };

describe("the tidy table sheet", () => {
  const spec = buildTidySheet(input);
  const layout = tidySheetLayout(input);
  const body = spec.blocks[1].cells;

  it("has a header of regionkod, region, each variable, period, värde and status, as an Excel table", () => {
    expect(body[0].map((c) => c.kind === "text" && c.text)).toEqual(["Regionkod", "Region", "Kön", '=HYPERLINK("http://x")', "Period", "Värde", "Status"]);
    expect(spec.tables).toEqual([{ name: "Samkalk_SCB_Test", range: { row: layout.headerRow, col: 0, rows: 4, cols: 7 }, style: "TableStyleLight9" }]);
    expect(spec.kind).toBe("scb-tabell");
    expect(spec.freezeRows).toBe(layout.headerRow + 1);
  });

  it("writes every SCB text as a text cell and every value as a number; '..' gives an empty value and the marker in status", () => {
    expect(body[1]).toEqual([
      { kind: "text", text: "0114" },
      { kind: "text", text: '=HYPERLINK("http://evil","klicka")' },
      { kind: "text", text: "+1" },
      { kind: "text", text: "-x" },
      { kind: "text", text: "2023" },
      { kind: "number", value: 12.5 },
      { kind: "empty" },
    ]);
    expect(body[2].slice(-2)).toEqual([{ kind: "empty" }, { kind: "text", text: ".." }]);
    expect(spec.blocks.flatMap((b) => b.cells.flat()).some((c) => c.kind === "formula")).toBe(false);
  });

  it("shows the title, the source and the notes above the table", () => {
    const top = spec.blocks[0].cells.map((r) => r[0]).map((c) => (c.kind === "text" ? c.text : ""));
    expect(top).toEqual(["+Folkmängd", "Källa: SCB, tabell TAB1", "=1+1", "Källa: SCB"]);
  });
});

describe("through the Office host (strict fake)", () => {
  it("hostile strings stay text: nothing from SCB becomes a formula, a number, a boolean or a date", async () => {
    const { fake, host } = officeSetup();
    await host.writeSheet(buildTidySheet(input), await host.inspectSheet("SCB Test", []));
    expect(fake.inspect.formulaCells("SCB Test")).toEqual([]);
    const h = tidySheetLayout(input).headerRow + 1; // Excel row of the header
    expect(fake.inspect.grid("SCB Test", `A${h}:G${h + 3}`)).toEqual([
      ["Regionkod", "Region", "Kön", '=HYPERLINK("http://x")', "Period", "Värde", "Status"],
      ["0114", '=HYPERLINK("http://evil","klicka")', "+1", "-x", "2023", 12.5, ""],
      ["2480", "Umeå", "@y", "TRUE", "2023M01", "", ".."],
      ["00", "Riket", "2023-01-01", "1 000", "2023", -3, ""],
    ]);
    expect(fake.inspect.cell("SCB Test", "A1").value).toBe("+Folkmängd");
    expect(fake.inspect.tables()).toEqual([expect.objectContaining({ name: "Samkalk_SCB_Test", sheet: "SCB Test" })]);
  });

  it("a 100 000-row table takes the usual syncs plus only the chunks the 5 MB limit forces, each request below it", async () => {
    const small = await benchLargeTidyTable(1_000);
    expect(small).toMatchObject({ writeSyncs: 2, chunks: 1 });
    const big = await benchLargeTidyTable(100_000);
    expect(big.chunks).toBeGreaterThan(1);
    expect(big.chunks).toBe(big.minimumChunks); // the title block shares the first request
    expect(big.writeSyncs).toBe(1 + big.chunks); // one look at the workbook, then one sync per chunk
    expect(big.largestRequestBytes).toBeLessThan(big.limitBytes);
  });
});

describe("sheet names", () => {
  it.each([
    ["Folkmängd efter region, kön och år", "SCB Folkmängd efter region, kön"],
    ["Tabell [1]: a/b*c?", "SCB Tabell 1 a-b c"],
    ["TAB1386", "SCB TAB1386"],
  ])("%s → %s", (title, name) => {
    expect(scbSheetName(title)).toBe(name);
    expect(scbSheetName(title).length).toBeLessThanOrEqual(31);
  });

  it("numbered names stay within 31 characters; History and empty names are replaced", () => {
    expect(numberedSheetName("SCB Folkmängd efter region, kön", 2)).toBe("SCB Folkmängd efter region, (2)");
    expect(validSheetName("History")).toBe("SCB");
    expect(validSheetName("''")).toBe("SCB");
  });
});
