/**
 * Sheet specs: a declarative, host-independent description of what Samkalk writes into a workbook.
 * Builders in src/sheets produce them from domain results; hosts (Office.js, xlsx) render them.
 * All coordinates are 0-based (row 0 = Excel row 1, col 0 = column A).
 */
import type { RangeRef } from "../domain/a1";


/** Named visual roles. Each host maps a role to fonts, fills and borders. */
export type CellStyle =
  | "title"
  | "subtitle"
  | "label"
  | "header"
  | "input"
  | "total"
  | "check"
  | "note"
  | "helper"
  /** Section heading inside a sheet (bold, a size up). */
  | "heading"
  /** Long text: wrapped, top-aligned; hosts fit the row height to it. */
  | "wrap"
  /** Status colours (fills): done / under way but watch / problem / informational / inactive. */
  | "good"
  | "neutral"
  | "bad"
  | "info"
  | "muted"
  /** Something that changed since the previous report (bold on a light orange fill). */
  | "changed";

/**
 * One cell. `text` is always written as text, never evaluated: hosts must make sure that a text
 * starting with `=`, `+`, `-` or `@` cannot become a formula.
 * `formula` is written without the leading `=`, in English function names and A1 references.
 * `expected` is the value the domain computed for a formula: the xlsx host stores it as the cached
 * result, and tests compare a recalculating engine's value with it.
 */
export type Cell =
  | { kind: "empty"; style?: CellStyle; format?: string }
  | { kind: "text"; text: string; style?: CellStyle; format?: string }
  | { kind: "number"; value: number; style?: CellStyle; format?: string }
  | { kind: "formula"; formula: string; expected?: number | string; style?: CellStyle; format?: string };

/** A rectangular block of cells written in one go. Rows may be ragged; missing cells are left alone. */
export interface Block {
  row: number;
  col: number;
  cells: Cell[][];
}

/** An Excel table over a range whose first row holds the headers (written by a block). */
export interface TableSpec {
  name: string;
  range: RangeRef;
  /** Excel built-in table style name. */
  style: string;
}

export type ValidationRule =
  | { kind: "list"; values: string[] }
  | { kind: "wholeNumber"; min: number; max?: number }
  | { kind: "decimal"; min: number; max?: number };

export interface ValidationSpec {
  range: RangeRef;
  rule: ValidationRule;
  /** Shown by Excel when the user types something the rule refuses. */
  errorMessage: string;
}

export interface PrintSpec {
  orientation: "portrait" | "landscape";
  paper: "A4";
  fitToWidth: boolean;
  area: RangeRef;
  /** Plain texts; each host turns them into its own header/footer codes. */
  headerCenter: string;
  footerLeft: string;
  /** Page numbers ("sida 1 av 2") are added by the host at footer right. */
  pageNumbers: boolean;
  /** The whole area on one page, also in height (the board's one-page summary); otherwise one page wide only. */
  onePage?: boolean;
}

export type SheetKind =
  | "medlemsavgifter"
  | "initiativ-indata"
  | "initiativ-oversikt"
  | "initiativ-status"
  | "initiativ-historik"
  | "budget" | "budget-kontroll" | "budget-projektion" | "budget-uppfoljning"
  | "scb-tabell"
  | "scb-kallor"
  | "helarsekvivalenter"
  | "befolkning"
  | "statlig-tilldelning"
  | "innehall" | "sammanfattning" | "forbundsprofil";

/**
 * A native Excel chart over a range of the same sheet. The range's first row holds the series names
 * and its first column the category labels (as text: numbers there would become a series of their own).
 * Both hosts write them as native, editable charts (the xlsx host adds the chart parts to the file itself).
 */
export interface ChartSpec {
  /** Name of the chart object in Excel, unique on the sheet. */
  name: string;
  type: "line" | "columnStacked";
  title: string;
  /** Header row + category column + values, on this sheet. */
  source: RangeRef;
  /** "columns": one series per column of `source` (after the category column). */
  seriesBy: "columns" | "rows";
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  /** The cells the chart covers (top-left to bottom-right). */
  position: RangeRef;
}

export interface SheetSpec {
  name: string;
  /** What Samkalk job owns the sheet, recorded in the workbook's ownership register. */
  kind: SheetKind;
  blocks: Block[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  tables: TableSpec[];
  validations: ValidationSpec[];
  print: PrintSpec;
  /** Rows frozen at the top. */
  freezeRows?: number;
  /** Native charts. */
  charts?: ChartSpec[];
  /**
   * Cells the user types into and the job reads back and keeps on a re-run (the projection's assumptions):
   * a value typed there does not make the sheet count as edited; a formula there still does.
   */
  typedCells?: RangeRef[];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

/** A cell value as read back from a workbook. */
export type ReadValue = string | number | boolean | null;
