import { InputError } from "../../domain/errors";
import type { Selection, WorkbookHost } from "../../hosts/host";
import { rangeAddress } from "../../domain/a1";
import { buildBudgetCheckSheet } from "../../sheets/budget/budgetCheckSheet";
import { buildBudgetTableSheet } from "../../sheets/budget/budgetTableSheet";
import { BudgetImport, BudgetKontroll, CellGrid, avvikelser, importBudget, parseCellGrid } from "../../sources/budget/budgetCells";
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
    const settings = parseSettings(input);
    progress("Läser budgeten", 0.1);
    const cells = parseCellGrid(grid);
    const imp = importBudget(cells, settings.enhet ? { enhet: settings.enhet } : {});
    if (imp.rader.length === 0) {
      throw new InputError([{ plats: `område ${gridArea(cells)}`, meddelande: "Budgeten har inga poster (rader med belopp under Intäkter eller Kostnader)." }]);
    }
    const today = opts.today ?? new Date();
    const kalla = opts.kalla ?? `område ${gridArea(cells)}`;
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
