/**
 * `samkalk scb import` prints large tables in pieces: the pieces put together are exactly the CSV and the JSON a
 * single pass gives (header once, commas between JSON records, formula-like texts escaped in CSV only).
 */
import fc from "fast-check";
import type { TidyRow } from "../../src/domain/scb/tidy";
import { tidyTextChunks, tidyToCsv, tidyToJson } from "../../src/sources/scb/tidyCsv";

const row = fc.record({
  regionkod: fc.constantFrom("2480", "00", ""),
  region: fc.constantFrom("Umeå", "Riket", "=cmd|' /C calc'!A0", "+1+1", "a,b"),
  dimensions: fc.record({ kön: fc.constantFrom("män", "kvinnor", "@SUM(1)") }),
  period: fc.constantFrom("2023", "2023M01"),
  varde: fc.oneof(fc.constant(null), fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })),
  status: fc.constantFrom(null, ".."),
}) as fc.Arbitrary<TidyRow>;

test("pieces of any size put together equal the one-pass CSV and JSON", () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 1, max: 25 }), (rows, per) => {
      const dims = ["kön"];
      expect([...tidyTextChunks(rows, dims, "csv", per)].join("")).toBe(tidyToCsv(rows, dims));
      expect([...tidyTextChunks(rows, dims, "json", per)].join("")).toBe(JSON.stringify(tidyToJson(rows, dims), null, 2) + "\n");
    }),
    { numRuns: 300 },
  );
});
