import { InputError, InputProblem } from "../../domain/errors";
import type { Historikrad } from "../../domain/initiatives/model";
import { cellText, isEmptyCell, readDatum, readNr, readPaverkan } from "./cells";

/**
 * Reads the body of Samkalk's history table (Datum, Nr, Nuläge, Statustext, Påverkan) back.
 * Empty rows are skipped; a row that cannot be read names its row (the user may have edited it).
 */
export function parseHistoryRows(body: readonly (readonly unknown[])[], locate: (i: number) => string = (i) => `historiken, rad ${i + 1}`): Historikrad[] {
  const problems: InputProblem[] = [];
  const out: Historikrad[] = [];
  body.forEach((r, i) => {
    if (r.every(isEmptyCell)) return;
    const datum = readDatum(r[0]);
    const nr = readNr(r[1]);
    const paverkan = readPaverkan(r[4]);
    for (const c of [datum, nr, paverkan]) if (!c.ok) problems.push({ plats: locate(i), meddelande: c.meddelande });
    if (datum.ok && datum.value === undefined) problems.push({ plats: locate(i), meddelande: "Datum saknas." });
    if (datum.ok && datum.value && nr.ok && paverkan.ok) {
      out.push({ datum: datum.value, nr: nr.value, nulage: cellText(r[2]), statustext: cellText(r[3]), paverkan: paverkan.value });
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return out;
}
