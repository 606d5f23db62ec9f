import { z } from "zod";
import { Amount, amountToPlain, parseAmount } from "../../domain/amount";
import { inexactMessage, inexactNumberMessage } from "../../domain/exactNumber";
import { InputError } from "../../domain/errors";
import { RangeRef, cellAddress } from "../../domain/a1";

export type { RangeRef };

/** A cell value as Office.js and the xlsx reader hand it over; "" and null are both empty. */
export type CellValue = string | number | boolean | null;

/**
 * A rectangle of cells read from a sheet. `origin` is the 0-based sheet position of values[0][0];
 * `merged` are the merged areas that overlap the rectangle, in sheet coordinates (0-based).
 */
export interface CellGrid {
  origin: { row: number; col: number };
  values: CellValue[][];
  merged?: RangeRef[];
}

const cellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]).or(z.undefined().transform(() => null));
const rangeSchema = z.object({ row: z.number().int().min(0), col: z.number().int().min(0), rows: z.number().int().min(1), cols: z.number().int().min(1) });
const cellGridSchema = z.object({
  origin: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }),
  values: z.array(z.array(cellValueSchema)),
  merged: z.array(rangeSchema).optional(),
});

/** Checks a grid that arrives from outside TypeScript (a host, a stored file, the CLI). */
export function parseCellGrid(input: unknown): CellGrid {
  // Most grids hold only plain values: checked in one loop, as zod's union would take a moment per cell. Any
  // other grid goes through the schema, which names the first bad cell.
  const values = plainValues(input);
  if (values !== null) {
    const rest = cellGridSchema.omit({ values: true }).safeParse(input);
    if (rest.success) return { ...rest.data, values };
  }
  const r = cellGridSchema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue.path[0] === "values" && issue.path.length >= 3 ? ` (rad ${Number(issue.path[1]) + 1}, kolumn ${Number(issue.path[2]) + 1} i området)` : "";
  throw new InputError([{ meddelande: `Cellerna kunde inte läsas${where}: bara text, tal, sant/falskt och tomma celler stöds.` }]);
}

/** The grid's values when each is a text, a number (not NaN), a truth value or null; else null (the schema then decides). */
function plainValues(input: unknown): CellValue[][] | null {
  if (typeof input !== "object" || input === null || !("values" in input) || !Array.isArray(input.values)) return null;
  const rows: unknown[] = input.values;
  for (const row of rows) {
    if (!Array.isArray(row)) return null;
    for (let c = 0; c < row.length; c++) {
      const v: unknown = row[c];
      if (v === undefined) return null;
      if (v === null || typeof v === "string" || typeof v === "boolean") continue;
      if (typeof v === "number" && !Number.isNaN(v)) continue;
      return null;
    }
  }
  return rows as CellValue[][];
}

export function addressIn(grid: CellGrid, r: number, c: number): string {
  return cellAddress(grid.origin.row + r, grid.origin.col + c);
}

export function cellAt(grid: CellGrid, r: number, c: number): CellValue {
  return grid.values[r]?.[c] ?? null;
}

export function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

export function gridWidth(grid: CellGrid): number {
  return grid.values.reduce((w, row) => Math.max(w, row.length), 0);
}

export type AmountCell = { kind: "tom" } | { kind: "belopp"; belopp: Amount } | { kind: "fel"; text: string } | { kind: "oexakt"; meddelande: string };

/** A dash alone is how many economists write zero. */
const ZERO_DASH = /^[-–—]$/;

export function readAmountCell(v: CellValue): AmountCell {
  if (v === null || isEmpty(v)) return { kind: "tom" };
  if (typeof v === "boolean") return { kind: "fel", text: v ? "SANT" : "FALSKT" };
  if (typeof v === "string" && ZERO_DASH.test(v.trim())) return { kind: "belopp", belopp: { minor: 0n, decimals: 0 } };
  const a = parseAmount(v);
  if (!a) return { kind: "fel", text: String(v).trim() };
  const inexakt = typeof v === "number" ? inexactNumberMessage(v) : inexactMessage(amountToPlain(a), v.trim());
  return inexakt ? { kind: "oexakt", meddelande: inexakt } : { kind: "belopp", belopp: a };
}

const YEAR_TEXT = /^(?:(?:budget|plan|prognos|utfall)\s*)?((?:19|20)\d\d)$/i;

/** A year column heading: 2021 as a number, "2021", or "Budget 2021". */
export function yearOf(v: CellValue): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1900 && v <= 2099 ? v : null;
  if (typeof v === "string") {
    const m = YEAR_TEXT.exec(v.trim());
    return m ? Number(m[1]) : null;
  }
  return null;
}

/** The line's text: the first cell left of the amounts that holds a letter or is a text that is not a number. */
export function labelOf(grid: CellGrid, r: number, firstAmountCol: number): string | undefined {
  const end = Math.min(firstAmountCol, grid.values[r]?.length ?? 0);
  for (let c = 0; c < end; c++) {
    const v = cellAt(grid, r, c);
    // A text with a letter, or any text that is not a number: a post may be called "+1+1".
    if (typeof v === "string" && (/\p{L}/u.test(v) || (/[\p{L}\p{N}]/u.test(v) && parseAmount(v) === null))) return v.trim().replace(/\s+/g, " ");
  }
  return undefined;
}
