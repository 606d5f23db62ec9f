/** The tables of an exceljs worksheet: finding them by name and reading one back (inspectSheet). */
import type ExcelJS from "exceljs";
import type { ReadValue } from "../../sheets/spec";
import { sameSheetName } from "../../domain/excelNames";
import { areaRefs } from "../../domain/a1";

/** exceljs keeps a worksheet's tables by name in `ws.tables`; its typings do not show them. */
export interface XlsxTable {
  name: string;
  /** `ref` (top-left) and `rows` for a table added in this run; `tableRef` (the whole range) for one read from a file. */
  table: { name: string; displayName?: string; ref?: string; tableRef?: string; totalsRow?: boolean; columns: unknown[]; rows?: unknown[] };
}

export function tableMap(ws: ExcelJS.Worksheet): Record<string, XlsxTable> {
  return (ws as unknown as { tables: Record<string, XlsxTable> }).tables;
}

export function sheetTables(ws: ExcelJS.Worksheet): XlsxTable[] {
  return Object.values(tableMap(ws)).filter((t) => t && t.table);
}


function toReadValue(v: ExcelJS.CellValue): ReadValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object" && "result" in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    return typeof r === "string" || typeof r === "number" || typeof r === "boolean" ? r : null;
  }
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return null;
}

/** Header row (as text) and data body of a table in an exceljs worksheet, found by name ignoring case. */
export function readTable(ws: ExcelJS.Worksheet, name: string): { header: string[]; body: ReadValue[][] } | null {
  const model = sheetTables(ws).find((t) => sameSheetName(t.name, name))?.table;
  if (!model) return null;
  const loaded = model.tableRef ? areaRefs(model.tableRef)[0] : undefined;
  const start = ws.getCell(model.ref ?? model.tableRef?.split(":")[0] ?? "A1");
  const cols = model.columns.length;
  const header: string[] = [];
  for (let c = 0; c < cols; c++) {
    const v = toReadValue(ws.getCell(Number(start.row), Number(start.col) + c).value);
    header.push(v === null ? "" : String(v));
  }
  // A table knows its rows (empty ones too, as Excel reports them); one that does not ends at the first empty row.
  const known = loaded && !model.ref ? loaded.rows - 1 - (model.totalsRow ? 1 : 0) : model.rows?.length;
  const body: ReadValue[][] = [];
  for (let r = Number(start.row) + 1; r <= ws.rowCount; r++) {
    if (known !== undefined && body.length >= known) break;
    const row: ReadValue[] = [];
    for (let c = 0; c < cols; c++) row.push(toReadValue(ws.getCell(r, Number(start.col) + c).value));
    if (known === undefined && row.every((v) => v === null || v === "")) break;
    body.push(row);
  }
  return { header, body };
}
