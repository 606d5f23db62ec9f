import { InputError, InputProblem } from "../../domain/errors";
import { Datum, INITIATIV_KOLUMNER, InitiativFalt, matchKey } from "../../domain/initiatives/model";
import { cellText, readMonthName } from "./cells";

/**
 * Finds the columns of an "Initiativ" table by their headers, in any order, ignoring case,
 * diacritics, punctuation and parentheses ("Påverkan (1-5)"), so a table pasted from last year's
 * workbook (or typed by hand) is recognised.
 */

/** Other names seen for each column (written as matchKey gives them); the add-in's own header always counts. */
const ALIAS: Record<InitiativFalt, string[]> = {
  nr: ["nummer", "initiativ nr", "nr initiativ", "initiativnummer", "initiativnr", "id"],
  omrade: ["omraden", "fokusomrade", "insatsomrade"],
  initiativ: ["namn", "initiativets namn", "initiativ namn", "samverkansinitiativ", "benamning"],
  parter: ["part", "parterna", "berorda parter"],
  genomforbarhet: ["genomforbarhet svarighet tid", "svarighetsgrad", "svarighet tid", "genomforandegrad"],
  nulage: ["status", "lage", "nulage status"],
  aktiviteter: ["aktivitet"],
  mal: ["malen", "malsattning"],
  indikatorer: ["indikator"],
  sammankallande: ["sammankallare", "sammankallande part"],
  ansvar: ["ansvarig", "ansvariga"],
  ansvarigForUppfoljning: ["ansvar for uppfoljning", "ansvarig uppfoljning", "uppfoljningsansvar", "uppfoljningsansvarig", "uppfoljning"],
  bedomning: ["bedomning", "analysgruppens bedomning av progress", "analysgruppens bedomning av progress i initiativet", "progress"],
  paverkan: ["paverkan pa helarsekvivalenterna", "paverkan", "paverkan pa he", "paverkan he", "paverkan helarsekvivalenter"],
  startad: ["start", "startdatum", "paborjad", "startades", "startdat"],
  statustext: ["nulagestext", "nulage text", "status text", "nulagesbeskrivning", "beskrivning av nulaget"],
  statusdatum: ["nulagesdatum", "status datum", "nulage datum", "datum for nulage", "datum"],
  styrelsensKommentar: ["styrelse och ssg kommentar", "styrelsens och ssg kommentar", "kommentar", "styrelsens kommentarer", "styrelsekommentar"],
};

export const REQUIRED_FIELDS: readonly InitiativFalt[] = ["nr", "omrade", "initiativ", "nulage"];

export interface HeaderMatch {
  /** The column index of each field found. */
  kolumn: Partial<Record<InitiativFalt, number>>;
  /** The user's own header text of each field found, for messages. */
  rubrik: Partial<Record<InitiativFalt, string>>;
  /** Headers that are no column of the table (shown to the user, otherwise ignored). */
  okanda: string[];
  /** Optional columns that are missing (their fields are left empty). */
  saknade: InitiativFalt[];
  /** From a header like "Nuläge juni 2023" (the status text column in 001's layout). */
  statusdatum?: Datum;
}

const KEYS: { falt: InitiativFalt; key: string }[] = INITIATIV_KOLUMNER.flatMap(({ falt, rubrik }) =>
  [matchKey(rubrik), ...ALIAS[falt]].map((key) => ({ falt, key })),
);

/** Splits "Nuläge juni 2023" into "nulage" and "2023-06"; a trailing year alone is dropped as well. */
function splitDate(header: string): { key: string; datum?: Datum } {
  const key = matchKey(header.replace(/\([^)]*\)/g, " "));
  const month = /^(.*\S) ([a-z]+ \d{4})$/.exec(key);
  const datum = month ? readMonthName(month[2]) : undefined;
  if (month && datum) return { key: month[1], datum };
  const year = /^(.*\S) \d{4}$/.exec(key);
  return { key: year ? year[1] : key };
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Exact key, else one unambiguous near miss (a typo: 1 edit for short names, 2 for long). */
function fieldOf(key: string): InitiativFalt | undefined {
  const exact = KEYS.find((k) => k.key === key);
  if (exact) return exact.falt;
  const near = KEYS.filter((k) => k.key.length >= 5 && levenshtein(k.key, key) <= (k.key.length >= 10 ? 2 : 1));
  const fields = new Set(near.map((k) => k.falt));
  return fields.size === 1 ? near[0].falt : undefined;
}

export function recogniseHeader(headers: readonly unknown[], plats = "rubrikraden"): HeaderMatch {
  const m: HeaderMatch = { kolumn: {}, rubrik: {}, okanda: [], saknade: [] };
  const problems: InputProblem[] = [];
  headers.forEach((h, i) => {
    const text = cellText(h);
    if (text === "") return;
    const { key, datum } = splitDate(text);
    // 001 heads the status text "Nuläge juni 2023"; the bare "Nuläge" is the status.
    const falt = key === "nulage" && datum ? "statustext" : fieldOf(key);
    if (!falt) {
      m.okanda.push(text);
      return;
    }
    const before = m.rubrik[falt];
    if (before !== undefined) {
      problems.push({ plats, meddelande: `Kolumnerna "${before}" och "${text}" betyder båda "${rubrikOf(falt)}". Ta bort eller byt namn på den ena.` });
      return;
    }
    m.kolumn[falt] = i;
    m.rubrik[falt] = text;
    if (falt === "statustext" && datum) m.statusdatum = datum;
  });
  const missing = REQUIRED_FIELDS.filter((f) => m.kolumn[f] === undefined);
  if (missing.length > 0) {
    const found = headers.map(cellText).filter((t) => t !== "");
    problems.push({
      plats,
      meddelande: `Tabellen saknar kolumn${missing.length > 1 ? "erna" : "en"} ${missing.map((f) => `"${rubrikOf(f)}"`).join(", ")} (hittade ${found.length > 0 ? found.map((t) => `"${t}"`).join(", ") : "inga rubriker"}).`,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  m.saknade = INITIATIV_KOLUMNER.map((k) => k.falt).filter((f) => m.kolumn[f] === undefined);
  return m;
}

export function rubrikOf(falt: InitiativFalt): string {
  return INITIATIV_KOLUMNER.find((k) => k.falt === falt)?.rubrik ?? falt;
}
