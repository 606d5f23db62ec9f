import { withSuffix } from "../domain/excelNames";
import type { SheetState, WorkbookHost, WriteReport } from "../hosts/host";
import { protectionMessage } from "../hosts/preflight";
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

/** The states of the named sheets (no tables read), `known` ones as given, the rest together where the host can. */
export async function inspectAll(host: WorkbookHost, names: string[], known: ReadonlyMap<string, SheetState> = new Map()): Promise<SheetState[]> {
  const missing = names.filter((n) => !known.has(n));
  // Every state known already (the board pack looked at the whole workbook first): no round trip.
  const read =
    missing.length === 0
      ? []
      : host.inspectSheets
        ? await host.inspectSheets(missing.map((sheetName) => ({ sheetName, tableNames: [] })))
        : await sequential(missing, (n) => host.inspectSheet(n, []));
  const byName = new Map(missing.map((n, k) => [n, read[k]]));
  return names.map((n) => known.get(n) ?? (byName.get(n) as SheetState));
}

/** Writes the specs in order with their states, together where the host can; then puts `order` first. */
export async function writeAll(host: WorkbookHost, items: Array<{ spec: SheetSpec; state: SheetState }>, order?: string[]): Promise<WriteReport[]> {
  if (host.writeSheets) return host.writeSheets(items, order ? { order } : {});
  const reports = await sequential(items, ({ spec, state }) => host.writeSheet(spec, state));
  if (order && host.orderSheets) await host.orderSheets(order);
  return reports;
}

/**
 * Inspects one sheet and writes the spec `decide` makes of its state (null or a throw: nothing is written),
 * in shared round trips where the host can, else as inspectSheet then writeSheet.
 */
export async function inspectAndWrite(
  host: WorkbookHost,
  request: { sheetName: string; tableNames: string[] },
  decide: (state: SheetState) => SheetSpec | null,
): Promise<{ state: SheetState; report: WriteReport | null }> {
  if (host.inspectAndWrite) return host.inspectAndWrite(request, decide);
  const state = await host.inspectSheet(request.sheetName, request.tableNames);
  const spec = decide(state);
  return { state, report: spec === null ? null : await host.writeSheet(spec, state) };
}

async function sequential<T, R>(items: T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await f(item));
  return out;
}

/**
 * Writes specs only if every one of them may be written: a sheet of the same name that is not
 * Samkalk's stops the whole job, and an edited Samkalk sheet is kept as the user's copy or
 * overwritten only on the user's word. So the workbook is never left half-written by a refusal.
 * `known`: states already inspected (by sheet name), so they are not inspected twice.
 * Specs are written in order: a sheet whose formulas refer to another sheet comes after it; then the
 * sheets named in `order` are put first, in that order (in the write's own round trips where it can).
 */
export async function writeSheets(
  host: WorkbookHost,
  specs: SheetSpec[],
  known: Map<string, SheetState>,
  onEdited: EditedSheetDecision | undefined,
  order?: string[],
): Promise<WriteSheetsResult> {
  const states = await inspectAll(host, specs.map((s) => s.name), known);
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
  const locked = states.flatMap((s) => {
    const meddelande = protectionMessage(s.sheetName, s);
    return meddelande ? [{ plats: `bladet "${s.sheetName}"`, meddelande }] : [];
  });
  if (locked.length > 0) return { kind: "refused", problems: locked };
  const edited = states.filter((s) => s.exists && s.editedSinceWritten === true).map((s) => s.sheetName);
  if (edited.length > 0 && !onEdited) return { kind: "ask", edited };
  const keptCopies: string[] = [];
  if (onEdited === "keepCopy") {
    for (let k = 0; k < specs.length; k++) {
      const state = states[k];
      if (!edited.includes(state.sheetName)) continue;
      const copy = await copyName(host, state.sheetName);
      await host.keepAsUserCopy(state.sheetName, copy);
      keptCopies.push(copy);
      states[k] = { ...state, exists: false, ownedBySamkalk: false, tables: {}, tableHeaders: {}, editedSinceWritten: null };
    }
  }
  const reports = await writeAll(host, specs.map((spec, k) => ({ spec, state: states[k] })), order);
  return { kind: "done", keptCopies, syncs: reports.reduce((n, r) => n + r.syncs, 0) };
}

/** The problems an "ask" result turns into: one per edited sheet. */
export function editedSheetProblems(edited: string[]): InputProblem[] {
  return edited.map((name) => ({
    plats: `bladet "${name}"`,
    meddelande: "Bladet har ändrats sedan Samkalk skrev det. Välj om Samkalk ska behålla din version som kopia eller skriva över den.",
  }));
}
