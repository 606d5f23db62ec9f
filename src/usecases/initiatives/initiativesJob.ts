import { InputError, InputProblem } from "../../domain/errors";
import { Historikrad, Initiativ, Initiativforandring, Oversikt, buildOverview, compareWithHistory, initiativeSheetNames, snapshot } from "../../domain/initiatives/index";
import type { WorkbookHost } from "../../hosts/host";
import { HISTORY_HEADER_ROW, HISTORY_SHEET, HISTORY_TABLE, buildHistorySheet } from "../../sheets/initiatives/historySheet";
import { INPUT_HEADER_ROW, INPUT_SHEET, INPUT_TABLE, buildInputSheet } from "../../sheets/initiatives/inputSheet";
import { buildOverviewSheet } from "../../sheets/initiatives/overviewSheet";
import { buildStatusSheet } from "../../sheets/initiatives/statusSheet";
import type { SheetSpec } from "../../sheets/spec";
import { parseHistoryRows } from "../../sources/initiatives/historyRows";
import { parseInitiativeTable } from "../../sources/initiatives/initiativeRows";
import { InitiativesSettings, InitiativesSettingsSchema, saveInitiativesSettings } from "./initiativesSettings";
import type { SettingsStore } from "../../hosts/host";
import { EditedSheetDecision, copyName, editedSheetProblems, writeSheets } from "../writeSheets";
import { failureOf, withFailure, type JobFailure } from "../failure";

export * from "./initiativesSettings";

export type { EditedSheetDecision };

export interface InitiativesJobOptions {
  today?: Date;
  store?: SettingsStore;
  /** Unset: stop and ask (the outcome lists the edited sheets). */
  onEdited?: EditedSheetDecision;
  onProgress?: (step: string, fraction: number) => void;
}

export type InitiativesOutcome =
  | { ok: true; sheets: string[]; keptCopies: string[]; oversikt: Oversikt; forandringar: Initiativforandring[]; jamfortMed?: string; syncs: number }
  /** `editedSheets`: nothing was written; ask the user and run again with `onEdited`. */
  | { ok: false; problems: InputProblem[]; editedSheets?: string[]; failure?: JobFailure };

const fail = (problems: InputProblem[]): InitiativesOutcome => ({ ok: false, problems });

/** Excel row number of data row i of the input table, for messages. */
const inputRow = (i: number) => `bladet ${INPUT_SHEET}, rad ${INPUT_HEADER_ROW + 2 + i}`;

/** Reads the Initiativ table; throws InputError naming the row. */
export async function readInitiatives(host: WorkbookHost, settings: InitiativesSettings): Promise<Initiativ[]> {
  const state = await host.inspectSheet(INPUT_SHEET, [INPUT_TABLE]);
  const body = state.tables[INPUT_TABLE];
  const header = state.tableHeaders[INPUT_TABLE];
  if (!body || !header) {
    throw new InputError([
      { plats: `bladet ${INPUT_SHEET}`, meddelande: "Det finns ingen initiativtabell. Skapa den i Samkalk (eller importera förra årets tabell) och fyll i initiativen." },
    ]);
  }
  const rows = body.filter((r) => r.some((v) => v !== null && v !== ""));
  if (rows.length === 0) throw new InputError([{ plats: `bladet ${INPUT_SHEET}`, meddelande: "Initiativtabellen är tom." }]);
  return parseInitiativeTable([header, ...body.filter((r) => r.some((v) => v !== null && v !== ""))], { nulagen: settings.nulagen, locate: inputRow });
}

/** Overview, one status sheet per initiative and the history, for the report date in the settings. */
/** Status sheets one run writes at most: 1 000 initiatives take about 5 s and 250 MB from the command line. */
export const MAX_STATUS_SHEETS = 1000;

export async function runInitiativesJob(host: WorkbookHost, input: InitiativesSettings, opts: InitiativesJobOptions = {}): Promise<InitiativesOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  const parsed = InitiativesSettingsSchema.safeParse(input);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => ({ plats: i.path.join("."), meddelande: i.message })));
  const settings = parsed.data;
  try {
    progress("Läser initiativtabellen", 0.1);
    const initiativ = await readInitiatives(host, settings);
    if (initiativ.length > MAX_STATUS_SHEETS) {
      return fail([
        {
          plats: `bladet "${INPUT_SHEET}"`,
          meddelande: `Tabellen har ${initiativ.length} initiativ; Samkalk skriver ett statusblad per initiativ och högst ${MAX_STATUS_SHEETS}. Dela upp tabellen (t.ex. per område). Inget har skrivits.`,
        },
      ]);
    }
    const historyState = await host.inspectSheet(HISTORY_SHEET, [HISTORY_TABLE]);
    const history = parseHistoryRows(historyState.tables[HISTORY_TABLE] ?? [], (i) => `bladet ${HISTORY_SHEET}, rad ${HISTORY_HEADER_ROW + 2 + i}`);
    // A re-run for the same date replaces that date's snapshot and compares with the one before.
    const earlier = history.filter((r) => r.datum !== settings.datum);
    const jamfortMed = earlier.reduce<string | undefined>((m, r) => (m === undefined || r.datum > m ? r.datum : m), undefined);
    const forandringar = jamfortMed ? compareWithHistory(initiativ, earlier) : [];
    const oversikt = buildOverview(initiativ, settings.nulagen);
    const newHistory: Historikrad[] = [...earlier, ...snapshot(initiativ, settings.datum)];

    progress("Bygger bladen", 0.3);
    const byNr = new Map(forandringar.map((f) => [f.nr, f]));
    const names = initiativeSheetNames(initiativ);
    const specs: SheetSpec[] = [
      buildOverviewSheet({ forbund: settings.forbund, datum: settings.datum, oversikt, forandringar, jamfortMed, antalRader: initiativ.length }),
      ...initiativ.map((i, k) => buildStatusSheet(names[k], i, byNr.get(i.nr), settings.forbund, settings.datum)),
      buildHistorySheet(newHistory),
    ];
    progress("Skriver bladen", 0.5);
    const written = await writeSheets(host, specs, new Map([[HISTORY_SHEET, historyState]]), opts.onEdited);
    if (written.kind === "refused") return fail(written.problems);
    if (written.kind === "ask") {
      return {
        ok: false,
        editedSheets: written.edited,
        problems: editedSheetProblems(written.edited),
      };
    }
    if (opts.store) await saveInitiativesSettings(opts.store, settings).catch(() => undefined);
    progress("Klart", 1);
    return { ok: true, sheets: specs.map((s) => s.name), keptCopies: written.keptCopies, oversikt, forandringar, jamfortMed, syncs: written.syncs };
  } catch (e) {
    if (e instanceof InputError) return fail(e.problems);
    return withFailure([{ meddelande: `Bladen kunde inte skrivas: ${(e as Error).message}` }], failureOf(e));
  }
}

/**
 * Creates the "Initiativ" input sheet, empty or holding the given initiatives (imported ones). An existing
 * Initiativ sheet holds the user's data: it is only replaced on `onExisting: "keepCopy"`, and then kept
 * as the user's copy.
 */
export async function writeInitiativeInput(
  host: WorkbookHost,
  initiativ: readonly Initiativ[],
  settings: Pick<InitiativesSettings, "nulagen">,
  opts: { onExisting?: "keepCopy" } = {},
): Promise<{ ok: true; sheet: string; keptCopy?: string } | { ok: false; problems: InputProblem[]; exists?: boolean; failure?: JobFailure }> {
  try {
    let state = await host.inspectSheet(INPUT_SHEET, [INPUT_TABLE]);
    let keptCopy: string | undefined;
    if (state.exists) {
      if (opts.onExisting !== "keepCopy" || !state.ownedBySamkalk) {
        return {
          ok: false,
          exists: true,
          problems: [
            {
              plats: `bladet ${INPUT_SHEET}`,
              meddelande: state.ownedBySamkalk
                ? "Det finns redan en initiativtabell. Välj att behålla den som kopia om den nya ska ersätta den."
                : "Det finns redan ett blad som heter Initiativ och som inte är skapat av Samkalk. Byt namn på det först.",
            },
          ],
        };
      }
      keptCopy = await copyName(host, INPUT_SHEET);
      await host.keepAsUserCopy(INPUT_SHEET, keptCopy);
      state = { ...state, exists: false, ownedBySamkalk: false, tables: {}, tableHeaders: {}, editedSinceWritten: null };
    }
    await host.writeSheet(buildInputSheet(initiativ, settings.nulagen), state);
    return { ok: true, sheet: INPUT_SHEET, ...(keptCopy ? { keptCopy } : {}) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, problems: e.problems };
    return withFailure([{ meddelande: `Bladet kunde inte skrivas: ${(e as Error).message}` }], failureOf(e));
  }
}

/** Carry over: last year's table, pasted anywhere and selected by the user, becomes the Initiativ table. */
export async function importInitiativesFromSelection(
  host: WorkbookHost,
  settings: Pick<InitiativesSettings, "nulagen">,
  opts: { onExisting?: "keepCopy" } = {},
): Promise<{ ok: true; sheet: string; count: number; keptCopy?: string } | { ok: false; problems: InputProblem[]; exists?: boolean }> {
  if (!host.readSelection) return { ok: false, problems: [{ meddelande: "Markeringen kan bara läsas i Excel." }] };
  try {
    const sel = await host.readSelection();
    const nonEmpty = sel.values.filter((r) => r.some((v) => v !== null && v !== ""));
    if (nonEmpty.length < 2) {
      return { ok: false, problems: [{ plats: `markeringen ${sel.sheetName}!${sel.topLeft}`, meddelande: "Markera hela initiativtabellen, med rubrikraden överst." }] };
    }
    const initiativ = parseInitiativeTable(sel.values, { nulagen: settings.nulagen, locate: (i) => `bladet ${sel.sheetName}, rad ${sel.row + 2 + i}` });
    const written = await writeInitiativeInput(host, initiativ, settings, opts);
    return written.ok ? { ...written, count: initiativ.length } : written;
  } catch (e) {
    if (e instanceof InputError) return { ok: false, problems: e.problems };
    throw e;
  }
}
