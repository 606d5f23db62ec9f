/** In-memory worksheet state for the Excel fake: cells, formats, widths, validation, page layout. */
import { CellContent, ScalarValue } from "./fakeCellInput";
import { Rect, containsCell, intersects, sameRect, subtractRect } from "./fakeAddress";

export interface BorderLine {
  style: string;
  weight: string;
}

export interface CellFormat {
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  size: number;
  fontColor: string;
  fill: string | null;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borderTop: BorderLine | null;
  borderBottom: BorderLine | null;
  borderLeft: BorderLine | null;
  borderRight: BorderLine | null;
}

export const DEFAULT_FORMAT: Readonly<CellFormat> = Object.freeze({
  numberFormat: "General",
  bold: false,
  italic: false,
  size: 11,
  fontColor: "#000000",
  fill: null,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  borderTop: null,
  borderBottom: null,
  borderLeft: null,
  borderRight: null,
});

export interface CellData {
  value: ScalarValue;
  formula: string | null;
  /** Shared DEFAULT_FORMAT until the cell is formatted (copy on write keeps 500 000 cells cheap). */
  format: Readonly<CellFormat>;
}

export type ValidationRuleValue = Record<string, unknown>;

export interface ErrorAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

export interface ValidationArea {
  rect: Rect;
  rule: ValidationRuleValue | null;
  errorAlert: ErrorAlert;
}

export const DEFAULT_ERROR_ALERT: Readonly<ErrorAlert> = Object.freeze({
  showAlert: true,
  style: "Stop",
  title: "",
  message: "",
});

export interface HeadersFooters {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  centerVertically: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: string | null;
  headersFooters: HeadersFooters;
}

/** Excel's standard column width (8.43 characters of Calibri 11 = 64 px) in points. */
export const STANDARD_COLUMN_WIDTH = 48;

/** Excel's standard row height (one line of Calibri 11) in points. */
export const STANDARD_ROW_HEIGHT = 15;

export class SheetModel {
  readonly cells = new Map<number, Map<number, CellData>>();
  readonly columnWidths = new Map<number, number>();
  /** Heights in points of rows whose height was set or autofit; others have STANDARD_ROW_HEIGHT. */
  readonly rowHeights = new Map<number, number>();
  /** The selected cells of this sheet (each sheet keeps its own selection; A1 at first). */
  selection: Rect = { row: 0, col: 0, rows: 1, cols: 1 };
  validations: ValidationArea[] = [];
  /** Merged areas (set by the test through `user.merge`; the add-in cannot merge in this fake). */
  merged: Rect[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  visibility = "Visible";
  deleted = false;
  /** Protected (Review > Protect Sheet): the add-in's writes to its cells, tables and layout fail. */
  protected = false;
  /** The batch whose `worksheets.add` made the sheet (-1: there from the start or added by the user). */
  addedInBatch = -1;
  pageLayout: PageLayoutState = {
    orientation: "Portrait",
    paperSize: "Letter",
    centerHorizontally: false,
    centerVertically: false,
    zoom: { scale: 100 },
    printArea: null,
    headersFooters: {
      leftHeader: "",
      centerHeader: "",
      rightHeader: "",
      leftFooter: "",
      centerFooter: "",
      rightFooter: "",
    },
  };

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, col: number): CellData | undefined {
    return this.cells.get(row)?.get(col);
  }

  private cellForWrite(row: number, col: number): CellData {
    let line = this.cells.get(row);
    if (!line) {
      line = new Map();
      this.cells.set(row, line);
    }
    let cell = line.get(col);
    if (!cell) {
      cell = { value: "", formula: null, format: DEFAULT_FORMAT };
      line.set(col, cell);
    }
    return cell;
  }

  private dropIfBlank(row: number, col: number): void {
    const line = this.cells.get(row);
    const cell = line?.get(col);
    if (line && cell && cell.value === "" && cell.formula === null && cell.format === DEFAULT_FORMAT) {
      line.delete(col);
      if (line.size === 0) this.cells.delete(row);
    }
  }

  setContent(row: number, col: number, content: CellContent): void {
    const cell = this.cellForWrite(row, col);
    cell.value = content.value;
    cell.formula = content.formula;
    this.dropIfBlank(row, col);
  }

  updateFormat(row: number, col: number, patch: Partial<CellFormat>): void {
    const cell = this.cellForWrite(row, col);
    cell.format = { ...cell.format, ...patch };
    this.dropIfBlank(row, col);
  }

  /** Calls `fn` for every stored cell inside `rect` (never walks the empty part of a huge rect). */
  forEachStoredCell(rect: Rect, fn: (row: number, col: number, cell: CellData) => void): void {
    for (const [row, line] of this.cells) {
      if (row < rect.row || row >= rect.row + rect.rows) continue;
      for (const [col, cell] of line) if (containsCell(rect, row, col)) fn(row, col, cell);
    }
  }

  clear(rect: Rect, applyTo: "All" | "Formats" | "Contents"): void {
    const touched: Array<[number, number]> = [];
    this.forEachStoredCell(rect, (row, col, cell) => {
      if (applyTo !== "Formats") {
        cell.value = "";
        cell.formula = null;
      }
      if (applyTo !== "Contents") cell.format = DEFAULT_FORMAT;
      touched.push([row, col]);
    });
    for (const [row, col] of touched) this.dropIfBlank(row, col);
  }

  /** Bounding box of cells with content (and, unless valuesOnly, formats). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (const [row, line] of this.cells) {
      for (const [col, cell] of line) {
        const hasValue = cell.value !== "" || cell.formula !== null;
        if (!hasValue && (valuesOnly || cell.format === DEFAULT_FORMAT)) continue;
        r0 = Math.min(r0, row);
        r1 = Math.max(r1, row);
        c0 = Math.min(c0, col);
        c1 = Math.max(c1, col);
      }
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  setValidationRule(rect: Rect, rule: ValidationRuleValue): void {
    const exact = this.validations.find((v) => sameRect(v.rect, rect));
    if (exact) {
      exact.rule = rule;
      return;
    }
    this.carveOut(rect);
    this.validations.push({ rect, rule, errorAlert: { ...DEFAULT_ERROR_ALERT } });
  }

  setErrorAlert(rect: Rect, alert: ErrorAlert): void {
    const exact = this.validations.find((v) => sameRect(v.rect, rect));
    if (exact) {
      exact.errorAlert = alert;
      return;
    }
    this.carveOut(rect);
    this.validations.push({ rect, rule: null, errorAlert: alert });
  }

  clearValidation(rect: Rect): void {
    this.carveOut(rect);
  }

  private carveOut(rect: Rect): void {
    this.validations = this.validations.flatMap((v) =>
      intersects(v.rect, rect) ? subtractRect(v.rect, rect).map((r) => ({ ...v, rect: r })) : [v],
    );
  }
}
