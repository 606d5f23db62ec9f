import { Command, Option } from "commander";
import { searchKommuner } from "../domain/kommuner";
import { registerScbFetchCommands } from "./scb/fetchCommands";

// Each command's module is imported when it runs, so a command loads only what it needs (the xlsx writer,
// the SCB client and the parsers are not loaded by `split` without --out).

/** `samkalk` — Samkalk's jobs without Excel. Returns the exit code (0 ok, 1 bad input, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s + "\n");
  const program = new Command()
    .name("samkalk")
    .description("Samkalk utan Excel: medlemsavgifter, SCB-data, budget och samverkansinitiativ")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command("split")
    .description("Fördela medlemsavgifter: staten 50 %, regionen 25 %, kommunerna 25 % efter nyckel")
    .requiredOption("--members <fil>", "CSV (kod,namn,befolkning eller kod,namn,andel) eller JSON med kommunerna")
    .option("--total <belopp>", "hela medlemsfinansieringen")
    .option("--kommun-total <belopp>", "kommunernas del (25 %)")
    .option("--stat <belopp>", "statens del (50 %)")
    .addOption(new Option("--unit <enhet>", "beloppens enhet").choices(["kr", "tkr"]).default("tkr"))
    .addOption(new Option("--format <format>", "utdata").choices(["csv", "json"]).default("csv"))
    .option("--ar <år>", "budgetåret (för .xlsx-bladet)")
    .option("--forbund <namn>", "förbundets namn (för .xlsx-bladet)")
    .option("--region <namn>", "regionens namn", "Regionen")
    .option("--alder <från-till>", "åldersgrupp för befolkningsnyckeln", "20-64")
    .option("--referensar <år>", "befolkningens referensår")
    .option("--out <fil.xlsx>", "skriv också arbetsboken med levande formler")
    .option("--force", "ersätt en befintlig arbetsbok helt, även blad som Samkalk inte skriver nu")
    .action(async (opts) => {
      code = await (await import("./fee/splitCommand")).runSplit(opts, out, err);
    });

  program
    .command("demo")
    .description("Skriv exempelarbetsboken för Umeåregionen från inbyggda SCB-siffror (inget nätverk)")
    .option("--out <fil.xlsx>", "utfil", "samkalk-demo.xlsx")
    .option("--force", "ersätt en befintlig arbetsbok helt, även blad som Samkalk inte skriver nu")
    .action(async (opts: { out: string; force?: boolean }) => {
      const sheets = await (await import("../demo/demoWorkbook")).writeDemoWorkbook(opts.out, new Date(), { force: opts.force });
      err(`Skrev ${opts.out}: ${sheets.join(", ")}`);
    });

  program
    .command("styrelsepaket")
    .description("Skapa styrelsepaketet från en förbundsprofil: befolkning, medlemsavgifter, budget, helårsekvivalenter, initiativ, sammanfattning")
    .requiredOption("--profil <fil.json>", "förbundsprofilen (JSON)")
    .requiredOption("--out <fil.xlsx>", "arbetsboken")
    .option("--pdf <fil.pdf>", "också en PDF för styrelsen (LibreOffice)")
    .option("--base-url <url>", "SCB:s API (standard: SCB)")
    .option("--inbyggd", "inga nätverksanrop: inbyggda befolkningssiffror 2019 och syntetiska helårsekvivalenter")
    .option("--datum <åååå-mm-dd>", "initiativens rapportdatum (standard: i dag)")
    .option("--force", "ersätt en befintlig arbetsbok helt, även blad som Samkalk inte skriver nu")
    .action(async (opts) => {
      code = await (await import("./pack/packCommand")).runPackCommand(opts, out, err);
    });

  const scb = program.command("scb").description("SCB-statistik: hämta från SCB:s API eller städa en SCB-fil");
  scb
    .command("import")
    .description("Städa en SCB-fil (webbexport eller PxWeb-CSV med komma, semikolon eller tabb; json-stat2; PX-JSON) till en tabell med en rad per observation")
    .argument("<fil>", "SCB-filen (Latin-1 eller UTF-8)")
    .addOption(new Option("--format <format>", "utdata").choices(["csv", "json"]).default("csv"))
    .option("--utan-region-ar-riket", "en fil utan regionkolumn gäller riket")
    .action(async (file: string, opts: { format: "csv" | "json"; utanRegionArRiket?: boolean }) => {
      code = (await import("./scb/importCommand")).runScbImportCommand(file, opts, out, err);
    });
  registerScbFetchCommands(scb, { out, err, setCode: (c) => (code = c) });

  program
    .command("initiativ")
    .description("Statusblad för samverkansinitiativ: översikt per område, ett blad per initiativ och historik")
    .argument("<fil>", "initiativtabellen som CSV (rubrikrad Nr, Område, Initiativ, Nuläge …)")
    .option("--datum <ÅÅÅÅ-MM-DD>", "rapportens datum (standard: i dag)")
    .option("--forbund <namn>", "förbundets namn")
    .requiredOption("--out <fil.xlsx>", "arbetsboken som skrivs")
    .option("--force", "ersätt en befintlig arbetsbok helt, även blad som Samkalk inte skriver nu")
    .action(async (file: string, opts: { datum?: string; forbund?: string; out: string; force?: boolean }) => {
      code = await (await import("./initiatives/initiativesCommand")).runInitiativesCommand(file, opts, out, err);
    });

  program
    .command("budget")
    .description("Budget: läs in en budget och kontrollera varje summa")
    .command("import")
    .description("Läs in en budget (som i verksamhetsplanen) till en tabell med en rad per post och år, och kontrollera summor, resultat och eget kapital")
    .argument("<fil>", "budgetens celler som CSV eller TSV, eller en .xlsx-arbetsbok")
    .option("--sheet <namn>", "bladet i .xlsx-filen (standard: det första)")
    .addOption(new Option("--format <format>", "utdata").choices(["csv", "json"]).default("csv"))
    .addOption(new Option("--enhet <enhet>", "beloppens enhet (standard: rubrikraden, annars tkr)").choices(["kr", "tkr"]))
    .option("--forbund <namn>", "förbundets namn (för .xlsx-bladen)")
    .option("--out <fil.xlsx>", "skriv också bladen Budget och Budgetkontroll med levande formler")
    .option("--force", "ersätt en befintlig arbetsbok helt, även blad som Samkalk inte skriver nu")
    .action(async (file: string, opts: { sheet?: string; format: "csv" | "json"; enhet?: "kr" | "tkr"; forbund?: string; out?: string; force?: boolean }) => {
      code = await (await import("./budget/budgetCommand")).runBudgetImportCommand(file, opts, out, err);
    });

  program
    .command("tilldelning")
    .description("Prognos för statens tilldelning per förbund enligt Nationella rådets fördelningsmodell (grund, 75 % försörjningsmått, 25 % invånare 16–64 år, spärr)")
    .requiredOption("--underlag <fil>", "CSV forbund,kod,befolkning,forsorjningsmatt med en rad per kommun (tomt förbund: kommun utanför förbund)")
    .requiredOption("--anslag <belopp>", "det nationella anslaget i kr, t.ex. 339000000")
    .option("--grund <belopp>", "grundtilldelning per förbund i kr", "400000")
    .option("--sparr <procent>", "största minskning mot förra året i procent", "10")
    .option("--forra-aret <fil>", "CSV forbund,belopp med förra årets tilldelning")
    .option("--ar <år>", "året prognosen gäller (för .xlsx-bladet; standard: nästa år)")
    .option("--forbund <namn>", "ditt förbund, markerat på .xlsx-bladet")
    .addOption(new Option("--format <format>", "utdata").choices(["csv", "json"]).default("csv"))
    .option("--out <fil.xlsx>", "skriv också bladet Statlig tilldelning med levande formler")
    .option("--force", "ersätt en befintlig arbetsbok helt, även blad som Samkalk inte skriver nu")
    .action(async (opts) => {
      code = await (await import("./tilldelning/allocationCommand")).runAllocationCommand(opts, out, err);
    });

  program
    .command("kommuner")
    .description("Sök bland Sveriges 290 kommuner (namn eller kod)")
    .argument("[sök]", "namn eller kod", "")
    .action((q: string) => {
      for (const k of searchKommuner(q, 290)) out(`${k.kod}\t${k.namn}\n`);
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    const ce = e as { code?: string; exitCode?: number };
    if (ce.code === "commander.helpDisplayed" || ce.code === "commander.version") return 0;
    if (ce.exitCode !== undefined) return 2;
    throw e;
  }
  return code;
}
