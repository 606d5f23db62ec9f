import path from "node:path";
import { readScbFile, tidyToCsv, tidyToJson } from "../../sources/scb/tidyCsv";
import { readInputFile, reportInputError } from "../inputErrors";

/** `samkalk scb import FILE`: any file readScbFile reads, printed as the tidy table (CSV, or JSON rows); notes on stderr. */
export function runScbImportCommand(
  file: string,
  opts: { format: "csv" | "json"; utanRegionArRiket?: boolean },
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  const bytes = readInputFile(file, "scb", err);
  if (!bytes) return 1;
  try {
    const t = readScbFile(bytes, path.basename(file), opts.utanRegionArRiket ? { utanRegion: "riket" } : {});
    for (const w of t.varningar) err(`Varning: ${w}`);
    for (const n of t.notes) err(`Fotnot: ${n}`);
    out(opts.format === "json" ? JSON.stringify(tidyToJson(t.rows, t.dimensions), null, 2) + "\n" : tidyToCsv(t.rows, t.dimensions));
    return 0;
  } catch (e) {
    return reportInputError(e, err);
  }
}
