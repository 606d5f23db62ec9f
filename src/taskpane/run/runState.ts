import type { InputProblem } from "../../domain/errors";

/**
 * The one state model of every job view: idle → validating → running (with progress) → done | input
 * problems | failure | note (nothing was done, e.g. the user cancelled). Pure; useJobRun drives it.
 */

/** What failed, as the user can act on it: the network or SCB, Excel, a file, or something unexpected. */
export type FailureKind = "network" | "scb" | "excel" | "file" | "unexpected";

/** A problem with the input, placed at its field (`field`: the view's key) or at a place in the data (`where`). */
export interface FieldProblem {
  field?: string;
  /** The place as the use case named it (for views that mark places of their own, such as a table's row). */
  at?: string;
  /** The field's label or a place in the data ("rad 2", "cell C7"), as the user reads it; never an internal key. */
  where?: string;
  message: string;
}

export type RunState<O> =
  | { phase: "idle" }
  | { phase: "validating" }
  | { phase: "running"; step: string; fraction?: number }
  | { phase: "done"; outcome: O }
  | { phase: "problems"; problems: FieldProblem[] }
  | { phase: "failure"; failure: FailureKind }
  | { phase: "note"; note: string };

export type RunAction<O> =
  | { type: "validate" }
  | { type: "progress"; step: string; fraction?: number }
  | { type: "done"; outcome: O }
  | { type: "problems"; problems: FieldProblem[] }
  | { type: "failure"; failure: FailureKind }
  | { type: "note"; note: string }
  | { type: "asking" }
  | { type: "fixed"; field: string };

/** Every new run starts from nothing: validate clears the last outcome. */
export function runReducer<O>(state: RunState<O>, action: RunAction<O>): RunState<O> {
  switch (action.type) {
    case "validate":
      return { phase: "validating" };
    case "progress":
      return { phase: "running", step: action.step, fraction: action.fraction };
    case "done":
      return { phase: "done", outcome: action.outcome };
    case "problems":
      return action.problems.length > 0 ? { phase: "problems", problems: action.problems } : { phase: "idle" };
    case "failure":
      return { phase: "failure", failure: action.failure };
    case "note":
      return { phase: "note", note: action.note };
    case "asking":
      return { phase: "idle" };
    case "fixed": {
      // A field's error clears when the user changes the field; the summary shrinks with it.
      if (state.phase !== "problems") return state;
      const left = state.problems.filter((p) => p.field !== action.field && p.at !== action.field);
      if (left.length === state.problems.length) return state;
      return left.length > 0 ? { phase: "problems", problems: left } : { phase: "idle" };
    }
  }
}

export const isBusy = (s: RunState<unknown>) => s.phase === "validating" || s.phase === "running";

/** A field of a view that problems can point at: its label and the id of its input. */
export interface FieldRef {
  label: string;
  id: string;
}

/**
 * A place a use case names ("belopp", "prognos.standardForandring", "rad 2") → the view's field key, or
 * undefined for places that are not fields of the view (a cell, SCB's table): those are kept as written.
 */
export type PlaceMap = (plats: string) => string | undefined;

/** A file's name ("stort.csv") is a place the user knows, though it is written like a key. */
const FILE_NAME = /\.(csv|tsv|tab|txt|json|xlsx|xls|px)$/i;

/** A place written like a program's key: lower-case letters (å, ä, ö too) and dots, no spaces or digits. */
export const looksLikeKey = (plats: string) =>
  /^[a-zåäö]+([._][a-zA-Zåäö0-9]+)*$/.test(plats) && !/^(rad|cell|kolumn|blad)$/.test(plats) && !FILE_NAME.test(plats);

/**
 * The use case's located problems, placed at the view's fields: a place that names a field becomes that
 * field (shown with its label); a place in the data stays as written; a place that is an internal key
 * of no field is dropped (the message stands alone) rather than shown.
 */
export function placeProblems(problems: readonly InputProblem[], places: PlaceMap, fields: Readonly<Record<string, FieldRef>>): FieldProblem[] {
  return problems.map((p) => {
    const plats = p.plats?.trim();
    if (!plats) return { message: p.meddelande };
    const field = places(plats) ?? (fields[plats] ? plats : undefined);
    if (field && fields[field]) return { field, at: plats, where: fields[field].label, message: p.meddelande };
    if (looksLikeKey(plats)) return { at: plats, message: p.meddelande };
    // "rad 3" reads as "Rad 3" at the start of a line; a file's name stays as it is spelt.
    const where = FILE_NAME.test(plats) ? plats : plats.charAt(0).toUpperCase() + plats.slice(1);
    return { at: plats, where, message: p.meddelande };
  });
}
