import { InputError } from "../../../src/domain/errors";
import { TidyRow } from "../../../src/domain/scb/tidy";
import {
  ageCodesFor,
  ageInterval,
  ALDER_16_64,
  ALDER_20_64,
  DATASETS,
  helarsekvivalenterRequest,
  populationRequest,
  populationTableFor,
  sumAgeBand,
} from "../../../src/sources/scb/api/datasets";
import { metadataFromJsonStat } from "../../../src/sources/scb/api/metadata";
import { CodelistSchema, MetadataDatasetSchema } from "../../../src/sources/scb/api/schemas";
import { FILES, fixtureJson } from "../fixturePaths";
import { heMetadataV2 } from "../replay/syntheticHe";

const tab638 = metadataFromJsonStat(MetadataDatasetSchema.parse(fixtureJson(FILES.tab638meta)), "TAB638");
const tab6471 = metadataFromJsonStat(MetadataDatasetSchema.parse(fixtureJson(FILES.tab6471meta)), "TAB6471");
const agg10 = CodelistSchema.parse(fixtureJson(FILES.codelistAlder10));
const alder = (m: typeof tab638) => m.variables.find((v) => v.code === "Alder")!;

describe("age codes", () => {
  it("reads SCB's age codes and labels", () => {
    expect(ageInterval("16")).toEqual([16, 16]);
    expect(ageInterval("20-24")).toEqual([20, 24]);
    expect(ageInterval("-4", "0-4 år")).toEqual([0, 4]);
    expect(ageInterval("100+")).toEqual([100, Infinity]);
    expect(ageInterval("100+10", "100+ år")).toEqual([100, Infinity]);
    expect(ageInterval("TotSA", "totalt, samtliga åldrar")).toBeNull();
    expect(ageInterval("tot", "totalt ålder")).toBeNull();
  });

  it("TAB638 (no noise): 16–64 and 20–64 as single years, since no codelist tiles them with fewer parts", () => {
    expect(ageCodesFor(alder(tab638), ALDER_16_64, [agg10]).codes).toEqual(Array.from({ length: 49 }, (_, i) => String(16 + i)));
    expect(ageCodesFor(alder(tab638), ALDER_20_64, [agg10])).toEqual({ codes: Array.from({ length: 45 }, (_, i) => String(20 + i)) });
  });

  it("TAB638 with SCB's 10-year codelist for a band it tiles (20–59): four codes from the codelist", () => {
    expect(ageCodesFor(alder(tab638), { from: 20, to: 59 }, [agg10])).toEqual({ codelist: "agg_Ålder10årJ", codes: ["20-29", "30-39", "40-49", "50-59"] });
  });

  it("CKM TAB6471: the fewest groups (less added noise), taken directly from the table's own codes", () => {
    expect(ageCodesFor(alder(tab6471), ALDER_20_64).codes).toEqual(["20-29", "30-39", "40-49", "50-59", "60-64"]);
    expect(ageCodesFor(alder(tab6471), ALDER_16_64).codes).toEqual(["16", "17", "18", "19", "20-29", "30-39", "40-49", "50-59", "60-64"]);
    expect(ageCodesFor(alder(tab6471), { from: 65, to: null }).codes).toEqual(["65-69", "70-79", "80-89", "90-99", "100+"]);
  });

  it("a band that cannot be formed exactly is a Swedish error", () => {
    const noSingles = { ...alder(tab6471), values: alder(tab6471).values.filter((v) => v.code.includes("-")) };
    expect(() => ageCodesFor(noSingles, ALDER_16_64)).toThrow(new InputError([{ plats: "variabeln Alder", meddelande: "Åldersbandet 16-64 år kan inte bildas exakt av tabellens åldersgrupper." }]));
  });

  it("sums the parts of a band into one row per region, period and remaining dimensions", () => {
    const row = (regionkod: string, ålder: string, kön: string, varde: number | null): TidyRow => ({ regionkod, region: regionkod, dimensions: { ålder, kön }, period: "2024", varde, status: null });
    const out = sumAgeBand(
      [row("2480", "20-29 år", "män", 10), row("2480", "30-64 år", "män", 5), row("2480", "20-29 år", "kvinnor", 7), row("2480", "30-64 år", "kvinnor", null)],
      ALDER_20_64,
    );
    expect(out.map((r) => [r.dimensions.kön, r.dimensions.ålder, r.varde, r.status])).toEqual([
      ["män", "20-64 år", 15, null],
      ["kvinnor", "20-64 år", null, ".."],
    ]);
  });
});

describe("dataset descriptions", () => {
  it("picks TAB638 through 2024 and the CKM table from 2025", () => {
    expect(populationTableFor(2024).tableId).toBe("TAB638");
    expect(populationTableFor(2025).tableId).toBe("TAB5557");
    expect(DATASETS.helarsekvivalenter).toMatchObject({ tableId: "TAB1386", v1Path: "HE/HE0112/HE0000T02N2" });
    expect(DATASETS.helarsekvivalenter.verifierat).toMatch(/^EJ VERIFIERAT/);
  });

  it("population from TAB638: Civilstand and (for both sexes) Kon left out for SCB to sum", () => {
    const r = populationRequest(tab638, { regions: ["2480"], periods: ["2024"], band: ALDER_20_64, perKon: false });
    expect(Object.keys(r.selection).sort()).toEqual(["Alder", "ContentsCode", "Region", "Tid"]);
    expect(r.selection.ContentsCode).toEqual(["BE0101N1"]);
    expect(populationRequest(tab638, { regions: ["2480"], periods: ["2024"], band: ALDER_20_64, perKon: true }).selection.Kon).toEqual(["1", "2"]);
  });

  it("population from a CKM table: the total code for both sexes, the content looked up by label", () => {
    const r = populationRequest(tab6471, { regions: ["2480"], periods: ["2026M04"], band: ALDER_16_64, perKon: false });
    expect(r.selection).toMatchObject({ Kon: ["TotSa"], ContentsCode: ["000007SF"], Tid: ["2026M04"] });
    expect(r.ageCodes.codes).toHaveLength(9);
  });

  it("helårsekvivalenter: contents and sexes found by label (codes unverified)", () => {
    const meta = metadataFromJsonStat(heMetadataV2(), "TAB1386");
    const r = helarsekvivalenterRequest(meta, { regions: ["2480", "00"], months: ["2024M12"], kon: "alla", innehall: ["summa", "folkmangd", "andel"] });
    expect(r.selection).toEqual({ Region: ["2480", "00"], Kon: ["1+2", "1", "2"], Aldersgrupp: ["20-64"], ContentsCode: ["SYNT07", "SYNT08", "SYNT09"], Tid: ["2024M12"] });
    // SCB's typo "ersersättning" still matches.
    expect(helarsekvivalenterRequest(meta, { regions: ["00"], months: ["2024M12"], kon: "totalt", innehall: ["sjukOchAktivitetsersattning"] }).selection.ContentsCode).toEqual(["SYNT02"]);
  });
});
