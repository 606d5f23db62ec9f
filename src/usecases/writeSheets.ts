import { withSuffix } from "../domain/excelNames";
import type { SheetState, WorkbookHost } from "../hosts/host";
import type { InputProblem } from "../domain/errors";
import type { SheetSpec } from "../sheets/spec";

/** What to do with a generated sheet the user has edited since Samkalk wrote it. */
export type EditedSheetDecision = "overwrite" | "keepCopy";

export type WriteSheetsResult =
  /** A sheet of the same name is not Samkalk's: nothing was written. */
  | { kind: "refused"; problems: InputProblem[] }
  /** Samkalk sheets the user has edited: nothing was written; ask, then run again with a decision. */
  | { kind: "ask"; edited: string[] }
  | { kind: "done"; keptCopies: string[]; syncs: number };

/** A free name for the user's copy of an edited sheet: "Init 03 Namn (ändrad)", "… (ändrad 2)". */
export async function copyName(host: WorkbookHost, name: string): Promise<string> {
  for (let n = 1; n < 100; n++) {
    const suffix = n === 1 ? " (ändrad)" : ` (ändrad ${n})`;
    const candidate = withSuffix(name, suffix);
    if (!(await host.inspectSheet(candidate, [])).exists) return candidate;
  }
  throw new Error(`Hittar inget ledigt namn för en kopia av bladet "${name}".`);
}

/**
 * Writes specs only if every one of them may be written: a sheet of the same name that is not
 * Samkalk's stops the whole job, and an edited Samkalk sheet is kept as the user's copy or
 * overwritten only on the user's word. So the workbook is never left half-written by a refusal.
 * `known`: states already inspected (by sheet name), so they are not inspected twice.
 * Specs are written in order: a sheet whose formulas refer to another sheet comes after it.
 */
export async function writeSheets(
  host: WorkbookHost,
  specs: SheetSpec[],
  known: Map<string, SheetState>,
  onEdited: EditedSheetDecision | undefined,
): Promise<WriteSheetsResult> {
  const states: SheetState[] = [];
  for (const spec of specs) states.push(known.get(spec.name) ?? (await host.inspectSheet(spec.name, [])));
  const foreign = states.filter((s) => s.exists && !s.ownedBySamkalk);
  if (foreign.length > 0) {
    return {
      kind: "refused",
      problems: foreign.map((s) => ({
        plats: `bladet "${s.sheetName}"`,
        meddelande: "Ett blad med det namnet finns redan och är inte skapat av Samkalk. Byt namn på det; Samkalk skriver inte över det.",
      })),
    };
  }
  const edited = states.filter((s) => s.exists && s.editedSinceWritten === true).map((s) => s.sheetName);
  if (edited.length > 0 && !onEdited) return { kind: "ask", edited };
  const keptCopies: string[] = [];
  let syncs = 0;
  for (let k = 0; k < specs.length; k++) {
    let state = states[k];
    if (edited.includes(state.sheetName) && onEdited === "keepCopy") {
      const copy = await copyName(host, state.sheetName);
      await host.keepAsUserCopy(state.sheetName, copy);
      keptCopies.push(copy);
      state = { ...state, exists: false, ownedBySamkalk: false, tables: {}, tableHeaders: {}, editedSinceWritten: null };
    }
    syncs += (await host.writeSheet(specs[k], state)).syncs;
  }
  return { kind: "done", keptCopies, syncs };
}

/** The problems an "ask" result turns into: one per edited sheet. */
export function editedSheetProblems(edited: string[]): InputProblem[] {
  return edited.map((name) => ({
    plats: `bladet "${name}"`,
    meddelande: "Bladet har ändrats sedan Samkalk skrev det. Välj om Samkalk ska behålla din version som kopia eller skriva över den.",
  }));
}
