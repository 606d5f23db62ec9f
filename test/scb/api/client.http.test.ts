/**
 * The PxWebApi client over real HTTP, against the replay server on 127.0.0.1 (no other network).
 * Small windows and timeouts keep every test well under 5 s.
 */
import { InputError } from "../../../src/domain/errors";
import { KOMMUNER } from "../../../src/domain/kommuner";
import { ScbClient, ScbClientOptions, ScbV1Client } from "../../../src/sources/scb/api/client";
import { ScbApiError } from "../../../src/sources/scb/api/errors";
import { parseJsonStat } from "../../../src/sources/scb/jsonstat";
import { ReplayServer, startReplayServer } from "../replay/replayServer";

jest.setTimeout(5000);

let server: ReplayServer;
const DEFAULT_CONFIG = { maxDataCells: 150000, maxCallsPerTimeWindow: 30, timeWindow: 10 };

beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => {
  server.misbehave(undefined);
  server.setConfig(DEFAULT_CONFIG);
  server.reset();
});

/** A client for the replay server: no safety margin, fast retries. */
const client = (o: ScbClientOptions = {}) => new ScbClient({ baseUrl: server.v2, marginMs: 0, backoffMs: 10, ...o });

const YEARS = ["2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"];
const ALL_KOMMUNER = KOMMUNER.map((k) => k.kod);
/** 290 kommuner × 2 ages × 2 sexes × 1 content × 10 years = 11 600 cells (Civilstand summed away by SCB). */
const POPULATION = { Region: ALL_KOMMUNER, Alder: ["16", "64"], Kon: ["1", "2"], ContentsCode: ["BE0101N1"], Tid: YEARS };
/** Umeå × 2 sexes × 20 years = 40 cells: cheap for the server, so timing tests measure the client. */
const SMALL = { Region: ["2480"], Kon: ["1", "2"], ContentsCode: ["BE0101N1"], Tid: Array.from({ length: 20 }, (_, i) => String(2005 + i)) };
const dataCalls = () => server.calls.filter((c) => c.method === "POST" && c.path.endsWith("/data"));

async function rejection(p: Promise<unknown>): Promise<ScbApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ScbApiError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i] - t[j] >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe("metadata and data parse and validate", () => {
  it("reads /config (the three limits validated)", async () => {
    const cfg = await client().getConfig();
    expect(cfg).toMatchObject({ maxDataCells: 150000, maxCallsPerTimeWindow: 30, timeWindow: 10, apiVersion: "2.3.2" });
  });

  it("searches tables and reads one table's description", async () => {
    const c = client();
    const hits = await c.searchTables({ query: "befolkning", pastDays: 30 });
    expect(hits.page.totalElements).toBe(10);
    expect(hits.tables.map((t) => t.id)).toContain("TAB5663");
    const t = await c.getTable("TAB638");
    expect(t).toMatchObject({ id: "TAB638", firstPeriod: "1968", lastPeriod: "2024" });
    expect((await c.searchTables("helårsekvivalenter")).tables.map((x) => x.id)).toEqual(["TAB1386"]);
    // The recorded first page of all tables.
    expect((await c.searchTables({})).page).toMatchObject({ pageNumber: 1, pageSize: 20, totalElements: 4246 });
  });

  it("parses TAB638's real metadata (json-stat2, empty value) into variables", async () => {
    const m = await client().getMetadata("TAB638");
    expect(m.dataset.value).toEqual([]);
    expect(m.variables.map((v) => [v.code, v.values.length, v.elimination, v.time])).toEqual([
      ["Region", 312, true, false],
      ["Civilstand", 4, true, false],
      ["Alder", 102, true, false],
      ["Kon", 2, true, false],
      ["ContentsCode", 2, false, false],
      ["Tid", 57, false, true],
    ]);
    expect(m.variables[2].codelists.map((c) => c.id)).toContain("agg_Ålder10årJ");
  });

  it("reads a codelist with its value maps", async () => {
    const cl = await client().getCodelist("agg_Ålder10årJ");
    expect(cl.type).toBe("Aggregation");
    expect(cl.values.find((v) => v.code === "20-29")?.valueMap).toHaveLength(10);
  });

  it("returns the recorded real 1-cell TAB638 response for its exact query", async () => {
    const ds = await client().getData("TAB638", { Region: ["00"], Civilstand: ["OG"], Alder: ["0"], Kon: ["1"], ContentsCode: ["BE0101N1"], Tid: ["2024"] });
    expect(ds.value).toEqual([50937]);
    expect(parseJsonStat(ds).rows[0]).toMatchObject({ regionkod: "00", period: "2024", varde: 50937 });
  });

  it("cuts the recorded TAB6471 cube (real values) down to a query", async () => {
    const ds = await client().getData("TAB6471", { Region: ["24"], Alder: ["20-29", "30-39"], Kon: ["TotSa"], ContentsCode: ["000007SF"], Tid: ["2026M01"] });
    expect(ds.size).toEqual([1, 2, 1, 1, 1]);
    expect(ds.value?.every((v) => typeof v === "number" && v > 10000)).toBe(true);
  });

  it("fetches v1 tables: config, metadata and json-stat2 data", async () => {
    const v1 = new ScbV1Client({ baseUrl: server.v1, marginMs: 0 });
    expect(await v1.getConfig("BE/BE0101/BE0101A/BefolkningNy")).toEqual({ maxDataCells: 150000, maxCallsPerTimeWindow: 30, timeWindow: 10 });
    const meta = await v1.getMetadata("BE/BE0101/BE0101A/BefolkningNy");
    expect(meta.variables.map((v) => v.code)).toEqual(["Region", "Civilstand", "Alder", "Kon", "ContentsCode", "Tid"]);
    // The real v1 CKM recording: Umeå's population 2026M05.
    const ckm = await v1.getData("BE/BE0101/BE0101A/BefolkManadCKM", { Region: ["2480"], Alder: ["TotSA"], Kon: ["TotSa"], ContentsCode: ["000007SF"], Tid: ["2026M05"] });
    expect(ckm.value).toEqual([135249]);
    const he = await v1.fetchDataset("HE/HE0112/HE0000T02N2", { Region: ["2480"], Kon: ["1+2"], Aldersgrupp: ["20-64"], ContentsCode: "*", Tid: ["2024M12"] });
    expect(he.table.rows).toHaveLength(9);
  });

  it("rejects a response of the wrong shape with a Swedish validation error (no network: injected fetch)", async () => {
    const fake: typeof fetch = async () => new Response(JSON.stringify({ maxDataCells: "many" }), { status: 200 });
    const e = await rejection(new ScbClient({ baseUrl: "http://127.0.0.1:9/api/v2", fetch: fake }).getConfig());
    expect(e.kind).toBe("ogiltigt-svar");
    expect(e.problems[0]).toEqual({
      plats: "SCB, SCB:s inställningar (/config), maxDataCells",
      meddelande: "Svaret från SCB är inte SCB:s inställningar (/config) som väntat: väntade ett tal, fick text. Inget har lästs in.",
    });
    expect(e.problems[1].meddelande).toContain("fältet saknas");
  });
});

describe("splitting at the cell limit", () => {
  it("a single request over the limit gets SCB's 400, in Swedish", async () => {
    server.setConfig({ maxDataCells: 1000 });
    const e = await rejection(client().getData("TAB638", POPULATION));
    expect(e.kind).toBe("for-manga-celler");
    expect(e.message).toContain("Urvalet (11\u00a0600 celler) är för stort för ett anrop till SCB");
    expect(e.details.status).toBe(400);
  });

  it("fetchDataset splits it, makes the minimum number of requests, and the merged rows equal the unsplit cube", async () => {
    server.setConfig({ maxDataCells: 1000 });
    const progress: string[] = [];
    const split = await client().fetchDataset("TAB638", POPULATION, { onProgress: (p) => progress.push(`${p.done}/${p.total}`) });
    expect(split.report).toMatchObject({ cells: 11600, requests: 12, minimumRequests: 12, maxDataCells: 1000 });
    expect(dataCalls()).toHaveLength(12);
    expect(dataCalls().every((c) => c.status === 200 && c.cells! <= 1000)).toBe(true);
    expect(progress[0]).toBe("0/12");
    expect(progress[progress.length - 1]).toBe("12/12");

    server.setConfig({ maxDataCells: 150000 });
    const whole = await client().getData("TAB638", POPULATION);
    expect(split.dataset.value).toEqual(whole.value);
    expect(split.dataset.size).toEqual(whole.size);
    expect(split.table.rows).toEqual(parseJsonStat(whole, `SCB, tabell TAB638`).rows);
    expect(split.table.rows).toHaveLength(11600);
  });
});

describe("the queue", () => {
  it("never lets more than N calls per window reach SCB (timestamps measured on the server)", async () => {
    server.setConfig({ maxDataCells: 40, maxCallsPerTimeWindow: 4, timeWindow: 1 });
    const t0 = Date.now();
    // 8 kommuner × 2 sexes × 20 years = 320 cells → 8 data requests, + /config + metadata = 10 calls.
    // The production margin (250 ms) absorbs the jitter between a call leaving the client and reaching SCB.
    const r = await client({ marginMs: 250 }).fetchDataset("TAB638", { ...SMALL, Region: ALL_KOMMUNER.slice(0, 8) }, { concurrency: 3 });
    expect(r.report.requests).toBe(8);
    const times = server.calls.map((c) => c.at);
    expect(times).toHaveLength(10);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(4);
    // 10 calls at 4 per second cannot finish before two windows have passed.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2000);
  });
});

describe("429 with Retry-After", () => {

  it("waits as long as Retry-After (seconds) says, then completes", async () => {
    server.setConfig({ maxDataCells: 40 });
    server.misbehave({ rateLimit: { maxCalls: 3, windowMs: 1000, retryAfter: "seconds" } });
    // The client's own queue is told a generous limit, so only SCB's 429s hold it back.
    const r = await client({ rateLimit: { maxCalls: 100, windowMs: 1000 } }).fetchDataset("TAB638", { ...SMALL, Region: ALL_KOMMUNER.slice(0, 4) });
    expect(r.report.requests).toBe(4);
    expect(r.table.rows).toHaveLength(160);
    const limited = server.calls.filter((c) => c.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(r.report.rateLimited).toBe(limited.length);
    // After each 429 (Retry-After: 1), nothing arrives for about a second.
    for (const c of limited) {
      const next = server.calls.find((x) => x.at > c.at && x.status !== 429 && x !== c);
      if (next) expect(next.at - c.at).toBeGreaterThanOrEqual(900);
    }
  });

  it("reads Retry-After as an HTTP date", async () => {
    server.setConfig({ maxDataCells: 20 });
    server.misbehave({ rateLimit: { maxCalls: 1, windowMs: 1000, retryAfter: "date", retryAfterSeconds: 2 }, only: /\/data$/ });
    const r = await client({ rateLimit: { maxCalls: 100, windowMs: 1000 } }).fetchDataset("TAB638", SMALL, { concurrency: 1 });
    expect(r.report.requests).toBe(2);
    const limited = server.calls.filter((c) => c.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    for (const c of limited) {
      const next = server.calls.find((x) => x.at > c.at);
      // An HTTP date has whole seconds: now + 2 s, truncated, is still more than 1 s away.
      if (next) expect(next.at - c.at).toBeGreaterThanOrEqual(950);
    }
  });

  it("gives up with a Swedish message when SCB asks for a wait longer than allowed", async () => {
    server.misbehave({ rateLimit: { maxCalls: 0, windowMs: 1000, retryAfterSeconds: 600 } });
    const e = await rejection(client({ maxRetryAfterMs: 1000 }).getConfig());
    expect(e.kind).toBe("for-manga-anrop");
    expect(e.message).toContain("SCB begränsar antalet anrop");
    expect(e.message).toContain("SCB bad oss vänta 600 s");
  });
});

describe("retries", () => {
  it("retries 500s with backoff and then succeeds", async () => {
    server.misbehave({ fail: { first: 2 }, only: /\/data$/ });
    const r = await client().fetchDataset("TAB638", { Region: ["2480"], Kon: ["1", "2"], ContentsCode: ["BE0101N1"], Tid: YEARS });
    expect(r.table.rows).toHaveLength(20);
    expect(r.report.retries).toBe(2);
    expect(dataCalls().map((c) => c.status)).toEqual([500, 500, 200]);
  });

  it("persistent 500s end in a clear Swedish error, and nothing is returned", async () => {
    server.misbehave({ fail: { first: 1000 }, only: /\/data$/ });
    const e = await rejection(client({ retries: 2 }).fetchDataset("TAB638", { Region: ["2480"], Kon: ["1"], ContentsCode: ["BE0101N1"], Tid: ["2024"] }));
    expect(e.kind).toBe("serverfel");
    expect(e.message).toBe("SCB, tabell TAB638: SCB:s server svarade med fel (HTTP 500) i alla 3 försök. Det är ett fel hos SCB, inte i urvalet – försök igen senare. (SCB:s svar: \"Replay: failure 3 of 1000 (as configured)\")");
    expect(e).toBeInstanceOf(InputError);
    expect(dataCalls()).toHaveLength(3);
  });

  it("slow replies within the timeout are fine; beyond it they are retried, then a Swedish timeout error", async () => {
    server.misbehave({ delayMs: 60, only: /\/data$/ });
    const ok = await client({ timeoutMs: 1000 }).getData("TAB638", { Region: ["2480"], Kon: ["1"], ContentsCode: ["BE0101N1"], Tid: ["2024"] });
    expect(ok.value).toHaveLength(1);

    server.misbehave({ delayMs: 400, only: /\/data$/ });
    const e = await rejection(client({ timeoutMs: 100, retries: 1 }).getData("TAB638", { Region: ["2480"], Kon: ["1"], ContentsCode: ["BE0101N1"], Tid: ["2024"] }));
    expect(e.kind).toBe("tidsgrans");
    expect(e.message).toBe("SCB, tabell TAB638: SCB svarade inte inom 0,1 s (2 försök). Försök igen senare.");
  });
});

describe("broken and unknown answers", () => {
  it("truncated JSON is a Swedish validation error", async () => {
    server.misbehave({ truncate: true, only: /\/data$/ });
    const e = await rejection(client().fetchDataset("TAB638", { Region: ["2480"], Kon: ["1", "2"], ContentsCode: ["BE0101N1"], Tid: YEARS }));
    expect(e.kind).toBe("ogiltigt-svar");
    expect(e.message).toMatch(/^SCB, tabell TAB638: Svaret från SCB \([\d\s\u00a0]+ tecken\) är inte giltig JSON – det verkar ha avbrutits under överföringen\. Inget har lästs in; försök igen\./);
  });

  it("an unknown (or removed) table id gets a Swedish message", async () => {
    const c = client();
    for (const p of [c.getMetadata("TAB9999"), c.getTable("TAB9999"), c.fetchDataset("TAB9999", { Tid: ["2024"] })]) {
      const e = await rejection(p);
      expect(e.kind).toBe("finns-inte");
      expect(e.message).toMatch(/^SCB, tabell TAB9999: Tabellen TAB9999 finns inte hos SCB \(längre\)\./);
      expect(e.details.status).toBe(404);
    }
  });

  it("an unknown value code: caught before any data request by fetchDataset, or SCB's 400 in Swedish by getData", async () => {
    const c = client();
    await expect(c.fetchDataset("TAB638", { Region: ["9999"], ContentsCode: ["BE0101N1"], Tid: ["2024"] })).rejects.toThrow(
      "tabell TAB638: Värdet 9999 finns inte i variabeln Region (region).",
    );
    expect(dataCalls()).toHaveLength(0);
    const e = await rejection(c.getData("TAB638", { Region: ["9999"], ContentsCode: ["BE0101N1"], Tid: ["2024"] }));
    expect(e.kind).toBe("ogiltig-fraga");
    expect(e.message).toContain("Värdet 9999 finns inte i variabeln Region i tabell TAB638.");
  });

  it("a variable that cannot be eliminated must be chosen", async () => {
    await expect(client().fetchDataset("TAB638", { Region: ["2480"], Tid: ["2024"] })).rejects.toThrow(
      "Variabeln ContentsCode (tabellinnehåll) måste väljas – SCB kan inte summera bort den.",
    );
  });
});

describe("cancellation", () => {
  it("cancelling mid-way rejects with a cancellation error, returns nothing and stops sending", async () => {
    server.setConfig({ maxDataCells: 1000 });
    server.misbehave({ delayMs: 150, only: /\/data$/ });
    const ctrl = new AbortController();
    const seen: number[] = [];
    const p = client().fetchDataset("TAB638", POPULATION, {
      signal: ctrl.signal,
      onProgress: ({ done }) => {
        seen.push(done);
        if (done === 2) ctrl.abort();
      },
    });
    const e = await rejection(p);
    expect(e.kind).toBe("avbruten");
    expect(e.message).toBe("SCB: Hämtningen från SCB avbröts. Inget har lästs in.");
    // Requests already on the wire may still land; after that, nothing more is sent.
    await new Promise((r) => setTimeout(r, 100));
    const sent = dataCalls().length;
    expect(sent).toBeLessThanOrEqual(2 + 2); // done + those in flight (concurrency 2)
    await new Promise((r) => setTimeout(r, 400));
    expect(dataCalls().length).toBe(sent);
    expect(Math.max(...seen)).toBe(2);
  });

  it("an already aborted signal sends nothing", async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const e = await rejection(client().fetchDataset("TAB638", POPULATION, { signal: ctrl.signal }));
    expect(e.kind).toBe("avbruten");
    expect(server.calls).toHaveLength(0);
  });
});
