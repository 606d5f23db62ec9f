import fs from "node:fs";
import { InputError, formatProblem, type InputProblem } from "../domain/errors";

/** The bytes of a file the user named, or null once `err` has been told it could not be read. */
export function readInputFile(file: string, err: (s: string) => void): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    err(`Filen ${file} kunde inte läsas.`);
    return null;
  }
}

/**
 * A command's answer to what it caught: an InputError's problems go to `err`, one a line (worded by
 * `format`), and the exit code is 1; anything else is thrown on.
 */
export function reportInputError(e: unknown, err: (s: string) => void, format: (p: InputProblem) => string = formatProblem): number {
  if (!(e instanceof InputError)) throw e;
  e.problems.forEach((p) => err(format(p)));
  return 1;
}
