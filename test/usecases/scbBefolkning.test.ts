/**
 * The Befolkning sheet and "one click fills the population column of the fee split from it".
 */
import type { TidyRow, TidyTable } from "../../src/domain/scb/tidy";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { umearegionenSettings, UMEAREGIONEN_KODER } from "../../src/demo/demoWorkbook";
import { FEE_SHEET_LAYOUT } from "../../src/sheets/fee/feeSheet";
import { BEFOLKNING_TABLE } from "../../src/sheets/scb/befolkningSheet";
import { KALLOR_TABLE } from "../../src/sheets/scb/kallorSheet";
import { embeddedPopulation } from "../../src/domain/scb/embeddedPopulation";
import { FeeSplitSettings, loadFeeSettings, runFeeSplitJob } from "../../src/usecases/fee/feeSplitJob";
import { BEFOLKNING_SHEET, fetchBefolkning, fillFeePopulationFromScb, importBefolkningTable, writeEmbeddedBefolkning } from "../../src/usecases/scb/befolkning";
import { FetchRows, KALLOR_SHEET } from "../../src/usecases/scb/kallor";
import { memoryStore } from "../scb/sheets/scbTestSupport";

const today = new Date("2026-03-02T08:15:00Z");
const NAMES: Record<string, string> = { "2480": "Umeå", "2460": "Vännäs", "2401": "Nordmaling", "2404": "Vindeln", "2409": "Robertsfors", "2403": "Bjurholm" };

/** A population table as SCB's CKM table gives it (age groups asked for directly), 2023; values made up for the test. */
function tab5557(koder = UMEAREGIONEN_KODER): TidyTable {
  const rows: TidyRow[] = [];
  koder.forEach((kod, i) => {
    for (const [alder, base] of [
      ["16-64 år", 90_000],
      ["20-64 år", 84_000],
    ] as const) {
      for (const [kon, share] of [
        ["män", 0.51],
        ["kvinnor", 0.49],
        ["totalt", 1],
      ] as const) {
        rows.push({ regionkod: kod, region: NAMES[kod], dimensions: { ålder: alder, kön: kon }, period: "2023", varde: Math.round((base / (i + 1)) * share), status: null });
      }
    }
  });
  return { rows, dimensions: ["ålder", "kön"], notes: [] };
}

const fetch2023: FetchRows = async () => ({
  ...tab5557(),
  kalla: { typ: "SCB API", tabell: "TAB5557", titel: "Folkmängd efter region, ålder, kön och år", fraga: { Tid: ["2023"] }, apiVersion: "v2", hamtad: "2026-03-02T08:10:00Z" },
});

const keyCell = (host: XlsxWorkbookHost, sheet: string, i: number) =>
  host.workbook.getWorksheet(sheet)!.getCell(FEE_SHEET_LAYOUT.firstDataRow + i + 1, FEE_SHEET_LAYOUT.columns.nyckel + 1);

const settings2023 = (): FeeSplitSettings => ({ ...umearegionenSettings(), nyckel: { kind: "befolkning", aldersFran: 20, aldersTill: 64, referensAr: 2023 } });

describe("the Befolkning sheet", () => {
  it("from the embedded 2019 figures: 16–64 and 20–64 per kommun, with the source on each row and in Källor", async () => {
    const host = new XlsxWorkbookHost();
    const out = await writeEmbeddedBefolkning(host, UMEAREGIONEN_KODER, { today });
    expect(out.ok && out.sheets).toEqual([BEFOLKNING_SHEET, KALLOR_SHEET]);
    const body = (await host.inspectSheet(BEFOLKNING_SHEET, [BEFOLKNING_TABLE])).tables[BEFOLKNING_TABLE];
    expect(body).toHaveLength(12);
    expect(body[0]).toEqual(["2401", "Nordmaling", "16–64 år", "totalt", 2019, embeddedPopulation("2401", 16, 64), expect.stringMatching(/^SCB BefolkningNy/)]);
    const kallor = (await host.inspectSheet(KALLOR_SHEET, [KALLOR_TABLE])).tables[KALLOR_TABLE];
    expect(kallor[0].slice(1, 3)).toEqual(["Inbyggd i Samkalk", "BE0101A BefolkningNy"]);
  });

  it("a fetch adds its years beside the ones already there, and Källor gets a row for each", async () => {
    const host = new XlsxWorkbookHost();
    await writeEmbeddedBefolkning(host, UMEAREGIONEN_KODER, { today });
    const out = await fetchBefolkning(host, fetch2023, { today });
    expect(out.ok && out.rows).toBe(6 * 2 * 3);
    const body = (await host.inspectSheet(BEFOLKNING_SHEET, [BEFOLKNING_TABLE])).tables[BEFOLKNING_TABLE];
    expect(body).toHaveLength(12 + 36);
    expect(body.filter((r) => r[0] === "2480" && r[2] === "20–64 år").map((r) => [r[3], r[4], r[5]])).toEqual([
      ["totalt", 2019, embeddedPopulation("2480", 20, 64)],
      ["totalt", 2023, 84_000],
      ["kvinnor", 2023, 41_160],
      ["män", 2023, 42_840],
    ]);
    expect((await host.inspectSheet(KALLOR_SHEET, [KALLOR_TABLE])).tables[KALLOR_TABLE].map((r) => r[2])).toEqual(["BE0101A BefolkningNy", "TAB5557"]);
  });
});

describe("filling the fee split's population from the Befolkning sheet", () => {
  async function prepared() {
    const host = new XlsxWorkbookHost();
    const store = memoryStore();
    const fee = await runFeeSplitJob(host, settings2023(), { lang: "sv", store, today });
    expect(fee.ok).toBe(true);
    await importBefolkningTable(host, tab5557(), { typ: "SCB API", tabell: "TAB5557", apiVersion: "v2", hamtad: "2026-03-02T08:10:00Z" }, { today });
    return { host, store };
  }

  it("one click fills the population column for the fee sheet's kommuner, band and year, and re-runs the split", async () => {
    const { host, store } = await prepared();
    const out = await fillFeePopulationFromScb(host, { store, lang: "sv", today });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.sheetName).toBe("Medlemsavgifter 2021");
    expect(out.befolkning.map((b) => b.efter)).toEqual([84_000, 42_000, 28_000, 21_000, 16_800, 14_000]);
    expect(UMEAREGIONEN_KODER.map((_, i) => keyCell(host, "Medlemsavgifter 2021", i).value)).toEqual([84_000, 42_000, 28_000, 21_000, 16_800, 14_000]);
    expect(loadFeeSettings(store)!.kommuner.map((k) => k.varde)).toEqual(["84000", "42000", "28000", "21000", "16800", "14000"]);
    expect(out.fee.summary.kommuner).toBe("2\u00a0845");
    // The source of the population, in Källor.
    const kallor = (await host.inspectSheet(KALLOR_SHEET, [KALLOR_TABLE])).tables[KALLOR_TABLE];
    expect(kallor[kallor.length - 1]).toEqual([
      "2026-03-02 09:15",
      "Används",
      BEFOLKNING_SHEET,
      "Befolkning 20–64 år 2023 till Medlemsavgifter 2021",
      "",
      "",
      6,
      "Medlemsavgifter 2021",
      expect.stringMatching(/^Från bladet Befolkning; källa: SCB TAB5557, hämtad 2026-03-02 09:10\.$/),
    ]);
  });

  it("a population typed into the fee sheet by hand is replaced, and the outcome says so", async () => {
    const { host, store } = await prepared();
    keyCell(host, "Medlemsavgifter 2021", 1).value = 6000;
    const out = await fillFeePopulationFromScb(host, { store, lang: "sv", today });
    expect(out.ok && out.ersattaHandskrivna).toEqual(["Vännäs"]);
    expect(out.ok && out.befolkning[1]).toEqual({ kod: "2460", namn: "Vännäs", fore: "6000", efter: 42_000 });
    expect(keyCell(host, "Medlemsavgifter 2021", 1).value).toBe(42_000);
  });

  it("a population typed by hand and kept over re-runs given SCB's figures is replaced for good by the click", async () => {
    const { host, store } = await prepared();
    const first = await fillFeePopulationFromScb(host, { store, lang: "sv", today });
    expect(first.ok).toBe(true);
    // Re-runs given SCB's figures (as a board pack gives them) keep the 6000 typed for Vännäs.
    const scb = loadFeeSettings(store)!;
    keyCell(host, "Medlemsavgifter 2021", 1).value = 6000;
    for (const run of [1, 2]) {
      const kept = await runFeeSplitJob(host, scb, { lang: "sv", store, today });
      expect({ run, kept: kept.ok && kept.keptUserValues }).toEqual({ run, kept: 1 });
    }
    const out = await fillFeePopulationFromScb(host, { store, lang: "sv", today });
    expect(out.ok && out.ersattaHandskrivna).toEqual(["Vännäs"]);
    expect(keyCell(host, "Medlemsavgifter 2021", 1).value).toBe(42_000);
    expect(loadFeeSettings(store)!.skrivetPaBladet).toBeUndefined();
    // The next run given the same figures does not bring the typed 6000 back.
    const next = await runFeeSplitJob(host, scb, { lang: "sv", store, today });
    expect(next.ok && next.keptUserValues).toBe(0);
    expect(keyCell(host, "Medlemsavgifter 2021", 1).value).toBe(42_000);
  });

  it("a kommun without a figure for the year stops the job, naming it; nothing is written", async () => {
    const host = new XlsxWorkbookHost();
    const store = memoryStore();
    await runFeeSplitJob(host, settings2023(), { lang: "sv", store, today });
    await importBefolkningTable(host, tab5557(UMEAREGIONEN_KODER.slice(0, 5)), { typ: "SCB API", tabell: "TAB5557", hamtad: today }, { today });
    await writeEmbeddedBefolkning(host, ["2403"], { today });
    const before = (await host.toBuffer()).length;
    const kallorBefore = (await host.inspectSheet(KALLOR_SHEET, [KALLOR_TABLE])).tables[KALLOR_TABLE].length;
    const out = await fillFeePopulationFromScb(host, { store, lang: "sv", today });
    expect(!out.ok && out.problems).toEqual([{ plats: "Bjurholm (2403)", meddelande: "Bladet Befolkning har ingen folkmängd 20–64 år för 2023 (det finns för 2019)." }]);
    expect((await host.inspectSheet(KALLOR_SHEET, [KALLOR_TABLE])).tables[KALLOR_TABLE]).toHaveLength(kallorBefore);
    expect(keyCell(host, "Medlemsavgifter 2021", 0).value).toBe(Number(settings2023().kommuner[0].varde));
    expect((await host.toBuffer()).length).toBe(before);
  });

  it("without a fee split, a population key or a Befolkning sheet it says what to do first", async () => {
    const host = new XlsxWorkbookHost();
    const store = memoryStore();
    expect(await fillFeePopulationFromScb(host, { store, lang: "sv" })).toEqual({ ok: false, problems: [{ meddelande: expect.stringMatching(/ingen fördelning av medlemsavgifter/) }] });
    const andel: FeeSplitSettings = { ...umearegionenSettings(), nyckel: { kind: "andel" } };
    expect(await fillFeePopulationFromScb(host, { store, lang: "sv", settings: andel })).toMatchObject({ ok: false, problems: [{ plats: "fördelningsnyckel" }] });
    expect(await fillFeePopulationFromScb(host, { store, lang: "sv", settings: settings2023() })).toMatchObject({ ok: false, problems: [{ plats: "bladet Befolkning" }] });
  });
});
