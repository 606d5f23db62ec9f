/** Hand-made SheetSpecs for host tests (independent of the real sheet builders). */
import type { SheetState } from "../../src/hosts/host";
import type { Cell, CellStyle, SheetSpec } from "../../src/sheets/spec";

export const text = (t: string, style?: CellStyle, format?: string): Cell => ({ kind: "text", text: t, style, format });
export const num = (value: number, style?: CellStyle, format?: string): Cell => ({ kind: "number", value, style, format });
export const formula = (f: string, style?: CellStyle, format?: string): Cell => ({ kind: "formula", formula: f, style, format });
export const empty = (style?: CellStyle, format?: string): Cell => ({ kind: "empty", style, format });

export const FEE_SHEET = "Medlemsavgifter 2025";
export const FEE_TABLE = "Samkalk_Medlemsavgifter_2025";

/** What inspectSheet reports for a sheet the workbook does not have (the state to write a new sheet over). */
export const absent = (sheetName = FEE_SHEET): SheetState => ({
  sheetName,
  exists: false,
  ownedBySamkalk: false,
  tables: {},
  tableHeaders: {},
  editedSinceWritten: null,
});

/** A minimal valid spec: one title cell, no tables or validations. */
export function minimalSpec(name = FEE_SHEET, overrides: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name,
    kind: "medlemsavgifter",
    blocks: [{ row: 0, col: 0, cells: [[text(name, "title")]] }],
    columnWidths: [],
    tables: [],
    validations: [],
    print: {
      orientation: "portrait",
      paper: "A4",
      fitToWidth: true,
      area: { row: 0, col: 0, rows: 1, cols: 1 },
      headerCenter: name,
      footerLeft: "Samordningsförbundet Test",
      pageNumbers: true,
    },
    ...overrides,
  };
}

/** First data row (0-based) of feeLikeSpec's kommun table; the header is the row above. */
export const FEE_FIRST_ROW = 4;

/**
 * Shaped like the real fee sheet: title, inputs, a kommun table (kod as text "0114", name, population
 * as a yellow input, share and fee as formulas), a sum row, validations, print setup, frozen rows.
 */
export function feeLikeSpec(kommuner: number, name = FEE_SHEET): SheetSpec {
  const first = FEE_FIRST_ROW;
  const last = first + kommuner - 1;
  const rows: Cell[][] = Array.from({ length: kommuner }, (_, i) => {
    const r = first + i + 1;
    return [
      text(String(114 + i).padStart(4, "0"), "input"),
      text(`Kommun ${i + 1}`, "input"),
      num(1000 + i, "input", "#,##0"),
      formula(`C${r}/SUM($C$${first + 1}:$C$${last + 1})`, undefined, "0.0%"),
      formula(`ROUND($B$2*D${r},0)`, undefined, "#,##0"),
    ];
  });
  return {
    name,
    kind: "medlemsavgifter",
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [text(name, "title")],
          [text("Belopp (tkr)", "label"), num(11380, "input", "#,##0")],
          [text("Gula celler är indata.", "note")],
        ],
      },
      {
        row: first - 1,
        col: 0,
        cells: [
          ["Kod", "Kommun", "Befolkning", "Andel", "Avgift"].map((h) => text(h, "header")),
          ...rows,
          [
            empty("total"),
            text("Summa", "total"),
            formula(`SUM(C${first + 1}:C${last + 1})`, "total", "#,##0"),
            formula(`SUM(D${first + 1}:D${last + 1})`, "total", "0.0%"),
            formula(`SUM(E${first + 1}:E${last + 1})`, "total", "#,##0"),
          ],
        ],
      },
    ],
    columnWidths: [10, 32, 14, 14, 14],
    tables: [{ name: FEE_TABLE, range: { row: first - 1, col: 0, rows: kommuner + 1, cols: 5 }, style: "TableStyleLight9" }],
    validations: [
      {
        range: { row: first, col: 2, rows: kommuner, cols: 1 },
        rule: { kind: "wholeNumber", min: 0 },
        errorMessage: "Ange befolkningen som ett heltal, 0 eller större.",
      },
      {
        range: { row: 1, col: 1, rows: 1, cols: 1 },
        rule: { kind: "decimal", min: 0, max: 1_000_000 },
        errorMessage: "Ange beloppet som ett tal.",
      },
      {
        range: { row: 2, col: 1, rows: 1, cols: 1 },
        rule: { kind: "list", values: ["Total medlemsfinansiering", "Statens del (50 %)"] },
        errorMessage: "Välj i listan.",
      },
    ],
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      area: { row: 0, col: 0, rows: last + 2, cols: 5 },
      headerCenter: name,
      footerLeft: "Samordningsförbundet Test & Co",
      pageNumbers: true,
    },
    freezeRows: first,
  };
}

/** `rows` × `cols` of plain text, for payload-splitting tests. */
export function bigTextSpec(rows: number, cols: number, name = "Stort blad"): SheetSpec {
  const cells = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => text(`Rad ${r + 1} kolumn ${c + 1} åäö`)),
  );
  return minimalSpec(name, { blocks: [{ row: 0, col: 0, cells }] });
}
