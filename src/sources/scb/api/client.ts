import { Target } from "./errors";
import { HttpOptions, HttpTransport } from "./http";
import { metadataFromJsonStat, metadataFromV1, TableMetadata } from "./metadata";
import { fetchDataset, FetchDatasetOptions, FetchedDataset, TableApi } from "./fetchDataset";
import { RateLimit, RateLimiter, realClock } from "./rateLimiter";
import {
  ApiConfig,
  Codelist,
  CodelistSchema,
  ConfigSchema,
  DataDatasetSchema,
  JsonStatDataset,
  MetadataDatasetSchema,
  TableInfo,
  TableResponseSchema,
  TablesPage,
  TablesResponseSchema,
  V1ConfigSchema,
  V1MetadataSchema,
} from "./schemas";
import { SelectionInput, VariableSelection } from "./selection";

export const SCB_V2_BASE = "https://statistikdatabasen.scb.se/api/v2";
export const SCB_V1_BASE = "https://api.scb.se/OV0104/v1/doris/sv/ssd";
/** SCB's documented limits (DOMAIN.md, /config in June 2026), used until /config has answered. */
export const SCB_DEFAULT_RATE_LIMIT: RateLimit = { maxCalls: 30, windowMs: 10_000 };

export interface ScbClientOptions extends HttpOptions {
  /** Default SCB_V2_BASE (ScbClient) or SCB_V1_BASE (ScbV1Client). */
  baseUrl?: string;
  /** v2 `lang` parameter. Default "sv". */
  lang?: string;
  /** Use this call limit instead of the one /config reports (e.g. to be gentler than SCB requires). */
  rateLimit?: RateLimit;
  /** Added to the rate-limit window, since SCB counts arrivals on its side. Default 250 ms. */
  marginMs?: number;
  /** Share one queue between clients (SCB limits per IP). */
  limiter?: RateLimiter;
}

export type DataSelection = VariableSelection[] | Record<string, readonly string[]>;

export interface SearchOptions {
  query?: string;
  pastDays?: number;
  includeDiscontinued?: boolean;
  pageNumber?: number;
  pageSize?: number;
}

function toSelection(sel: DataSelection, codelists: Record<string, string> = {}): VariableSelection[] {
  const list: VariableSelection[] = Array.isArray(sel)
    ? sel
    : Object.entries(sel).map(([variableCode, valueCodes]) => ({ variableCode, valueCodes: [...valueCodes] }));
  return list.map((s) => {
    const codelist = s.codelist ?? codelists[s.variableCode];
    return { variableCode: s.variableCode, ...(codelist ? { codelist } : {}), valueCodes: [...s.valueCodes] };
  });
}

abstract class BaseClient implements TableApi {
  readonly transport: HttpTransport;
  readonly baseUrl: string;
  protected configPromise?: Promise<ApiConfig>;
  private readonly limitOverride?: RateLimit;

  constructor(opts: ScbClientOptions, defaultBase: string) {
    this.baseUrl = (opts.baseUrl ?? defaultBase).replace(/\/+$/, "");
    this.limitOverride = opts.rateLimit;
    const limiter = opts.limiter ?? new RateLimiter(opts.rateLimit ?? SCB_DEFAULT_RATE_LIMIT, opts.clock ?? realClock, opts.marginMs ?? 250);
    this.transport = new HttpTransport(limiter, opts);
  }

  /** Applies /config's call limit to the queue (unless the caller set its own). */
  protected applyLimits(cfg: ApiConfig): void {
    if (!this.limitOverride) this.transport.limiter.configure({ maxCalls: cfg.maxCallsPerTimeWindow, windowMs: cfg.timeWindow * 1000 });
  }

  protected cached(load: () => Promise<ApiConfig>): Promise<ApiConfig> {
    if (!this.configPromise) {
      this.configPromise = load().then((cfg) => {
        this.applyLimits(cfg);
        return cfg;
      });
      this.configPromise.catch(() => (this.configPromise = undefined));
    }
    return this.configPromise;
  }

  async limits(signal?: AbortSignal): Promise<{ maxDataCells: number }> {
    return { maxDataCells: (await this.loadConfig(signal)).maxDataCells };
  }

  protected abstract loadConfig(signal?: AbortSignal): Promise<ApiConfig>;
  abstract metadata(table: string, signal?: AbortSignal): Promise<TableMetadata>;
  abstract data(table: string, selection: VariableSelection[], ctx: { signal?: AbortSignal; cells?: number; maxDataCells?: number }): Promise<JsonStatDataset>;

  /** See fetchDataset: split, queued, retried, validated, merged, all or nothing. */
  fetchDataset(table: string, selection: SelectionInput, opts: FetchDatasetOptions = {}): Promise<FetchedDataset> {
    return fetchDataset(this, table, selection, opts);
  }
}

/** How long a table's metadata is reused: long enough for a run, short enough that a pane left open sees SCB's updates. */
const METADATA_TTL_MS = 10 * 60 * 1000;

/** SCB PxWebApi 2.0 (statistikdatabasen.scb.se/api/v2). */
export class ScbClient extends BaseClient {
  readonly lang: string;
  private readonly codelists = new Map<string, Promise<Codelist>>();
  private readonly metadataCache = new Map<string, { at: number; value: TableMetadata & { dataset: JsonStatDataset } }>();

  constructor(opts: ScbClientOptions = {}) {
    super(opts, SCB_V2_BASE);
    this.lang = opts.lang ?? "sv";
  }

  private url(path: string, params: Record<string, string | number | boolean | undefined> = {}): string {
    const q = new URLSearchParams();
    q.set("lang", this.lang);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
    return `${this.baseUrl}${path}?${q.toString()}`;
  }

  /** GET /config (cached; sets the queue's call limit). */
  getConfig(signal?: AbortSignal): Promise<ApiConfig> {
    return this.loadConfig(signal);
  }

  protected loadConfig(signal?: AbortSignal): Promise<ApiConfig> {
    return this.cached(() =>
      this.transport.getJson(`${this.baseUrl}/config`, ConfigSchema, "SCB:s inställningar (/config)", { target: { kind: "config" }, signal }),
    );
  }

  /** GET /tables?query=…: one page of tables matching the search. */
  searchTables(query: string | SearchOptions, signal?: AbortSignal): Promise<TablesPage> {
    const o = typeof query === "string" ? { query } : query;
    return this.transport.getJson(
      this.url("/tables", { query: o.query, pastDays: o.pastDays, includeDiscontinued: o.includeDiscontinued, pageNumber: o.pageNumber, pageSize: o.pageSize }),
      TablesResponseSchema,
      "en tabellista",
      { target: { kind: "search" }, signal },
    );
  }

  /** GET /tables/{id}: title, periods, variables, whether it is discontinued. */
  getTable(id: string, signal?: AbortSignal): Promise<TableInfo & { language: string }> {
    return this.transport.getJson(this.url(`/tables/${encodeURIComponent(id)}`), TableResponseSchema, "en tabellbeskrivning", { target: { kind: "table", id }, signal });
  }

  /**
   * GET /tables/{id}/metadata: json-stat2 with empty `value`, plus the variables in a handier form. Kept for
   * METADATA_TTL_MS, so one run reads a table's metadata once (the adapter and the dataset fetch both need
   * it, and every call counts against SCB's 30 calls per 10 s); a failed read is not kept.
   */
  async getMetadata(id: string, signal?: AbortSignal): Promise<TableMetadata & { dataset: JsonStatDataset }> {
    const hit = this.metadataCache.get(id);
    if (hit && Date.now() - hit.at < METADATA_TTL_MS) return hit.value;
    const ds = await this.transport.getJson(this.url(`/tables/${encodeURIComponent(id)}/metadata`), MetadataDatasetSchema, "json-stat2-metadata", {
      target: { kind: "table", id },
      signal,
    });
    const value = { ...metadataFromJsonStat(ds, id), dataset: ds };
    this.metadataCache.set(id, { at: Date.now(), value });
    return value;
  }

  metadata(table: string, signal?: AbortSignal): Promise<TableMetadata> {
    return this.getMetadata(table, signal);
  }

  /** GET /codelists/{id} (cached): an aggregation or valueset with each value's valueMap. */
  getCodelist(id: string, signal?: AbortSignal): Promise<Codelist> {
    let p = this.codelists.get(id);
    if (!p) {
      p = this.transport.getJson(this.url(`/codelists/${encodeURIComponent(id)}`), CodelistSchema, "en kodlista", { target: { kind: "codelist", id }, signal });
      this.codelists.set(id, p);
      p.catch(() => this.codelists.delete(id));
    }
    return p;
  }

  codelist(id: string, signal?: AbortSignal): Promise<Codelist> {
    return this.getCodelist(id, signal);
  }

  /**
   * POST /tables/{id}/data?outputFormat=json-stat2 with `{selection}`: one request, no splitting
   * (a selection over the cell limit gets SCB's error). Use fetchDataset for anything large.
   */
  getData(
    id: string,
    selection: DataSelection,
    opts: { codelists?: Record<string, string>; outputFormat?: "json-stat2"; signal?: AbortSignal } = {},
  ): Promise<JsonStatDataset> {
    const sel = toSelection(selection, opts.codelists);
    return this.data(id, sel, { signal: opts.signal, cells: sel.reduce((n, s) => n * s.valueCodes.length, 1) });
  }

  data(table: string, selection: VariableSelection[], ctx: { signal?: AbortSignal; cells?: number; maxDataCells?: number }): Promise<JsonStatDataset> {
    const target: Target = { kind: "table", id: table };
    return this.transport.postJson(
      this.url(`/tables/${encodeURIComponent(table)}/data`, { outputFormat: "json-stat2" }),
      { selection },
      DataDatasetSchema,
      "ett json-stat2-dataset",
      { target, ...ctx },
    );
  }
}

/**
 * SCB PxWebApi v1 (api.scb.se/OV0104/v1/doris/sv/ssd), for tables only reachable there.
 * Tables are paths ("HE/HE0112/HE0000T02N2"); data comes as json-stat2 like v2's.
 * Codelists are v1 filters ("agg:Ålder5år", "vs:RegionKommun07"), given per variable.
 */
export class ScbV1Client extends BaseClient {
  constructor(opts: ScbClientOptions = {}) {
    super(opts, SCB_V1_BASE);
  }

  private url(path: string): string {
    return `${this.baseUrl}/${path.split("/").filter(Boolean).map(encodeURIComponent).join("/")}`;
  }

  /** v1 `?config` on a table (maxCells, maxCalls, timeWindow), in v2's names. Cached. */
  getConfig(path: string, signal?: AbortSignal): Promise<ApiConfig> {
    return this.cached(async () => {
      const c = await this.transport.getJson(`${this.url(path)}?config`, V1ConfigSchema, "SCB:s inställningar (?config)", { target: { kind: "config" }, signal });
      return { maxDataCells: c.maxCells, maxCallsPerTimeWindow: c.maxCalls, timeWindow: c.timeWindow };
    });
  }

  private configPath?: string;
  protected loadConfig(signal?: AbortSignal): Promise<ApiConfig> {
    return this.getConfig(this.configPath ?? "", signal);
  }

  async getMetadata(path: string, signal?: AbortSignal): Promise<TableMetadata> {
    const m = await this.transport.getJson(this.url(path), V1MetadataSchema, "v1-metadata (title, variables)", { target: { kind: "table", id: path }, signal });
    return metadataFromV1(m, path);
  }

  metadata(table: string, signal?: AbortSignal): Promise<TableMetadata> {
    return this.getMetadata(table, signal);
  }

  getData(path: string, selection: DataSelection, opts: { codelists?: Record<string, string>; signal?: AbortSignal } = {}): Promise<JsonStatDataset> {
    const sel = toSelection(selection, opts.codelists);
    return this.data(path, sel, { signal: opts.signal, cells: sel.reduce((n, s) => n * s.valueCodes.length, 1) });
  }

  data(table: string, selection: VariableSelection[], ctx: { signal?: AbortSignal; cells?: number; maxDataCells?: number }): Promise<JsonStatDataset> {
    const body = {
      query: selection.map((s) => ({ code: s.variableCode, selection: { filter: s.codelist ?? "item", values: s.valueCodes } })),
      response: { format: "json-stat2" },
    };
    return this.transport.postJson(this.url(table), body, DataDatasetSchema, "ett json-stat2-dataset", { target: { kind: "table", id: table }, ...ctx });
  }

  fetchDataset(table: string, selection: SelectionInput, opts: FetchDatasetOptions = {}): Promise<FetchedDataset> {
    this.configPath ??= table;
    return super.fetchDataset(table, selection, opts);
  }
}
