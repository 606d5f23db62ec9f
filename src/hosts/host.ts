import type { ReadValue, SheetSpec } from "../sheets/spec";
import type { RangeRef } from "../domain/a1";


/** What a host found in the workbook before a job writes: the state the job decides from. */
export interface SheetState {
  sheetName: string;
  /** A sheet with this name exists. */
  exists: boolean;
  /** It exists and Samkalk's ownership register says Samkalk wrote it (so it may be rewritten). */
  ownedBySamkalk: boolean;
  /** Data-body values of the requested tables that exist on that sheet (header row excluded). */
  tables: Record<string, ReadValue[][]>;
  /** Header rows of those tables, as text. */
  tableHeaders: Record<string, string[]>;
  /**
   * For a sheet Samkalk owns: true if its contents differ from what Samkalk last wrote there (the user
   * edited it), false if not, null if that cannot be told (no fingerprint recorded).
   */
  editedSinceWritten: boolean | null;
  /** The sheet is protected (Excel refuses writes to it); absent: the host has no protection (a file). */
  protected?: boolean;
  /** The workbook's structure is protected (no sheet can be added or renamed); absent: no protection. */
  structureProtected?: boolean;
}

/** The cells a user has selected, for importing pasted data. */
export interface Selection {
  sheetName: string;
  /** A1 address of the selection's top-left cell on its sheet, e.g. "B3". */
  topLeft: string;
  /** 0-based position of the top-left cell. */
  row: number;
  col: number;
  values: ReadValue[][];
  /**
   * Merged areas that overlap the selection, in 0-based sheet coordinates (whole areas, which may reach
   * beyond the selection). Absent: the host cannot tell (e.g. Excel without ExcelApi 1.13); [] : none.
   */
  merged?: RangeRef[];
}

export interface WriteReport {
  sheetName: string;
  /** context.sync() calls the write took (Office host), 0 for file hosts. */
  syncs: number;
  /** Largest single request payload in bytes (Office host estimate), 0 for file hosts. */
  largestPayloadBytes: number;
  created: boolean;
}

/**
 * The only door between Samkalk's jobs and a workbook. The Office.js host implements it with a constant
 * number of context.sync() calls per sheet; the xlsx host implements it over an exceljs workbook.
 */
export interface WorkbookHost {
  /** Reads the sheet's existence, ownership and the data bodies of the named tables. */
  inspectSheet(sheetName: string, tableNames: string[]): Promise<SheetState>;
  /**
   * Several sheets' states at once, as inspectSheet reads each (optional: a host whose round trips are
   * costly reads them together; the use cases fall back to inspectSheet).
   */
  inspectSheets?(requests: Array<{ sheetName: string; tableNames: string[] }>): Promise<SheetState[]>;
  /**
   * The state of every sheet in the workbook (a name not among them is not there), each as inspectSheet
   * reads it, with the tables `tables` asks for on the sheets that exist. Optional: a host whose round trips
   * are costly looks at the whole workbook at once (the board pack does, before its steps).
   */
  inspectWorkbook?(tables: Array<{ sheetName: string; tableNames: string[] }>): Promise<SheetState[]>;
  /**
   * Writes the specs in order, as writeSheet writes each, sharing round trips between sheets (optional;
   * the use cases fall back to writeSheet). `order`: then puts these sheets first, as orderSheets does,
   * in the write's own round trips where it can.
   */
  writeSheets?(items: Array<{ spec: SheetSpec; state: SheetState }>, options?: { order?: string[] }): Promise<WriteReport[]>;
  /**
   * Writes the sheet. Rewrites a sheet only if `state.ownedBySamkalk`; refuses (throws) if a sheet of that
   * name exists and is not Samkalk's. Registers the sheet as Samkalk's.
   */
  writeSheet(spec: SheetSpec, state: SheetState): Promise<WriteReport>;
  /**
   * Inspects one sheet and writes the spec `decide` makes of its state, as inspectSheet and writeSheet do,
   * sharing their round trips (optional: the use cases go through usecases/writeSheets inspectAndWrite,
   * which falls back to the two). `decide` returns null, or throws, to write nothing. The report counts
   * every sync of the call.
   */
  inspectAndWrite?(
    request: { sheetName: string; tableNames: string[] },
    decide: (state: SheetState) => SheetSpec | null,
  ): Promise<{ state: SheetState; report: WriteReport | null }>;
  /**
   * Keeps an owned sheet the user has edited as the user's own: renames it to `newName` and removes it
   * from the ownership register, so Samkalk never writes to it again. Then a fresh sheet can be written.
   */
  keepAsUserCopy(sheetName: string, newName: string): Promise<void>;
  /**
   * Puts the named sheets first, in this order (a pack's contents page first); other sheets follow as they
   * were. Optional: a host without it leaves sheets where they were written.
   */
  orderSheets?(names: string[]): Promise<void>;
  /** Shows the named sheet to the user (only where there is a user: the Office host). */
  activateSheet?(name: string): Promise<void>;
  /** The user's current selection (only where there is a user: the Office host). */
  readSelection?(): Promise<Selection>;
}

/** Job settings stored in the workbook so everyone who opens it sees the same choices. */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): Promise<void>;
}
