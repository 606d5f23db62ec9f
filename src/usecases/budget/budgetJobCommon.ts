import type { InputProblem } from "../../domain/errors";
import { InputError } from "../../domain/errors";
import type { SettingsStore, SheetState, WorkbookHost } from "../../hosts/host";
import { BudgetSettings, BudgetSettingsSchema, loadBudgetSettings, saveBudgetSettings, zodProblems } from "./budgetSettings";
import { EditedSheetDecision, editedSheetProblems, writeSheets } from "../writeSheets";
import { failureOf, withFailure, type JobFailure } from "../failure";

export interface BudgetJobOptions {
  today?: Date;
  /** Where the settings are stored in the workbook (and where the fee split's settings are). */
  store?: SettingsStore;
  /** Unset: stop and ask when a sheet Samkalk wrote has been edited since (nothing is written). */
  onEdited?: EditedSheetDecision;
  onProgress?: (step: string, fraction: number) => void;
}

/** A job's refusal: the problems, and the edited sheets when it stopped to ask. */
export type Refused = { ok: false; problems: InputProblem[]; editedSheets?: string[]; failure?: JobFailure };

export const fail = (problems: InputProblem[]): Refused => ({ ok: false, problems });

/** The refusal for an error caught in a job: an input error's problems, else what failed (`what`: what the job was doing). */
export function failure(e: unknown, what = "Bladen kunde inte skrivas"): Refused {
  if (e instanceof InputError) return fail(e.problems);
  return withFailure([{ meddelande: `${what}: ${(e as Error).message}` }], failureOf(e));
}

export function parseSettings(input: BudgetSettings): BudgetSettings {
  const parsed = BudgetSettingsSchema.safeParse(input);
  if (!parsed.success) throw new InputError(zodProblems(parsed.error));
  return parsed.data;
}

export async function finish(
  host: WorkbookHost,
  specs: Parameters<typeof writeSheets>[1],
  known: Map<string, SheetState>,
  opts: BudgetJobOptions,
  settings: BudgetSettings,
): Promise<{ ok: true; keptCopies: string[]; syncs: number } | Refused> {
  const written = await writeSheets(host, specs, known, opts.onEdited);
  if (written.kind === "refused") return fail(written.problems);
  if (written.kind === "ask") return { ok: false, editedSheets: written.edited, problems: editedSheetProblems(written.edited) };
  if (opts.store) {
    // Merged with what is stored, so a job given only part of the settings keeps the rest.
    const stored = loadBudgetSettings(opts.store);
    await saveBudgetSettings(opts.store, { ...(stored ?? {}), ...settings }).catch(() => undefined);
  }
  return { ok: true, keptCopies: written.keptCopies, syncs: written.syncs };
}

/** The years a projection covers (as the domain's projectionYears). */
export function yearsAfter(basAr: number, antalAr = 3): number[] {
  return Array.from({ length: antalAr }, (_, i) => basAr + 1 + i);
}
