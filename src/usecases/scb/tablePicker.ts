/** The table picker's helpers: finding tables, their metadata, and selections from the value pickers. */
import type { InputProblem } from "../../domain/errors";
import { ScbApiError, ScbClient, type SelectionInput, type TableInfo, type TableMetadata } from "../../sources/scb/api";
import { problems } from "./adapterSupport";

/**
 * Tables matching a search text, or the table with that id ("TAB638", case as typed or not). An id
 * SCB does not know gives an empty list, not an error.
 */
export async function findTables(client: ScbClient, text: string, signal?: AbortSignal): Promise<TableInfo[]> {
  const q = text.trim();
  if (q === "") return [];
  if (/^tab\d+$/i.test(q)) {
    try {
      return [await client.getTable(q.toUpperCase(), signal)];
    } catch (e) {
      if (!(e instanceof ScbApiError && e.kind === "finns-inte")) throw e;
    }
  }
  const page = await client.searchTables({ query: q, pageSize: 30 }, signal);
  return page.tables;
}

/** The table's metadata (variables and values) for value pickers. */
export function tableMetadata(client: ScbClient, id: string, signal?: AbortSignal): Promise<TableMetadata> {
  return client.getMetadata(id.trim(), signal);
}

/** Codes of `values` from `fran` to `till` inclusive (in the table's order); either end may be empty. */
export function periodRange(values: readonly { code: string }[], fran: string, till: string): string[] {
  const codes = values.map((v) => v.code);
  const a = fran ? codes.indexOf(fran) : 0;
  const b = till ? codes.indexOf(till) : codes.length - 1;
  if (a < 0 || b < 0) return [];
  return codes.slice(Math.min(a, b), Math.max(a, b) + 1);
}

/**
 * A first selection from a table's metadata, for the value pickers: the latest period, the region codes
 * given (those the table has), the first value of every other variable that must be chosen, and nothing
 * for variables SCB can sum away.
 */
export function defaultTableSelection(meta: TableMetadata, regions: readonly string[] = []): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of meta.variables) {
    if (v.time) out[v.code] = v.values.length ? [v.values[v.values.length - 1].code] : [];
    else if (/^region$/i.test(v.code)) out[v.code] = regions.filter((r) => v.values.some((x) => x.code === r));
    else if (!v.elimination) out[v.code] = v.values.length ? [v.values[0].code] : [];
    else out[v.code] = [];
  }
  return out;
}

/**
 * The selection to send from the pickers' choices: variables with values chosen; variables SCB can sum
 * away and that have none are left out. A variable that must be chosen but has none is a problem.
 */
export function tableSelection(meta: TableMetadata, chosen: Readonly<Record<string, readonly string[]>>): SelectionInput {
  const out: Record<string, readonly string[]> = {};
  const missing: InputProblem[] = [];
  for (const v of meta.variables) {
    const codes = (chosen[v.code] ?? []).filter((c) => v.values.some((x) => x.code === c));
    if (codes.length > 0) out[v.code] = codes;
    else if (!v.elimination) missing.push({ plats: v.label, meddelande: `Välj minst ett värde i ${v.label} – SCB kan inte summera bort den.` });
  }
  problems(missing);
  return out;
}

/** Cells a selection gives (product of the chosen values; variables left out count once). */
export function selectionCells(selection: SelectionInput, meta: TableMetadata): number {
  let n = 1;
  for (const v of meta.variables) {
    const s = selection[v.code];
    if (s === undefined) continue;
    n *= s === "*" ? v.values.length : s.length;
  }
  return n;
}
