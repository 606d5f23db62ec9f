/**
 * CSV as Samkalk prints it (standard output of `split`, `scb import`, `budget import`, the SCB fetches): one
 * place, so every command escapes alike. A text cell starting with = + - @ tab or carriage return gets a
 * leading apostrophe (OWASP, "CSV Injection"), so a saved file opened in Excel shows the text instead of
 * running it as a formula; numbers, including negative amounts written as text ("-1234", "-12,5"), stay as
 * they are. `--format json` keeps the raw values.
 */
import Papa from "papaparse";

/** A leading formula character, unless the whole text is a plain number. */
const FORMULA_START = /^(?![-+]?\d+(?:[.,]\d+)?$)[=+\-@\t\r]/;

export function toCsv(input: Parameters<typeof Papa.unparse>[0]): string {
  return Papa.unparse(input, { newline: "\n", escapeFormulae: FORMULA_START }) + "\n";
}
