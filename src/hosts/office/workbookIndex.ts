/** The worksheets and tables of the workbook, as the Office host looks at them before reading or writing. */
import type { LiveTable } from "../preflight";

export interface LiveSheet {
  name: string;
  id: string;
  proxy: Excel.Worksheet;
}

export interface LiveTableProxy extends LiveTable {
  proxy: Excel.Table;
}

export interface WorkbookIndex {
  sheets: LiveSheet[];
  tables: LiveTableProxy[];
}

/** One sync: every worksheet's name and id, every table's name and sheet. */
export async function loadWorkbookIndex(context: Excel.RequestContext): Promise<WorkbookIndex> {
  const worksheets = context.workbook.worksheets.load("items/name,items/id");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  await context.sync();
  return {
    sheets: worksheets.items.map((s) => ({ name: s.name, id: s.id, proxy: s })),
    tables: tables.items.map((t) => ({ name: t.name, sheetName: t.worksheet.name, proxy: t })),
  };
}
