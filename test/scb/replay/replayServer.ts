import http from "node:http";
import { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { Codelist, CodelistSchema, DataDatasetSchema, JsonStatDataset, MetadataDatasetSchema } from "../../../src/sources/scb/api/schemas";
import { FILES, fixtureJson } from "../fixturePaths";
import { countCells, Cube, cubeFromDataset, DimRequest, subsetCube, SubsetError } from "./cube";
import { HE_TABLE_ID, HE_V1_PATHS, heMetadataV1, heMetadataV2, syntheticHeCube } from "./syntheticHe";
import { syntheticTab638Cube, tab638Metadata } from "./syntheticPopulation";

/**
 * A local stand-in for SCB's PxWebApi (v2, and the v1 tables we have recordings for), on
 * 127.0.0.1. It answers from the real recorded responses in test/fixtures/scb; for data POSTs it
 * cuts a cube down to the query (recorded cubes, or the SYNTHETIC TAB638 and helårsekvivalenter
 * cubes where no real data is recorded); it returns SCB-style RFC 7807 problems (400 too many
 * cells, 404 unknown table); and it can misbehave on request (429 with Retry-After, slow replies,
 * 5xx for the first calls, truncated JSON).
 *
 *   v2: {origin}/api/v2/config | /tables[?query=] | /tables/{id} | /tables/{id}/metadata |
 *       POST /tables/{id}/data?outputFormat=json-stat2 | /codelists/{id}
 *   v1: {origin}/OV0104/v1/doris/sv/ssd/{path}[?config]   (GET metadata, POST query)
 */
export interface ReplayConfig {
  maxDataCells: number;
  maxCallsPerTimeWindow: number;
  /** Seconds. */
  timeWindow: number;
}

export interface Misbehaviour {
  /** Answer 429 when more than `maxCalls` calls were let through within `windowMs`. */
  rateLimit?: { maxCalls: number; windowMs: number; retryAfter?: "seconds" | "date" | "none"; retryAfterSeconds?: number };
  /** Wait this long before answering (ms), or per call (1-based count of matching calls). */
  delayMs?: number | ((call: number) => number);
  /** Answer `status` (default 500, an RFC 7807 body) to the first `first` matching calls. */
  fail?: { first: number; status?: number };
  /** Cut successful JSON bodies in half (with a matching Content-Length, so only the JSON is broken). */
  truncate?: boolean;
  /** Only calls whose method + path ("POST /api/v2/tables/TAB638/data") match misbehave. Default: all. */
  only?: RegExp;
}

export interface CallRecord {
  method: string;
  path: string;
  query: string;
  /** Arrival, ms since the epoch with sub-ms precision. */
  at: number;
  status: number;
  cells?: number;
}

export interface ReplayOptions {
  port?: number;
  config?: Partial<ReplayConfig>;
  misbehave?: Misbehaviour;
  /** Log one line per call (the script passes console.log). */
  log?: (line: string) => void;
}

export interface ReplayServer {
  readonly port: number;
  readonly origin: string;
  /** v2 base URL, e.g. http://127.0.0.1:43123/api/v2 */
  readonly v2: string;
  /** v1 base URL, e.g. http://127.0.0.1:43123/OV0104/v1/doris/sv/ssd */
  readonly v1: string;
  readonly calls: CallRecord[];
  readonly config: ReplayConfig;
  setConfig(c: Partial<ReplayConfig>): void;
  misbehave(m: Misbehaviour | undefined): void;
  /** Forget calls and misbehaviour counters. */
  reset(): void;
  stop(): Promise<void>;
}

const V2 = "/api/v2";
const V1 = /^\/OV0104\/v1\/doris\/(sv|en)\/ssd(?:\/(.*))?$/;

// ---- What the server knows ---------------------------------------------------------------------

interface Recordings {
  configV2: Record<string, unknown>;
  configV1: Record<string, unknown>;
  tablesPage: unknown;
  search: unknown;
  metadata: Map<string, JsonStatDataset>;
  cubes: Map<string, () => Cube>;
  codelists: Map<string, Codelist>;
  exact: { table: string; selection: Record<string, string[]>; body: string }[];
  v1Metadata: Map<string, unknown>;
  v1Cubes: Map<string, () => Cube>;
  pxJson: { path: string; body: string };
}

let loaded: Recordings | undefined;

function once<T>(f: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= f());
}

function recordings(): Recordings {
  if (loaded) return loaded;
  const raw = (rel: string) => JSON.stringify(fixtureJson(rel));
  const tab6471Meta = MetadataDatasetSchema.parse(fixtureJson(FILES.tab6471meta));
  const codesOf = (ds: JsonStatDataset) =>
    Object.fromEntries(ds.id.map((id) => [id, Object.keys(ds.dimension[id].category.index as Record<string, number>)]));
  const tab6471Cube = once(() => cubeFromDataset(DataDatasetSchema.parse(fixtureJson(FILES.tab6471)), codesOf(tab6471Meta)));
  const tab638 = once(syntheticTab638Cube);
  const he = once(syntheticHeCube);
  const ckm312 = once(() => cubeFromDataset(DataDatasetSchema.parse(fixtureJson(FILES.ckm312))));
  const codelist = CodelistSchema.parse(fixtureJson(FILES.codelistAlder10));
  loaded = {
    configV2: fixtureJson(FILES.configV2) as Record<string, unknown>,
    configV1: fixtureJson(FILES.configV1) as Record<string, unknown>,
    tablesPage: fixtureJson(FILES.tablesPage),
    search: fixtureJson(FILES.search),
    metadata: new Map<string, JsonStatDataset>([
      ["TAB638", tab638Metadata()],
      ["TAB6471", tab6471Meta],
      [HE_TABLE_ID, heMetadataV2()],
    ]),
    cubes: new Map<string, () => Cube>([
      ["TAB638", tab638],
      ["TAB6471", tab6471Cube],
      [HE_TABLE_ID, he],
    ]),
    codelists: new Map([[codelist.id, codelist]]),
    exact: [
      {
        table: "TAB638",
        selection: { Region: ["00"], Civilstand: ["OG"], Alder: ["0"], Kon: ["1"], ContentsCode: ["BE0101N1"], Tid: ["2024"] },
        body: raw(FILES.tab638),
      },
    ],
    v1Metadata: new Map<string, unknown>([
      ["BE/BE0101/BE0101A/BefolkningNy", fixtureJson(FILES.befolkningNyMeta)],
      ...HE_V1_PATHS.map((p): [string, unknown] => [p, heMetadataV1()]),
    ]),
    v1Cubes: new Map<string, () => Cube>([
      ["BE/BE0101/BE0101A/BefolkningNy", tab638],
      ["BE/BE0101/BE0101A/BefolkManadCKM", ckm312],
      ...HE_V1_PATHS.map((p): [string, () => Cube] => [p, he]),
    ]),
    pxJson: { path: "BE/BE0101/BE0101A/BefolkningNy", body: raw(FILES.pxjsonCivil) },
  };
  return loaded;
}

// ---- Responses ------------------------------------------------------------------------------

interface Reply {
  status: number;
  body: string;
  type?: string;
  headers?: Record<string, string>;
  cells?: number;
}

const json = (value: unknown, status = 200): Reply => ({ status, body: typeof value === "string" ? value : JSON.stringify(value), type: "application/json; charset=utf-8" });
const problem = (status: number, title: string, detail: string, type?: string): Reply => ({
  status,
  body: JSON.stringify({ ...(type ? { type } : {}), title, status, detail }),
  type: "application/problem+json; charset=utf-8",
});
const fromSubsetError = (e: SubsetError): Reply => problem(e.status, e.title, e.detail, e.type);
const text = (status: number, body: string): Reply => ({ status, body, type: "text/plain; charset=utf-8" });

function tooManyCells(cells: number, max: number): Reply {
  return problem(400, "Bad Request", `Too many cells selected: the query gives ${cells} cells, the limit is ${max}.`);
}

function tableInfo(id: string, ds: JsonStatDataset, origin: string): Record<string, unknown> {
  const tid = ds.role?.time?.[0] ?? "Tid";
  const idx = ds.dimension[tid]?.category.index as Record<string, number> | undefined;
  const periods = idx ? Object.keys(idx).sort((a, b) => idx[a] - idx[b]) : [];
  const monthly = /M\d\d$/.test(periods[0] ?? "");
  return {
    language: "sv",
    id,
    label: ds.label ?? id,
    description: "",
    updated: ds.updated ?? null,
    firstPeriod: periods[0] ?? null,
    lastPeriod: periods[periods.length - 1] ?? null,
    category: "public",
    variableNames: ds.id.map((d) => ds.dimension[d].label ?? d),
    discontinued: null,
    source: ds.source ?? "SCB",
    timeUnit: monthly ? "Monthly" : "Annual",
    paths: [],
    links: [
      { rel: "self", hreflang: "sv", href: `${origin}${V2}/tables/${id}?lang=sv` },
      { rel: "metadata", hreflang: "sv", href: `${origin}${V2}/tables/${id}/metadata?lang=sv` },
    ],
  };
}

function sameSelection(a: Record<string, string[]>, b: Record<string, string[]>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.join() === kb.join() && ka.every((k) => [...a[k]].sort().join() === [...b[k]].sort().join());
}

function expandAll(cube: Cube, reqs: DimRequest[]): DimRequest[] {
  return reqs.map((r) => {
    if (!r.valueCodes.includes("*")) return r;
    const d = cube.ids.indexOf(r.variableCode);
    const all = r.codelist ? r.codelist.values.map((v) => v.code) : (cube.tableCodes?.[r.variableCode] ?? cube.codes[d] ?? []);
    return { ...r, valueCodes: [...all] };
  });
}

function answerData(cube: Cube, reqs: DimRequest[], maxCells: number): Reply {
  const expanded = expandAll(cube, reqs);
  const cells = countCells(cube, expanded);
  if (typeof cells !== "number") return fromSubsetError(cells);
  if (cells > maxCells) return { ...tooManyCells(cells, maxCells), cells };
  const ds = subsetCube(cube, expanded);
  if (!("id" in ds)) return fromSubsetError(ds);
  return { ...json(ds), cells };
}

function handleV2(method: string, url: URL, body: string, cfg: ReplayConfig, origin: string): Reply {
  const rec = recordings();
  const parts = url.pathname.slice(V2.length).split("/").filter(Boolean).map(decodeURIComponent);
  if (method === "GET" && parts.length === 1 && parts[0] === "config") {
    return json({ ...rec.configV2, ...cfg });
  }
  if (parts[0] === "tables" && parts.length === 1 && method === "GET") {
    const query = url.searchParams.get("query");
    if (!query) return json(rec.tablesPage);
    if (query.toLowerCase() === "befolkning" && url.searchParams.get("pastDays") === "30") return json(rec.search);
    const q = query.toLowerCase();
    const recorded = [rec.tablesPage, rec.search].flatMap((p) => (p as { tables: { id: string; label: string }[] }).tables);
    const served = [...rec.metadata].map(([id, ds]) => tableInfo(id, ds, origin) as { id: string; label: string });
    const seen = new Set<string>();
    const hits = [...served, ...recorded].filter((t) => {
      if (seen.has(t.id) || !(t.id.toLowerCase().includes(q) || (t.label ?? "").toLowerCase().includes(q))) return false;
      seen.add(t.id);
      return true;
    });
    const pageSize = Number(url.searchParams.get("pageSize") ?? 20);
    const pageNumber = Number(url.searchParams.get("pageNumber") ?? 1);
    const tables = hits.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((t) => {
      const { language: _language, ...rest } = t as Record<string, unknown>;
      return rest;
    });
    return json({
      language: "sv",
      tables,
      page: { pageNumber, pageSize, totalElements: hits.length, totalPages: Math.max(1, Math.ceil(hits.length / pageSize)), links: [] },
      links: [],
    });
  }
  if (parts[0] === "tables" && parts.length >= 2) {
    const id = parts[1];
    const notFound = () => problem(404, "Not Found", `Node with id, ${id} can not be found`);
    if (parts.length === 2 && method === "GET") {
      const ds = rec.metadata.get(id);
      if (ds) return json(tableInfo(id, ds, origin));
      const recorded = [rec.tablesPage, rec.search].flatMap((p) => (p as { tables: { id: string }[] }).tables).find((t) => t.id === id);
      return recorded ? json({ language: "sv", ...recorded }) : notFound();
    }
    if (parts.length === 3 && parts[2] === "metadata" && method === "GET") {
      const ds = rec.metadata.get(id);
      return ds ? json(ds) : notFound();
    }
    if (parts.length === 3 && parts[2] === "data") {
      const cubeOf = rec.cubes.get(id);
      if (!cubeOf) return notFound();
      if (method !== "POST") return problem(400, "Bad Request", "Replay: only POST with a selection is supported for data", "urn:samkalk:replay:unsupported");
      const fmt = url.searchParams.get("outputFormat");
      if (fmt && fmt.toLowerCase() !== "json-stat2") return problem(400, "Bad Request", `Replay: outputFormat ${fmt} is not supported (json-stat2 only)`, "urn:samkalk:replay:unsupported");
      let parsed: { selection?: { variableCode: string; codelist?: string | null; valueCodes: string[] }[] };
      try {
        parsed = JSON.parse(body);
      } catch {
        return problem(400, "Bad Request", "The request body is not valid JSON");
      }
      if (!Array.isArray(parsed?.selection) || parsed.selection.length === 0) {
        return problem(400, "Bad Request", "Replay: a selection is required (default selections are not replayed)", "urn:samkalk:replay:unsupported");
      }
      const sel = Object.fromEntries(parsed.selection.map((s) => [s.variableCode, s.valueCodes]));
      const exact = rec.exact.find((e) => e.table === id && !parsed.selection!.some((s) => s.codelist) && sameSelection(e.selection, sel));
      if (exact) return { ...json(exact.body), cells: 1 };
      const reqs = parsed.selection.map((s): DimRequest => ({
        variableCode: s.variableCode,
        valueCodes: s.valueCodes ?? [],
        ...(s.codelist ? { codelistId: s.codelist, codelist: rec.codelists.get(s.codelist) } : {}),
      }));
      return answerData(cubeOf(), reqs, cfg.maxDataCells);
    }
  }
  if (/^codelists$/i.test(parts[0] ?? "") && parts.length === 2 && method === "GET") {
    const cl = rec.codelists.get(parts[1]);
    return cl ? json(cl) : problem(404, "Not Found", `Codelist with id, ${parts[1]} can not be found`);
  }
  return problem(404, "Not Found", `No such endpoint: ${method} ${url.pathname}`);
}

function handleV1(method: string, url: URL, tablePath: string, body: string, cfg: ReplayConfig): Reply {
  const rec = recordings();
  const path = tablePath.split("/").filter(Boolean).map(decodeURIComponent).filter((s, i) => !(i === 0 && s === "START")).join("/");
  if (method === "GET" && url.searchParams.has("config")) {
    return json({ ...rec.configV1, maxCells: cfg.maxDataCells, maxCalls: cfg.maxCallsPerTimeWindow, timeWindow: cfg.timeWindow });
  }
  if (method === "GET") {
    const meta = rec.v1Metadata.get(path);
    return meta ? json(meta) : text(404, "Not found: the table does not exist (or the replay server has no metadata for it).");
  }
  if (method !== "POST") return text(405, "Method not allowed");
  const cubeOf = rec.v1Cubes.get(path);
  if (!cubeOf) return text(404, "Not found");
  let q: { query?: { code: string; selection: { filter: string; values: string[] } }[]; response?: { format?: string } };
  try {
    q = JSON.parse(body);
  } catch {
    return text(400, "Bad request: the query is not valid JSON");
  }
  const fmt = (q.response?.format ?? "px").toLowerCase();
  const query = q.query ?? [];
  if (fmt === "json") {
    const sel = Object.fromEntries(query.map((s) => [s.code, s.selection.values]));
    const recorded =
      path === rec.pxJson.path &&
      query.length === 3 &&
      sameSelection(sel, { Civilstand: ["OG", "G", "SK", "ÄNKL"], ContentsCode: ["BE0101N1"], Tid: ["2015", "2016", "2017"] });
    return recorded ? json(rec.pxJson.body) : text(400, "Replay: no recorded PX-JSON (format json) response for this query; ask for json-stat2");
  }
  if (fmt !== "json-stat2") return text(400, `Replay: response format ${fmt} is not supported`);
  const reqs: DimRequest[] = [];
  for (const s of query) {
    const f = s.selection.filter;
    if (f === "all") reqs.push({ variableCode: s.code, valueCodes: ["*"] });
    else if (f === "item" || f.startsWith("vs:")) reqs.push({ variableCode: s.code, valueCodes: s.selection.values });
    else if (f.startsWith("agg:")) {
      const id = `agg_${f.slice(4)}`;
      reqs.push({ variableCode: s.code, valueCodes: s.selection.values, codelistId: id, codelist: rec.codelists.get(id) });
    } else return text(400, `Replay: filter ${f} is not supported`);
  }
  const r = answerData(cubeOf(), reqs, cfg.maxDataCells);
  if (r.status === 400 && r.cells !== undefined) return { ...text(403, "Too many values selected"), cells: r.cells };
  return r.status === 200 ? r : { ...r, type: "text/plain; charset=utf-8", body: JSON.parse(r.body).detail as string };
}

// ---- The server ------------------------------------------------------------------------------

export async function startReplayServer(opts: ReplayOptions = {}): Promise<ReplayServer> {
  const rec = recordings();
  const cfg: ReplayConfig = {
    maxDataCells: (rec.configV2.maxDataCells as number) ?? 150000,
    maxCallsPerTimeWindow: (rec.configV2.maxCallsPerTimeWindow as number) ?? 30,
    timeWindow: (rec.configV2.timeWindow as number) ?? 10,
    ...opts.config,
  };
  let bad = opts.misbehave;
  let matching = 0;
  let accepted: number[] = [];
  const calls: CallRecord[] = [];
  const now = () => performance.timeOrigin + performance.now();

  const server = http.createServer((req, res) => {
    // CORS as SCB has it ("CORS open"), so a page (the task pane in Chromium) may call the server. A
    // preflight is answered at once: it is not an API call, is not recorded and never misbehaves.
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "accept, content-type",
        "access-control-max-age": "600",
        "content-length": 0,
      });
      res.end();
      return;
    }
    const at = now();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const method = req.method ?? "GET";
        const url = new URL(req.url ?? "/", origin);
        const record: CallRecord = { method, path: url.pathname, query: url.search, at, status: 0 };
        calls.push(record);
        const applies = !!bad && (!bad.only || bad.only.test(`${method} ${url.pathname}`));
        const n = applies ? ++matching : 0;
        const send = (r: Reply) => {
          record.status = r.status;
          record.cells = r.cells;
          let body = r.body;
          if (bad?.truncate && applies && r.status === 200) body = body.slice(0, Math.floor(body.length / 2));
          const buf = Buffer.from(body, "utf8");
          res.writeHead(r.status, { "content-type": r.type ?? "application/json", "content-length": buf.length, "access-control-allow-origin": "*", ...r.headers });
          res.end(buf);
          opts.log?.(`${new Date(at).toISOString()} ${method} ${url.pathname}${url.search} → ${r.status}${r.cells !== undefined ? ` (${r.cells} celler)` : ""}`);
        };
        try {
          if (applies && bad!.delayMs) {
            const ms = typeof bad!.delayMs === "function" ? bad!.delayMs(n) : bad!.delayMs;
            if (ms > 0) await new Promise((r) => setTimeout(r, ms));
            if (res.destroyed || req.socket.destroyed) return;
          }
          if (applies && bad!.rateLimit) {
            const { maxCalls, windowMs, retryAfter = "seconds", retryAfterSeconds } = bad!.rateLimit;
            accepted = accepted.filter((t) => t > at - windowMs);
            if (accepted.length >= maxCalls) {
              const waitS = retryAfterSeconds ?? Math.max(1, Math.ceil((accepted[0] + windowMs - at) / 1000));
              const headers: Record<string, string> =
                retryAfter === "none" ? {} : { "retry-after": retryAfter === "date" ? new Date(Date.now() + waitS * 1000).toUTCString() : String(waitS) };
              return send({ ...problem(429, "Too many requests", `You have reached the threshold for request limiting. ${maxCalls} requests per ${windowMs / 1000} s.`), headers });
            }
            accepted.push(at);
          }
          if (applies && bad!.fail && n <= bad!.fail.first) {
            const status = bad!.fail.status ?? 500;
            return send(problem(status, status === 503 ? "Service Unavailable" : "Internal Server Error", `Replay: failure ${n} of ${bad!.fail.first} (as configured)`));
          }
          const body = Buffer.concat(chunks).toString("utf8");
          if (url.pathname === V2 || url.pathname.startsWith(`${V2}/`)) return send(handleV2(method, url, body, cfg, origin));
          const v1 = V1.exec(url.pathname);
          if (v1) return send(handleV1(method, url, v1[2] ?? "", body, cfg));
          return send(problem(404, "Not Found", `No such endpoint: ${method} ${url.pathname}`));
        } catch (e) {
          return send(problem(500, "Internal Server Error", `Replay server bug: ${e instanceof Error ? e.stack : String(e)}`));
        }
      })();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    v2: `${origin}${V2}`,
    v1: `${origin}/OV0104/v1/doris/sv/ssd`,
    calls,
    config: cfg,
    setConfig: (c) => Object.assign(cfg, c),
    misbehave: (m) => {
      bad = m;
      matching = 0;
      accepted = [];
    },
    reset: () => {
      calls.length = 0;
      matching = 0;
      accepted = [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
