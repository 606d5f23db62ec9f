import { columnRuns, exactCriterion, noteLines, signedSum, sumOf } from "../../src/sheets/budget/common";
import { projectionSheetName } from "../../src/sheets/budget/projectionSheet";
import { followUpSheetName } from "../../src/sheets/budget/followUpSheet";
import { buildBudgetCheckSheet } from "../../src/sheets/budget/budgetCheckSheet";
import { buildBudgetTableSheet } from "../../src/sheets/budget/budgetTableSheet";
import { importBudget } from "../../src/sources/budget/budgetCells";
import { budget004 } from "./fixtures/budget004";

describe("formula pieces of the budget sheets", () => {
  it("match a group name exactly in SUMIFS, wildcards and comparison signs included", () => {
    expect(exactCriterion("Kansli och styrelse")).toBe('"Kansli och styrelse"');
    expect(exactCriterion('Projekt "A"* ?~')).toBe('"Projekt ""A""~* ~?~~"');
    expect(exactCriterion("<50 tkr")).toBe('"=<50 tkr"');
    expect(exactCriterion("2021")).toBe('"=2021"');
    expect(exactCriterion("")).toBeNull();
    expect(exactCriterion("x".repeat(256))).toBeNull();
  });

  it("add up signed terms and ranges", () => {
    expect(signedSum([])).toBe("0");
    expect(signedSum([{ coef: -1, expr: "A1" }, { coef: 1, expr: "B2" }, { coef: -1, expr: "C3" }])).toBe("-A1+B2-C3");
    expect(columnRuns("B", [7, 8, 9, 12, 14, 15])).toEqual(["B7:B9", "B12", "B14:B15"]);
    expect(sumOf([])).toBe("0");
    expect(sumOf(Array.from({ length: 450 }, (_, i) => `A${i + 1}`)).split("SUM(")).toHaveLength(4);
  });

  it("split long notes at spaces", () => {
    expect(noteLines("ett två tre fyra", 8)).toEqual(["ett två", "tre fyra"]);
    expect(noteLines("", 8)).toEqual([""]);
  });

  it("name the sheets", () => {
    expect(projectionSheetName([2022, 2023, 2024])).toBe("Budget 2022–2024");
    expect(projectionSheetName([2022])).toBe("Budget 2022");
    expect(followUpSheetName(" jan–jun 2021 ")).toBe("Uppföljning jan–jun 2021");
  });
});

describe("the Budget and Budgetkontroll specs for 004", () => {
  const imp = importBudget({ origin: { row: 0, col: 0 }, values: budget004 });
  const today = new Date("2026-11-23");

  it("puts one table row per post and year under the header", () => {
    const spec = buildBudgetTableSheet({ imp, forbund: "F", kalla: "test", today });
    expect(spec.tables).toEqual([{ name: "Samkalk_Budget", range: { row: 4, col: 0, rows: 97, cols: 9 }, style: "TableStyleLight9" }]);
    expect(spec.kind).toBe("budget");
  });

  it("gives every check a row, the failed one with the importer's amounts as expected values", () => {
    const { spec, layout } = buildBudgetCheckSheet({ imp, forbund: "F", kalla: "test", today });
    const cells = spec.blocks[0].cells;
    expect(layout.lastRow - layout.firstRow + 1).toBe(30);
    const fel = cells.filter((r) => r[6]?.kind === "formula" && r[6].expected === "FEL");
    expect(fel).toHaveLength(1);
    expect(fel[0].slice(0, 5).map((c) => (c.kind === "formula" ? c.expected : c.kind === "text" ? c.text : c.kind === "number" ? c.value : ""))).toEqual([
      "Kommunernas medlemsavgifter", 2021, "B6:B11", 2844, 2845,
    ]);
    // Summa kostnader is recomputed from the typed sub-totals on the same sheet, as the importer does.
    const sumK = cells.find((r) => r[0]?.kind === "text" && r[0].text === "Summa kostnader")!;
    expect(sumK[4]).toMatchObject({ kind: "formula", formula: expect.stringMatching(/^D\d+\+D\d+\+D\d+$/), expected: -12635 });
  });
});
