import type { BudgetRad } from "../../domain/budget/types";
import type { BudgetImport } from "../../domain/budget/importTypes";
import { Cell, SheetSpec } from "../spec";
import { cellAddress, columnLetters } from "../../domain/a1";
import { amountFormat, empty, isoDate, num, sheetRef, text } from "../cells";
import { YEAR_FORMAT, money, noteLines } from "./common";
import { portraitPrint } from "../print";
import { maxOf } from "../../domain/arrays";

/**
 * The "Budget" sheet: the imported budget as a structured Excel table (Samkalk_Budget), one row per post
 * and year, costs negative. The Budgetkontroll sheet and the projection read it.
 */

export const BUDGET_SHEET = "Budget";
export const BUDGET_TABLE = "Samkalk_Budget";
export const BUDGET_COLUMNS = ["Sektion", "Grupp", "Post", "År", "Belopp", "Enhet", "Medlem", "Medlemskod", "Källcell"] as const;
/** 0-based row of the table's header; the data starts on the row below. */
export const BUDGET_HEADER_ROW = 4;

export const SEKTION_TEXT = { intäkter: "Intäkter", kostnader: "Kostnader" } as const;

const COL = Object.fromEntries(BUDGET_COLUMNS.map((c, i) => [c, i])) as Record<(typeof BUDGET_COLUMNS)[number], number>;

/** The largest number of decimals of the imported amounts (0 for whole kr or tkr). */
export function importDecimals(imp: BudgetImport): number {
  return Math.max(0, maxOf(imp.rader.map((r) => r.belopp.decimals)), maxOf(imp.struktur.flatMap((l) => l.belopp.map((a) => a.decimals))));
}

/** Absolute references into the Budget table, for formulas on other sheets. */
export interface BudgetTableRefs {
  /** Whole data column, e.g. 'Budget'!$E$6:$E$101. */
  column(name: (typeof BUDGET_COLUMNS)[number]): string;
  /** The Belopp cell of row i of `imp.rader`. */
  beloppCell(i: number): string;
}

export function budgetTableRefs(rows: number): BudgetTableRefs {
  const first = BUDGET_HEADER_ROW + 1;
  const last = first + Math.max(rows, 1) - 1;
  const p = sheetRef(BUDGET_SHEET);
  return {
    column: (name) => {
      const c = columnLetters(COL[name]);
      return `${p}$${c}$${first + 1}:$${c}$${last + 1}`;
    },
    beloppCell: (i) => `${p}${cellAddress(first + i, COL.Belopp, true)}`,
  };
}

export interface BudgetTableSheetInput {
  imp: BudgetImport;
  forbund: string;
  /** Where the budget was read from: "Blad1!A1:D51", "budget.csv". */
  kalla: string;
  today: Date;
}

function rowCells(r: BudgetRad, format: string): Cell[] {
  return [
    text(SEKTION_TEXT[r.sektion]),
    r.grupp ? text(r.grupp) : empty(),
    text(r.post),
    num(r.ar, undefined, YEAR_FORMAT),
    num(money(r.belopp), undefined, format),
    text(r.enhet),
    r.medlem ? text(r.medlem) : empty(),
    r.medlemskod ? text(r.medlemskod) : empty(),
    text(r.cell),
  ];
}

export function buildBudgetTableSheet(input: BudgetTableSheetInput): SheetSpec {
  const { imp } = input;
  const format = amountFormat(importDecimals(imp));
  const datum = isoDate(input.today);
  const n = imp.rader.length;
  const lastRow = BUDGET_HEADER_ROW + n;
  return {
    name: BUDGET_SHEET,
    kind: "budget",
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [text(`Budget ${imp.ar[0]}–${imp.ar[imp.ar.length - 1]}, inläst`, "title")],
          [text(input.forbund, "subtitle")],
          ...noteLines(
            `Inläst ${datum} med Samkalk från ${input.kalla}. Belopp i ${imp.enhet}, kostnader negativa. En rad per post och år; kontrollerna finns på bladet Budgetkontroll.`,
            120,
          )
            .slice(0, 2)
            .map((t) => [text(t, "note")]),
        ],
      },
      {
        row: BUDGET_HEADER_ROW,
        col: 0,
        cells: [BUDGET_COLUMNS.map((h) => text(h, "header")), ...imp.rader.map((r) => rowCells(r, format))],
      },
    ],
    columnWidths: [11, 26, 40, 7, 13, 6, 9, 11, 9],
    tables: [{ name: BUDGET_TABLE, range: { row: BUDGET_HEADER_ROW, col: 0, rows: n + 1, cols: BUDGET_COLUMNS.length }, style: "TableStyleLight9" }],
    validations: [],
    print: portraitPrint({ row: 0, col: 0, rows: lastRow + 1, cols: BUDGET_COLUMNS.length }, "Budget (inläst)", `${input.forbund} · utskrivet ${datum}`),
    freezeRows: BUDGET_HEADER_ROW + 1,
  };
}
