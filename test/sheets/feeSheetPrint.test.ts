/**
 * The fee sheet prints readably: its check texts ("OK: …") overflow from their cell to the right and must end
 * inside the print area, or the printed page cuts them off (as it did: "… exakt till kommuner").
 */
import { buildFeeSheet } from "../../src/sheets/fee/feeSheet";
import { computeFeeSplit } from "../../src/domain/fee/feeSplit";
import { toFeeSplitRequest } from "../../src/usecases/fee/feeSplitJob";
import { umearegionenSettings } from "../../src/demo/demoWorkbook";

/** Characters of bold Calibri 11 that fit in a width of `chars` (column widths count digits of the normal font). */
const boldFit = (chars: number) => Math.floor(chars * 0.9);

describe("the fee sheet on paper", () => {
  it("every check text ends inside the print area, in the OK and in the FEL wording", () => {
    const spec = buildFeeSheet(computeFeeSplit(toFeeSplitRequest(umearegionenSettings())), { today: new Date("2026-03-02T08:00:00Z") });
    const lastCol = spec.print.area.col + spec.print.area.cols - 1;
    const checks: Array<{ texts: string[]; col: number }> = [];
    for (const block of spec.blocks) {
      block.cells.forEach((row) =>
        row.forEach((cell, c) => {
          if (cell.kind !== "formula" || cell.style !== "check" || typeof cell.expected !== "string") return;
          // Both outcomes of IF(…,"OK: …","FEL: …"&difference), the difference as up to 12 characters.
          const literals = [...cell.formula.matchAll(/"([^"]*)"/g)].map((m) => m[1]).filter((t) => /^(OK|FEL)/.test(t));
          checks.push({ texts: literals.map((t) => (t.startsWith("FEL") ? `${t}-1234567,89` : t)), col: block.col + c });
        }),
      );
    }
    expect(checks.length).toBeGreaterThanOrEqual(2);
    for (const { texts, col } of checks) {
      const room = spec.columnWidths.slice(col, lastCol + 1).reduce((a, b) => a + b, 0);
      for (const t of texts) expect({ t, fits: t.length <= boldFit(room) }).toEqual({ t, fits: true });
    }
  });
});
