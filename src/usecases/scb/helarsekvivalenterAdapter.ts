/** Helårsekvivalenter (HE0000T02N2, v2 TAB1386) per kommun and riket, benefit type and month as FetchRows. */
import { InputError, type InputProblem } from "../../domain/errors";
import { DATASETS, ScbClient, helarsekvivalenterRequest, type HeInnehall } from "../../sources/scb/api";
import type { FetchRows } from "./kallor";
import { batchOptions, datasetTable, periodSpan, problems, runParts, scbApiKalla, timeVariable, type AdapterOptions } from "./adapterSupport";
import { kommunProblems, regionCodes } from "./regions";

export interface HelarsekvivalenterQuery {
  kommuner: readonly string[];
  /** Riket for comparison (default true). Län are not in the table: the förbund is the sum of its kommuner. */
  riket?: boolean;
  /** First and last month, "2023M01". */
  fran: string;
  till: string;
  kon?: "totalt" | "per-kon" | "alla";
  aldersgrupp?: "20-64" | "20-65";
  innehall?: readonly HeInnehall[];
  /** Default TAB1386 (HE0000T02N2). */
  tableId?: string;
}

const MONTH = /^(\d{4})M(0[1-9]|1[0-2])$/;

/** "2023M1", "2023-01", "2023m01" → "2023M01"; null if it is not a month. */
export function normaliseMonth(s: string): string | null {
  const m = /^\s*(\d{4})\s*(?:[Mm]|-)\s*(\d{1,2})\s*$/.exec(s);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}M${String(month).padStart(2, "0")}` : null;
}

export function helarsekvivalenterQueryProblems(q: HelarsekvivalenterQuery): InputProblem[] {
  const out = kommunProblems(q.kommuner);
  const fran = MONTH.test(q.fran);
  const till = MONTH.test(q.till);
  if (!fran) out.push({ plats: "från månad", meddelande: `"${q.fran}" är ingen månad; skriv t.ex. 2023M01.` });
  if (!till) out.push({ plats: "till månad", meddelande: `"${q.till}" är ingen månad; skriv t.ex. 2024M12.` });
  if (fran && till && q.fran > q.till) out.push({ plats: "månader", meddelande: `Från-månaden ${q.fran} ligger efter till-månaden ${q.till}.` });
  return out;
}

/** Helårsekvivalenter per kommun (and riket), benefit type and month as FetchRows; contents and kön found by label. */
export function helarsekvivalenterFetch(client: ScbClient, q: HelarsekvivalenterQuery, opts: AdapterOptions = {}): FetchRows {
  return async (signal, onProgress) => {
    problems(helarsekvivalenterQueryProblems(q));
    const table = q.tableId ?? DATASETS.helarsekvivalenter.tableId!;
    onProgress(0, "Läser tabellens beskrivning hos SCB");
    const meta = await client.getMetadata(table, signal);
    const tid = timeVariable(meta);
    const months = (tid?.values ?? []).map((v) => v.code).filter((c) => c >= q.fran && c <= q.till);
    if (months.length === 0) {
      throw new InputError([{ plats: `SCB, tabell ${table}`, meddelande: `Tabellen har inga månader mellan ${q.fran} och ${q.till}; den har ${periodSpan(tid)}. Välj andra månader.` }]);
    }
    const regions = regionCodes(q.kommuner, false, q.riket ?? true);
    const req = helarsekvivalenterRequest(meta, { regions, months, kon: q.kon ?? "totalt", aldersgrupp: q.aldersgrupp, innehall: q.innehall });
    const [f] = await runParts(
      [req],
      onProgress,
      (r, onBatch) => client.fetchDataset(r.table, r.selection, batchOptions(opts, signal, onBatch)),
      (r) => r.table,
    );
    opts.onReport?.([f.report]);
    return datasetTable(f, scbApiKalla(client, opts, [table], meta.label, { tabell: table, urval: req.selection }));
  };
}
