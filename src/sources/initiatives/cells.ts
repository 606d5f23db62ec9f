import { Datum, Genomforbarhet, MANADER, Paverkan, matchKey } from "../../domain/initiatives/model";

/**
 * Reading single cells as Excel returns them (Office.js `values`: strings, numbers, booleans; dates
 * as serial numbers; ExcelJS may give Date objects; empty cells as "" or null).
 * Each reader gives either a value or a Swedish message for the user.
 */
export type Cell<T> = { ok: true; value: T } | { ok: false; meddelande: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const fel = <T>(meddelande: string): Cell<T> => ({ ok: false, meddelande });

export function isEmptyCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function cellText(v: unknown): string {
  if (isEmptyCell(v)) return "";
  if (v instanceof Date) return isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v).replace(/\r\n?/g, "\n").trim();
}

/** A cell with one entry per line (Alt+Enter in Excel); bullet signs at line starts are dropped. */
export function cellLines(v: unknown): string[] {
  return cellText(v)
    .split("\n")
    .map((l) => l.replace(/^\s*(?:[•●▪◦·*–-]|\d+[.)])\s+/, "").trim())
    .filter((l) => l !== "");
}

/** Keeps "Init 99999 …" sheet names room for the initiative's name. */
export const MAX_NR = 99999;

export function readNr(v: unknown): Cell<number> {
  const t = cellText(v);
  if (t === "") return fel("Nr saknas.");
  const n = typeof v === "number" ? v : /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_NR) return fel(`Nr "${t}" ska vara ett heltal från 1 till ${MAX_NR}.`);
  return ok(n);
}

export function readPaverkan(v: unknown): Cell<Paverkan> {
  const t = cellText(v);
  if (t === "" || t.toLowerCase() === "x") return ok("x");
  const n = typeof v === "number" ? v : /^\d+$/.test(t) ? Number(t) : NaN;
  if (n === 1 || n === 2 || n === 3 || n === 4 || n === 5) return ok(n);
  return fel(`Påverkan på helårsekvivalenter ska vara 1–5, eller x om den inte är bedömd (inte "${t}").`);
}

/** Excel's day 0 is 1899-12-30 (serial 60 is the non-existent 1900-02-29, so counting from here is right after it). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function readDatum(v: unknown): Cell<Datum | undefined> {
  if (isEmptyCell(v)) return ok(undefined);
  const bad = fel<Datum | undefined>(`"${cellText(v)}" är inget datum. Skriv t.ex. 2023-06-15, eller 2023-06 för en månad.`);
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 1 || v >= 2958466) return bad;
    return ok(new Date(EXCEL_EPOCH_MS + Math.floor(v) * DAY_MS).toISOString().slice(0, 10));
  }
  if (v instanceof Date) return isNaN(v.getTime()) ? bad : ok(v.toISOString().slice(0, 10));
  if (typeof v !== "string") return bad;
  const t = v.trim();
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), iso[3] === undefined ? 1 : Number(iso[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return bad;
    return ok(iso[3] === undefined ? `${iso[1]}-${iso[2]}` : `${iso[1]}-${iso[2]}-${iso[3]}`);
  }
  const month = readMonthName(t);
  return month ? ok(month) : bad;
}

/** "juni 2023", "Jun 2023" → "2023-06". */
export function readMonthName(t: string): Datum | undefined {
  const m = /^([a-z]+) (\d{4})$/.exec(matchKey(t));
  if (!m || m[1].length < 3) return undefined;
  const i = MANADER.findIndex((n) => matchKey(n).startsWith(m[1]));
  return i < 0 ? undefined : `${m[2]}-${String(i + 1).padStart(2, "0")}`;
}

/** "Lätt/Lång tid", "Svår/tar lång tid", "medelsvår / kort"; empty or "ej bedömd" = not assessed. */
export function readGenomforbarhet(v: unknown): Cell<Genomforbarhet | undefined> {
  const t = cellText(v);
  const k = matchKey(t);
  if (k === "" || /^ej (bedomd|bedomt)$/.test(k)) return ok(undefined);
  const [first, ...rest] = t.split(/[/,;]/).map(matchKey);
  const svarighet = /^medel/.test(first) ? "medel" : /^latt/.test(first) ? "lätt" : /^svar/.test(first) ? "svår" : undefined;
  const second = rest.join(" ");
  const tid = /\bkort\b/.test(second) ? "kort" : /\blang\b/.test(second) ? "lång" : undefined;
  if (!svarighet || !tid || rest.length === 0) {
    return fel(`Genomförbarheten "${t}" ska skrivas som svårighet/tid, t.ex. "Lätt/kort tid" (lätt, medel eller svår; kort eller lång tid).`);
  }
  return ok({ svarighet, tid });
}

/** Matches the typed status against the förbund's list, ignoring case and diacritics; empty = the list's first. */
export function readNulage(v: unknown, nulagen: readonly string[]): Cell<string> {
  const t = cellText(v);
  if (t === "") return ok(nulagen[0] ?? "");
  const found = nulagen.find((n) => matchKey(n) === matchKey(t));
  return found !== undefined ? ok(found) : fel(`Okänt nuläge "${t}". Välj ett av: ${nulagen.join(", ")}.`);
}
