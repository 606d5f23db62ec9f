import fc from "fast-check";
import { parsePeriod } from "../../src/domain/scb/tidy";

describe("periods as SCB writes them", () => {
  it("reads a year, a quarter and a month into one normalized form", () => {
    expect(parsePeriod("2023")).toEqual({ kod: "2023", typ: "år", ar: 2023, del: null, start: "2023-01-01", slut: "2023-12-31" });
    expect(parsePeriod("2023K1")).toEqual({ kod: "2023K1", typ: "kvartal", ar: 2023, del: 1, start: "2023-01-01", slut: "2023-03-31" });
    expect(parsePeriod("2024M02")).toEqual({ kod: "2024M02", typ: "månad", ar: 2024, del: 2, start: "2024-02-01", slut: "2024-02-29" });
  });

  it("accepts the variants people type and gives SCB's code back", () => {
    expect(parsePeriod("2023Q4")?.kod).toBe("2023K4");
    expect(parsePeriod(" 2023k2 ")?.kod).toBe("2023K2");
    expect(parsePeriod("2023M1")?.kod).toBe("2023M01");
    expect(parsePeriod("2023-11")?.kod).toBe("2023M11");
  });

  it("says no to things that are not periods", () => {
    for (const s of ["", "region", "2023K5", "2023M13", "2023M00", "23", "20231", "0 år", "2023 - 2024", "totalt"]) {
      expect(parsePeriod(s)).toBeNull();
    }
  });

  it("reads back every code it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (ar, m) => {
        for (const kod of [`${ar}`, `${ar}K${((m - 1) % 4) + 1}`, `${ar}M${String(m).padStart(2, "0")}`]) {
          expect(parsePeriod(kod)?.kod).toBe(kod);
        }
      }),
    );
  });
});
