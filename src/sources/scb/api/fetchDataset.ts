import { ApiTable, parseJsonStat } from "../jsonstat";
import { cancelledError, Target } from "./errors";
import { HttpTransport } from "./http";
import { TableMetadata } from "./metadata";
import { mergeDatasets } from "./merge";
import { planBatches, planRequests, RequestPlan } from "./planRequests";
import { Codelist, JsonStatDataset } from "./schemas";
import { ResolvedSelection, resolveSelection, SelectionInput, VariableSelection } from "./selection";

/** What fetchDataset needs from an API version (v2 ScbClient, v1 ScbV1Client, or a test double). */
export interface TableApi {
  readonly transport?: HttpTransport;
  limits(signal?: AbortSignal): Promise<{ maxDataCells: number }>;
  metadata(table: string, signal?: AbortSignal): Promise<TableMetadata>;
  codelist?(id: string, signal?: AbortSignal): Promise<Codelist>;
  data(table: string, selection: VariableSelection[], ctx: { signal?: AbortSignal; cells?: number; maxDataCells?: number }): Promise<JsonStatDataset>;
}

export interface Progress {
  /** Requests answered and validated. */
  done: number;
  total: number;
}

export interface FetchDatasetOptions {
  /** Codelist per variable (v2: "agg_Ålder5år"; v1: "agg:Ålder5år"). */
  codelists?: Record<string, string>;
  signal?: AbortSignal;
  /** Called with done 0 before the first data request, then after each validated batch. */
  onProgress?: (p: Progress) => void;
  /** Data requests in flight at once (all still pass the rate-limit queue). Default 2. */
  concurrency?: number;
  /** Use at most this many cells per request even if SCB allows more. */
  maxDataCells?: number;
}

export interface FetchReport {
  cells: number;
  /** Data requests made (one per batch). */
  requests: number;
  /** ceil(cells / maxDataCells): the fewest requests the limit allows. */
  minimumRequests: number;
  maxDataCells: number;
  /** HTTP calls during this fetch, counting retries, config, metadata and codelists. */
  httpCalls: number;
  retries: number;
  rateLimited: number;
  /** Time spent waiting in the rate-limit queue. */
  queuedMs: number;
  ms: number;
}

export interface FetchedDataset {
  /** Tidy rows (one per cell), the dimensions' labels, notes and meta, as parseJsonStat gives them. */
  table: ApiTable;
  /** The merged json-stat2 dataset. */
  dataset: JsonStatDataset;
  metadata: TableMetadata;
  selection: ResolvedSelection;
  plan: RequestPlan;
  report: FetchReport;
}

/**
 * All or nothing: resolves the selection against the table's metadata, splits it into requests
 * within the cell limit, runs them through the rate-limit queue (with retries), validates each
 * answer, and only when every batch is in merges them by json-stat index into one set of tidy
 * rows. On any error or cancellation the promise rejects (ScbApiError / InputError, Swedish) and
 * nothing is returned; requests still in flight are aborted.
 */
export async function fetchDataset(api: TableApi, table: string, input: SelectionInput, opts: FetchDatasetOptions = {}): Promise<FetchedDataset> {
  const t0 = Date.now();
  const stats0 = api.transport ? { ...api.transport.stats } : undefined;
  const internal = new AbortController();
  const onOuterAbort = () => internal.abort();
  opts.signal?.addEventListener("abort", onOuterAbort, { once: true });
  if (opts.signal?.aborted) internal.abort();
  const signal = internal.signal;
  const target: Target = { kind: "table", id: table };
  try {
    const limits = await api.limits(signal);
    const maxDataCells = Math.min(limits.maxDataCells, opts.maxDataCells ?? Infinity);
    const metadata = await api.metadata(table, signal);
    const selection = await resolveSelection(metadata, input, {
      codelists: opts.codelists,
      getCodelist: api.codelist ? (id) => api.codelist!(id, signal) : undefined,
    });
    const plan = planRequests(
      selection.variables.map((v) => ({ code: v.code, size: v.values.length })),
      maxDataCells,
    );
    const batches = planBatches(plan).map((batch) =>
      selection.variables.map(
        (v, d): VariableSelection => ({
          variableCode: v.code,
          ...(v.codelist ? { codelist: v.codelist } : {}),
          valueCodes: v.values.slice(batch[d][0], batch[d][1]).map((x) => x.code),
        }),
      ),
    );
    const total = batches.length;
    opts.onProgress?.({ done: 0, total });

    const results = new Array<JsonStatDataset>(total);
    let next = 0;
    let done = 0;
    let failure: unknown;
    const worker = async () => {
      while (next < total && failure === undefined) {
        const i = next++;
        const cells = batches[i].reduce((n, s) => n * s.valueCodes.length, 1);
        try {
          results[i] = await api.data(table, batches[i], { signal, cells, maxDataCells });
        } catch (e) {
          if (failure === undefined) {
            failure = e;
            internal.abort();
          }
          return;
        }
        if (signal.aborted) return;
        done++;
        opts.onProgress?.({ done, total });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 2, total)) }, worker));
    if (opts.signal?.aborted) throw cancelledError();
    if (failure !== undefined) throw failure;

    const order = Object.fromEntries(selection.variables.map((v) => [v.code, v.values.map((x) => x.code)]));
    const dataset = mergeDatasets(results, target, order);
    const parsed = parseJsonStat(dataset, `SCB, tabell ${table}`);
    if (opts.signal?.aborted) throw cancelledError();
    const s = api.transport?.stats;
    return {
      table: parsed,
      dataset,
      metadata,
      selection,
      plan,
      report: {
        cells: plan.totalCells,
        requests: total,
        minimumRequests: plan.minimumRequests,
        maxDataCells,
        httpCalls: s && stats0 ? s.calls - stats0.calls : total,
        retries: s && stats0 ? s.retries - stats0.retries : 0,
        rateLimited: s && stats0 ? s.rateLimited - stats0.rateLimited : 0,
        queuedMs: s && stats0 ? s.waitedMs - stats0.waitedMs : 0,
        ms: Date.now() - t0,
      },
    };
  } catch (e) {
    if (opts.signal?.aborted) throw cancelledError();
    throw e;
  } finally {
    opts.signal?.removeEventListener("abort", onOuterAbort);
  }
}
