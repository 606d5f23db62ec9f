/**
 * Shared pieces of the SCB sheets: valid and unique sheet and table names, texts within Excel's limits,
 * and how times are shown (cells: ../cells, printing: ../print).
 */

/** Excel's limits. */
export const MAX_SHEET_NAME = 31;
export const MAX_SHEET_ROWS = 1_048_576;
/** Longest text Excel keeps in a cell. */
export const MAX_CELL_TEXT = 32_767;

/**
 * A name Excel accepts for a sheet, from any text: the characters Excel refuses ([ ] : * ? / \) become
 * spaces or hyphens, apostrophes at the ends go, runs of spaces shrink, and it is cut to 31 characters
 * (at a word boundary when one is near). "History" is reserved by Excel.
 */
export function validSheetName(raw: string, fallback = "SCB"): string {
  let s = raw
    .replace(/[/\\]/g, "-")
    .replace(/[[\]:*?]/g, " ")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (s.length > MAX_SHEET_NAME) {
    const cut = s.slice(0, MAX_SHEET_NAME);
    const space = cut.lastIndexOf(" ");
    const wordEnds = s[MAX_SHEET_NAME] === " ";
    s = (!wordEnds && space >= MAX_SHEET_NAME - 10 ? cut.slice(0, space) : cut).replace(/[\s,;.'-]+$/, "").trim();
  }
  if (s === "" || s.toUpperCase() === "HISTORY") return fallback;
  return s;
}

/** `name` with " (n)" for n ≥ 2, still at most 31 characters. */
export function numberedSheetName(name: string, n: number): string {
  if (n <= 1) return name;
  const suffix = ` (${n})`;
  return `${name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
}

/** "SCB <title or table id>", valid in Excel. */
export function scbSheetName(titleOrId: string): string {
  return validSheetName(`SCB ${titleOrId.trim()}`, "SCB-tabell");
}

/** A table name Excel accepts, derived from a sheet name: letters, digits, "_" and "." only. */
export function tableNameFor(prefix: string, sheetName: string): string {
  const body = sheetName.normalize("NFC").replace(/[^\p{L}\p{N}_.]+/gu, "_").replace(/^_+|_+$/g, "");
  return `${prefix}_${body || "tabell"}`.slice(0, 250);
}

/** Text as it reads in a spreadsheet cell, at most Excel's length (cut with an ellipsis). */
export function cellText(s: string): string {
  return s.length <= MAX_CELL_TEXT ? s : `${s.slice(0, MAX_CELL_TEXT - 1)}…`;
}

/** Made once: building a DateTimeFormat costs far more than formatting with it (this runs once per data row). */
let tidFormat: Intl.DateTimeFormat | undefined;

/** "2026-01-15 14:03", Swedish time: when a fetch or import happened, as the Källor sheet shows it. */
export function formatTid(d: Date): string {
  tidFormat ??= new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return tidFormat.format(d);
}

/** "kön" → "Kön". */
export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0].toLocaleUpperCase("sv-SE") + s.slice(1);
}

/** Headers made unique ignoring case (as Excel requires in a table) and never empty. */
export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h.trim() === "" ? `Kolumn ${i + 1}` : h.trim();
    let name = base;
    for (let n = 2; seen.has(name.toUpperCase()); n++) name = `${base} (${n})`;
    seen.add(name.toUpperCase());
    return name;
  });
}
