import { z } from "zod";
import { InputError, InputProblem } from "../../domain/errors";
import {
  INITIATIV_KOLUMNER,
  Initiativ,
  InitiativFalt,
  STANDARD_NULAGEN,
} from "../../domain/initiatives/model";
import { Cell, cellLines, cellText, isEmptyCell, readDatum, readGenomforbarhet, readNr, readNulage, readPaverkan } from "./cells";
import { HeaderMatch, recogniseHeader } from "./headers";

/**
 * Reads the "Initiativ" Excel table (header row + values as Excel returns them) into initiatives.
 * All problems are collected; if there is any, an InputError is thrown and nothing is returned.
 */
export interface InitiativeTableOptions {
  /** The förbund's status list; default STANDARD_NULAGEN. */
  nulagen?: readonly string[];
  /** Where data row i (0-based) is, for messages; default "rad i+1". */
  locate?: (i: number) => string;
}

/** zod schema for a cell read by one of the readers in cells.ts. */
function cell<T>(read: (v: unknown) => Cell<T>) {
  return z.unknown().transform((v, ctx): T => {
    const r = read(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.meddelande });
    return z.NEVER;
  });
}

const required = (message: string) => cell((v) => (cellText(v) === "" ? { ok: false, meddelande: message } : { ok: true, value: cellText(v) }));
const text = cell((v) => ({ ok: true, value: cellText(v) }));
const lines = cell((v) => ({ ok: true, value: cellLines(v) }));

function rowSchema(nulagen: readonly string[]) {
  return z.object({
    nr: cell(readNr),
    omrade: required("Området saknas."),
    initiativ: required("Initiativet saknar namn."),
    parter: text,
    genomforbarhet: cell(readGenomforbarhet),
    nulage: cell((v) => readNulage(v, nulagen)),
    aktiviteter: lines,
    mal: lines,
    indikatorer: lines,
    sammankallande: text,
    ansvar: text,
    ansvarigForUppfoljning: text,
    bedomning: lines,
    paverkan: cell(readPaverkan),
    startad: cell(readDatum),
    statustext: text,
    statusdatum: cell(readDatum),
    styrelsensKommentar: lines,
  }) satisfies z.ZodType<Initiativ, z.ZodTypeDef, unknown>;
}

export function parseInitiativeRows(
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  options: InitiativeTableOptions = {},
): Initiativ[] {
  const header = recogniseHeader(headers);
  const schema = rowSchema(options.nulagen ?? STANDARD_NULAGEN);
  const locate = options.locate ?? ((i: number) => `rad ${i + 1}`);
  const problems: InputProblem[] = [];
  const result: Initiativ[] = [];
  const rowOfNr = new Map<number, number>();
  rows.forEach((row, i) => {
    if (row.every(isEmptyCell)) return;
    const parsed = schema.safeParse(fieldsOf(row, header));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const falt = issue.path[0] as InitiativFalt;
        problems.push({ plats: `${locate(i)}, kolumn "${header.rubrik[falt] ?? falt}"`, meddelande: issue.message });
      }
      return;
    }
    const init = parsed.data;
    if (init.statusdatum === undefined && header.statusdatum !== undefined) init.statusdatum = header.statusdatum;
    const first = rowOfNr.get(init.nr);
    if (first !== undefined) {
      problems.push({ plats: `${locate(i)}, kolumn "${header.rubrik.nr}"`, meddelande: `Nr ${init.nr} finns redan på ${locate(first)}. Varje initiativ ska ha ett eget nummer.` });
      return;
    }
    rowOfNr.set(init.nr, i);
    result.push(init);
  });
  if (problems.length > 0) throw new InputError(problems);
  return result;
}

/** The table's values as Excel returns them from the whole table range: first row is the header. */
export function parseInitiativeTable(values: readonly (readonly unknown[])[], options: InitiativeTableOptions = {}): Initiativ[] {
  if (values.length === 0) throw new InputError([{ plats: "tabellen", meddelande: "Tabellen är tom: den ska ha en rubrikrad." }]);
  return parseInitiativeRows(values[0], values.slice(1), options);
}

function fieldsOf(row: readonly unknown[], header: HeaderMatch): Record<InitiativFalt, unknown> {
  const out = {} as Record<InitiativFalt, unknown>;
  for (const { falt } of INITIATIV_KOLUMNER) {
    const i = header.kolumn[falt];
    out[falt] = i === undefined ? null : row[i];
  }
  return out;
}
