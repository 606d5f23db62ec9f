/**
 * Property: any selection over the synthetic TAB638 cube, split at any cell limit, merges back to
 * exactly the rows of the unsplit answer. In-process (the replay server's cube logic behind a
 * TableApi) for many runs, and a few runs over real HTTP against the replay server.
 */
import fc from "fast-check";
import { ScbClient } from "../../../src/sources/scb/api/client";
import { fetchDataset } from "../../../src/sources/scb/api/fetchDataset";
import { CodelistSchema, JsonStatDataset } from "../../../src/sources/scb/api/schemas";
import { parseJsonStat } from "../../../src/sources/scb/jsonstat";
import { FILES, fixtureJson } from "../fixturePaths";
import { subsetCube } from "./cube";
import { inProcessApi } from "./inProcessApi";
import { startReplayServer } from "./replayServer";
import { syntheticTab638Cube, tab638Metadata } from "./syntheticPopulation";

jest.setTimeout(5000);

const cube = syntheticTab638Cube();
const meta = tab638Metadata();
const codelist = CodelistSchema.parse(fixtureJson(FILES.codelistAlder10));
const codes = (id: string) => cube.codes[cube.ids.indexOf(id)];

interface Case {
  selection: Record<string, string[]>;
  aggregated: boolean;
  divisor: number;
  jitter: number;
}

const subset = (id: string, max: number) => fc.uniqueArray(fc.constantFrom(...codes(id)), { minLength: 1, maxLength: max });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    Region: subset("Region", 12),
    Civilstand: optional(subset("Civilstand", 4)),
    ages: subset("Alder", 10),
    tenYear: fc.uniqueArray(fc.constantFrom(...codelist.values.map((v) => v.code)), { minLength: 1, maxLength: 4 }),
    aggregated: fc.boolean(),
    Kon: optional(subset("Kon", 2)),
    ContentsCode: subset("ContentsCode", 2),
    Tid: subset("Tid", 6),
    divisor: fc.integer({ min: 1, max: 40 }),
    jitter: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ ages, tenYear, aggregated, Civilstand, Kon, divisor, jitter, ...rest }) => {
    const selection: Record<string, string[]> = { ...rest, Alder: aggregated ? tenYear : ages };
    if (Civilstand) selection.Civilstand = Civilstand;
    if (Kon) selection.Kon = Kon;
    return { selection, aggregated, divisor, jitter };
  });

const cells = (sel: Record<string, string[]>) => Object.values(sel).reduce((n, v) => n * v.length, 1);
/** A limit from "about cells/divisor", from one request to ~60. */
const limitFor = (c: Case) => Math.max(1, Math.floor((cells(c.selection) / c.divisor) * (0.5 + c.jitter)));

function unsplit(c: Case): JsonStatDataset {
  const ds = subsetCube(
    cube,
    Object.entries(c.selection).map(([variableCode, valueCodes]) => ({
      variableCode,
      valueCodes,
      ...(c.aggregated && variableCode === "Alder" ? { codelistId: codelist.id, codelist } : {}),
    })),
  );
  if (!("id" in ds)) throw new Error(ds.detail);
  return ds;
}

it("property (in-process): split at random limits, merged rows equal the unsplit answer", async () => {
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const limit = limitFor(c);
      const api = inProcessApi(cube, meta, limit, [codelist]);
      const got = await fetchDataset(api, "TAB638", c.selection, { codelists: c.aggregated ? { Alder: codelist.id } : undefined, concurrency: 3 });
      expect(got.report.requests).toBe(api.requests.length);
      expect(got.report.requests).toBeGreaterThanOrEqual(got.report.minimumRequests);
      expect(api.requests.every((r) => r.reduce((n, s) => n * s.valueCodes.length, 1) <= limit)).toBe(true);
      expect(got.table.rows).toEqual(parseJsonStat(unsplit(c), "SCB, tabell TAB638").rows);
    }),
    { numRuns: 50, seed: 20260625 },
  );
});

it("property (over HTTP, a few runs): the same against the replay server", async () => {
  const server = await startReplayServer();
  try {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const limit = Math.max(limitFor(c), Math.ceil(cells(c.selection) / 15));
        server.setConfig({ maxDataCells: limit });
        const client = new ScbClient({ baseUrl: server.v2, marginMs: 0, rateLimit: { maxCalls: 1000, windowMs: 1000 } });
        const got = await client.fetchDataset("TAB638", c.selection, { codelists: c.aggregated ? { Alder: codelist.id } : undefined });
        expect(got.table.rows).toEqual(parseJsonStat(unsplit(c), "SCB, tabell TAB638").rows);
      }),
      { numRuns: 6, seed: 42 },
    );
  } finally {
    await server.stop();
  }
});
