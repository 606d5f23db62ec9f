import type ExcelJS from "exceljs";
import { Workbook } from "./exceljsWorkbook";
import { looksLikeWorkbook, saveWorkbookSafely, workbookSizeMessage, type SaveOptions } from "./safeSave";
import fs from "node:fs";
import path from "node:path";
import { InputError } from "../../domain/errors";
import type { SettingsStore, SheetState, WorkbookHost, WriteReport } from "../host";
import { OWNED_KEY, isDataSheet, parseXlsxOwned, readDocumentStore, writeDocumentStore, type XlsxOwnedSheet } from "./xlsxDocumentStore";
import type { ReadValue, SheetKind, SheetSpec } from "../../sheets/spec";
import { assertWithinExcelLimits, notOwnedMessage, tableConflictMessage } from "../preflight";
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
 * inspectSheet; a recalculated result is not one. `save` stores the register and the jobs' settings in the
 * file (xlsxDocumentStore.ts) and `open` reads them back, so the command line updates a workbook as the
 * add-in does: only Samkalk's sheets are rewritten, the user's own sheets and typed inputs are kept.
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
  /** The document settings kept in the file (the jobs' settings and, on save, the register). */
  private readonly stored: Map<string, unknown>;
  /** The jobs' settings in this workbook, as the add-in keeps them in its document settings. */
  readonly settings: SettingsStore;
  /** The file this workbook was read from, as it was then (see SaveOptions.openedAs). */
  private openedFrom: { file: string; size: number; mtimeMs: number } | null = null;

  constructor(workbook?: ExcelJS.Workbook) {
    this.workbook = workbook ?? new Workbook();
    if (!workbook) {
      this.workbook.creator = "Samkalk";
      this.workbook.created = new Date();
    }
    // exceljs reads a first page number of 1 into every sheet and writes it back as set, which restarts each
    // sheet's page numbers when the workbook is printed whole: kept only where the file set one.
    for (const ws of this.workbook.worksheets) {
      const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & { useFirstPageNumber?: boolean };
      if (setup.useFirstPageNumber !== true) delete setup.firstPageNumber;
    }
    this.stored = readDocumentStore(this.workbook);
    for (const entry of parseXlsxOwned(this.stored.get(OWNED_KEY))) {
      const ws = this.workbook.worksheets.find((w) => String(w.id) === entry.id && !isDataSheet(w));
      if (ws) this.owned.set(ws, { kind: entry.kind as SheetKind, fingerprint: entry.fingerprint, ...(entry.typed ? { typed: entry.typed } : {}) });
    }
    this.settings = {
      get: (key) => this.stored.get(key),
      set: async (key, value) => {
        this.stored.set(key, value);
      },
    };
  }

  /**
   * The host for writing `file` (the command line's --out): the workbook already there, with what Samkalk stored
   * in it, so that only Samkalk's sheets are replaced; a new workbook when there is none, when it is not a
   * workbook (saving then refuses to replace it) or when the user asked to replace the whole file (`force`).
   */
  static async forOutput(file: string, force = false): Promise<XlsxWorkbookHost> {
    if (force || !looksLikeWorkbook(file)) return new XlsxWorkbookHost();
    const tooLarge = workbookSizeMessage(file);
    if (tooLarge) throw new InputError([{ plats: file, meddelande: tooLarge }]);
    try {
      return await XlsxWorkbookHost.open(file);
    } catch {
      return new XlsxWorkbookHost();
    }
  }

  /** The workbook in `file`, with the register and settings Samkalk stored in it (none for a workbook it never wrote). */
  static async open(file: string): Promise<XlsxWorkbookHost> {
    const stat = fs.statSync(file);
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    const host = new XlsxWorkbookHost(wb);
    host.openedFrom = { file, size: stat.size, mtimeMs: stat.mtimeMs };
    return host;
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
    assertWithinExcelLimits(spec);
    const existing = this.findSheet(spec.name);
    if (existing && (!state.ownedBySamkalk || !this.owned.has(existing))) throw new Error(notOwnedMessage(spec.name));
    const live = this.workbook.worksheets.flatMap((ws) => sheetTables(ws).map((t) => ({ name: t.name, sheetName: ws.name })));
    const conflict = tableConflictMessage(spec, live, existing?.name ?? null);
    if (conflict) throw new Error(conflict);
    // exceljs orders sheets by orderNo (not typed): a rewritten sheet keeps its place among the user's sheets.
    const place = existing ? (existing as unknown as { orderNo: number }).orderNo : undefined;
    if (existing) {
      this.owned.delete(existing);
      this.charted.delete(existing);
      this.workbook.removeWorksheet(existing.id);
    }
    const ws = this.workbook.addWorksheet(spec.name);
    if (place !== undefined) (ws as unknown as { orderNo: number }).orderNo = place;
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
    const register: XlsxOwnedSheet[] = [];
    for (const [ws, o] of this.owned) {
      if (this.workbook.worksheets.includes(ws)) register.push({ id: String(ws.id), name: ws.name, kind: o.kind, fingerprint: o.fingerprint, ...(o.typed ? { typed: o.typed } : {}) });
    }
    this.stored.set(OWNED_KEY, register);
    writeDocumentStore(this.workbook, this.stored);
    const from = this.openedFrom;
    const same = from !== null && path.resolve(from.file) === path.resolve(file);
    await saveWorkbookSafely(this.workbook, file, same ? { ...opts, openedAs: { size: from.size, mtimeMs: from.mtimeMs } } : opts, () => this.toBuffer());
  }

  /** The workbook as .xlsx bytes, with its sheets' charts. */
  async toBuffer(): Promise<Buffer> {
    return this.withCharts(Buffer.from(await this.workbook.xlsx.writeBuffer()));
  }

  /**
   * `bytes` (this workbook as exceljs wrote it, or a copy of it with the same sheet names, such as the board
   * pack's print copy) with this workbook's native charts added to the sheets of those names.
   */
  async withCharts(bytes: Buffer): Promise<Buffer> {
    const sheets = [...this.charted]
      .filter(([ws]) => this.workbook.worksheets.includes(ws))
      .map(([ws, spec]) => ({ sheetName: ws.name, spec, charts: spec.charts ?? [] }));
    return addChartParts(bytes, sheets);
  }
}
