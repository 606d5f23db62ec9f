/**
 * What goes into a cell, for every sheet builder: the cell constructors, the amount format, a date as
 * the sheets print it, and a text and a sheet name as formula text.
 */
import type { Cell, CellStyle } from "./spec";

export const text = (t: string, style?: CellStyle, format?: string): Cell => ({ kind: "text", text: t, style, format });
export const num = (value: number, style?: CellStyle, format?: string): Cell => ({ kind: "number", value, style, format });
export const empty = (style?: CellStyle): Cell => ({ kind: "empty", style });
export const formula = (f: string, expected: number | string, style?: CellStyle, format?: string): Cell => ({
  kind: "formula",
  formula: f,
  expected,
  style,
  format,
});

/** "#,##0" or "#,##0.00": whole units unless the amounts have decimals. */
export function amountFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

/** A day as the sheets print it: "2026-01-15" (UTC). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A text as a formula string literal: "Kansli ""A""". */
export function quoted(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * Text used as a SUMIFS/COUNTIFS criterion after "=": Excel treats * ? and ~ as wildcards there, so
 * each gets a ~ in front and the match stays exact.
 */
export function criteriaText(s: string): string {
  return s.replace(/[~*?]/g, (c) => `~${c}`);
}

/** A sheet name as a formula prefix: 'Medlemsavgifter 2022'! (quotes doubled). */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}
