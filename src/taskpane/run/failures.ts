import { InputError, type InputProblem } from "../../domain/errors";
import { failureOf, isOfficeError, type JobFailure } from "../../usecases/failure";
import { ScbApiError } from "../../sources/scb/api/errors";
import type { FailureKind } from "./runState";

/**
 * What failed, told from what the job threw or reported, so the pane can say it in the user's language
 * with what to try — never the raw exception text or a URL. The use cases set the kind on a failing
 * outcome (`failure`, usecases/failure.ts) and useJobRun takes it first; these openings are the fallback
 * for an outcome without a kind. The use cases word failures that are not about the input with these openings (fee, budget, initiatives: "Bladet/Bladen kunde inte skrivas: …";
 * SCB: kallor.problemsOf and sources/scb/api/errors.ts).
 */
const FAILURE_OPENINGS: readonly [RegExp, FailureKind][] = [
  [/^Blade[nt] kunde inte skrivas:/, "excel"],
  [/^Markeringen kunde inte läsas:/, "excel"],
  [/^Filen kunde inte läsas:/, "file"],
  [/^Hämtningen misslyckades, inget har skrivits:/, "network"],
  [/^Kunde inte nå SCB\b/, "network"],
  [/^SCB svarade inte inom\b/, "network"],
  [/^SCB:s server svarade med fel\b/, "scb"],
  [/^SCB begränsar antalet anrop\b/, "scb"],
  [/^Svaret från SCB\b/, "scb"],
];

/** The failure a job's reported problems stand for (all of them must be failures), or null when they are input problems. */
export function failureOfProblems(problems: readonly InputProblem[]): FailureKind | null {
  if (problems.length === 0) return null;
  const kinds = problems.map((p) => FAILURE_OPENINGS.find(([re]) => re.test(p.meddelande))?.[1]);
  const first = kinds[0];
  return first !== undefined && kinds.every((k) => k !== undefined) ? first : null;
}

/**
 * The failure a job's failing end stands for: the kind the use case set where it caught the error, else
 * (an outcome without a kind) what its problems' wording says; null when they are input problems.
 */
export function failureOfEnd(end: { problems: readonly InputProblem[]; failure?: JobFailure }): FailureKind | null {
  return end.failure ?? failureOfProblems(end.problems);
}

/** The failure an exception stands for; null for an InputError (those are input problems). */
export function failureOfError(e: unknown): FailureKind | null {
  // SCB's client errors by their kind, whatever their wording; other input errors by their wording.
  if (e instanceof ScbApiError) return failureOf(e) ?? failureOfProblems(e.problems);
  if (e instanceof InputError) return failureOfProblems(e.problems);
  if (e instanceof TypeError && /fetch|network|load failed/i.test(e.message)) return "network";
  if (isOfficeError(e)) return "excel";
  if (typeof e === "object" && e !== null) {
    const name = (e as { name?: unknown }).name;
    if (name === "NotReadableError" || name === "NotFoundError" || name === "EncodingError") return "file";
  }
  return "unexpected";
}
