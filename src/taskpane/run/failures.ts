import { InputError, type InputProblem } from "../../domain/errors";
import type { FailureKind } from "./runState";

/**
 * What failed, told from what the job threw or reported, so the pane can say it in the user's language
 * with what to try — never the raw exception text or a URL. The use cases word failures that are not
 * about the input with these openings (fee, budget, initiatives: "Bladet/Bladen kunde inte skrivas: …";
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

/** The failure an exception stands for; null for an InputError (those are input problems). */
export function failureOfError(e: unknown): FailureKind | null {
  if (e instanceof InputError) return failureOfProblems(e.problems);
  if (e instanceof TypeError && /fetch|network|load failed/i.test(e.message)) return "network";
  if (typeof e === "object" && e !== null) {
    const err = e as { name?: string; code?: unknown; debugInfo?: unknown };
    if (err.name === "RichApi.Error" || err.name === "OfficeExtension.Error" || (typeof err.code === "string" && err.debugInfo !== undefined)) return "excel";
    if (err.name === "NotReadableError" || err.name === "NotFoundError" || err.name === "EncodingError") return "file";
  }
  return "unexpected";
}
