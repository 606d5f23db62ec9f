import { ScbApiError } from "../../../src/sources/scb/api/errors";
import { mergeDatasets } from "../../../src/sources/scb/api/merge";
import { JsonStatDataset } from "../../../src/sources/scb/api/schemas";

const target = { kind: "table", id: "T" } as const;

/** A small json-stat2 dataset: Region × Tid, index given as an object in the order we choose. */
function ds(regions: string[], years: string[], value: (number | null)[], keyOrder?: string[]): JsonStatDataset {
  const regionIndex = Object.fromEntries((keyOrder ?? regions).map((c) => [c, regions.indexOf(c)]));
  return {
    class: "dataset",
    id: ["Region", "Tid"],
    size: [regions.length, years.length],
    role: { time: ["Tid"] },
    dimension: {
      Region: { label: "region", category: { index: regionIndex, label: Object.fromEntries(regions.map((r) => [r, `R${r}`])) } },
      Tid: { label: "år", category: { index: years, label: Object.fromEntries(years.map((y) => [y, y])) } },
    },
    value,
  };
}

describe("mergeDatasets", () => {
  it("places values by json-stat index, whatever the batch and key order", () => {
    const a = ds(["2480", "0114"], ["2023", "2024"], [1, 2, 3, 4], ["0114", "2480"]);
    const b = ds(["1280"], ["2023", "2024"], [5, 6]);
    const merged = mergeDatasets([b, a], target, { Region: ["0114", "1280", "2480"], Tid: ["2023", "2024"] });
    expect(merged.size).toEqual([3, 2]);
    expect(merged.dimension.Region.category.index).toEqual({ "0114": 0, "1280": 1, "2480": 2 });
    expect(merged.value).toEqual([3, 4, 5, 6, 1, 2]);
    expect(merged.dimension.Region.category.label).toEqual({ "0114": "R0114", "1280": "R1280", "2480": "R2480" });
  });

  it("refuses a missing cell, a cell twice and a value nobody asked for (nothing half-merged)", () => {
    const a = ds(["2480"], ["2024"], [1]);
    const order = { Region: ["2480", "0114"], Tid: ["2024"] };
    expect(() => mergeDatasets([a], target, order)).toThrow("Delsvaren saknar 1 av 2 celler (t.ex. Region=0114, Tid=2024).");
    expect(() => mergeDatasets([a, a], target, { Region: ["2480"], Tid: ["2024"] })).toThrow("Cell Region=2480, Tid=2024 kom i två delsvar.");
    expect(() => mergeDatasets([ds(["9999"], ["2024"], [1])], target, order)).toThrow(ScbApiError);
  });
});
