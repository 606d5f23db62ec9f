/**
 * The live SCB client (src/sources/scb/api) as the SCB use cases' fetch seam (FetchRows): one adapter
 * per dataset Samkalk fetches —
 *   - population (kommuner, their län, riket; an age band or several; kön; years): TAB638 through 2024,
 *     the CKM table TAB5557 from 2025, age groups asked for directly and summed to the band here;
 *   - helårsekvivalenter (HE0000T02N2, v2 TAB1386): per kommun and riket, benefit type, month;
 *   - any table by id with a selection built from its metadata.
 * Each adapter reports progress by batch, honours the AbortSignal, and returns the whole table or
 * throws (ScbApiError / InputError, Swedish): nothing is written until every batch has arrived.
 * Every client for one base URL shares one rate-limit queue, since SCB counts calls per IP.
 */
import { InputError, type InputProblem } from "../../domain/errors";
import { kommunByCode, LAN } from "../../domain/kommuner";
import type { TidyRow } from "../../domain/scb/tidy";
import { bandLabel as popBandLabel, type AgeBand as PopBand } from "../../domain/scb/population";
import {
  DATASETS,
  RateLimiter,
  SCB_DEFAULT_RATE_LIMIT,
  ScbApiError,
  ScbClient,
  helarsekvivalenterRequest,
  populationRequest,
  populationTableFor,
  realClock,
  type Codelist,
  type FetchReport,
  type FetchedDataset,
  type HeInnehall,
  type MetaVariable,
  type Progress,
  type ScbClientOptions,
  type SelectionInput,
  type TableInfo,
  type TableMetadata,
} from "../../sources/scb/api";
import type { FetchProgress, FetchRows, FetchedTable, KallaInfo } from "./kallor";
import { normaliseBaseUrl } from "./fetchSettings";

export { DEFAULT_SCB_BASE_URL, normaliseBaseUrl } from "./fetchSettings";

// ---- Clients and the shared queue -------------------------------------------------------------

const limiters = new Map<string, RateLimiter>();

/** The one rate-limit queue for a base URL (created on first use; /config's limits are applied to it). */
export function sharedRateLimiter(baseUrl: string | undefined): RateLimiter {
  const key = normaliseBaseUrl(baseUrl);
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(SCB_DEFAULT_RATE_LIMIT, realClock, 250);
    limiters.set(key, limiter);
  }
  return limiter;
}

/**
 * A PxWebApi 2.0 client for `baseUrl` (default SCB's own) that queues its calls with every other
 * client for the same base URL. Throws InputError (Swedish) if the base URL is not a web address.
 */
export function scbClientFor(baseUrl?: string, opts: Omit<ScbClientOptions, "baseUrl" | "limiter"> = {}): ScbClient {
  const base = normaliseBaseUrl(baseUrl);
  return new ScbClient({ ...opts, baseUrl: base, limiter: sharedRateLimiter(base) });
}

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
function dataUrl(client: ScbClient, table: string): string {
  return `${client.baseUrl}/tables/${encodeURIComponent(table)}/data?lang=${client.lang}&outputFormat=json-stat2`;
}

/**
 * Runs fetches one after another with one progress: fetch i of n covers [i/n, (i+1)/n), reported per
 * batch as "del d av t".
 */
async function runParts<P>(
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

function problems(list: InputProblem[]): void {
  if (list.length > 0) throw new InputError(list);
}

// ---- Regions -----------------------------------------------------------------------------------

/** The kommuner, then their län (each once) if asked, then riket "00" if asked. */
export function regionCodes(kommuner: readonly string[], lan = false, riket = false): string[] {
  const out = [...new Set(kommuner)];
  if (lan) for (const k of kommuner) {
    const l = kommunByCode(k)?.lan;
    if (l && !out.includes(l)) out.push(l);
  }
  if (riket) out.push("00");
  return out;
}

/** Problems with a list of kommun codes: none chosen, or codes that are not kommuner. */
export function kommunProblems(kommuner: readonly string[], plats = "kommuner"): InputProblem[] {
  if (kommuner.length === 0) return [{ plats, meddelande: "Välj minst en kommun." }];
  const unknown = kommuner.filter((k) => !kommunByCode(k));
  return unknown.length > 0 ? [{ plats, meddelande: `${unknown.join(", ")} är ${unknown.length === 1 ? "ingen kommunkod" : "inga kommunkoder"} (fyra siffror, t.ex. 2480 för Umeå).` }] : [];
}

/** A region code's name: kommun, län or riket. */
export function regionName(kod: string): string {
  if (kod === "00") return "Riket";
  return kommunByCode(kod)?.namn ?? LAN.find((l) => l.kod === kod)?.namn ?? kod;
}

// ---- Population --------------------------------------------------------------------------------

export interface PopulationQuery {
  kommuner: readonly string[];
  /** Also the kommuner's län. */
  lan?: boolean;
  /** Also riket. */
  riket?: boolean;
  /** Age bands, inclusive (16–64, 20–64, or the user's own). */
  bands: readonly { fran: number; till: number }[];
  years: readonly number[];
  /** Män and kvinnor (the sheet adds totalt); otherwise both sexes together. */
  perKon?: boolean;
}

export const FIRST_POPULATION_YEAR = 1968;

/** What is wrong with a population query before anything is fetched (Swedish, located). */
export function populationQueryProblems(q: PopulationQuery): InputProblem[] {
  const out = kommunProblems(q.kommuner);
  if (q.bands.length === 0) out.push({ plats: "åldersgrupp", meddelande: "Välj en åldersgrupp." });
  for (const b of q.bands) {
    if (!Number.isInteger(b.fran) || !Number.isInteger(b.till) || b.fran < 0 || b.till > 99 || b.fran > b.till) {
      out.push({ plats: "åldersgrupp", meddelande: `Åldersgruppen ${b.fran}–${b.till} går inte att hämta: ange två hela åldrar mellan 0 och 99, den första inte större än den andra.` });
    }
  }
  if (q.years.length === 0) out.push({ plats: "år", meddelande: "Välj minst ett år." });
  const bad = q.years.filter((y) => !Number.isInteger(y) || y < FIRST_POPULATION_YEAR || y > 2200);
  if (bad.length > 0) out.push({ plats: "år", meddelande: `SCB:s folkmängd per kommun finns från ${FIRST_POPULATION_YEAR}; ${bad.join(", ")} går inte att hämta.` });
  return out;
}

/** Years from–till inclusive; [] if till < fran. */
export function yearRange(fran: number, till: number): number[] {
  const out: number[] = [];
  for (let y = fran; y <= till && out.length < 300; y++) out.push(y);
  return out;
}

function timeVariable(meta: TableMetadata): MetaVariable | undefined {
  return meta.variables.find((v) => v.time) ?? meta.variables.find((v) => /^tid$/i.test(v.code));
}

function periodSpan(tid: MetaVariable | undefined): string {
  if (!tid || tid.values.length === 0) return "inga perioder";
  return `${tid.values[0].code}–${tid.values[tid.values.length - 1].code}`;
}

/** Alder's aggregations (5- and 10-year classes) for a CKM table; ones SCB cannot give are skipped. */
async function ageCodelists(client: ScbClient, alder: MetaVariable | undefined, signal: AbortSignal): Promise<Codelist[]> {
  const out: Codelist[] = [];
  for (const cl of alder?.codelists ?? []) {
    if (!/^agg/i.test(cl.id) && !/aggregation/i.test(cl.type)) continue;
    try {
      out.push(await client.getCodelist(cl.id, signal));
    } catch (e) {
      if (e instanceof ScbApiError && e.kind === "finns-inte") continue;
      throw e;
    }
  }
  return out;
}

interface PopulationPart {
  table: string;
  meta: TableMetadata;
  ckm: boolean;
  selection: Record<string, readonly string[]>;
  codelists?: Record<string, string>;
  bands: { band: PopBand; codes: string[] }[];
}

/**
 * Population by region, age band, kön and year as FetchRows. Each band is asked for as the fewest Alder
 * codes that cover it (single years in TAB638, whose parts add up exactly; 5- or 10-year groups in the
 * CKM tables, whose cells carry noise) and summed here to one row per region, band, kön and year, with
 * the dimensions "ålder" ("20–64 år") and "kön" ("totalt", or "män"/"kvinnor").
 */
export function populationFetch(client: ScbClient, q: PopulationQuery, opts: AdapterOptions = {}): FetchRows {
  return async (signal, onProgress) => {
    problems(populationQueryProblems(q));
    const regions = regionCodes(q.kommuner, q.lan, q.riket);
    const years = [...new Set(q.years)].sort((a, b) => a - b);
    const byTable = new Map<string, number[]>();
    for (const y of years) {
      const id = populationTableFor(y).tableId!;
      byTable.set(id, [...(byTable.get(id) ?? []), y]);
    }
    onProgress(0, "Läser tabellernas beskrivning hos SCB");
    const parts: PopulationPart[] = [];
    for (const [table, tableYears] of byTable) {
      const meta = await client.getMetadata(table, signal);
      const tid = timeVariable(meta);
      const have = new Set(tid?.values.map((v) => v.code) ?? []);
      const missing = tableYears.filter((y) => !have.has(String(y)));
      if (missing.length > 0) {
        throw new InputError([
          {
            plats: `SCB, tabell ${table}`,
            meddelande: `SCB har ingen folkmängd för ${missing.join(", ")} i tabellen ${table} (${meta.label}); den har ${periodSpan(tid)}. Välj andra år.`,
          },
        ]);
      }
      const regionVar = meta.variables.find((v) => v.code === "Region");
      const absent = regionVar ? regions.filter((r) => !regionVar.values.some((v) => v.code === r)) : [];
      if (absent.length > 0) {
        throw new InputError([{ plats: `SCB, tabell ${table}`, meddelande: `Tabellen ${table} har inte regionerna ${absent.map((r) => `${r} ${regionName(r)}`).join(", ")}.` }]);
      }
      const ckm = table !== DATASETS.befolkning.tableId;
      const alder = meta.variables.find((v) => v.code === "Alder");
      const lists = ckm ? await ageCodelists(client, alder, signal) : [];
      // One request per Alder codelist: bands that use the same one share it.
      const groups = new Map<string, PopulationPart>();
      for (const band of q.bands) {
        const req = populationRequest(meta, {
          regions,
          periods: tableYears.map(String),
          band: { from: band.fran, to: band.till },
          perKon: q.perKon ?? false,
          alderCodelists: lists,
        });
        if (ckm && q.perKon && req.selection.Kon !== undefined && req.selection.Kon !== "*") {
          // Noise: the CKM table's own total is closer than män + kvinnor, so ask for it as well.
          const total = meta.variables.find((v) => v.code === "Kon")?.values.find((v) => /^(totalt|samtliga)/i.test(v.label));
          if (total && !req.selection.Kon.includes(total.code)) req.selection.Kon = [total.code, ...req.selection.Kon];
        }
        const key = req.codelists?.Alder ?? "";
        const g = groups.get(key);
        const popBand: PopBand = { fran: band.fran, till: band.till };
        if (!g) {
          groups.set(key, { table, meta, ckm, selection: { ...(req.selection as Record<string, readonly string[]>) }, codelists: req.codelists, bands: [{ band: popBand, codes: req.ageCodes.codes }] });
        } else {
          g.selection = { ...g.selection, Alder: [...new Set([...g.selection.Alder, ...req.ageCodes.codes])] };
          g.bands.push({ band: popBand, codes: req.ageCodes.codes });
        }
      }
      parts.push(...groups.values());
    }

    const fetched = await runParts(
      parts,
      onProgress,
      (p, onBatch) =>
        client.fetchDataset(p.table, p.selection, {
          codelists: p.codelists,
          signal,
          onProgress: onBatch,
          concurrency: opts.concurrency,
          maxDataCells: opts.maxDataCells,
        }),
      (p) => p.table,
    );
    opts.onReport?.(fetched.map((f) => f.report));

    const rows: TidyRow[] = [];
    const notes: string[] = [];
    fetched.forEach((f, i) => {
      rows.push(...bandRows(f, parts[i].bands));
      if (parts[i].ckm) {
        notes.push(`${parts[i].table}: SCB skyddar tabellen med Cell Key Method (litet slumpat brus per cell); åldersgrupperna är hämtade direkt och summerade, så summan kan skilja några personer från en total.`);
      }
    });
    const tables = [...new Set(parts.map((p) => p.table))];
    const fraga = parts.map((p) => ({ tabell: p.table, urval: p.selection, ...(p.codelists ? { kodlistor: p.codelists } : {}) }));
    const kalla: KallaInfo = {
      typ: "SCB API",
      tabell: tables.join(", "),
      titel: [...new Set(parts.map((p) => p.meta.label))].join(" / "),
      fraga: fraga.length === 1 ? fraga[0] : fraga,
      apiVersion: "v2",
      hamtad: (opts.now ?? (() => new Date()))(),
      url: tables.map((t) => dataUrl(client, t)).join(" "),
    };
    const result: FetchedTable = { rows, dimensions: ["ålder", "kön"], notes, kalla };
    return result;
  };
}

/** SCB's kön labels as the Befolkning sheet has them: "män", "kvinnor", "totalt" ("totalt, samtliga män och kvinnor"). */
function konText(label: string): string {
  const t = label.trim().toLowerCase();
  if (t === "män" || t === "kvinnor") return t;
  return /^(totalt|samtliga|båda|män och kvinnor|kvinnor och män)/.test(t) ? "totalt" : label;
}

/** One row per region, band, kön and period: the band's Alder parts summed (missing if a part is). */
function bandRows(f: FetchedDataset, bands: PopulationPart["bands"]): TidyRow[] {
  const ds = f.dataset;
  const ageKey = ds.dimension.Alder?.label ?? "Alder";
  const konKey = ds.id.includes("Kon") ? (ds.dimension.Kon?.label ?? "Kon") : undefined;
  const alder = f.selection.variables.find((v) => v.code === "Alder");
  const labelOf = new Map((alder?.values ?? []).map((v) => [v.code, v.label]));
  const out: TidyRow[] = [];
  for (const { band, codes } of bands) {
    const labels = new Set(codes.map((c) => labelOf.get(c) ?? c));
    const label = popBandLabel(band);
    const groups = new Map<string, { row: TidyRow; sum: number | null; parts: number; status: string | null }>();
    for (const r of f.table.rows) {
      if (!labels.has(r.dimensions[ageKey] ?? "")) continue;
      const kon = konKey ? konText(r.dimensions[konKey] ?? "") : "totalt";
      const key = `${r.regionkod}\u0000${r.period}\u0000${kon}`;
      let g = groups.get(key);
      if (!g) {
        g = { row: { regionkod: r.regionkod, region: r.region, dimensions: { ålder: label, kön: kon }, period: r.period, varde: null, status: null }, sum: 0, parts: 0, status: null };
        groups.set(key, g);
      }
      g.parts++;
      if (r.varde === null || g.sum === null) {
        g.sum = null;
        g.status = g.status ?? r.status ?? "..";
      } else g.sum += r.varde;
    }
    for (const g of groups.values()) {
      const complete = g.parts === labels.size && g.sum !== null;
      out.push({ ...g.row, varde: complete ? g.sum : null, status: complete ? null : (g.status ?? "..") });
    }
  }
  return out;
}

// ---- Helårsekvivalenter ------------------------------------------------------------------------

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
      (r, onBatch) => client.fetchDataset(r.table, r.selection, { signal, onProgress: onBatch, concurrency: opts.concurrency, maxDataCells: opts.maxDataCells }),
      (r) => r.table,
    );
    opts.onReport?.([f.report]);
    return {
      rows: f.table.rows,
      dimensions: f.table.dimensions,
      notes: f.table.notes,
      kalla: {
        typ: "SCB API",
        tabell: table,
        titel: meta.label,
        fraga: { tabell: table, urval: req.selection },
        apiVersion: "v2",
        hamtad: (opts.now ?? (() => new Date()))(),
        url: dataUrl(client, table),
      },
    };
  };
}

// ---- Any table ---------------------------------------------------------------------------------

export interface TableQuery {
  tableId: string;
  /** Per variable code: value codes, "*" or patterns ("01*"); variables left out are summed away by SCB. */
  selection: SelectionInput;
  codelists?: Record<string, string>;
}

/** Any table by id, with the user's selection, as FetchRows (rows as SCB gives them). */
export function tableFetch(client: ScbClient, q: TableQuery, opts: AdapterOptions = {}): FetchRows {
  return async (signal, onProgress) => {
    const id = q.tableId.trim();
    if (id === "") throw new InputError([{ plats: "tabell", meddelande: "Välj en tabell först (sök på namn eller id, t.ex. TAB638)." }]);
    onProgress(0, "Läser tabellens beskrivning hos SCB");
    const [f] = await runParts(
      [q],
      onProgress,
      (t, onBatch) => client.fetchDataset(id, t.selection, { codelists: t.codelists, signal, onProgress: onBatch, concurrency: opts.concurrency, maxDataCells: opts.maxDataCells }),
      () => id,
    );
    opts.onReport?.([f.report]);
    return {
      rows: f.table.rows,
      dimensions: f.table.dimensions,
      notes: f.table.notes,
      kalla: {
        typ: "SCB API",
        tabell: id,
        titel: f.metadata.label,
        fraga: { tabell: id, urval: Object.fromEntries(f.selection.variables.map((v) => [v.code, v.values.map((x) => x.code)])), ...(q.codelists ? { kodlistor: q.codelists } : {}) },
        apiVersion: "v2",
        hamtad: (opts.now ?? (() => new Date()))(),
        url: dataUrl(client, id),
      },
    };
  };
}

/**
 * Tables matching a search text, or the table with that id ("TAB638", case as typed or not). An id
 * SCB does not know gives an empty list, not an error.
 */
export async function findTables(client: ScbClient, text: string, signal?: AbortSignal): Promise<TableInfo[]> {
  const q = text.trim();
  if (q === "") return [];
  if (/^tab\d+$/i.test(q)) {
    try {
      return [await client.getTable(q.toUpperCase(), signal)];
    } catch (e) {
      if (!(e instanceof ScbApiError && e.kind === "finns-inte")) throw e;
    }
  }
  const page = await client.searchTables({ query: q, pageSize: 30 }, signal);
  return page.tables;
}

/** The table's metadata (variables and values) for value pickers. */
export function tableMetadata(client: ScbClient, id: string, signal?: AbortSignal): Promise<TableMetadata> {
  return client.getMetadata(id.trim(), signal);
}

/** Codes of `values` from `fran` to `till` inclusive (in the table's order); either end may be empty. */
export function periodRange(values: readonly { code: string }[], fran: string, till: string): string[] {
  const codes = values.map((v) => v.code);
  const a = fran ? codes.indexOf(fran) : 0;
  const b = till ? codes.indexOf(till) : codes.length - 1;
  if (a < 0 || b < 0) return [];
  return codes.slice(Math.min(a, b), Math.max(a, b) + 1);
}

/**
 * A first selection from a table's metadata, for the value pickers: the latest period, the region codes
 * given (those the table has), the first value of every other variable that must be chosen, and nothing
 * for variables SCB can sum away.
 */
export function defaultTableSelection(meta: TableMetadata, regions: readonly string[] = []): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of meta.variables) {
    if (v.time) out[v.code] = v.values.length ? [v.values[v.values.length - 1].code] : [];
    else if (/^region$/i.test(v.code)) out[v.code] = regions.filter((r) => v.values.some((x) => x.code === r));
    else if (!v.elimination) out[v.code] = v.values.length ? [v.values[0].code] : [];
    else out[v.code] = [];
  }
  return out;
}

/**
 * The selection to send from the pickers' choices: variables with values chosen; variables SCB can sum
 * away and that have none are left out. A variable that must be chosen but has none is a problem.
 */
export function tableSelection(meta: TableMetadata, chosen: Readonly<Record<string, readonly string[]>>): SelectionInput {
  const out: Record<string, readonly string[]> = {};
  const missing: InputProblem[] = [];
  for (const v of meta.variables) {
    const codes = (chosen[v.code] ?? []).filter((c) => v.values.some((x) => x.code === c));
    if (codes.length > 0) out[v.code] = codes;
    else if (!v.elimination) missing.push({ plats: v.label, meddelande: `Välj minst ett värde i ${v.label} – SCB kan inte summera bort den.` });
  }
  problems(missing);
  return out;
}

/** Cells a selection gives (product of the chosen values; variables left out count once). */
export function selectionCells(selection: SelectionInput, meta: TableMetadata): number {
  let n = 1;
  for (const v of meta.variables) {
    const s = selection[v.code];
    if (s === undefined) continue;
    n *= s === "*" ? v.values.length : s.length;
  }
  return n;
}
