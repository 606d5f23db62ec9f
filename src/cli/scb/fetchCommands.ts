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
import type { ScbFetchIo } from "./fetchRun";
import type { BefolkningCli, HeCli, TabellCli } from "./fetchJobs";

export type { ScbFetchIo } from "./fetchRun";

const BASE_URL_HELP = "SCB:s API (PxWebApi 2.0); standard https://statistikdatabasen.scb.se/api/v2";

/** A repeated option's values, in order. */
const collect = (value: string, previous: string[]) => [...previous, value];

/** The command bodies, loaded when a command runs. */
const jobs = () => import("./fetchJobs");

/**
 * Adds `befolkning`, `helarsekvivalenter`, `tabell` and `sok` to the `scb` command. main.ts:
 *   const scb = program.command("scb").description("SCB-statistik");
 *   scb.command("import") …;
 *   registerScbFetchCommands(scb, { out, err, setCode: (c) => (code = c) });
 */
export function registerScbFetchCommands(scb: Command, io: ScbFetchIo): void {
  const format = () => new Option("--format <format>", "skriv också tabellen på stdout (standard csv när --out saknas)").choices(["csv", "json"]);
  const baseUrl = () => new Option("--base-url <url>", BASE_URL_HELP);
  const force = () => new Option("--force", "ersätt en befintlig arbetsbok helt, även blad som Samkalk inte skriver nu");

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
    .addOption(force())
    .addOption(format())
    .action((o: BefolkningCli) => jobs().then((j) => j.run(io, () => j.befolkning(o, io))));

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
    .addOption(force())
    .addOption(format())
    .action((o: Omit<HeCli, "riket"> & { utanRiket?: boolean }) => jobs().then((j) => j.run(io, () => j.helarsekvivalenter({ ...o, riket: !o.utanRiket }, io))));

  scb
    .command("tabell")
    .description("Hämta valfri SCB-tabell efter id med ett urval per variabel (utan --val: visa tabellens variabler)")
    .argument("<id>", "tabellens id, t.ex. TAB638")
    .option("--val <VARIABEL=KODER>", "värden för en variabel, t.ex. Region=2480,2460 (upprepas; * = alla)", collect, [])
    .option("--kodlista <VARIABEL=KODLISTA>", "kodlista för en variabel, t.ex. Alder=agg_Ålder5år (upprepas)", collect, [])
    .addOption(baseUrl())
    .option("--out <fil.xlsx>", "skriv tabellen som ett blad och en rad i Källor")
    .addOption(force())
    .addOption(format())
    .action((id: string, o: TabellCli) => jobs().then((j) => j.run(io, () => j.tabell(id, o, io))));

  scb
    .command("sok")
    .description("Sök tabeller hos SCB på text eller id")
    .argument("<text>", "sökord, t.ex. folkmängd, eller ett id som TAB638")
    .addOption(baseUrl())
    .action((text: string, o: { baseUrl?: string }) => jobs().then((j) => j.run(io, () => j.sok(text, o, io))));
}
