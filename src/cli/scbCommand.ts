import fs from "node:fs";
import path from "node:path";
import { InputError, formatProblem } from "../domain/errors";
import { parseExtract } from "../sources/scb/extract";
import { tidyToCsv, tidyToJson } from "../sources/scb/tidyCsv";

/** `samkalk scb import FILE`: prints the tidy table (CSV, or JSON rows) and the extract's notes on stderr. */
export function runScbImportCommand(
  file: string,
  opts: { format: "csv" | "json"; utanRegionArRiket?: boolean },
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    err(`Filen ${file} kunde inte läsas.`);
    return 1;
  }
  try {
    const t = parseExtract(bytes, { kalla: path.basename(file), ...(opts.utanRegionArRiket ? { utanRegion: "riket" as const } : {}) });
    for (const w of t.meta.varningar ?? []) err(`Varning: ${w}`);
    for (const n of t.notes) err(`Fotnot: ${n}`);
    out(opts.format === "json" ? JSON.stringify(tidyToJson(t.rows, t.dimensions), null, 2) + "\n" : tidyToCsv(t.rows, t.dimensions));
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      e.problems.forEach((p) => err(formatProblem(p)));
      return 1;
    }
    throw e;
  }
}
