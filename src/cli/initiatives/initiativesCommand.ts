import path from "node:path";
import Papa from "papaparse";
import { InputError } from "../../domain/errors";
import { XlsxWorkbookHost } from "../../hosts/xlsx/xlsxHost";
import { parseInitiativeTable } from "../../sources/initiatives/initiativeRows";
import { defaultInitiativesSettings, runInitiativesJob, writeInitiativeInput } from "../../usecases/initiatives/initiativesJob";
import { readInputText, reportInputError } from "../inputErrors";

export interface InitiativesCliOptions {
  datum?: string;
  forbund?: string;
  out: string;
  force?: boolean;
}

/** `samkalk initiativ FILE --out status.xlsx`: the Initiativ table (CSV/TSV) → input, overview, status and history sheets. */
export async function runInitiativesCommand(file: string, o: InitiativesCliOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  // UTF-8, UTF-16 (Excel's "Unicode text") or Latin-1, as every Samkalk reader detects it.
  const textIn = readInputText(file, "initiativ", err);
  if (textIn === null) return 1;
  const base = defaultInitiativesSettings();
  const settings = { ...base, forbund: o.forbund ?? base.forbund, datum: o.datum ?? base.datum };
  const name = path.basename(file);
  try {
    const grid = Papa.parse<string[]>(textIn, { skipEmptyLines: "greedy", delimitersToGuess: [";", ",", "\t"] }).data;
    const initiativ = parseInitiativeTable(grid, { nulagen: settings.nulagen, locate: (i) => `${name}, rad ${i + 2}` });
    const host = await XlsxWorkbookHost.forOutput(o.out, o.force);
    const input = await writeInitiativeInput(host, initiativ, settings);
    if (!input.ok) throw new InputError(input.problems);
    const outcome = await runInitiativesJob(host, settings, { store: host.settings });
    if (!outcome.ok) throw new InputError(outcome.problems);
    await host.save(o.out, { inputs: [file], force: o.force });
    for (const omr of outcome.oversikt.omraden) {
      const counts = omr.perNulage.filter((p) => p.antal > 0).map((p) => `${p.nulage} ${p.antal}`);
      out(`${omr.omrade}: ${omr.initiativ.length} (${counts.join(", ")})\n`);
    }
    err(`Skrev ${o.out}: ${outcome.sheets.length + 1} blad.`);
    return 0;
  } catch (e) {
    return reportInputError(e, err);
  }
}
