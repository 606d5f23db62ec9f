import { InputError, type InputProblem } from "../domain/errors";
import { ScbApiError, type ScbErrorKind } from "../sources/scb/api/errors";

/**
 * What failed when a job stopped for a reason other than its input: SCB could not be reached (network),
 * SCB answered with an error or nonsense (scb), Excel refused (excel), or a file could not be read (file).
 * The use cases set it on a failing outcome where they catch the error, so the task pane can tell the user
 * what failed from the kind, not from the wording of the message.
 */
export type JobFailure = "network" | "scb" | "excel" | "file";

/** SCB's errors that are failures; the others (an unknown table, too many cells, a bad query, cancelled) are about the input. */
const SCB_FAILURES: Partial<Record<ScbErrorKind, JobFailure>> = {
  natverk: "network",
  tidsgrans: "network",
  serverfel: "scb",
  "for-manga-anrop": "scb",
  "ogiltigt-svar": "scb",
};

/** An error from Office.js (OfficeExtension.Error): it carries a string `code` ("GeneralException", "ItemNotFound", …). */
export function isOfficeError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { name?: unknown; code?: unknown; debugInfo?: unknown };
  return err.name === "RichApi.Error" || err.name === "OfficeExtension.Error" || (typeof err.code === "string" && err.debugInfo !== undefined);
}

/**
 * The failure an error caught in a job stands for: SCB's client errors by their kind, Office.js errors as
 * Excel's, other input errors as none (they are problems with the input), anything else as `otherwise`
 * (what the job was doing when it failed: writing sheets is Excel's, reading a file is the file's).
 */
export function failureOf(e: unknown, otherwise: JobFailure = "excel"): JobFailure | undefined {
  if (e instanceof ScbApiError) return SCB_FAILURES[e.kind];
  if (e instanceof InputError) return undefined;
  if (isOfficeError(e)) return "excel";
  return otherwise;
}

/** A failing outcome: the problems and, when it is not about the input, what failed. */
export interface Failed {
  ok: false;
  problems: InputProblem[];
  failure?: JobFailure;
}

/** A failing outcome's fields: the problems and, when it is not about the input, what failed. */
export function withFailure(problems: InputProblem[], failure: JobFailure | undefined): Failed {
  return failure ? { ok: false, problems, failure } : { ok: false, problems };
}
