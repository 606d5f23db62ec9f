import { InputError } from "../../domain/errors";
import type { Selection, WorkbookHost } from "../../hosts/host";
import { rangeAddress } from "../../domain/a1";
import { buildBudgetCheckSheet } from "../../sheets/budget/budgetCheckSheet";
import { buildBudgetTableSheet } from "../../sheets/budget/budgetTableSheet";
import { BudgetImport, BudgetKontroll, CellGrid, avvikelser, importBudget, parseCellGrid } from "../../sources/budget/budgetCells";
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_ROWS, excelLimitProblems } from "../../hosts/preflight";
import type { BudgetSettings } from "./budgetSettings";
import { BudgetJobOptions, Refused, fail, failure, finish, parseSettings } from "./budgetJobCommon";

export type BudgetImportOutcome =
  | {
      ok: true;
      sheets: string[];
      keptCopies: string[];
      budget: BudgetImport;
      /** The checks that failed (each names the line, year, cell, expected and found amount). */
      avvikelser: BudgetKontroll[];
      varningar: string[];
      syncs: number;
    }
  | Refused;

/** A budget read and checked without writing any sheet (the command line without `--out`). */
export type BudgetReadOutcome = { ok: true; budget: BudgetImport; avvikelser: BudgetKontroll[]; varningar: string[] } | Refused;

/**
 * Reads a budget from a cell range (as in a verksamhetsplan) and writes the sheets "Budget" (table
 * Samkalk_Budget, one row per post and year) and "Budgetkontroll" (every Summa, Resultat and Eget
 * kapital line recomputed with live formulas, found amount beside, status). Wrong totals are reported,
 * never corrected. Bad input (text in an amount cell, a Summa line with nothing above it, merged cells,
 * no year headers, a year twice) is refused with Swedish messages naming the cells, before the
 * workbook is touched.
 * `kalla` describes where the cells came from, for the sheets ("Blad1!A1:D51", "budget.csv").
 */
export async function importBudgetJob(
  host: WorkbookHost,
  grid: CellGrid,
  input: BudgetSettings,
  opts: BudgetJobOptions & { kalla?: string } = {},
): Promise<BudgetImportOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  try {
    progress("Läser budgeten", 0.1);
    const { settings, imp, kalla } = readBudget(grid, input, opts.kalla);
    const today = opts.today ?? new Date();
    const table = buildBudgetTableSheet({ imp, forbund: settings.forbund, kalla, today });
    const check = buildBudgetCheckSheet({ imp, forbund: settings.forbund, kalla, today }).spec;
    progress("Skriver bladen", 0.5);
    // Budget first: Budgetkontroll's formulas refer to it.
    const done = await finish(host, [table, check], new Map(), opts, settings);
    if (!done.ok) return done;
    progress("Klart", 1);
    return { ...done, sheets: [table.name, check.name], budget: imp, avvikelser: avvikelser(imp), varningar: imp.varningar, syncs: done.syncs };
  } catch (e) {
    return failure(e);
  }
}

/**
 * Reads and checks a budget as importBudgetJob does, with the same refusals, but builds no sheet: the
 * structured rows and the failed checks alone. The sheets are built only when one of their texts or their
 * length could pass what Excel holds, so that such a budget is refused here as it would be when written.
 */
export function readBudgetJob(grid: CellGrid, input: BudgetSettings, opts: { kalla?: string; today?: Date } = {}): BudgetReadOutcome {
  try {
    const { settings, imp, kalla } = readBudget(grid, input, opts.kalla);
    if (mayPassExcelLimits(imp, settings.forbund, kalla)) {
      const today = opts.today ?? new Date();
      const specs = [buildBudgetTableSheet({ imp, forbund: settings.forbund, kalla, today }), buildBudgetCheckSheet({ imp, forbund: settings.forbund, kalla, today }).spec];
      for (const spec of specs) {
        const problems = excelLimitProblems(spec);
        if (problems.length > 0) throw new InputError(problems);
      }
    }
    return { ok: true, budget: imp, avvikelser: avvikelser(imp), varningar: imp.varningar };
  } catch (e) {
    return failure(e);
  }
}

function readBudget(grid: CellGrid, input: BudgetSettings, kallaGiven: string | undefined): { settings: BudgetSettings; imp: BudgetImport; kalla: string } {
  const settings = parseSettings(input);
  const cells = parseCellGrid(grid);
  const imp = importBudget(cells, settings.enhet ? { enhet: settings.enhet } : {});
  if (imp.rader.length === 0) {
    throw new InputError([{ plats: `område ${gridArea(cells)}`, meddelande: "Budgeten har inga poster (rader med belopp under Intäkter eller Kostnader)." }]);
  }
  return { settings, imp, kalla: kallaGiven ?? `område ${gridArea(cells)}` };
}

/**
 * Whether a sheet could get a text longer than a cell holds or more rows than a sheet has: each sheet has a
 * few rows besides its lines and checks, and a cell joins at most a line's text, the förbund and the source
 * with short fixed words, so below half the cell limit together nothing can pass it.
 */
function mayPassExcelLimits(imp: BudgetImport, forbund: string, kalla: string): boolean {
  if (imp.rader.length + imp.kontroller.length + 100 > EXCEL_MAX_ROWS) return true;
  let longest = 0;
  const see = (t: string | undefined) => {
    if (t !== undefined && t.length > longest) longest = t.length;
  };
  for (const l of imp.struktur) {
    see(l.text);
    see(l.grupp);
  }
  for (const k of imp.kontroller) see(k.meddelande);
  for (const v of imp.varningar) see(v);
  return longest + forbund.length + kalla.length > EXCEL_MAX_CELL_CHARS / 2;
}

/** The task pane's import: the cells the user has selected (the budget table pasted anywhere). */
export async function importBudgetFromSelection(host: WorkbookHost, settings: BudgetSettings, opts: BudgetJobOptions = {}): Promise<BudgetImportOutcome> {
  if (!host.readSelection) return fail([{ meddelande: "Markeringen kan bara läsas i Excel." }]);
  let sel: Selection;
  try {
    sel = await host.readSelection();
  } catch (e) {
    return failure(e, "Markeringen kunde inte läsas");
  }
  try {
    // A host that can tell merged areas hands them over with the selection; the importer refuses them.
    const grid: CellGrid = { origin: { row: sel.row, col: sel.col }, values: sel.values, ...(sel.merged ? { merged: sel.merged } : {}) };
    const kalla = `${sel.sheetName}!${gridArea(grid)}`;
    return await importBudgetJob(host, grid, settings, { ...opts, kalla });
  } catch (e) {
    return failure(e);
  }
}

function gridArea(grid: CellGrid): string {
  const cols = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  return rangeAddress({ row: grid.origin.row, col: grid.origin.col, rows: Math.max(grid.values.length, 1), cols: Math.max(cols, 1) });
}
