import { FORBIDDEN_SHEET_NAME_CHARS, MAX_SHEET_NAME } from "../excelNames";
import { Initiativ } from "./model";

export { fingerprint, isEditedSinceGeneration, sheetEditState } from "../fingerprint";
export type { SheetEditState } from "../fingerprint";

/**
 * Names of the per-initiative sheets: "Init 03 Gemensam kartläggning". Derived only from nr and name,
 * so each run gives the same name and the sheet is found again; the nr prefix makes them unique.
 */
const PREFIX = "Init ";

export function initiativeSheetName(nr: number, namn: string): string {
  const prefix = `${PREFIX}${String(nr).padStart(2, "0")}`;
  const short = shorten(clean(namn), MAX_SHEET_NAME - prefix.length - 1);
  return short === "" ? prefix : `${prefix} ${short}`;
}

/**
 * Names for all initiatives, in their order. Numbers are unique in a read table, so the names are;
 * should two initiatives share a nr anyway, the later ones get " ~2", " ~3" (case-insensitively unique).
 */
export function initiativeSheetNames(initiativ: readonly Pick<Initiativ, "nr" | "initiativ">[]): string[] {
  const used = new Set<string>();
  return initiativ.map(({ nr, initiativ: namn }) => {
    let name = initiativeSheetName(nr, namn);
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` ~${n}`;
      name = `${shorten(initiativeSheetName(nr, namn), MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Characters Excel refuses become spaces (an apostrophe at the end is dropped by shorten). */
function clean(namn: string): string {
  return namn
    .normalize("NFC")
    .replace(new RegExp(FORBIDDEN_SHEET_NAME_CHARS.source, "gu"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Small words that read badly at the end of a cut name ("Personer med lång tid i"). */
const TRAILING_SMALL_WORDS = /(?: (?:i|på|av|och|med|för|till|om|som|en|ett|vid|mot|från|-|–))+$/iu;

/**
 * Cuts at a word boundary when that keeps most of the room, else inside a word, marked "…" (never inside
 * a surrogate pair). Only the end matters to Excel: a name part may start with an apostrophe.
 */
function shorten(text: string, max: number): string {
  const tidy = (t: string) => t.replace(/[\s'’,;.–-]+$/u, "");
  if (text.length <= max) return tidy(text);
  const atWord = tidy(text.slice(0, Math.max(text.lastIndexOf(" ", max), 0)).replace(TRAILING_SMALL_WORDS, ""));
  if (atWord.length >= max * 0.75) return atWord;
  let cut = max - 1;
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? "")) cut--;
  return `${tidy(text.slice(0, cut))}…`;
}
