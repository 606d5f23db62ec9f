/**
 * The Helårsekvivalenter analysis sheet through the Office host on the strict fake: live formulas over
 * the tidy table sheet, counts beside shares, a line chart with a line per kommun and riket and a
 * stacked column chart per benefit type for the förbund — replaced, not duplicated, on the next run.
 */
import type { TidyTable } from "../../../src/domain/scb/tidy";
import { HE_SHEET, buildHeSheet } from "../../../src/sheets/scb/heSheet";
import { analyseHelarsekvivalenter } from "../../../src/domain/scb/heAnalysis";
import { tidySheetLayout } from "../../../src/sheets/scb/tidySheet";
import { rangeAddress } from "../../../src/domain/a1";
import { parseJsonStat } from "../../../src/sources/scb/jsonstat";
import { FILES, fixtureJson } from "../fixturePaths";
import { HE_DATA_SHEET, writeHelarsekvivalenter } from "../../../src/usecases/scb/helarsekvivalenter";
import { officeSetup } from "./scbTestSupport";

const KOMMUNER = ["2480", "2460", "2401", "2404", "2409", "2403"];

/** The recorded SYNTHETIC HE0000T02N2 response (test/fixtures/scb/synthetic). */
function syntheticTable(): TidyTable {
  return parseJsonStat(fixtureJson(FILES.heSample));
}

const kalla = { typ: "SCB API", tabell: "TAB1386", titel: "Helårsekvivalenter (SYNTETISKA)", fraga: { Region: KOMMUNER }, apiVersion: "v2", hamtad: new Date("2026-02-16T09:30:00Z") };
const today = new Date("2026-02-16");

describe("the analysis sheet in Excel (Office host, strict fake)", () => {
  const table = syntheticTable();

  it("draws a line per kommun and riket, and the förbund's benefit types stacked", async () => {
    const { fake, host } = officeSetup();
    const out = await writeHelarsekvivalenter(host, table, kalla, { forbund: "Samordningsförbundet Umeåregionen", kommuner: KOMMUNER, today });
    expect(out.ok).toBe(true);
    const charts = fake.inspect.charts(HE_SHEET);
    expect(charts.map((c) => [c.name, c.type])).toEqual([
      ["Samkalk andel per region", "Line"],
      ["Samkalk andel per ersattning", "ColumnStacked"],
    ]);
    const [line, stacked] = charts;
    expect(line.series.map((s) => s.name)).toEqual(["Umeå", "Vännäs", "Nordmaling", "Vindeln", "Robertsfors", "Bjurholm", "Riket"]);
    expect(line.title).toBe("Helårsekvivalenter som andel av befolkningen 20–64 år");
    expect([line.categoryAxisTitle, line.valueAxisTitle]).toEqual(["År", "Andel av befolkningen 20–64 år"]);
    // The years are the categories (text), not a series.
    const cats = line.series[0].categories!;
    expect(fake.inspect.grid(HE_SHEET, cats).flat()).toEqual(["2023", "2024"]);
    expect(stacked.series.map((s) => s.name)).toEqual([
      "Sjukpenning",
      "Sjuk- och aktivitetsersersättning",
      "Arbetslöshetsersättning",
      "Arbetsmarknadsåtgärder",
      "Ekonomiskt bistånd",
      "Etableringsersättning",
    ]);
    expect(stacked.title).toBe("Helårsekvivalenter per ersättning, Samordningsförbundet Umeåregionen");
    // Charts sit beside their data, not over it.
    const col = (a: string) => [.../^\$?([A-Z]+)/.exec(a)![1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    for (const c of charts) expect(col(c.position!.from)).toBeGreaterThan(col(c.source.split(":")[1]));
  });

  it("every count, population and share is a formula over the tidy table sheet, with the counts beside the shares", async () => {
    const { fake, host } = officeSetup();
    await writeHelarsekvivalenter(host, table, kalla, { forbund: "Umeåregionen", kommuner: KOMMUNER, today });
    const a = analyseHelarsekvivalenter(table, { kommuner: KOMMUNER });
    const spec = buildHeSheet({ analysis: a, tidySheet: HE_DATA_SHEET, tidyLayout: tidySheetLayout({ sheetName: HE_DATA_SHEET, title: "", kallaText: "", table }), forbund: "Umeåregionen", kallaText: "", today });
    const t = spec.tables[0].range;
    const grid = fake.inspect.grid(HE_SHEET, rangeAddress({ ...t, row: t.row + 1, rows: t.rows - 1, col: 3, cols: t.cols - 3 }));
    for (const line of grid) for (const v of line) expect(String(v)).toMatch(/^=/);
    expect(fake.inspect.grid(HE_SHEET, rangeAddress({ row: t.row, col: 0, rows: 1, cols: t.cols }))[0]).toEqual([
      "Kod",
      "Region",
      "År",
      "Månader",
      "Sjukpenning (antal)",
      "Sjuk- och aktivitetsersersättning (antal)",
      "Arbetslöshetsersättning (antal)",
      "Arbetsmarknadsåtgärder (antal)",
      "Ekonomiskt bistånd (antal)",
      "Etableringsersättning (antal)",
      "Summa helårsekvivalenter (antal)",
      "Folkmängd 20–64 år",
      "Sjukpenning (andel)",
      "Sjuk- och aktivitetsersersättning (andel)",
      "Arbetslöshetsersättning (andel)",
      "Arbetsmarknadsåtgärder (andel)",
      "Ekonomiskt bistånd (andel)",
      "Etableringsersättning (andel)",
      "Summa (andel)",
    ]);
    const formulas = fake.inspect.formulaCells(HE_SHEET).map((f) => f.formula);
    expect(formulas.filter((f) => f.includes("SUMIFS('SCB Helårsekvivalenter'!$G$")).length).toBeGreaterThan(0);
    expect(formulas.some((f) => /COUNTIFS\('SCB Helårsekvivalenter'!/.test(f))).toBe(true);
  });

  it("a second run replaces the charts (one more sync to find them) instead of adding more", async () => {
    const { fake, host } = officeSetup();
    await writeHelarsekvivalenter(host, table, kalla, { forbund: "Umeåregionen", kommuner: KOMMUNER, today });
    const again = await writeHelarsekvivalenter(host, table, kalla, { forbund: "Umeåregionen", kommuner: KOMMUNER, today });
    expect(again.ok && again.reports.map((r) => [r.sheetName, r.syncs])).toEqual([
      [HE_DATA_SHEET, 2],
      [HE_SHEET, 3],
      ["Källor", 2],
    ]);
    expect(fake.inspect.charts(HE_SHEET)).toHaveLength(2);
    expect(fake.inspect.sheetNames()).toEqual(["Blad1", HE_DATA_SHEET, HE_SHEET, "Källor"]);
  });

  it("synthetic data say so in the title and in red on both sheets", async () => {
    const { fake, host } = officeSetup();
    await writeHelarsekvivalenter(host, table, kalla, { forbund: "Umeåregionen", kommuner: KOMMUNER, today, syntetisk: true });
    expect(fake.inspect.cell(HE_SHEET, "A1").value).toBe("Helårsekvivalenter som andel av befolkningen 20–64 år – syntetiska exempeldata");
    expect(fake.inspect.cell(HE_SHEET, "A3")).toMatchObject({ value: expect.stringMatching(/^SYNTETISKA EXEMPELDATA/), fill: expect.any(String) });
    expect(fake.inspect.sheetValues(HE_DATA_SHEET).flat()).toContain("SYNTETISKA EXEMPELDATA – inte SCB:s siffror.");
  });
});
