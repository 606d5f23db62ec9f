/** What the SCB fetch adapters share: their options, batch progress over several fetches, and source details. */
import { InputError, type InputProblem } from "../../domain/errors";
import type { FetchDatasetOptions, FetchedDataset, MetaVariable, Progress, ScbClient, TableMetadata, FetchReport } from "../../sources/scb/api";
import type { FetchProgress, FetchedTable, KallaInfo } from "./kallor";

export interface AdapterOptions {
  /** When the fetch counts as done (Källor's time); default now. */
  now?: () => Date;
  /** Called once every batch is in, with each data fetch's report (requests, retries, 429s, time). */
  onReport?: (reports: FetchReport[]) => void;
  /** Data requests in flight at once (default 2; all pass the shared queue). */
  concurrency?: number;
  /** At most this many cells per request, even if SCB allows more. */
  maxDataCells?: number;
}

/** Where a fetch's data came from: the data endpoint of each table. */
export function dataUrl(client: ScbClient, table: string): string {
  return `${client.baseUrl}/tables/${encodeURIComponent(table)}/data?lang=${client.lang}&outputFormat=json-stat2`;
}

/** When the fetch counts as done (opts.now, default now). */
export function fetchedAt(opts: AdapterOptions): Date {
  return (opts.now ?? (() => new Date()))();
}

/** The Källor entry of a fetch from SCB's API (v2) of one or more tables, done now (opts.now). */
export function scbApiKalla(client: ScbClient, opts: AdapterOptions, tables: readonly string[], titel: string, fraga: unknown): KallaInfo {
  return {
    typ: "SCB API",
    tabell: tables.join(", "),
    titel,
    fraga,
    apiVersion: "v2",
    hamtad: fetchedAt(opts),
    url: tables.map((t) => dataUrl(client, t)).join(" "),
  };
}

/** One fetched dataset as the table an SCB job writes: its rows, dimensions and notes, and where it came from. */
export function datasetTable(f: FetchedDataset, kalla: KallaInfo): FetchedTable {
  return { rows: f.table.rows, dimensions: f.table.dimensions, notes: f.table.notes, kalla };
}

/** The client's fetch options for one part: the adapter's limits, the signal and the part's progress. */
export function batchOptions(opts: AdapterOptions, signal: AbortSignal, onBatch: (p: Progress) => void): FetchDatasetOptions {
  return { signal, onProgress: onBatch, concurrency: opts.concurrency, maxDataCells: opts.maxDataCells };
}

/**
 * Runs fetches one after another with one progress: fetch i of n covers [i/n, (i+1)/n), reported per
 * batch as "del d av t".
 */
export async function runParts<P>(
  parts: readonly P[],
  onProgress: FetchProgress,
  fetchPart: (part: P, onBatch: (p: Progress) => void) => Promise<FetchedDataset>,
  label: (part: P) => string,
): Promise<FetchedDataset[]> {
  const out: FetchedDataset[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const what = parts.length > 1 ? ` ${label(part)}` : "";
    out.push(
      await fetchPart(part, (p) => {
        const f = p.total === 0 ? 1 : p.done / p.total;
        onProgress((i + f) / parts.length, `Hämtar${what} från SCB: del ${p.done} av ${p.total}`);
      }),
    );
  }
  onProgress(1, "Allt är hämtat från SCB");
  return out;
}

/** Throws the problems as one InputError, if there are any. */
export function problems(list: InputProblem[]): void {
  if (list.length > 0) throw new InputError(list);
}

export function timeVariable(meta: TableMetadata): MetaVariable | undefined {
  return meta.variables.find((v) => v.time) ?? meta.variables.find((v) => /^tid$/i.test(v.code));
}

export function periodSpan(tid: MetaVariable | undefined): string {
  if (!tid || tid.values.length === 0) return "inga perioder";
  return `${tid.values[0].code}–${tid.values[tid.values.length - 1].code}`;
}
