/**
 * The Statlig tilldelning sheet as a spec: every formula carries the domain's value, uses only functions
 * Excel 2016 has, and takes every parameter from its cell (nothing of the model typed into a formula);
 * its check texts end inside the print area.
 */
import { buildAllocationSheet } from "../../src/sheets/tilldelning/allocationSheet";
import { computeAllocationOf } from "../../src/usecases/tilldelning/allocationJob";
import { wholeCountryAllocationInput } from "../../src/samples/wholeCountryAllocation";
import type { Cell } from "../../src/sheets/spec";

const input = wholeCountryAllocationInput({ forbund: "Umeåregionen", kommuner: ["2480", "2460", "2401", "2404", "2409", "2403"], ar: 2027, forraAret: "5000000" });
const spec = buildAllocationSheet({ result: computeAllocationOf(input), forbund: "Umeåregionen", underlag: input.underlag ?? [], today: new Date("2027-03-15") });
const formulas = spec.blocks.flatMap((b) => b.cells.flat()).filter((c): c is Extract<Cell, { kind: "formula" }> => c.kind === "formula");

describe("the Statlig tilldelning sheet", () => {
  it("gives every formula the domain's value", () => {
    expect(formulas.length).toBeGreaterThan(290 + 2 * 30);
    expect(formulas.filter((f) => f.expected === undefined)).toEqual([]);
  });

  it("uses only functions Excel 2016 has", () => {
    const used = new Set(formulas.flatMap((f) => [...f.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    const excel2016 = ["IF", "AND", "OR", "INT", "ROUND", "ROUNDUP", "MAX", "SUM", "SUMIF", "SUMPRODUCT", "COUNTIF", "COUNTIFS", "SUBSTITUTE"];
    expect([...used].filter((f) => !excel2016.includes(f))).toEqual([]);
  });

  it("types none of the model's parameters into a formula: the amount, the base, the weights and the cap come from their cells", () => {
    const literals = formulas.flatMap((f) => [...f.formula.replace(/"[^"]*"/g, "").replace(/\$?[A-Z]{1,3}\$?\d+/g, "").matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]));
    // What remains are the units of the arithmetic: 0, 1, 10 (tenths), 100 and 10000 (hundredths of a percent), 1E+300.
    expect([...new Set(literals)].sort()).toEqual(["0", "1", "10", "100", "10000", "300"]);
  });

  it("every check text ends inside the print area", () => {
    const lastCol = spec.print.area.col + spec.print.area.cols - 1;
    for (const block of spec.blocks) {
      block.cells.forEach((row) =>
        row.forEach((cell, c) => {
          if (cell.kind !== "formula" || cell.style !== "check") return;
          const room = spec.columnWidths.slice(block.col + c, lastCol + 1).reduce((a, b) => a + b, 0);
          for (const t of [...cell.formula.matchAll(/"((?:OK|FEL)[^"]*)"/g)].map((m) => m[1])) expect({ t, fits: t.length + 14 <= Math.floor(room * 0.9) }).toEqual({ t, fits: true });
        }),
      );
    }
  });
});
