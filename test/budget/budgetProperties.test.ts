import fc from "fast-check";
import { amountToPlain } from "../../src/domain/amount";
import { avvikelser, importBudget } from "../../src/sources/budget/budgetCells";
import { randomBudget } from "./randomBudget";

const grid = (values: Parameters<typeof importBudget>[0]["values"]) => ({ origin: { row: 0, col: 0 }, values });

describe("random consistent budgets", () => {
  it("import with every Summa, Resultat and Eget kapital line confirmed, equity rolling forward", () => {
    fc.assert(
      fc.property(randomBudget, (b) => {
        const imp = importBudget(grid(b.values));
        expect(imp.ar).toEqual(b.years);
        // When every cost is zero the sheet's sign convention cannot be told (and does not matter).
        if (b.groups.flat(2).some((x) => x !== 0)) expect(imp.kostnadstecken).toBe(b.costsPositive ? "positiva" : "negativa");
        expect(avvikelser(imp)).toEqual([]);
        const checks = (typ: string) => imp.kontroller.filter((k) => k.typ === typ).length;
        expect(checks("summa")).toBe(b.groups.length * b.years.length);
        expect(checks("ek_slut")).toBe(b.years.length);
        expect(checks("ek_borjan_nasta_ar")).toBe(b.years.length - 1);
        const line = (kind: string) => imp.struktur.find((l) => l.kind === kind)!;
        b.years.forEach((_, j) => {
          const start = line("ek_borjan").belopp[j].minor;
          expect(line("ek_slut").belopp[j].minor).toBe(start + line("resultat").belopp[j].minor);
          if (j > 0) expect(start).toBe(line("ek_slut").belopp[j - 1].minor);
        });
        expect(imp.rader.filter((r) => r.sektion === "kostnader").every((r) => r.belopp.minor <= 0n)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("report a changed cost cell once, at its group's Summa line and year", () => {
    fc.assert(
      fc.property(randomBudget, fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 1000 }), (b, gi, pi, yi, delta) => {
        const g = gi % b.groups.length;
        const p = pi % b.groups[g].length;
        const j = yi % b.years.length;
        const values = b.values.map((row) => [...row]);
        const r = values.findIndex((row) => row[0] === `- Kostnad ${g + 1}.${p + 1}`);
        const magnitude = b.groups[g][p][j] + delta;
        values[r][j + 1] = b.costsPositive ? magnitude : -magnitude;
        const failed = avvikelser(importBudget(grid(values)));
        expect(failed.map((k) => [k.typ, k.rad, k.ar])).toEqual([["summa", `Summa grupp ${g + 1}`, b.years[j]]]);
        const d = BigInt(delta);
        expect(failed[0].funnet.minor - failed[0].forvantat.minor).toBe(b.costsPositive ? -d : d);
        expect(amountToPlain(failed[0].funnet)).toMatch(/^-?\d+$/);
      }),
      { numRuns: 150 },
    );
  });
});
