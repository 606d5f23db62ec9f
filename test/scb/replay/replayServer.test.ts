/**
 * The replay server itself: real recordings served as recorded, cubes cut correctly, SCB-style
 * problems, and the synthetic cubes' promises (seeded with real 2019 figures, additive, labelled).
 * HTTP only to 127.0.0.1.
 */
import fs from "node:fs";
import befolkning2019 from "../../../src/domain/data/befolkning2019.json";
import { KOMMUNER } from "../../../src/domain/kommuner";
import { CodelistSchema, JsonStatDataset } from "../../../src/sources/scb/api/schemas";
import { parseJsonStat } from "../../../src/sources/scb/jsonstat";
import { FILES, fixtureJson, fixturePath } from "../fixturePaths";
import { DimRequest, subsetCube } from "./cube";
import { ReplayServer, startReplayServer } from "./replayServer";
import { SYNTHETIC_HE_FILES, syntheticHeFileContents } from "./syntheticFixtures";
import { HE_CONTENTS, syntheticHeCube } from "./syntheticHe";
import { syntheticTab638Cube } from "./syntheticPopulation";

jest.setTimeout(5000);

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.stop());

async function post(url: string, body: unknown): Promise<{ status: number; type: string; json: unknown; text: string }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get("content-type") ?? "", json, text };
}
const selection = (sel: Record<string, string[]>, codelists: Record<string, string> = {}) => ({
  selection: Object.entries(sel).map(([variableCode, valueCodes]) => ({ variableCode, valueCodes, ...(codelists[variableCode] ? { codelist: codelists[variableCode] } : {}) })),
});
const req = (sel: Record<string, string[]>): DimRequest[] => Object.entries(sel).map(([variableCode, valueCodes]) => ({ variableCode, valueCodes }));
const cut = (ds: ReturnType<typeof subsetCube>) => {
  if (!("id" in ds)) throw new Error(ds.detail);
  return ds;
};

describe("real recordings", () => {
  it("serves /config with the configured limits", async () => {
    server.setConfig({ maxDataCells: 1234 });
    const cfg = (await (await fetch(`${server.v2}/config`)).json()) as Record<string, unknown>;
    expect(cfg).toMatchObject({ apiVersion: "2.3.2", maxDataCells: 1234, maxCallsPerTimeWindow: 30, timeWindow: 10 });
    server.setConfig({ maxDataCells: 150000 });
  });

  it("cuts the recorded TAB6471 cube and keeps SCB's values in place", async () => {
    const r = await post(`${server.v2}/tables/TAB6471/data?lang=sv&outputFormat=json-stat2`, selection({
      Region: ["24", "01"],
      Alder: ["20-29"],
      Kon: ["2", "TotSa"],
      ContentsCode: ["000007SF"],
      Tid: ["2026M02"],
    }));
    expect(r.status).toBe(200);
    const ds = r.json as JsonStatDataset;
    expect(ds.size).toEqual([2, 1, 2, 1, 1]);
    // Codes come back in the table's order, whatever order they were asked in (read by index value:
    // JavaScript lists the key "24" before "01").
    expect(ds.dimension.Region.category.index).toEqual({ "01": 0, "24": 1 });
    const recorded = parseJsonStat(fixtureJson(FILES.tab6471)).rows;
    for (const row of parseJsonStat(ds).rows) {
      const same = recorded.find((x) => x.regionkod === row.regionkod && x.period === row.period && JSON.stringify(x.dimensions) === JSON.stringify(row.dimensions));
      expect(row.varde).toBe(same!.varde);
    }
  });

  it("eliminates a left-out variable with its elimination value (TAB6471 Kon → TotSa)", async () => {
    const r = await post(`${server.v2}/tables/TAB6471/data`, selection({ Region: ["24"], Alder: ["20-29"], ContentsCode: ["000007SF"], Tid: ["2026M01"] }));
    const ds = r.json as JsonStatDataset;
    expect(ds.id).toEqual(["Region", "Alder", "ContentsCode", "Tid"]);
    const withTot = await post(`${server.v2}/tables/TAB6471/data`, selection({ Region: ["24"], Alder: ["20-29"], Kon: ["TotSa"], ContentsCode: ["000007SF"], Tid: ["2026M01"] }));
    expect(ds.value).toEqual((withTot.json as JsonStatDataset).value);
  });

  it("says so when a table's value exists but was not recorded", async () => {
    const r = await post(`${server.v2}/tables/TAB6471/data`, selection({ Region: ["2480"], Alder: ["20-29"], ContentsCode: ["000007SF"], Tid: ["2026M01"] }));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ type: "urn:samkalk:replay:not-recorded", detail: "Replay: no recorded data for Region=2480" });
  });

  it("v1: ?config, recorded metadata, the recorded PX-JSON query and the CKM json-stat2 cut", async () => {
    const base = `${server.v1}/BE/BE0101/BE0101A/BefolkningNy`;
    expect(await (await fetch(`${base}?config`)).json()).toEqual({ maxValues: 110000, maxCells: 150000, maxCalls: 30, timeWindow: 10, CORS: true });
    expect(await (await fetch(base)).json()).toEqual(fixtureJson(FILES.befolkningNyMeta));
    const px = await post(base, {
      query: [
        { code: "Civilstand", selection: { filter: "item", values: ["OG", "G", "SK", "ÄNKL"] } },
        { code: "ContentsCode", selection: { filter: "item", values: ["BE0101N1"] } },
        { code: "Tid", selection: { filter: "item", values: ["2015", "2016", "2017"] } },
      ],
      response: { format: "json" },
    });
    expect(px.json).toEqual(fixtureJson(FILES.pxjsonCivil));
    const item = (code: string, values: string[]) => ({ code, selection: { filter: "item", values } });
    const ckm = await post(`${server.v1}/START/BE/BE0101/BE0101A/BefolkManadCKM`, {
      query: [item("Region", ["2480", "00"]), item("Alder", ["TotSA"]), item("Kon", ["TotSa"]), item("ContentsCode", ["000007SF"]), item("Tid", ["2026M05"])],
      response: { format: "json-stat2" },
    });
    // Riket and Umeå, 2026M05: real values from the recording, in the table's order.
    expect((ckm.json as JsonStatDataset).value).toEqual([10608128, 135249]);
  });
});

describe("RFC 7807 problems", () => {
  it("400 'too many cells' when a selection exceeds maxDataCells", async () => {
    server.setConfig({ maxDataCells: 100 });
    const r = await post(`${server.v2}/tables/TAB638/data?outputFormat=json-stat2`, selection({ Region: ["00", "01"], Alder: ["tot"], Kon: ["1", "2"], ContentsCode: ["BE0101N1"], Tid: Array.from({ length: 30 }, (_, i) => String(1990 + i)) }));
    server.setConfig({ maxDataCells: 150000 });
    expect(r.status).toBe(400);
    expect(r.type).toContain("application/problem+json");
    expect(r.json).toEqual({ title: "Bad Request", status: 400, detail: "Too many cells selected: the query gives 120 cells, the limit is 100." });
  });

  it("404 for an unknown table, on every table path", async () => {
    for (const p of ["/tables/TAB0000", "/tables/TAB0000/metadata"]) {
      const res = await fetch(`${server.v2}${p}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ title: "Not Found", status: 404, detail: "Node with id, TAB0000 can not be found" });
    }
    expect((await post(`${server.v2}/tables/TAB0000/data`, selection({ Tid: ["2024"] }))).status).toBe(404);
  });

  it("400 for a value code the table does not have", async () => {
    const r = await post(`${server.v2}/tables/TAB638/data`, selection({ Region: ["9999"], ContentsCode: ["BE0101N1"], Tid: ["2024"] }));
    expect(r.json).toMatchObject({ status: 400, detail: "Value, 9999 is not a valid value code for variable Region" });
  });
});

describe("SYNTHETIC TAB638 (real structure, invented values)", () => {
  const cube = syntheticTab638Cube();

  it("is labelled synthetic in every answer", () => {
    const ds = cut(subsetCube(cube, req({ Region: ["2480"], ContentsCode: ["BE0101N1"], Tid: ["2019"] })));
    expect(ds.note?.[0]).toMatch(/^SYNTETISKA DATA/);
    expect(ds.source).toContain("SYNTETISKA");
  });

  it("reproduces the real 2019 total, 16–64 and 20–64 of all 290 kommuner (befolkning2019.json)", () => {
    const ages = Array.from({ length: 49 }, (_, i) => String(16 + i));
    const ds = cut(subsetCube(cube, req({ Region: KOMMUNER.map((k) => k.kod), Alder: [...ages, "tot"], ContentsCode: ["BE0101N1"], Tid: ["2019"] })));
    const rows = parseJsonStat(ds).rows;
    const by = new Map<string, { total: number; a16: number; a20: number }>();
    for (const r of rows) {
      const b = by.get(r.regionkod) ?? { total: 0, a16: 0, a20: 0 };
      const age = r.dimensions["ålder"];
      if (age === "totalt ålder") b.total += r.varde!;
      else {
        b.a16 += r.varde!;
        if (Number(age.replace(" år", "")) >= 20) b.a20 += r.varde!;
      }
      by.set(r.regionkod, b);
    }
    for (const b of befolkning2019.befolkning) expect(by.get(b.kod)).toEqual({ total: b.total, a16: b["16-64"], a20: b["20-64"] });
  });

  it("adds up: län and riket are the sums of their kommuner, tot the sum of the ages", () => {
    const vb = KOMMUNER.filter((k) => k.lan === "24").map((k) => k.kod);
    // Table order: riket 00 before län 24.
    const [riket, lan] = cut(subsetCube(cube, req({ Region: ["24", "00"], Alder: ["tot"], ContentsCode: ["BE0101N1"], Tid: ["2005"] }))).value!;
    const parts = cut(subsetCube(cube, req({ Region: vb, Alder: ["tot"], ContentsCode: ["BE0101N1"], Tid: ["2005"] }))).value!;
    expect(lan).toBe(parts.reduce((a, b) => a! + b!, 0));
    const all = cut(subsetCube(cube, req({ Region: KOMMUNER.map((k) => k.kod), Alder: ["tot"], ContentsCode: ["BE0101N1"], Tid: ["2005"] }))).value!;
    expect(riket).toBe(all.reduce((a, b) => a! + b!, 0));
    const ages = [...Array.from({ length: 100 }, (_, i) => String(i)), "100+"];
    const single = cut(subsetCube(cube, req({ Region: ["2480"], Alder: ages, ContentsCode: ["BE0101N1"], Tid: ["2005"] }))).value!;
    const tot = cut(subsetCube(cube, req({ Region: ["2480"], Alder: ["tot"], ContentsCode: ["BE0101N1"], Tid: ["2005"] }))).value![0];
    expect(tot).toBe(single.reduce((a, b) => a! + b!, 0));
  });

  it("applies SCB's real agg_Ålder10årJ codelist by summing its value map", async () => {
    const codelist = CodelistSchema.parse(fixtureJson(FILES.codelistAlder10));
    const agg = await post(`${server.v2}/tables/TAB638/data`, selection({ Region: ["2480"], Alder: ["20-29", "100+"], ContentsCode: ["BE0101N1"], Tid: ["2024"] }, { Alder: codelist.id }));
    expect(agg.status).toBe(200);
    const single = cut(subsetCube(cube, req({ Region: ["2480"], Alder: Array.from({ length: 10 }, (_, i) => String(20 + i)), ContentsCode: ["BE0101N1"], Tid: ["2024"] })));
    const ds = agg.json as JsonStatDataset;
    expect(ds.dimension.Alder.category.label).toEqual({ "20-29": "20-29 år", "100+": "100+ år" });
    expect(ds.value![0]).toBe(single.value!.reduce((a, b) => a! + b!, 0));
  });
});

describe("SYNTHETIC helårsekvivalenter (structure from DOMAIN.md, invented values)", () => {
  const cube = syntheticHeCube();
  const sample = JSON.parse(fs.readFileSync(fixturePath(SYNTHETIC_HE_FILES.sample), "utf8")) as JsonStatDataset;

  it("the files in test/fixtures/scb/synthetic are what the generator serves", () => {
    const fresh = syntheticHeFileContents();
    for (const k of Object.keys(SYNTHETIC_HE_FILES) as (keyof typeof SYNTHETIC_HE_FILES)[]) {
      expect(fs.readFileSync(fixturePath(SYNTHETIC_HE_FILES[k]), "utf8")).toBe(fresh[k]);
    }
  });

  it("has the documented structure: 290 kommuner + riket, Kon, Aldersgrupp, nine contents, months from 2014M01", async () => {
    const m = (await (await fetch(`${server.v2}/tables/TAB1386/metadata`)).json()) as JsonStatDataset;
    expect(m.id).toEqual(["Region", "Kon", "Aldersgrupp", "ContentsCode", "Tid"]);
    expect(m.size.slice(0, 4)).toEqual([291, 3, 2, 9]);
    expect(Object.values(m.dimension.ContentsCode.category.label!)).toEqual(HE_CONTENTS.map((c) => c.label));
    expect(Object.keys(m.dimension.Tid.category.index as object)[0]).toBe("2014M01");
    expect(m.label).toMatch(/^SYNTETISK/);
  });

  it("is internally consistent: Summa = the six types, 1+2 = 1 + 2, Andel = Summa / Folkmängd", () => {
    const rows = parseJsonStat(sample).rows;
    const key = (r: (typeof rows)[0]) => `${r.regionkod}|${r.period}|${r.dimensions["kön"]}|${r.dimensions["åldersgrupp"]}`;
    const groups = new Map<string, Record<string, number>>();
    for (const r of rows) groups.set(key(r), { ...groups.get(key(r)), [r.dimensions["tabellinnehåll"]]: r.varde! });
    for (const [k, g] of groups) {
      const six = HE_CONTENTS.slice(0, 6).reduce((s, c) => s + g[c.label], 0);
      expect(g["Summa helårsekvivalenter"]).toBe(six);
      expect(Math.abs(g["Andel av befolkningen"] - (100 * six) / g["Folkmängd"])).toBeLessThanOrEqual(0.05);
      const [region, period, kon, grupp] = k.split("|");
      if (kon === "totalt") {
        const m = groups.get(`${region}|${period}|män|${grupp}`)!;
        const w = groups.get(`${region}|${period}|kvinnor|${grupp}`)!;
        for (const c of HE_CONTENTS.slice(0, 8)) expect(g[c.label]).toBe(m[c.label] + w[c.label]);
      }
    }
    // A plausible level: riket's share 20–64 between 8 and 18 %.
    const riket = groups.get("00|2024M06|totalt|20-64 år")!;
    expect(riket["Andel av befolkningen"]).toBeGreaterThan(8);
    expect(riket["Andel av befolkningen"]).toBeLessThan(18);
  });

  it("riket is the sum of the 290 kommuner", () => {
    const sel = { Kon: ["1+2"], Aldersgrupp: ["20-64"], ContentsCode: ["SYNT07"], Tid: ["2019M03"] };
    const riket = cut(subsetCube(cube, req({ Region: ["00"], ...sel }))).value![0];
    const all = cut(subsetCube(cube, req({ Region: KOMMUNER.map((k) => k.kod), ...sel }))).value!;
    expect(riket).toBe(all.reduce((a, b) => a! + b!, 0));
  });
});

describe("elimination", () => {
  it("sums a variable away without counting its total twice (TAB638 Alder has 'tot')", () => {
    const cube = syntheticTab638Cube();
    const eliminated = cut(subsetCube(cube, req({ Region: ["2480"], ContentsCode: ["BE0101N1"], Tid: ["2019"] }))).value![0];
    expect(eliminated).toBe(befolkning2019.befolkning.find((b) => b.kod === "2480")!.total);
  });
});
