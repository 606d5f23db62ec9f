import ExcelJS from "exceljs";
import { saveWorkbookSafely, type SaveOptions } from "./safeSave";
import type { SheetState, WorkbookHost, WriteReport } from "../host";
import type { ReadValue, SheetKind, SheetSpec } from "../../sheets/spec";
import { notOwnedMessage, tableConflictMessage } from "../preflight";
import { sameSheetName } from "../../domain/excelNames";
import { userCopyProblem, userCopyTableNames } from "../userCopy";
import { worksheetFingerprint } from "./xlsxFingerprint";
import { typedAddress } from "../contentFingerprint";
import { renderSheet } from "./renderSheet";
import { readTable, sheetTables, tableMap } from "./xlsxTables";
import { addChartParts } from "./chartParts";

export { worksheetFingerprint } from "./xlsxFingerprint";

/** What the xlsx host remembers of a sheet it wrote (kept in memory, by worksheet object). */
interface OwnedXlsxSheet {
  kind: SheetKind;
  /** contentFingerprint of the sheet right after the write. */
  fingerprint: string;
  /** The spec's typed cells (typedAddress), whose constants the fingerprint leaves out. */
  typed?: string;
}

/**
 * Renders sheet specs into an exceljs workbook, for the command line and for tests (LibreOffice
 * recalculates the result). Formulas are written with the domain's value as cached result so that
 * viewers which do not recalculate still show the right numbers.
 *
 * Its ownership register lives in memory, by worksheet object (which survives renames; exceljs reuses
 * the ids of removed sheets), with a fingerprint of each sheet's contents as exceljs holds them (formula
 * text, else the value), so that edits made to the workbook object after the write are reported by
 * inspectSheet; a recalculated result is not one.
 *
 * Charts (`spec.charts`): exceljs cannot write charts, so the host keeps each sheet's spec and adds the
 * native chart parts to the file exceljs wrote (chartParts.ts), under the sheet's name at that time. A sheet
 * that is rewritten loses its old charts with it, as in Excel.
 */
export class XlsxWorkbookHost implements WorkbookHost {
  readonly workbook: ExcelJS.Workbook;
  private readonly owned = new Map<ExcelJS.Worksheet, OwnedXlsxSheet>();
  /** The spec each sheet with charts was written from (its charts and the values they cache). */
  private readonly charted = new Map<ExcelJS.Worksheet, SheetSpec>();

  constructor(workbook?: ExcelJS.Workbook) {
    this.workbook = workbook ?? new ExcelJS.Workbook();
    if (!workbook) {
      this.workbook.creator = "Samkalk";
      this.workbook.created = new Date();
    }
  }

  /** By name, ignoring case as Excel does. */
  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((ws) => sameSheetName(ws.name, name));
  }

  async inspectSheet(sheetName: string, tableNames: string[]): Promise<SheetState> {
    const ws = this.findSheet(sheetName);
    if (!ws) return { sheetName, exists: false, ownedBySamkalk: false, tables: {}, tableHeaders: {}, editedSinceWritten: null };
    const tables: Record<string, ReadValue[][]> = {};
    const tableHeaders: Record<string, string[]> = {};
    for (const name of tableNames) {
      const table = readTable(ws, name);
      if (table) {
        tables[name] = table.body;
        tableHeaders[name] = table.header;
      }
    }
    const entry = this.owned.get(ws);
    return {
      sheetName,
      exists: true,
      ownedBySamkalk: entry !== undefined,
      tables,
      tableHeaders,
      editedSinceWritten: entry ? worksheetFingerprint(ws, entry.typed) !== entry.fingerprint : null,
    };
  }

  async writeSheet(spec: SheetSpec, state: SheetState): Promise<WriteReport> {
    const existing = this.findSheet(spec.name);
    if (existing && (!state.ownedBySamkalk || !this.owned.has(existing))) throw new Error(notOwnedMessage(spec.name));
    const live = this.workbook.worksheets.flatMap((ws) => sheetTables(ws).map((t) => ({ name: t.name, sheetName: ws.name })));
    const conflict = tableConflictMessage(spec, live, existing?.name ?? null);
    if (conflict) throw new Error(conflict);
    if (existing) {
      this.owned.delete(existing);
      this.charted.delete(existing);
      this.workbook.removeWorksheet(existing.id);
    }
    const ws = this.workbook.addWorksheet(spec.name);
    renderSheet(ws, spec);
    if (spec.charts && spec.charts.length > 0) this.charted.set(ws, spec);
    const typed = typedAddress(spec.typedCells);
    this.owned.set(ws, { kind: spec.kind, fingerprint: worksheetFingerprint(ws, typed), ...(typed ? { typed } : {}) });
    return { sheetName: spec.name, syncs: 0, largestPayloadBytes: 0, created: !existing };
  }

  async keepAsUserCopy(sheetName: string, newName: string): Promise<void> {
    const ws = this.findSheet(sheetName);
    const names = this.workbook.worksheets.map((w) => w.name);
    const problem = userCopyProblem(sheetName, newName, names, ws !== undefined && this.owned.has(ws));
    if (problem || !ws) throw new Error(problem ?? `Bladet "${sheetName}" finns inte i arbetsboken.`);
    const all = this.workbook.worksheets.flatMap((w) => sheetTables(w).map((t) => t.name));
    const mine = sheetTables(ws);
    const renamed = userCopyTableNames(mine.map((t) => t.name), all);
    ws.name = newName; // first: exceljs may still refuse it, and then nothing has changed
    const byName = tableMap(ws);
    for (const t of mine) {
      const name = renamed.get(t.name) ?? t.name;
      delete byName[t.name];
      t.table.name = name;
      if (t.table.displayName !== undefined) t.table.displayName = name;
      byName[name] = t;
    }
    this.owned.delete(ws);
  }

  async orderSheets(names: string[]): Promise<void> {
    const sheets = this.workbook.worksheets;
    const first = names.map((n) => this.findSheet(n)).filter((ws): ws is ExcelJS.Worksheet => ws !== undefined);
    const rest = sheets.filter((ws) => !first.includes(ws));
    [...first, ...rest].forEach((ws, i) => {
      (ws as ExcelJS.Worksheet & { orderNo: number }).orderNo = i;
    });
  }

  /** Writes the file safely (safeSave.ts): never over an input, a non-workbook or the user's own sheets. */
  async save(file: string, opts: SaveOptions = {}): Promise<void> {
    await saveWorkbookSafely(this.workbook, file, opts, () => this.toBuffer());
  }

  /** The workbook as .xlsx bytes, with its sheets' charts. */
  async toBuffer(): Promise<Buffer> {
    const bytes = Buffer.from(await this.workbook.xlsx.writeBuffer());
    const sheets = [...this.charted]
      .filter(([ws]) => this.workbook.worksheets.includes(ws))
      .map(([ws, spec]) => ({ sheetName: ws.name, spec, charts: spec.charts ?? [] }));
    return addChartParts(bytes, sheets);
  }
}
