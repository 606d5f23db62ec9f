import path from "node:path";
import { readScbFile, tidyTextChunks } from "../../sources/scb/tidyCsv";
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
    // In pieces: a table of millions of rows is never one string.
    for (const chunk of tidyTextChunks(t.rows, t.dimensions, opts.format)) out(chunk);
    return 0;
  } catch (e) {
    return reportInputError(e, err);
  }
}
