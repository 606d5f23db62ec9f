/** Running a `samkalk scb` fetch command: its io, progress on stderr, cancel, exit codes and output. */
import { InputError } from "../../domain/errors";
import type { TidyTable } from "../../domain/scb/tidy";
import { XlsxWorkbookHost } from "../../hosts/xlsx/xlsxHost";
import type { ScbClientOptions } from "../../sources/scb/api";
import { tidyToCsv, tidyToJson } from "../../sources/scb/tidyCsv";
import { FetchCancelled, runFetch } from "../../usecases/scb/scbImport";
import { CANCELLED, type FetchRows, type FetchedTable, type ScbOutcome } from "../../usecases/scb/kallor";
import { reportInputError } from "../inputErrors";

export interface ScbFetchIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Receives the command's exit code (0 ok, 1 bad input or SCB error, 130 cancelled). */
  setCode: (code: number) => void;
  /** Extra SCB client options (the tests: fast retries). */
  client?: Omit<ScbClientOptions, "baseUrl" | "limiter">;
  /** Cancels the fetch like Ctrl-C (the tests). */
  signal?: AbortSignal;
  now?: () => Date;
}

const EXIT_CANCELLED = 130;

/** Runs a fetch with progress lines on stderr and Ctrl-C (or io.signal) as cancel. */
export async function fetchWithProgress(fetch: FetchRows, io: ScbFetchIo): Promise<FetchedTable> {
  const ctrl = new AbortController();
  const onSigint = () => ctrl.abort();
  process.once("SIGINT", onSigint);
  const onOuter = () => ctrl.abort();
  io.signal?.addEventListener("abort", onOuter, { once: true });
  if (io.signal?.aborted) ctrl.abort();
  let last = "";
  try {
    return await runFetch(fetch, {
      signal: ctrl.signal,
      onProgress: (step) => {
        if (step !== last) io.err(step);
        last = step;
      },
    });
  } finally {
    process.off("SIGINT", onSigint);
    io.signal?.removeEventListener("abort", onOuter);
  }
}

/** A command's body: InputError → messages and 1, cancellation → 130, anything else thrown on. */
export async function run(io: ScbFetchIo, body: () => Promise<number>): Promise<void> {
  try {
    io.setCode(await body());
  } catch (e) {
    if (e instanceof FetchCancelled) {
      io.err(CANCELLED.meddelande);
      io.setCode(EXIT_CANCELLED);
      return;
    }
    io.setCode(reportInputError(e, io.err));
  }
}

export function tidyOf(f: FetchedTable): TidyTable {
  return { rows: f.rows, dimensions: f.dimensions, notes: f.notes ?? [] };
}

/** Writes the workbook a use case filled, or throws its problems; tells stderr what was written. */
export async function saveOutcome(host: XlsxWorkbookHost, force: boolean | undefined, outcome: ScbOutcome, file: string, io: ScbFetchIo): Promise<void> {
  if (!outcome.ok) throw new InputError(outcome.problems);
  await host.save(file, { force });
  for (const v of outcome.varningar) io.err(`Varning: ${v}`);
  io.err(`Skrev ${file}: ${outcome.sheets.join(", ")} (${outcome.rows} rader).`);
}

export function printTidy(table: TidyTable, format: "csv" | "json", io: ScbFetchIo): void {
  io.out(format === "json" ? JSON.stringify(tidyToJson(table.rows, table.dimensions), null, 2) + "\n" : tidyToCsv(table.rows, table.dimensions));
}
