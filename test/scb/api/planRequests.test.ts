import fc from "fast-check";
import { planBatches, planRequests, populationPlanExample } from "../../../src/sources/scb/api/planRequests";

const cellsOf = (batch: [number, number][]) => batch.reduce((n, [a, b]) => n * (b - a), 1);

/** Every cell of the cube is in exactly one batch. */
function coversExactly(sizes: number[], batches: [number, number][][]): boolean {
  const total = sizes.reduce((a, b) => a * b, 1);
  const seen = new Uint8Array(total);
  const stride = sizes.map((_, d) => sizes.slice(d + 1).reduce((a, b) => a * b, 1));
  for (const b of batches) {
    const visit = (d: number, flat: number): boolean => {
      if (d === sizes.length) {
        if (seen[flat]) return false;
        seen[flat] = 1;
        return true;
      }
      for (let i = b[d][0]; i < b[d][1]; i++) if (!visit(d + 1, flat + i * stride[d])) return false;
      return true;
    };
    if (!visit(0, 0)) return false;
  }
  return seen.every((x) => x === 1);
}

describe("planRequests (pure)", () => {
  it("needs one request when the selection fits", () => {
    const p = planRequests([{ code: "Region", size: 290 }, { code: "Tid", size: 10 }], 150_000);
    expect(p).toMatchObject({ totalCells: 2900, requests: 1, minimumRequests: 1, largestRequestCells: 2900 });
    expect(planBatches(p)).toEqual([[[0, 290], [0, 10]]]);
  });

  it("splits along the largest dimension and reaches the minimum the limit allows", () => {
    // 290 kommuner × 2 ages × 2 sexes × 10 years = 11 600 cells; limit 1 000 → at least 12 requests.
    const p = planRequests(
      [{ code: "Region", size: 290 }, { code: "Alder", size: 2 }, { code: "Kon", size: 2 }, { code: "Tid", size: 10 }],
      1000,
    );
    expect(p.minimumRequests).toBe(12);
    expect(p.requests).toBe(12);
    expect(p.splits.map((s) => [s.code, s.pieces])).toEqual([["Region", 12], ["Alder", 1], ["Kon", 1], ["Tid", 1]]);
    const batches = planBatches(p);
    expect(batches.every((b) => cellsOf(b) <= 1000)).toBe(true);
    expect(coversExactly([290, 2, 2, 10], batches)).toBe(true);
  });

  it("splits a second dimension when the others alone exceed the limit", () => {
    // Alder 102 × Tid 57 = 5 814 > 5 000: Region alone cannot be cut small enough.
    const p = planRequests([{ code: "Region", size: 312 }, { code: "Alder", size: 102 }, { code: "Tid", size: 57 }], 5000);
    expect(p.requests).toBeGreaterThanOrEqual(p.minimumRequests);
    expect(p.largestRequestCells).toBeLessThanOrEqual(5000);
    expect(p.splits.filter((s) => s.pieces > 1).length).toBeGreaterThanOrEqual(2);
    expect(coversExactly([312, 102, 57], planBatches(p))).toBe(true);
  });

  it("searches for fewer requests than plain largest-first chunking when the others exceed the limit", () => {
    // 58 × 27 × 56 = 87 696 cells, limit 2 398 → at least 37 requests. Largest-first: 27·56 = 1 512 fits,
    // so one value of the first variable per request → 58 requests. Cutting the 56 into 19 pieces of ≤ 3 and
    // the 58 into 2 gives 38 requests of ≤ 29·27·3 = 2 349 cells.
    const p = planRequests([{ code: "A", size: 58 }, { code: "B", size: 27 }, { code: "C", size: 56 }], 2398);
    expect(p.minimumRequests).toBe(37);
    expect(p.requests).toBe(38);
    expect(p.splits.map((s) => s.pieces)).toEqual([2, 1, 19]);
    expect(p.largestRequestCells).toBeLessThanOrEqual(2398);
    expect(coversExactly([58, 27, 56], planBatches(p))).toBe(true);
  });

  it("answers the bench's question: 290 kommuner × 10 years × 2 sexes × 49 ages (16–64)", () => {
    const { plan, summary } = populationPlanExample();
    expect(plan.totalCells).toBe(290 * 10 * 2 * 49);
    expect(plan.minimumRequests).toBe(2);
    expect(plan.requests).toBe(2);
    expect(summary).toContain("2 anrop (minst möjligt 2)");
  });

  it("rejects a non-positive limit", () => {
    expect(() => planRequests([{ code: "A", size: 2 }], 0)).toThrow(RangeError);
  });

  it("property: batches partition the cube, stay within the limit, and never beat the lower bound", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 3000 }), (sizes, limit) => {
        const p = planRequests(sizes.map((size, i) => ({ code: `D${i}`, size })), limit);
        const batches = planBatches(p);
        expect(batches).toHaveLength(p.requests);
        expect(p.requests).toBeGreaterThanOrEqual(p.minimumRequests);
        expect(batches.every((b) => cellsOf(b) <= limit)).toBe(true);
        expect(coversExactly(sizes, batches)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
