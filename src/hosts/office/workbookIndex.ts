/** The worksheets and tables of the workbook, as the Office host looks at them before reading or writing. */
import type { LiveTable } from "../preflight";

export interface LiveSheet {
  name: string;
  id: string;
  /** Sheet protection is on (Review > Protect Sheet): Excel refuses every write to it. */
  protected: boolean;
  /** Excel.SheetVisibility: "Visible", "Hidden" or "VeryHidden" (the command line's data sheet). */
  visibility: string;
  proxy: Excel.Worksheet;
}

export interface LiveTableProxy extends LiveTable {
  proxy: Excel.Table;
}

export interface WorkbookIndex {
  sheets: LiveSheet[];
  tables: LiveTableProxy[];
  /** The workbook's structure is protected: no sheet can be added, renamed or deleted. */
  structureProtected: boolean;
}

/** One sync: every worksheet's name, id, visibility and protection, every table's name and sheet, the workbook's protection. */
export async function loadWorkbookIndex(context: Excel.RequestContext): Promise<WorkbookIndex> {
  const worksheets = context.workbook.worksheets.load("items/name,items/id,items/visibility,items/protection/protected");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  const workbook = context.workbook.protection.load("protected");
  await context.sync();
  return {
    sheets: worksheets.items.map((s) => ({ name: s.name, id: s.id, protected: s.protection.protected, visibility: String(s.visibility), proxy: s })),
    tables: tables.items.map((t) => ({ name: t.name, sheetName: t.worksheet.name, proxy: t })),
    structureProtected: workbook.protected,
  };
}
