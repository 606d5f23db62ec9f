/**
 * A workbook the xlsx host wrote, as Excel shows it once opened: the same sheets in the same order and
 * visibility (the command line's *Samkalk data* very hidden), each cell's formula or constant as Excel reads
 * it from the file (a date as its serial number), and the tables with their names and ranges.
 */
import type ExcelJS from "exceljs";
import { FakeOffice, createFakeOffice } from "./excelFake";

function excelInput(v: ExcelJS.CellValue, formula: string | undefined): string | number | boolean | null {
  if (formula) return `=${formula}`;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  // A text cell stays text (an apostrophe keeps "12" or "=…" from being read as a number or a formula).
  if (typeof v === "string") return v === "" ? null : `'${v}`;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if ("richText" in v) return `'${v.richText.map((t) => t.text).join("")}`;
  if ("error" in v) return null;
  if ("text" in v) return `'${String(v.text)}`;
  throw new Error(`cell value the loader does not know: ${JSON.stringify(v)}`);
}

export function fakeFromXlsx(wb: ExcelJS.Workbook): FakeOffice {
  const sheets = wb.worksheets;
  const fake = createFakeOffice({ sheets: sheets.map((ws) => ws.name) });
  for (const ws of sheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const input = excelInput(cell.value, cell.formula || undefined);
        if (input !== null) fake.user.editCell(ws.name, cell.address, input);
      }),
    );
    for (const t of ws.getTables()) {
      const model = (t as unknown as { table: { name: string; tableRef?: string; ref?: string } }).table;
      fake.user.addTable(ws.name, model.tableRef ?? model.ref ?? "", model.name);
    }
  }
  for (const ws of sheets) if (ws.state === "veryHidden" || ws.state === "hidden") fake.user.hideSheet(ws.name, ws.state === "veryHidden" ? "VeryHidden" : "Hidden");
  return fake;
}
