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
import { InputError } from "../../domain/errors";
import { kommunByCode } from "../../domain/kommuner";
import { XlsxWorkbookHost } from "../../hosts/xlsx/xlsxHost";
import { bandLabel, populationFromTidy, type AgeBand } from "../../domain/scb/population";
import { importBefolkningTable } from "../../usecases/scb/befolkning";
import {
  helarsekvivalenterFetch,
  helarsekvivalenterQueryProblems,
  populationFetch,
  populationQueryProblems,
  scbClientFor,
  tableFetch,
  findTables,
  type HelarsekvivalenterQuery,
  type PopulationQuery,
} from "../../usecases/scb/fetchAdapters";
import { writeHelarsekvivalenter } from "../../usecases/scb/helarsekvivalenter";
import { writeScbTable } from "../../usecases/scb/scbImport";
import { collect, parseBands, parseCodelists, parseKommuner, parseMonth, parseSelection, parseYears } from "./fetchArgs";
import { fetchWithProgress, printTidy, run, saveOutcome, tidyOf, type ScbFetchIo } from "./fetchRun";

export type { ScbFetchIo } from "./fetchRun";

const BASE_URL_HELP = "SCB:s API (PxWebApi 2.0); standard https://statistikdatabasen.scb.se/api/v2";

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
