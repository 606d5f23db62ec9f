/**
 * Numbers Excel cannot hold exactly. Excel keeps 15 significant digits of what is typed and computes in
 * doubles, which hold integers exactly only below 2^53 (9 007 199 254 740 992): 9007199254740993 would become
 * …992 without a word. Every import refuses such a number, naming its cell or row, instead of changing it.
 */
import { clipText } from "./errors";

export const EXCEL_SIGNIFICANT_DIGITS = 15;
export const EXACT_INTEGER_LIMIT = 2n ** 53n;

/** Significant digits of a plain decimal ("-0012.3400" → 4). */
function significantDigits(plain: string): number {
  const digits = plain.replace(/^[-+−]/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return digits.length;
}

/**
 * Why `typed` cannot reach Excel unchanged, or null. `plain` is the same number with a point as the decimal
 * separator and no grouping ("-1234.5"); `typed` is how the user wrote it, quoted in the message.
 */
export function inexactMessage(plain: string, typed: string): string | null {
  const m = /^[-+−]?(\d*)(?:\.(\d*))?$/.exec(plain.trim());
  if (!m) return null;
  const whole = m[1] === "" ? 0n : BigInt(m[1]);
  if (whole >= EXACT_INTEGER_LIMIT) {
    return `Talet ${clipText(typed)} är för stort: Excel räknar exakt bara med heltal under 9 007 199 254 740 992 (2^53), så det skulle ändras. Ange det i en större enhet (t.ex. tkr) eller kontrollera cellen.`;
  }
  const n = significantDigits(plain.trim());
  if (n > EXCEL_SIGNIFICANT_DIGITS) {
    return `Talet ${clipText(typed)} har ${n} värdesiffror; Excel sparar högst ${EXCEL_SIGNIFICANT_DIGITS}, så det skulle ändras. Avrunda det eller ange det i en större enhet.`;
  }
  return null;
}

/** The same check for a number already read as a double (a cell of an .xlsx file, a JSON number). */
export function inexactNumberMessage(n: number): string | null {
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return inexactMessage(BigInt(n).toString(), String(n));
  return null;
}
