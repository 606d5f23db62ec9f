/**
 * `samkalk scb befolkning | helarsekvivalenter | tabell | sok`: fetching from SCB's API without Excel,
 * through the same adapters and use cases as the task pane. Live SCB is the default; --base-url points
 * elsewhere (the tests use the replay server). Output: a workbook (--out, the same sheets as in Excel,
 * with a Källor row) and/or CSV or JSON on stdout; progress by batch on stderr. Ctrl-C cancels: nothing
 * is written. Exit codes: 0 ok, 1 bad input or an SCB error (Swedish message on stderr), 130 cancelled.
 *
 * Registered by main.ts on the `scb` command: registerScbFetchCommands(scb, { out, err, setCode }).
 */
import type { Command } from "commander";
import { Option } from "commander";
import Papa from "papaparse";
import { InputError, type InputProblem } from "../../domain/errors";
import { KOMMUNER, kommunByCode } from "../../domain/kommuner";
import type { TidyTable } from "../../domain/scb/tidy";
import { XlsxWorkbookHost } from "../../hosts/xlsx/xlsxHost";
import { bandLabel, populationFromTidy, type AgeBand } from "../../domain/scb/population";
import type { ScbClientOptions } from "../../sources/scb/api";
import { tidyToCsv, tidyToJson } from "../../sources/scb/tidyCsv";
import { importBefolkningTable } from "../../usecases/scb/befolkning";
import {
  helarsekvivalenterFetch,
  helarsekvivalenterQueryProblems,
  normaliseMonth,
  populationFetch,
  populationQueryProblems,
  scbClientFor,
  tableFetch,
  findTables,
  type HelarsekvivalenterQuery,
  type PopulationQuery,
} from "../../usecases/scb/fetchAdapters";
import { writeHelarsekvivalenter } from "../../usecases/scb/helarsekvivalenter";
import { FetchCancelled, runFetch, writeScbTable } from "../../usecases/scb/scbImport";
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

const BASE_URL_HELP = "SCB:s API (PxWebApi 2.0); standard https://statistikdatabasen.scb.se/api/v2";
const EXIT_CANCELLED = 130;

// ---- Parsing -----------------------------------------------------------------------------------

const list = (s: string | undefined) => (s ?? "").split(/[,;\s]+/).map((x) => x.trim()).filter((x) => x !== "");
const fold = (s: string) => s.toLocaleLowerCase("sv-SE").normalize("NFC");

/** "2480,2460" or names ("Umeå,Vännäs") → kommun codes. */
export function parseKommuner(s: string | undefined, flag = "--kommuner"): string[] {
  const problems: InputProblem[] = [];
  const out: string[] = [];
  for (const item of (s ?? "").split(/[,;]+/).map((x) => x.trim()).filter((x) => x !== "")) {
    const k = /^\d{4}$/.test(item) ? kommunByCode(item) : KOMMUNER.find((x) => fold(x.namn) === fold(item));
    if (k) out.push(k.kod);
    else problems.push({ plats: flag, meddelande: `"${item}" är ingen kommun (ange fyrsiffriga koder som 2480 eller namn som Umeå; sök med samkalk kommuner).` });
  }
  if (problems.length > 0) throw new InputError(problems);
  return [...new Set(out)];
}

/** "2019", "2019,2020", "2015-2019" → years. */
export function parseYears(s: string | undefined, flag = "--ar"): number[] {
  const out: number[] = [];
  for (const item of list(s)) {
    const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(item);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (a > b || b - a > 200) throw new InputError([{ plats: flag, meddelande: `"${item}" är inget intervall av år (från–till, t.ex. 2015-2019).` }]);
      for (let y = a; y <= b; y++) out.push(y);
    } else if (/^\d{4}$/.test(item)) out.push(Number(item));
    else throw new InputError([{ plats: flag, meddelande: `"${item}" är inget år (skriv t.ex. 2019, 2019,2020 eller 2015-2019).` }]);
  }
  if (out.length === 0) throw new InputError([{ plats: flag, meddelande: "Ange minst ett år, t.ex. --ar 2019." }]);
  return [...new Set(out)].sort((a, b) => a - b);
}

/** "20-64" or "16-64,20-64" → age bands. */
export function parseBands(s: string | undefined, flag = "--alder"): Array<{ fran: number; till: number }> {
  const out: Array<{ fran: number; till: number }> = [];
  for (const item of list(s)) {
    const m = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(item);
    if (!m) throw new InputError([{ plats: flag, meddelande: `"${item}" är ingen åldersgrupp (skriv från-till, t.ex. 20-64).` }]);
    out.push({ fran: Number(m[1]), till: Number(m[2]) });
  }
  if (out.length === 0) throw new InputError([{ plats: flag, meddelande: "Ange en åldersgrupp, t.ex. --alder 20-64." }]);
  return out;
}

function parseMonth(s: string | undefined, flag: string): string {
  const m = normaliseMonth(s ?? "");
  if (!m) throw new InputError([{ plats: flag, meddelande: `"${s ?? ""}" är ingen månad (skriv t.ex. 2023M01).` }]);
  return m;
}

/** ["Region=2480,2460", "Tid=2019", "Alder=*"] → selection; the same variable twice adds to it. */
export function parseSelection(vals: readonly string[], flag = "--val"): Record<string, string[] | "*"> {
  const out: Record<string, string[] | "*"> = {};
  for (const v of vals) {
    const m = /^\s*([^=\s]+)\s*=\s*(.*)$/.exec(v);
    if (!m || m[2].trim() === "") throw new InputError([{ plats: flag, meddelande: `"${v}" ska skrivas VARIABEL=KOD,KOD (t.ex. Region=2480,2460 eller Tid=*).` }]);
    const codes = m[2].split(",").map((x) => x.trim()).filter((x) => x !== "");
    const prev = out[m[1]];
    out[m[1]] = codes.includes("*") || prev === "*" ? "*" : [...new Set([...(prev ?? []), ...codes])];
  }
  return out;
}

function parseCodelists(vals: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of vals) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(v);
    if (!m) throw new InputError([{ plats: "--kodlista", meddelande: `"${v}" ska skrivas VARIABEL=KODLISTA (t.ex. Alder=agg_Ålder5år).` }]);
    out[m[1]] = m[2];
  }
  return out;
}

const collect = (value: string, previous: string[]) => [...previous, value];

// ---- Running -----------------------------------------------------------------------------------

/** Runs a fetch with progress lines on stderr and Ctrl-C (or io.signal) as cancel. */
async function fetchWithProgress(fetch: FetchRows, io: ScbFetchIo): Promise<FetchedTable> {
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
async function run(io: ScbFetchIo, body: () => Promise<number>): Promise<void> {
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

function tidyOf(f: FetchedTable): TidyTable {
  return { rows: f.rows, dimensions: f.dimensions, notes: f.notes ?? [] };
}

/** Writes the workbook a use case filled, or throws its problems; tells stderr what was written. */
async function saveOutcome(host: XlsxWorkbookHost, outcome: ScbOutcome, file: string, io: ScbFetchIo): Promise<void> {
  if (!outcome.ok) throw new InputError(outcome.problems);
  await host.save(file);
  for (const v of outcome.varningar) io.err(`Varning: ${v}`);
  io.err(`Skrev ${file}: ${outcome.sheets.join(", ")} (${outcome.rows} rader).`);
}

function printTidy(table: TidyTable, format: "csv" | "json", io: ScbFetchIo): void {
  io.out(format === "json" ? JSON.stringify(tidyToJson(table.rows, table.dimensions), null, 2) + "\n" : tidyToCsv(table.rows, table.dimensions));
}

// ---- Commands ----------------------------------------------------------------------------------

interface BefolkningCli {
  kommuner: string;
  alder: string;
  ar: string;
  lan?: boolean;
  riket?: boolean;
  perKon?: boolean;
  baseUrl?: string;
  out?: string;
  format?: "csv" | "json";
}

async function befolkning(o: BefolkningCli, io: ScbFetchIo): Promise<number> {
  const q: PopulationQuery = { kommuner: parseKommuner(o.kommuner), bands: parseBands(o.alder), years: parseYears(o.ar), lan: !!o.lan, riket: !!o.riket, perKon: !!o.perKon };
  const problems = populationQueryProblems(q);
  if (problems.length > 0) throw new InputError(problems);
  const now = io.now ?? (() => new Date());
  const client = scbClientFor(o.baseUrl, io.client);
  const fetched = await fetchWithProgress(populationFetch(client, q, { now }), io);
  const bands: AgeBand[] = q.bands.map((b) => ({ fran: b.fran, till: b.till }));
  if (o.out) {
    const host = new XlsxWorkbookHost();
    await saveOutcome(host, await importBefolkningTable(host, tidyOf(fetched), fetched.kalla, { bands, today: now() }), o.out, io);
  }
  if (o.format || !o.out) {
    const { rows, varningar } = populationFromTidy(tidyOf(fetched), { bands, kalla: `SCB ${fetched.kalla.tabell}` });
    if (!o.out) varningar.forEach((v) => io.err(`Varning: ${v}`));
    const records = rows.map((r) => ({ regionkod: r.regionkod, region: r.region, alder: bandLabel(r.band), kon: r.kon, ar: r.ar, folkmangd: r.folkmangd }));
    io.out(o.format === "json" ? JSON.stringify({ kalla: fetched.kalla, befolkning: records }, null, 2) + "\n" : Papa.unparse(records, { newline: "\n" }) + "\n");
  }
  return 0;
}

interface HeCli {
  kommuner: string;
  fran: string;
  till: string;
  riket: boolean;
  kon: "totalt" | "per-kon" | "alla";
  aldersgrupp: "20-64" | "20-65";
  forbund?: string;
  baseUrl?: string;
  out?: string;
  format?: "csv" | "json";
}

async function helarsekvivalenter(o: HeCli, io: ScbFetchIo): Promise<number> {
  const kommuner = parseKommuner(o.kommuner);
  const q: HelarsekvivalenterQuery = { kommuner, fran: parseMonth(o.fran, "--fran"), till: parseMonth(o.till, "--till"), riket: o.riket, kon: o.kon, aldersgrupp: o.aldersgrupp };
  const problems = helarsekvivalenterQueryProblems(q);
  if (problems.length > 0) throw new InputError(problems);
  const now = io.now ?? (() => new Date());
  const client = scbClientFor(o.baseUrl, io.client);
  const fetched = await fetchWithProgress(helarsekvivalenterFetch(client, q, { now }), io);
  if (o.out) {
    const host = new XlsxWorkbookHost();
    const forbund = o.forbund ?? (kommuner.length === 1 ? kommunByCode(kommuner[0])!.namn : "Förbundet");
    await saveOutcome(host, await writeHelarsekvivalenter(host, tidyOf(fetched), fetched.kalla, { forbund, kommuner, today: now() }), o.out, io);
  }
  if (o.format || !o.out) printTidy(tidyOf(fetched), o.format ?? "csv", io);
  return 0;
}

interface TabellCli {
  val: string[];
  kodlista: string[];
  baseUrl?: string;
  out?: string;
  format?: "csv" | "json";
}

async function tabell(id: string, o: TabellCli, io: ScbFetchIo): Promise<number> {
  const client = scbClientFor(o.baseUrl, io.client);
  const now = io.now ?? (() => new Date());
  if (o.val.length === 0) {
    // No selection: say what the table has, so the user can write one.
    const meta = await client.getMetadata(id);
    io.out(`${meta.id}: ${meta.label}\n`);
    for (const v of meta.variables) {
      const first = v.values.slice(0, 8).map((x) => (x.label === x.code ? x.code : `${x.code} (${x.label})`));
      const more = v.values.length > first.length ? `, … (${v.values.length} värden)` : "";
      io.out(`  ${v.code} – ${v.label}${v.elimination ? "" : " [måste väljas]"}: ${first.join(", ")}${more}\n`);
    }
    io.err(`Välj värden med --val, t.ex. --val ${meta.variables[0]?.code ?? "Region"}=${meta.variables[0]?.values[0]?.code ?? "00"}. Variabler som inte väljs summeras bort av SCB.`);
    return 0;
  }
  const fetched = await fetchWithProgress(tableFetch(client, { tableId: id, selection: parseSelection(o.val), codelists: o.kodlista.length ? parseCodelists(o.kodlista) : undefined }, { now }), io);
  if (o.out) {
    const host = new XlsxWorkbookHost();
    await saveOutcome(host, await writeScbTable(host, tidyOf(fetched), fetched.kalla, { mode: "replace", today: now() }), o.out, io);
  }
  if (o.format || !o.out) printTidy(tidyOf(fetched), o.format ?? "csv", io);
  return 0;
}

async function sok(text: string, o: { baseUrl?: string }, io: ScbFetchIo): Promise<number> {
  const tables = await findTables(scbClientFor(o.baseUrl, io.client), text);
  if (tables.length === 0) io.err(`Inga tabeller hos SCB matchar "${text}".`);
  for (const t of tables) io.out(`${t.id}\t${t.label ?? ""}\t${t.firstPeriod ?? ""}–${t.lastPeriod ?? ""}${t.discontinued ? "\t(avslutad)" : ""}\n`);
  return 0;
}

/**
 * Adds `befolkning`, `helarsekvivalenter`, `tabell` and `sok` to the `scb` command. main.ts:
 *   const scb = program.command("scb").description("SCB-statistik");
 *   scb.command("import") …;
 *   registerScbFetchCommands(scb, { out, err, setCode: (c) => (code = c) });
 */
export function registerScbFetchCommands(scb: Command, io: ScbFetchIo): void {
  const format = () => new Option("--format <format>", "skriv också tabellen på stdout (standard csv när --out saknas)").choices(["csv", "json"]);
  const baseUrl = () => new Option("--base-url <url>", BASE_URL_HELP);

  scb
    .command("befolkning")
    .description("Hämta folkmängd per kommun, åldersgrupp, kön och år från SCB (TAB638 till 2024, TAB5557 från 2025)")
    .requiredOption("--kommuner <koder>", "kommunkoder eller namn, kommaseparerade (t.ex. 2480,2460)")
    .option("--alder <från-till>", "åldersgrupp, eller flera kommaseparerade (16-64,20-64)", "20-64")
    .requiredOption("--ar <år>", "år: 2019, 2019,2020 eller 2015-2019")
    .option("--lan", "ta med kommunernas län")
    .option("--riket", "ta med riket")
    .option("--per-kon", "män och kvinnor var för sig (och totalt)")
    .addOption(baseUrl())
    .option("--out <fil.xlsx>", "skriv bladen Befolkning och Källor")
    .addOption(format())
    .action((o: BefolkningCli) => run(io, () => befolkning(o, io)));

  scb
    .command("helarsekvivalenter")
    .description("Hämta helårsekvivalenter per kommun, ersättningstyp och månad från SCB (HE0000T02N2) och skriv analysbladet")
    .requiredOption("--kommuner <koder>", "kommunkoder eller namn, kommaseparerade")
    .requiredOption("--fran <ÅÅÅÅMmm>", "första månaden, t.ex. 2023M01")
    .requiredOption("--till <ÅÅÅÅMmm>", "sista månaden, t.ex. 2024M12")
    .option("--utan-riket", "utan riket som jämförelse")
    .addOption(new Option("--kon <kön>", "kön").choices(["totalt", "per-kon", "alla"]).default("totalt"))
    .addOption(new Option("--aldersgrupp <grupp>", "åldersgrupp").choices(["20-64", "20-65"]).default("20-64"))
    .option("--forbund <namn>", "förbundets namn (summan av kommunerna på analysbladet)")
    .addOption(baseUrl())
    .option("--out <fil.xlsx>", "skriv bladen SCB Helårsekvivalenter, Helårsekvivalenter och Källor")
    .addOption(format())
    .action((o: Omit<HeCli, "riket"> & { utanRiket?: boolean }) => run(io, () => helarsekvivalenter({ ...o, riket: !o.utanRiket }, io)));

  scb
    .command("tabell")
    .description("Hämta valfri SCB-tabell efter id med ett urval per variabel (utan --val: visa tabellens variabler)")
    .argument("<id>", "tabellens id, t.ex. TAB638")
    .option("--val <VARIABEL=KODER>", "värden för en variabel, t.ex. Region=2480,2460 (upprepas; * = alla)", collect, [])
    .option("--kodlista <VARIABEL=KODLISTA>", "kodlista för en variabel, t.ex. Alder=agg_Ålder5år (upprepas)", collect, [])
    .addOption(baseUrl())
    .option("--out <fil.xlsx>", "skriv tabellen som ett blad och en rad i Källor")
    .addOption(format())
    .action((id: string, o: TabellCli) => run(io, () => tabell(id, o, io)));

  scb
    .command("sok")
    .description("Sök tabeller hos SCB på text eller id")
    .argument("<text>", "sökord, t.ex. folkmängd, eller ett id som TAB638")
    .addOption(baseUrl())
    .action((text: string, o: { baseUrl?: string }) => run(io, () => sok(text, o, io)));
}
