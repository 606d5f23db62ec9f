import fc from "fast-check";
import type { Amount } from "../../src/domain/amount";
import { projectBudget, type BasPost, type ProjektionsIndata } from "../../src/domain/budget/projection";

const amt = (n: number): Amount => ({ minor: BigInt(n), decimals: 0 });
/** A change above −100 %, with 0–2 decimals. */
const percent = fc
  .integer({ min: 0, max: 2 })
  .chain((decimals) => fc.integer({ min: -(100 * 10 ** decimals) + 1, max: 200 * 10 ** decimals }).map((d) => ({ digits: BigInt(d), decimals })));

const projectionInput: fc.Arbitrary<ProjektionsIndata> = fc
  .record({
    income: fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 4 }),
    costs: fc.array(fc.record({ g: fc.integer({ min: 0, max: 2 }), n: fc.integer({ min: 0, max: 50_000_000 }) }), { minLength: 1, maxLength: 8 }),
    changes: fc.array(fc.option(percent, { nil: undefined }), { minLength: 8, maxLength: 8 }),
    ends: fc.array(fc.option(fc.integer({ min: 2021, max: 2025 }), { nil: undefined }), { minLength: 8, maxLength: 8 }),
    standard: fc.option(percent, { nil: undefined }),
    antalAr: fc.integer({ min: 1, max: 5 }),
    ek: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    cofinance: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ income, costs, changes, ends, standard, antalAr, ek, cofinance }) => {
    const bas: BasPost[] = [
      ...income.map((n, i) => ({ sektion: "intäkter" as const, post: `Intäkt ${i}`, belopp: amt(n) })),
      ...costs.map((c, i) => ({ sektion: "kostnader" as const, grupp: c.g === 0 ? undefined : `Grupp ${c.g}`, post: `Kostnad ${i}`, belopp: amt(-c.n) })),
    ];
    const antaganden = costs.flatMap((_, i) =>
      changes[i] || ends[i] ? [{ post: `Kostnad ${i}`, ...(changes[i] ? { arligForandring: changes[i] } : {}), ...(ends[i] ? { sistaAr: ends[i] } : {}) }] : [],
    );
    const years = Array.from({ length: antalAr }, (_, i) => 2022 + i);
    const belopp = Object.fromEntries(years.map((y, i) => [y, amt(cofinance[i])]));
    return {
      enhet: "kr" as const,
      basAr: 2021,
      antalAr,
      bas,
      ekBorjan: amt(ek),
      ...(standard ? { standardForandring: standard } : {}),
      antaganden,
      medfinansiering: [{ namn: "Medfinansiering ESF", sektion: "kostnader" as const, belopp }],
    };
  });

describe("projections over random budgets and assumptions", () => {
  it("roll equity forward: EK slut = EK början + resultat, and next year starts where this one ended", () => {
    fc.assert(
      fc.property(projectionInput, (input) => {
        const proj = projectBudget(input);
        expect(proj.ar).toHaveLength(input.antalAr!);
        proj.ar.forEach((y, j) => {
          const sumRows = y.kostnader.flatMap((g) => g.poster).reduce((s, r) => s + r.belopp.minor, 0n);
          expect(y.kostnader.reduce((s, g) => s + g.summa.minor, 0n)).toBe(sumRows);
          expect(y.summaKostnader.minor).toBe(sumRows);
          expect(y.summaIntakter.minor).toBe(y.intakter.reduce((s, r) => s + r.belopp.minor, 0n));
          expect(y.resultat.minor).toBe(y.summaIntakter.minor + y.summaKostnader.minor);
          expect(y.ekSlut.minor).toBe(y.ekBorjan.minor + y.resultat.minor);
          expect(y.ekBorjan.minor).toBe(j === 0 ? input.ekBorjan.minor : proj.ar[j - 1].ekSlut.minor);
          expect(proj.kontroller.some((k) => k.typ === "eget_kapital_negativt" && k.ar === y.ar)).toBe(y.ekSlut.minor < 0n);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("round each changed amount to within half a unit of prev × (1 + p/100)", () => {
    fc.assert(
      fc.property(projectionInput, (input) => {
        const proj = projectBudget(input);
        const rule = (post: string) => input.antaganden!.find((a) => a.post === post)?.arligForandring ?? input.standardForandring;
        const base = new Map(input.bas.map((b) => [b.post, b.belopp.minor]));
        const prev = new Map(base);
        for (const y of proj.ar) {
          for (const r of [...y.intakter, ...y.kostnader.flatMap((g) => g.poster)]) {
            if (r.grund === "förändring") {
              const p = rule(r.post)!;
              const scale = 10n ** BigInt(p.decimals);
              const exactTimes100 = prev.get(r.post)! * (100n * scale + p.digits);
              const err = r.belopp.minor * 100n * scale - exactTimes100;
              expect(2n * (err < 0n ? -err : err) <= 100n * scale).toBe(true);
            }
            prev.set(r.post, r.belopp.minor);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
