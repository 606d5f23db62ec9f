import * as React from "react";
import type { InputProblem } from "../domain/errors";
import type { JobFailure } from "../usecases/failure";
import { failureOfEnd, failureOfError } from "./run/failures";
import { isBusy, placeProblems, runReducer, type FieldRef, type PlaceMap, type RunState } from "./run/runState";
import { useServices, useStrings } from "./services";

export type { FieldRef } from "./run/runState";

/**
 * How a job's work ended: its outcome, the problems it found with the input (with `failure` when the job
 * says something other than the input failed), a note (nothing done), or null (it asks the user first).
 */
export type RunEnd<O> = { done: O } | { problems: readonly InputProblem[]; failure?: JobFailure } | { note: string } | null;

/** A use case's outcome ({ ok: true, … } or { ok: false, problems, failure? }) as a run's end. */
export function endOf<O extends { ok: true } | { ok: false; problems: readonly InputProblem[]; failure?: JobFailure }>(o: O): RunEnd<Extract<O, { ok: true }>> {
  if (o.ok) return { done: o as Extract<O, { ok: true }> };
  const { problems, failure } = o as { problems: readonly InputProblem[]; failure?: JobFailure };
  return failure ? { problems, failure } : { problems };
}

export interface JobWork<O> {
  /** Problems with the form as it stands (empty: it may run), located as the use case locates them; checked before anything runs. */
  validate?: () => readonly InputProblem[];
  work: (onProgress: (step: string, fraction?: number) => void, signal: AbortSignal) => Promise<RunEnd<O>>;
}

const noPlaces: PlaceMap = () => undefined;

/**
 * A view's job runs, one state for all of them (a view with several buttons runs one job at a time):
 * `run` clears the last outcome, validates, runs with progress and ends in done, input problems placed
 * at the view's fields, a failure (what failed, no raw text) or a note. `fixed(field)` clears that
 * field's problem as the user changes it; `cancel` aborts the running job's signal.
 */
export function useJobRun<O>(fields: Readonly<Record<string, FieldRef>> = {}, places: PlaceMap = noPlaces) {
  const { lang } = useServices();
  const s = useStrings();
  const [state, dispatch] = React.useReducer(runReducer<O>, { phase: "idle" } as RunState<O>);
  const abort = React.useRef<AbortController | null>(null);
  const fieldsRef = React.useRef(fields);
  fieldsRef.current = fields;

  const place = (problems: readonly InputProblem[]) => placeProblems(problems, places, fieldsRef.current);

  const run = async (job: JobWork<O>) => {
    dispatch({ type: "validate" });
    const refused = job.validate?.() ?? [];
    if (refused.length > 0) {
      dispatch({ type: "problems", problems: place(refused) });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    dispatch({ type: "progress", step: s.running, fraction: 0 });
    try {
      const end = await job.work((step, fraction) => dispatch({ type: "progress", step: lang === "sv" ? step : s.running, fraction }), controller.signal);
      if (controller.signal.aborted && !(end !== null && "note" in end)) dispatch({ type: "note", note: s.runCancelled });
      else if (end === null) dispatch({ type: "asking" });
      else if ("done" in end) dispatch({ type: "done", outcome: end.done });
      else if ("note" in end) dispatch({ type: "note", note: end.note });
      else {
        const failure = failureOfEnd(end);
        dispatch(failure ? { type: "failure", failure } : { type: "problems", problems: place(end.problems) });
      }
    } catch (e) {
      if (controller.signal.aborted) dispatch({ type: "note", note: s.runCancelled });
      else {
        const failure = failureOfError(e);
        const problems = (e as { problems?: InputProblem[] }).problems;
        dispatch(failure === null && problems ? { type: "problems", problems: place(problems) } : { type: "failure", failure: failure ?? "unexpected" });
      }
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  };

  const problems = state.phase === "problems" ? state.problems : [];
  return {
    state,
    busy: isBusy(state),
    run,
    /** The message of the last run's problem with `field` (a field key, or a place as the use case names it), if any. */
    problemAt: (field: string) => problems.find((p) => p.field === field || p.at === field)?.message,
    /** The user changed `field`: its problem is gone. */
    fixed: (field: string) => dispatch({ type: "fixed", field }),
    /** A note instead of an outcome (e.g. the user chose not to overwrite). */
    note: (note: string) => dispatch({ type: "note", note }),
    cancel: () => abort.current?.abort(),
    fields,
  };
}

export type JobRun<O> = ReturnType<typeof useJobRun<O>>;
