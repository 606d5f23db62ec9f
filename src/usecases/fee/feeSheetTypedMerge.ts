/**
 * The keys (populations or shares) typed on the fee sheet, kept from run to run: a value typed there wins
 * over the value given (the task pane's, or a board pack's SCB figure given anew on every rebuild) and is
 * recorded with what was given at the time, so later runs keep it until another value is given for the kommun.
 */
import { amountToPlain, parseAmount } from "../../domain/amount";
import type { ReadValue } from "../../sheets/spec";
import { FEE_SHEET_LAYOUT } from "../../sheets/fee/feeSheet";
import { normaliseKod } from "../../sources/fee/memberKeys";
import type { FeeSplitSettings } from "./feeSplitSettings";

/** A key typed on the fee sheet, as stored: the kommun, the value typed and what was given then. */
export type TypedKey = NonNullable<FeeSplitSettings["skrivetPaBladet"]>[number];

function readValueToText(v: ReadValue): string {
  if (v === null) return "";
  if (typeof v === "number") {
    const a = parseAmount(v);
    return a ? amountToPlain(a) : String(v);
  }
  return String(v).trim();
}

/** Whether two keys are the same number ("4 100" and "4100" alike), or the same text. */
export function sameNumber(a: string, b: string): boolean {
  const x = parseAmount(a);
  const y = parseAmount(b);
  return x && y ? amountToPlain(x) === amountToPlain(y) : a.trim() === b.trim();
}

/**
 * Merges what is given, the record of keys typed on earlier runs (`earlier`) and the sheet's input table
 * (`body`, read back): a value in the sheet that differs from what Samkalk wrote last time (`previous`, the
 * stored settings) was typed in Excel and wins; without a previous run, a value that differs from the given
 * one wins. `kept`: the kommuner whose key is a typed one; `typed`: the record to store.
 */
export function mergeTypedKeys(
  given: FeeSplitSettings,
  body: ReadValue[][] | undefined,
  previous: FeeSplitSettings | null,
): { settings: FeeSplitSettings; kept: number; typed: TypedKey[] } {
  // The sheet is per year: a record for another year's sheet does not apply.
  const earlier = previous?.ar === given.ar ? (previous.skrivetPaBladet ?? []) : [];
  const givenOf = new Map(given.kommuner.map((k) => [k.kod, k.varde.trim()]));
  // Typed on earlier runs and still given the same (or given the typed value itself, as the task pane
  // does with the stored settings): stays.
  const still = earlier.filter((c) => givenOf.has(c.kod) && (sameNumber(givenOf.get(c.kod)!, c.givet) || sameNumber(givenOf.get(c.kod)!, c.varde)));
  const withEarlier = given.kommuner.map((k) => {
    const c = still.find((t) => t.kod === k.kod);
    return c ? { ...k, varde: c.varde } : k;
  });
  const now: TypedKey[] = [];
  if (body) {
    const { kod, nyckel } = FEE_SHEET_LAYOUT.columns;
    const inSheet = new Map(body.map((r) => [normaliseKod(readValueToText(r[kod])), readValueToText(r[nyckel])]));
    const written = new Map((previous?.kommuner ?? []).map((k) => [k.kod, k.varde.trim()]));
    withEarlier.forEach((k, i) => {
      const sheetValue = inSheet.get(k.kod);
      if (sheetValue === undefined || sheetValue === "") return;
      const last = written.get(k.kod);
      const editedInSheet = last === undefined ? !sameNumber(sheetValue, k.varde) : !sameNumber(sheetValue, last);
      if (!editedInSheet || sameNumber(sheetValue, k.varde)) return;
      withEarlier[i] = { ...k, varde: sheetValue };
      now.push({ kod: k.kod, varde: sheetValue, givet: givenOf.get(k.kod) ?? "" });
    });
  }
  // A kommun typed back to the value given needs no record.
  const typed = [...still.filter((c) => !now.some((n) => n.kod === c.kod)), ...now.filter((n) => !sameNumber(n.varde, n.givet))];
  const kept = withEarlier.filter((k) => typed.some((c) => c.kod === k.kod) && !sameNumber(k.varde, givenOf.get(k.kod) ?? "")).length;
  const { skrivetPaBladet: _given, ...rest } = given;
  return { settings: { ...rest, kommuner: withEarlier, ...(typed.length > 0 ? { skrivetPaBladet: typed } : {}) }, kept, typed };
}
