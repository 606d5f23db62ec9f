/**
 * Population per kommun, age band and kön from real SCB tables (see test/fixtures/scb/README.md):
 * single years summed into 16–64 and 20–64, civilstånd and kön summed where the table has no total.
 */
import { InputError } from "../../../src/domain/errors";
import { KOMMUNER } from "../../../src/domain/kommuner";
import { befolkningRowsFromTable, buildBefolkningSheet } from "../../../src/sheets/scb/befolkningSheet";
import { bandLabel, embeddedPopulationRows, mergePopulationRows, parseBandLabel, populationFromTidy } from "../../../src/domain/scb/population";
import { embeddedPopulation } from "../../../src/domain/scb/embeddedPopulation";
import { readScbFile } from "../../../src/sources/scb/tidyCsv";
import { FILES, fixtureBytes } from "../fixturePaths";

describe("population bands from real SCB tables", () => {
  it("2019 by single years of age (all 290 kommuner) gives exactly the embedded 16–64 and 20–64 figures", () => {
    const { rows, varningar } = populationFromTidy(readScbFile(fixtureBytes(FILES.vagdur), "vagdur.csv"), { kalla: "SCB 2019" });
    expect(varningar).toEqual([]);
    const totalt = rows.filter((r) => r.kon === "totalt");
    expect(totalt).toHaveLength(290 * 2);
    for (const k of KOMMUNER) {
      for (const [fran, till] of [
        [16, 64],
        [20, 64],
      ]) {
        expect({ kod: k.kod, fran, v: totalt.find((r) => r.regionkod === k.kod && r.band.fran === fran)!.folkmangd }).toEqual({ kod: k.kod, fran, v: embeddedPopulation(k.kod, fran, till) });
      }
    }
    const umea = rows.filter((r) => r.regionkod === "2480" && r.band.fran === 20);
    expect(umea.map((r) => [r.kon, r.folkmangd])).toEqual([
      ["totalt", 78389],
      ["kvinnor", 38400],
      ["män", 39989],
    ]);
  });

  it("a custom band (18–64) is summed from the single years it covers", () => {
    const table = readScbFile(fixtureBytes(FILES.vagdur), "vagdur.csv");
    const { rows } = populationFromTidy(table, { kalla: "SCB 2019", bands: [{ fran: 18, till: 64 }], regioner: ["2403"] });
    const direct = table.rows.filter((r) => r.regionkod === "2403" && Number(r.dimensions["ålder"]) >= 18 && Number(r.dimensions["ålder"]) <= 64).reduce((s, r) => s + r.varde!, 0);
    expect(rows.map((r) => [r.regionkod, bandLabel(r.band), r.kon, r.folkmangd])).toEqual([
      ["2403", "18–64 år", "totalt", direct],
      ["2403", "18–64 år", "kvinnor", expect.any(Number)],
      ["2403", "18–64 år", "män", expect.any(Number)],
    ]);
  });

  it("2020 by län, civilstånd, age and kön: civilstånd and kön are summed (Västerbotten 20–64 = 153 882)", () => {
    const { rows } = populationFromTidy(readScbFile(fixtureBytes(FILES.lan2020), "lan.csv"), { kalla: "SCB", bands: [{ fran: 20, till: 64 }] });
    expect(rows.find((r) => r.regionkod === "24" && r.kon === "totalt")).toMatchObject({ region: "Västerbottens län", ar: 2020, folkmangd: 153_882 });
  });

  it("a table without ages gives 'alla åldrar', kön 1+2 as totalt (Umeå 2022 = 132 235)", () => {
    const { rows } = populationFromTidy(readScbFile(fixtureBytes(FILES.pxjson290), "p.json"), { kalla: "SCB" });
    expect(rows.find((r) => r.regionkod === "2480")).toMatchObject({ band: { fran: 0, till: null }, kon: "totalt", ar: 2022, folkmangd: 132_235 });
    expect(rows).toHaveLength(290);
  });

  it("ten-year groups cannot make 16–64: the message says so, nothing is guessed", () => {
    try {
      populationFromTidy(readScbFile(fixtureBytes(FILES.pxweb2Csv), "tab6471.csv"), { kalla: "SCB" });
      throw new Error("expected an InputError");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems.map((p) => p.meddelande)).toContain("Åldersgruppen 16–64 år går inte att få ur tabellens åldrar.");
    }
  });
});

describe("the Befolkning sheet", () => {
  it("writes one row per kommun, band, kön and year, and reads back the same rows", () => {
    const rows = embeddedPopulationRows(["2480", "2403"]);
    const spec = buildBefolkningSheet({ rows, today: new Date("2026-01-01") });
    const table = spec.tables[0].range;
    const cells = spec.blocks[1].cells;
    expect(cells[0].map((c) => c.kind === "text" && c.text)).toEqual(["Regionkod", "Kommun", "Åldersgrupp", "Kön", "År", "Folkmängd", "Källa"]);
    expect(table.rows).toBe(5);
    const header = cells[0].map((c) => (c.kind === "text" ? c.text : ""));
    const body = cells.slice(1).map((r) => r.map((c) => (c.kind === "text" ? c.text : c.kind === "number" ? c.value : null)));
    expect(befolkningRowsFromTable(header, body)).toEqual({ rows, unreadable: [] });
  });

  it("new figures replace those of the same kommun, band, kön and year; the rest stay", () => {
    const old = embeddedPopulationRows(["2480"]);
    const next = [{ ...old[1], ar: 2023, folkmangd: 80_000, kalla: "SCB TAB5557" }, { ...old[0], folkmangd: 1 }];
    const merged = mergePopulationRows(old, next);
    expect(merged.map((r) => [bandLabel(r.band), r.ar, r.folkmangd])).toEqual([
      ["16–64 år", 2019, 1],
      ["20–64 år", 2019, old[1].folkmangd],
      ["20–64 år", 2023, 80_000],
    ]);
  });

  it("band labels read back, with a hyphen or an en dash", () => {
    expect(parseBandLabel("16–64 år")).toEqual({ fran: 16, till: 64 });
    expect(parseBandLabel("20-64")).toEqual({ fran: 20, till: 64 });
    expect(parseBandLabel("alla åldrar")).toEqual({ fran: 0, till: null });
    expect(parseBandLabel("vuxna")).toBeNull();
  });
});
