/**
 * The SCB fetch adapters and the SCB use cases over real HTTP against the replay server on 127.0.0.1
 * (recorded SCB metadata; the SYNTHETIC TAB638 cube whose 2019 band sums are SCB's real figures; the
 * SYNTHETIC helårsekvivalenter cube). Nothing else is reached. Small cell limits force several batches.
 */
import befolkning2019 from "../../src/domain/data/befolkning2019.json";
import { KOMMUNER } from "../../src/domain/kommuner";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { UMEAREGIONEN_KODER } from "../../src/demo/demoWorkbook";
import { BEFOLKNING_TABLE } from "../../src/sheets/scb/befolkningSheet";
import { KALLOR_TABLE } from "../../src/sheets/scb/kallorSheet";
import { embeddedPopulation } from "../../src/domain/scb/embeddedPopulation";
import type { FetchReport } from "../../src/sources/scb/api";
import { BEFOLKNING_SHEET, fetchBefolkning, writeEmbeddedBefolkning } from "../../src/usecases/scb/befolkning";
import {
  defaultTableSelection,
  findTables,
  helarsekvivalenterFetch,
  normaliseMonth,
  periodRange,
  populationFetch,
  regionCodes,
  scbClientFor,
  sharedRateLimiter,
  tableFetch,
  tableMetadata,
  tableSelection,
} from "../../src/usecases/scb/fetchAdapters";
import { DEFAULT_SCB_BASE_URL, SCB_SETTINGS_KEY, loadScbFetchSettings, normaliseBaseUrl, saveScbFetchSettings } from "../../src/usecases/scb/fetchSettings";
import { HE_DATA_SHEET, HE_SHEET, fetchHelarsekvivalenter } from "../../src/usecases/scb/helarsekvivalenter";
import { fetchScbTable } from "../../src/usecases/scb/scbImport";
import { KALLOR_SHEET } from "../../src/usecases/scb/kallor";
import { categoryCodes, MetadataDatasetSchema, type JsonStatDataset } from "../../src/sources/scb/api/schemas";
import { FILES, fixtureJson } from "../scb/fixturePaths";
import { memoryStore } from "../scb/sheets/scbTestSupport";
import { subsetCube, type Cube } from "../scb/replay/cube";
import { ReplayServer, startReplayServer } from "../scb/replay/replayServer";

jest.setTimeout(20_000);

let server: ReplayServer;
/** SCB's cell limit; a generous call limit, so that the shared queue does not slow the tests down (its own tests are in test/scb/api). */
const DEFAULT_CONFIG = { maxDataCells: 150000, maxCallsPerTimeWindow: 1000, timeWindow: 10 };
const today = new Date("2026-03-02T08:15:00Z");
const now = () => today;

beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(() => {
  server.misbehave(undefined);
  server.setConfig(DEFAULT_CONFIG);
  server.reset();
});

/** A client for the replay server through the shared queue; fast retries so failures come quickly. */
const client = (o: { retries?: number } = {}) => scbClientFor(server.v2, { backoffMs: 10, retries: o.retries ?? 3 });
const dataCalls = () => server.calls.filter((c) => c.method === "POST" && c.path.endsWith("/data"));

async function befolkningRows(host: XlsxWorkbookHost) {
  const body = (await host.inspectSheet(BEFOLKNING_SHEET, [BEFOLKNING_TABLE])).tables[BEFOLKNING_TABLE] ?? [];
  return body.map((r) => ({ kod: String(r[0]), namn: String(r[1]), band: String(r[2]), kon: String(r[3]), ar: Number(r[4]), folkmangd: Number(r[5]), kalla: String(r[6]) }));
}
const kallorRows = async (host: XlsxWorkbookHost) => (await host.inspectSheet(KALLOR_SHEET, [KALLOR_TABLE])).tables[KALLOR_TABLE] ?? [];

const lanSum = (lan: string, band: "16-64" | "20-64") =>
  befolkning2019.befolkning.filter((b) => KOMMUNER.find((k) => k.kod === b.kod)?.lan === lan).reduce((s, b) => s + b[band], 0);
const riketSum = (band: "16-64" | "20-64") => befolkning2019.befolkning.reduce((s, b) => s + b[band], 0);

describe("population over HTTP", () => {
  it("Umeåregionen 2019, 16–64 and 20–64, equals the embedded real SCB figures; län and riket are their sums", async () => {
    server.setConfig({ maxDataCells: 200 });
    const host = new XlsxWorkbookHost();
    const progress: Array<[number, string]> = [];
    const reports: FetchReport[] = [];
    const fetch = populationFetch(
      client(),
      { kommuner: UMEAREGIONEN_KODER, lan: true, riket: true, bands: [{ fran: 16, till: 64 }, { fran: 20, till: 64 }], years: [2019] },
      { now, onReport: (r) => reports.push(...r) },
    );
    const out = await fetchBefolkning(host, fetch, { today, bands: [{ fran: 16, till: 64 }, { fran: 20, till: 64 }], onProgress: (step, f) => progress.push([f, step]) });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.sheets).toEqual([BEFOLKNING_SHEET, KALLOR_SHEET]);

    const rows = await befolkningRows(host);
    for (const kod of UMEAREGIONEN_KODER) {
      for (const [fran, band] of [[16, "16–64 år"], [20, "20–64 år"]] as const) {
        const row = rows.find((r) => r.kod === kod && r.band === band && r.kon === "totalt" && r.ar === 2019);
        expect(row?.folkmangd).toBe(embeddedPopulation(kod, fran, 64));
        expect(row?.kalla).toMatch(/^SCB TAB638 \(Folkmängden efter region/);
      }
    }
    expect(rows.find((r) => r.kod === "24" && r.band === "20–64 år")).toMatchObject({ namn: "Västerbottens län", folkmangd: lanSum("24", "20-64") });
    expect(rows.find((r) => r.kod === "00" && r.band === "16–64 år")).toMatchObject({ folkmangd: riketSum("16-64") });
    expect(rows).toHaveLength((6 + 2) * 2);

    // 8 regions × 49 single years (16–64 covers 20–64) = 392 cells, 200 per request: 2 batches.
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ cells: 392, requests: 2, rateLimited: 0 });
    expect(dataCalls()).toHaveLength(2);
    // The table's metadata is read once in the run (the adapter and the dataset fetch share it).
    expect(server.calls.filter((c) => c.method === "GET" && c.path.endsWith("/metadata"))).toHaveLength(1);
    expect(progress.filter(([, s]) => /del \d av 2/.test(s)).map(([, s]) => s)).toEqual([
      "Hämtar från SCB: del 0 av 2",
      "Hämtar från SCB: del 1 av 2",
      "Hämtar från SCB: del 2 av 2",
    ]);
    const fractions = progress.map(([f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));

    // The same figures as the embedded ones, written side by side: identical sheets' values.
    const embedded = new XlsxWorkbookHost();
    await writeEmbeddedBefolkning(embedded, UMEAREGIONEN_KODER, { today });
    const same = (await befolkningRows(embedded)).map((r) => [r.kod, r.band, r.folkmangd]);
    expect(rows.filter((r) => r.kod.length === 4).map((r) => [r.kod, r.band, r.folkmangd])).toEqual(same);

    const kallor = await kallorRows(host);
    expect(kallor).toHaveLength(1);
    const [tid, typ, tabell, titel, fraga, api, antal, blad, anm] = kallor[0];
    expect([tid, typ, tabell, api, antal, blad]).toEqual(["2026-03-02 09:15", "SCB API", "TAB638", "v2", 16, BEFOLKNING_SHEET]);
    expect(titel).toMatch(/^Folkmängden efter region, civilstånd, ålder och kön/);
    const q = JSON.parse(String(fraga));
    expect(q).toMatchObject({ tabell: "TAB638", urval: { Region: [...UMEAREGIONEN_KODER, "24", "00"], Tid: ["2019"], ContentsCode: ["BE0101N1"] } });
    expect(q.urval.Alder).toHaveLength(49);
    expect(q.urval.Kon).toBeUndefined();
    expect(String(anm)).toContain(`URL: ${server.v2}/tables/TAB638/data?lang=sv&outputFormat=json-stat2`);
  });

  it("per kön: män and kvinnor, with totalt as their sum; several years", async () => {
    const host = new XlsxWorkbookHost();
    const fetch = populationFetch(client(), { kommuner: ["2480"], bands: [{ fran: 20, till: 64 }], years: [2019, 2020], perKon: true }, { now });
    const out = await fetchBefolkning(host, fetch, { today, bands: [{ fran: 20, till: 64 }] });
    expect(out.ok).toBe(true);
    const rows = await befolkningRows(host);
    expect(rows.map((r) => [r.kon, r.ar])).toEqual([
      ["totalt", 2019],
      ["totalt", 2020],
      ["kvinnor", 2019],
      ["kvinnor", 2020],
      ["män", 2019],
      ["män", 2020],
    ]);
    const by = (kon: string, ar: number) => rows.find((r) => r.kon === kon && r.ar === ar)!.folkmangd;
    expect(by("totalt", 2019)).toBe(embeddedPopulation("2480", 20, 64));
    expect(by("män", 2020) + by("kvinnor", 2020)).toBe(by("totalt", 2020));
    expect(by("totalt", 2020)).not.toBe(by("totalt", 2019));
  });

  it("a 429 mid-way is honoured: every call waits as told, then the fetch completes with the same figures", async () => {
    server.setConfig({ maxDataCells: 45 });
    server.misbehave({ rateLimit: { maxCalls: 2, windowMs: 1000, retryAfterSeconds: 1 }, only: /^POST .*\/data$/ });
    const host = new XlsxWorkbookHost();
    const reports: FetchReport[] = [];
    const fetch = populationFetch(client(), { kommuner: ["2480", "2460", "2401", "2404"], bands: [{ fran: 20, till: 64 }], years: [2019] }, { now, concurrency: 1, onReport: (r) => reports.push(...r) });
    const out = await fetchBefolkning(host, fetch, { today, bands: [{ fran: 20, till: 64 }] });
    expect(out.ok).toBe(true);
    const statuses = dataCalls().map((c) => c.status);
    // 4 regions × 45 ages = 180 cells, 45 per request: 4 batches; the third call is refused.
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 429]);
    const refused = dataCalls().find((c) => c.status === 429)!;
    // Retry-After: 1 s — no call came before it had passed.
    for (const c of dataCalls().filter((x) => x.at > refused.at)) expect(c.at - refused.at).toBeGreaterThanOrEqual(950);
    expect(reports[0].rateLimited).toBeGreaterThanOrEqual(1);
    const rows = await befolkningRows(host);
    expect(rows.map((r) => r.folkmangd)).toEqual(["2401", "2404", "2460", "2480"].map((k) => embeddedPopulation(k, 20, 64)));
  });

  it("cancelling mid-way writes nothing and stops the remaining requests", async () => {
    server.setConfig({ maxDataCells: 45 });
    server.misbehave({ delayMs: 300, only: /^POST .*\/data$/ });
    const host = new XlsxWorkbookHost();
    const ctrl = new AbortController();
    const fetch = populationFetch(client(), { kommuner: UMEAREGIONEN_KODER, bands: [{ fran: 20, till: 64 }], years: [2019] }, { now, concurrency: 1 });
    const out = await fetchBefolkning(host, fetch, {
      today,
      signal: ctrl.signal,
      onProgress: (step) => {
        if (/del 1 av 6/.test(step)) ctrl.abort();
      },
    });
    expect(out).toEqual({ ok: false, cancelled: true, problems: [{ meddelande: "Hämtningen avbröts. Inget har skrivits i arbetsboken." }] });
    expect(host.workbook.worksheets).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(dataCalls().length).toBeLessThan(6);
  });

  it("a server error gives a Swedish message and writes nothing", async () => {
    server.misbehave({ fail: { first: 100, status: 500 }, only: /^POST .*\/data$/ });
    const host = new XlsxWorkbookHost();
    const fetch = populationFetch(client({ retries: 1 }), { kommuner: ["2480"], bands: [{ fran: 20, till: 64 }], years: [2019] }, { now });
    const out = await fetchBefolkning(host, fetch, { today });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems).toEqual([
      {
        plats: "SCB, tabell TAB638",
        meddelande: expect.stringMatching(/^SCB:s server svarade med fel \(HTTP 500\) i alla 2 försök\. Det är ett fel hos SCB, inte i urvalet – försök igen senare\./),
      },
    ]);
    expect(host.workbook.worksheets).toHaveLength(0);
  });

  it("a refusal after some batches have arrived writes nothing either", async () => {
    server.setConfig({ maxDataCells: 45 });
    // The third data call is told to wait 10 minutes: longer than the client accepts, so the fetch fails.
    server.misbehave({ rateLimit: { maxCalls: 2, windowMs: 60_000, retryAfterSeconds: 600 }, only: /^POST .*\/data$/ });
    const host = new XlsxWorkbookHost();
    await writeEmbeddedBefolkning(host, ["2480"], { today });
    const before = await befolkningRows(host);
    const fetch = populationFetch(client(), { kommuner: UMEAREGIONEN_KODER, bands: [{ fran: 20, till: 64 }], years: [2019] }, { now, concurrency: 1 });
    const out = await fetchBefolkning(host, fetch, { today });
    expect(!out.ok && out.problems[0].meddelande).toMatch(/^SCB begränsar antalet anrop .* Försök igen om en stund\./);
    expect(dataCalls().filter((c) => c.status === 200)).toHaveLength(2);
    expect(await befolkningRows(host)).toEqual(before);
    expect(await kallorRows(host)).toHaveLength(1);
  });

  it("years SCB does not have, or have not yet published in the replay, are refused with what to do", async () => {
    const host = new XlsxWorkbookHost();
    const early = await fetchBefolkning(host, populationFetch(client(), { kommuner: ["2480"], bands: [{ fran: 20, till: 64 }], years: [1960] }, { now }), { today });
    expect(!early.ok && early.problems[0]).toEqual({ plats: "år", meddelande: "SCB:s folkmängd per kommun finns från 1968; 1960 går inte att hämta." });
    // From 2025 the population is in the CKM table TAB5557 (not recorded: the replay server answers 404).
    const ckm = await fetchBefolkning(host, populationFetch(client(), { kommuner: ["2480"], bands: [{ fran: 20, till: 64 }], years: [2025] }, { now }), { today });
    expect(!ckm.ok && ckm.problems[0].meddelande).toMatch(/^Tabellen TAB5557 finns inte hos SCB/);
    const empty = await fetchBefolkning(host, populationFetch(client(), { kommuner: [], bands: [{ fran: 20, till: 64 }], years: [2019] }, { now }), { today });
    expect(!empty.ok && empty.problems).toEqual([{ plats: "kommuner", meddelande: "Välj minst en kommun." }]);
    expect(host.workbook.worksheets).toHaveLength(0);
    expect(dataCalls()).toHaveLength(0);
  });
});

/**
 * SCB's CKM population table TAB5557 (from 2025) is not recorded. A stand-in for the test: TAB6471's real
 * metadata (the CKM structure: Alder with single years, 5- and 10-year groups and TotSA, Kon TotSa/1/2)
 * with the year 2025, and SYNTHETIC values; everything else goes to the replay server.
 */
function ckmStandIn() {
  const m = MetadataDatasetSchema.parse(fixtureJson(FILES.tab6471meta));
  const meta: JsonStatDataset = {
    ...m,
    label: "SYNTETISK TAB5557: Folkmängden efter region, ålder och kön. År 2025",
    size: [...m.size.slice(0, -1), 1],
    dimension: { ...m.dimension, Tid: { ...m.dimension.Tid, label: "år", category: { index: { "2025": 0 }, label: { "2025": "2025" } } } },
  };
  const codes = meta.id.map((id) => categoryCodes(meta.dimension[id])!);
  const cube: Cube = { base: meta, ids: meta.id, codes, valueAt: (p) => 100 + ((p[0] * 7 + p[1] * 13 + p[2] * 3) % 50) };
  const value = (region: string, alder: string, kon: string) => cube.valueAt([codes[0].indexOf(region), codes[1].indexOf(alder), codes[2].indexOf(kon), 0, 0])!;
  const selections: { variableCode: string; valueCodes: string[] }[][] = [];
  const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status, headers: { "content-type": "application/json" } });
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const hit = /\/tables\/TAB5557(\/metadata|\/data)?$/.exec(url.pathname);
    if (!hit) return fetch(input, init);
    if (hit[1] === "/metadata") return json(meta);
    if (hit[1] === "/data") {
      const sel = (JSON.parse(String(init?.body)) as { selection: { variableCode: string; valueCodes: string[] }[] }).selection;
      selections.push(sel);
      return json(subsetCube(cube, sel.map((x) => ({ variableCode: x.variableCode, valueCodes: x.valueCodes }))));
    }
    return json({ title: "Not Found", status: 404 }, 404);
  };
  return { fetchFn, selections, value };
}

describe("population from 2025 (CKM)", () => {
  it("asks for the age groups directly (fewest parts, no single years) and sums them to the band; 2024 still from TAB638", async () => {
    const ckm = ckmStandIn();
    const c = scbClientFor(server.v2, { fetch: ckm.fetchFn, backoffMs: 10 });
    const host = new XlsxWorkbookHost();
    const out = await fetchBefolkning(host, populationFetch(c, { kommuner: ["2480", "2460"], bands: [{ fran: 20, till: 64 }], years: [2024, 2025] }, { now }), {
      today,
      bands: [{ fran: 20, till: 64 }],
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(ckm.selections).toHaveLength(1);
    const sel = Object.fromEntries(ckm.selections[0].map((x) => [x.variableCode, x.valueCodes]));
    expect(sel.Alder.sort()).toEqual(["20-29", "30-39", "40-49", "50-59", "60-64"]);
    expect(sel.Kon).toEqual(["TotSa"]);
    expect(sel.ContentsCode).toEqual(["000007SF"]);
    const rows = await befolkningRows(host);
    const expected = (kod: string) => ["20-29", "30-39", "40-49", "50-59", "60-64"].reduce((n, a) => n + ckm.value(kod, a, "TotSa"), 0);
    expect(rows.filter((r) => r.ar === 2025).map((r) => [r.kod, r.kon, r.folkmangd])).toEqual([
      ["2460", "totalt", expected("2460")],
      ["2480", "totalt", expected("2480")],
    ]);
    expect(rows.filter((r) => r.ar === 2024).map((r) => r.kod)).toEqual(["2460", "2480"]);
    expect(out.kalla.tabell).toBe("TAB638, TAB5557");
    expect(JSON.parse(out.kalla.fraga).map((q: { tabell: string }) => q.tabell)).toEqual(["TAB638", "TAB5557"]);
  });

  it("per kön: the CKM table's own total is fetched too, not made from män + kvinnor (whose noise does not add up)", async () => {
    const ckm = ckmStandIn();
    const c = scbClientFor(server.v2, { fetch: ckm.fetchFn, backoffMs: 10 });
    const host = new XlsxWorkbookHost();
    const out = await fetchBefolkning(host, populationFetch(c, { kommuner: ["2480"], bands: [{ fran: 20, till: 64 }], years: [2025], perKon: true }, { now }), {
      today,
      bands: [{ fran: 20, till: 64 }],
    });
    expect(out.ok).toBe(true);
    expect(Object.fromEntries(ckm.selections[0].map((x) => [x.variableCode, x.valueCodes])).Kon.sort()).toEqual(["1", "2", "TotSa"]);
    const groups = ["20-29", "30-39", "40-49", "50-59", "60-64"];
    const sum = (kon: string) => groups.reduce((n, a) => n + ckm.value("2480", a, kon), 0);
    expect((await befolkningRows(host)).map((r) => [r.kon, r.folkmangd])).toEqual([
      ["totalt", sum("TotSa")],
      ["kvinnor", sum("2")],
      ["män", sum("1")],
    ]);
  });
});

describe("helårsekvivalenter over HTTP", () => {
  it("Umeåregionen and riket, 2023M01–2024M12: the data sheet, the analysis sheet and a Källor row", async () => {
    server.setConfig({ maxDataCells: 600 });
    const host = new XlsxWorkbookHost();
    const reports: FetchReport[] = [];
    const fetch = helarsekvivalenterFetch(client(), { kommuner: UMEAREGIONEN_KODER, fran: "2023M01", till: "2024M12" }, { now, onReport: (r) => reports.push(...r) });
    const out = await fetchHelarsekvivalenter(host, fetch, { today, forbund: "Samordningsförbundet Umeåregionen", kommuner: UMEAREGIONEN_KODER });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.sheets).toEqual([HE_DATA_SHEET, HE_SHEET, KALLOR_SHEET]);
    // 7 regions × 9 contents × 24 months.
    expect(out.rows).toBe(7 * 9 * 24);
    expect(reports[0]).toMatchObject({ cells: 1512, requests: 3 });
    expect(out.analysis!.regioner.map((r) => r.kod)).toEqual([...UMEAREGIONEN_KODER, "00"]);
    expect(out.analysis!.ar).toEqual([2023, 2024]);

    // The figures are the server's: compare one cell with a direct request.
    const direct = await client().getData("TAB1386", { Region: ["2480"], Kon: ["1+2"], Aldersgrupp: ["20-64"], ContentsCode: ["SYNT07"], Tid: ["2023M01"] });
    const data = host.workbook.getWorksheet(HE_DATA_SHEET)!;
    const values: unknown[][] = [];
    data.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const umeaSumma = values.find((r) => r[0] === "2480" && r.includes("Summa helårsekvivalenter") && r.includes("2023M01"));
    expect(umeaSumma).toContain(direct.value![0]);

    const kallor = await kallorRows(host);
    expect(kallor[0].slice(1, 3)).toEqual(["SCB API", "TAB1386"]);
    expect(JSON.parse(String(kallor[0][4])).urval).toMatchObject({ Region: [...UMEAREGIONEN_KODER, "00"], Kon: ["1+2"], Aldersgrupp: ["20-64"] });
  });

  it("months outside the table, or written wrong, say so and fetch nothing", async () => {
    const host = new XlsxWorkbookHost();
    const late = await fetchHelarsekvivalenter(host, helarsekvivalenterFetch(client(), { kommuner: ["2480"], fran: "2030M01", till: "2030M12" }, { now }), { today, forbund: "F", kommuner: ["2480"] });
    expect(!late.ok && late.problems[0].meddelande).toBe("Tabellen har inga månader mellan 2030M01 och 2030M12; den har 2014M01–2025M12. Välj andra månader.");
    const bad = await fetchHelarsekvivalenter(host, helarsekvivalenterFetch(client(), { kommuner: ["2480"], fran: "2024M12", till: "2023-01" }, { now }), { today, forbund: "F", kommuner: ["2480"] });
    expect(!bad.ok && bad.problems.map((p) => p.plats)).toEqual(["till månad"]);
    expect(normaliseMonth("2023-1")).toBe("2023M01");
    expect(normaliseMonth("2023M13")).toBeNull();
    expect(host.workbook.worksheets).toHaveLength(0);
    expect(dataCalls()).toHaveLength(0);
  });
});

describe("any table by id", () => {
  it("search by text or id, a selection from the metadata, and the table written as its own sheet", async () => {
    const c = client();
    expect((await findTables(c, "tab1386")).map((t) => t.id)).toEqual(["TAB1386"]);
    expect((await findTables(c, "helårsekvivalenter")).map((t) => t.id)).toEqual(["TAB1386"]);
    expect(await findTables(c, "TAB999999")).toEqual([]);

    const meta = await tableMetadata(c, "TAB638");
    const first = defaultTableSelection(meta, ["2480", "9999"]);
    expect(first).toEqual({ Region: ["2480"], Civilstand: [], Alder: [], Kon: [], ContentsCode: ["BE0101N1"], Tid: ["2024"] });
    const tid = meta.variables.find((v) => v.code === "Tid")!;
    const chosen = { ...first, Alder: ["20", "21"], Tid: periodRange(tid.values, "2018", "2019") };
    const selection = tableSelection(meta, chosen);
    expect(selection).toEqual({ Region: ["2480"], Alder: ["20", "21"], ContentsCode: ["BE0101N1"], Tid: ["2018", "2019"] });
    expect(() => tableSelection(meta, { ...chosen, ContentsCode: [] })).toThrow(/Välj minst ett värde i tabellinnehåll/);

    const host = new XlsxWorkbookHost();
    const out = await fetchScbTable(host, tableFetch(c, { tableId: "TAB638", selection }, { now }), { today });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.rows).toBe(4);
    expect(out.sheets[1]).toBe(KALLOR_SHEET);
    expect(out.sheets[0]).toMatch(/^SCB Folkmängden efter region/);
    expect(out.kalla).toMatchObject({ typ: "SCB API", tabell: "TAB638", apiVersion: "v2" });
    expect(JSON.parse(out.kalla.fraga)).toEqual({ tabell: "TAB638", urval: selection });
  });

  it("an unknown table says so in Swedish", async () => {
    const host = new XlsxWorkbookHost();
    const out = await fetchScbTable(host, tableFetch(client(), { tableId: "TAB0000", selection: {} }, { now }), { today });
    expect(!out.ok && out.problems[0].meddelande).toMatch(/^Tabellen TAB0000 finns inte hos SCB \(längre\)/);
    expect(host.workbook.worksheets).toHaveLength(0);
  });
});

describe("clients, queue and settings", () => {
  it("one rate-limit queue per base URL, shared by every client for it", () => {
    const a = scbClientFor(server.v2);
    const b = scbClientFor(`${server.v2}/`);
    expect(a.transport.limiter).toBe(b.transport.limiter);
    expect(a.transport.limiter).toBe(sharedRateLimiter(server.v2));
    expect(scbClientFor(server.v1).transport.limiter).not.toBe(a.transport.limiter);
    expect(scbClientFor().baseUrl).toBe(DEFAULT_SCB_BASE_URL);
  });

  it("regions: the kommuner, their län once each, riket last", () => {
    expect(regionCodes(["2480", "2460", "0180"], true, true)).toEqual(["2480", "2460", "0180", "24", "01", "00"]);
    expect(regionCodes(["2480"])).toEqual(["2480"]);
  });

  it("the base URL is a workbook setting with SCB's as default; a bad one is refused in Swedish", async () => {
    const store = memoryStore();
    expect(loadScbFetchSettings(store).baseUrl).toBe("https://statistikdatabasen.scb.se/api/v2");
    await saveScbFetchSettings(store, { ...loadScbFetchSettings(store), baseUrl: server.v2, kommuner: ["2480"] });
    expect(loadScbFetchSettings(store)).toMatchObject({ baseUrl: server.v2, kommuner: ["2480"], dataset: "befolkning" });
    // A field that cannot be read falls back to its default; the rest is kept.
    await store.set(SCB_SETTINGS_KEY, { baseUrl: server.v2, arFran: "x" });
    expect(loadScbFetchSettings(store)).toMatchObject({ baseUrl: server.v2, arFran: 2019 });
    expect(normaliseBaseUrl(" https://example.se/api/v2/ ")).toBe("https://example.se/api/v2");
    expect(() => normaliseBaseUrl("statistikdatabasen")).toThrow(/"statistikdatabasen" är ingen webbadress/);
    expect(() => normaliseBaseUrl("ftp://x.se")).toThrow(/ska börja med https/);
  });
});
