import fs from "node:fs";
import { InputError, formatProblem, listProblems, type InputProblem } from "../domain/errors";
import { sizeProblem, type InputJob } from "../sources/inputLimits";
import { decodeBytes } from "../sources/decode";

/** Why a file the user named cannot be read, in Swedish and naming it. */
function unreadableMessage(e: unknown, file: string): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return `Filen ${file} finns inte. Kontrollera namnet och mappen.`;
    case "EACCES":
    case "EPERM":
      return `Samkalk har inte behörighet att läsa ${file}.`;
    case "EISDIR":
      return `${file} är en mapp, inte en fil.`;
    default:
      return `Filen ${file} kunde inte läsas.`;
  }
}

/**
 * The size of a file the user named, checked against `job`'s limit before a byte is read; null once `err`
 * has been told why it cannot be read (missing, a folder, too large).
 */
export function checkInputFile(file: string, job: InputJob, err: (s: string) => void): fs.Stats | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    err(unreadableMessage(e, file));
    return null;
  }
  if (stat.isDirectory()) {
    err(unreadableMessage({ code: "EISDIR" }, file));
    return null;
  }
  const tooLarge = sizeProblem(job, stat.size, file);
  if (tooLarge) {
    err(formatProblem(tooLarge));
    return null;
  }
  return stat;
}

/** The bytes of a file the user named (within `job`'s limit), or null once `err` has been told why not. */
export function readInputFile(file: string, job: InputJob, err: (s: string) => void): Buffer | null {
  if (!checkInputFile(file, job, err)) return null;
  try {
    return fs.readFileSync(file);
  } catch (e) {
    err(unreadableMessage(e, file));
    return null;
  }
}

/** The text of a file the user named, decoded as every Samkalk reader does (BOM, UTF-16, UTF-8, Windows-1252). */
export function readInputText(file: string, job: InputJob, err: (s: string) => void): string | null {
  const bytes = readInputFile(file, job, err);
  return bytes ? decodeBytes(bytes).text : null;
}

/**
 * A command's answer to what it caught: an InputError's problems go to `err`, one a line (worded by
 * `format`), at most a few dozen and then "och N till", and the exit code is 1; anything else is thrown on.
 */
export function reportInputError(e: unknown, err: (s: string) => void, format: (p: InputProblem) => string = formatProblem): number {
  if (!(e instanceof InputError)) throw e;
  for (const line of listProblems(e.problems, format)) err(line);
  return 1;
}
