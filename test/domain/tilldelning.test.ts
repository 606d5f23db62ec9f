import fc from "fast-check";
import { InputError } from "../../src/domain/errors";
import { KOMMUNER } from "../../src/domain/kommuner";
import { computeAllocation, sumOf } from "../../src/domain/tilldelning/model";
import { toAllocationRequest, type RawAllocationInput } from "../../src/domain/tilldelning/request";
import type { AllocationRequest } from "../../src/domain/tilldelning/types";

/** Three förbund whose parts come out in round kronor: A 10/100, B 20/100, C 30/200 (försörjningsmått/invånare). */
function threeForbund(over: Partial<RawAllocationInput> = {}): RawAllocationInput {
  return {
    ar: 2027,
    anslag: "2 000 000",
    grund: "400000",
    viktForsorjning: "75",
    viktBefolkning: "25",
    sparr: "10",
    kommuner: [
      { forbund: "A", kod: "2480", befolkning: "100", forsorjningsmatt: "10" },
      { forbund: "B", kod: "2460", befolkning: "100", forsorjningsmatt: "20" },
      { forbund: "C", kod: "2401", befolkning: "150", forsorjningsmatt: "25" },
      { forbund: "C", kod: "2404", befolkning: "50", forsorjningsmatt: "5" },
      { forbund: "", kod: "0114", befolkning: "29482", forsorjningsmatt: "900" },
    ],
    ...over,
  };
}

const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("no InputError");
};

describe("the state's allocation model", () => {
  it("gives each förbund the base and its parts of the two pots (75 % försörjningsmått, 25 % invånare), summing to the national amount", () => {
    const r = computeAllocation(toAllocationRequest(threeForbund()));
    expect(r.attFordela).toBe(800_000n);
    expect([r.forsorjningsPott, r.befolkningsPott]).toEqual([600_000n, 200_000n]);
    expect(r.forbund.map((f) => [f.namn, f.grund, f.forsorjningsdel, f.befolkningsdel, f.modell])).toEqual([
      ["A", 400_000n, 100_000n, 50_000n, 550_000n],
      ["B", 400_000n, 200_000n, 50_000n, 650_000n],
      ["C", 400_000n, 300_000n, 100_000n, 800_000n],
    ]);
    expect(sumOf(r.forbund.map((f) => f.tilldelning))).toBe(2_000_000n);
  });

  it("a kommun outside every förbund is listed but counts for nobody", () => {
    const r = computeAllocation(toAllocationRequest(threeForbund()));
    expect(r.befolkningSumma).toBe(400n);
    expect(r.forbund.map((f) => f.namn)).toEqual(["A", "B", "C"]);
  });

  it("holds a förbund at 90 % of last year and takes the shortfall from the others in proportion to their model amounts", () => {
    const r = computeAllocation(toAllocationRequest(threeForbund({ forbund: [{ namn: "A", forraAret: "800000" }] })));
    const [a, b, c] = r.forbund;
    expect(a).toMatchObject({ sparrGolv: 720_000n, sparrGaller: true, tilldelning: 720_000n });
    // 170 000 kr shortfall: B gives 170 000 × 650/1450 = 76 206,90 → 76 207, C 93 793,10 → 93 793.
    expect([b.avdrag, c.avdrag]).toEqual([76_207n, 93_793n]);
    expect([b.tilldelning, c.tilldelning]).toEqual([573_793n, 706_207n]);
    expect(r.underskott).toBe(170_000n);
    expect(r.varv).toBe(1);
  });

  it("repeats the round when the cut takes another förbund below its own floor", () => {
    const r = computeAllocation(toAllocationRequest(threeForbund({ forbund: [{ namn: "A", forraAret: "800000" }, { namn: "B", forraAret: "700000" }] })));
    expect(r.forbund.map((f) => [f.sparrGaller, f.tilldelning])).toEqual([
      [true, 720_000n],
      [true, 630_000n],
      [false, 650_000n],
    ]);
    expect(r.varv).toBe(2);
  });

  it("a förbund above the equity staircase is not protected by the cap", () => {
    const r = computeAllocation(toAllocationRequest(threeForbund({ forbund: [{ namn: "A", forraAret: "800000", overTrappan: true }] })));
    expect(r.forbund[0]).toMatchObject({ sparrGolv: 0n, sparrGaller: false, tilldelning: 550_000n });
  });

  it("the floor is rounded up, so a held förbund never gets less than (100 − cap) % of last year", () => {
    const r = computeAllocation(toAllocationRequest(threeForbund({ sparr: "7,5", forbund: [{ namn: "A", forraAret: "800001" }] })));
    expect(r.forbund[0].sparrGolv).toBe(740_001n); // 800 001 × 0,925 = 740 000,925
  });

  it("a line standing for several förbund gets the base that many times", () => {
    const r = computeAllocation(toAllocationRequest(threeForbund({ forbund: [{ namn: "C", antal: 3 }] })));
    expect(r.grundSumma).toBe(2_000_000n);
    expect(r.attFordela).toBe(0n);
    expect(r.forbund[2].grund).toBe(1_200_000n);
  });
});

describe("bad input gets a located Swedish message", () => {
  it.each([
    [{ viktForsorjning: "70" }, "Vikt försörjningsmått och Vikt invånare 16–64 år", /Vikterna summerar till 95 %; de ska summera till 100 %/],
    [{ anslag: "-5" }, "Nationellt anslag", /får inte vara negativt/],
    [{ anslag: "1 000 000,50" }, "Nationellt anslag", /hela kronor/],
    [{ sparr: "120" }, "Spärr (största minskning)", /mer än 100 %/],
  ] as Array<[Partial<RawAllocationInput>, string, RegExp]>)("%j", (over, plats, message) => {
    const p = problemsOf(() => toAllocationRequest(threeForbund(over)));
    expect(p).toEqual([{ plats, meddelande: expect.stringMatching(message) }]);
  });

  it("a kommun in two förbund names both rows", () => {
    const raw = threeForbund();
    raw.kommuner.push({ forbund: "B", kod: "2480", befolkning: "1", forsorjningsmatt: "1" });
    expect(problemsOf(() => toAllocationRequest(raw))).toEqual([
      { plats: "kommun 6", meddelande: "Umeå (2480) står i två förbund: B och A (kommun 1). En kommun kan bara höra till ett förbund." },
    ]);
  });

  it("negative figures, too many decimals and an unknown code, each on its row", () => {
    const raw = threeForbund();
    raw.kommuner[1] = { forbund: "B", kod: "2460", befolkning: "-3", forsorjningsmatt: "1,25" };
    raw.kommuner[2] = { forbund: "C", kod: "9999", befolkning: "1", forsorjningsmatt: "1" };
    expect(problemsOf(() => toAllocationRequest(raw))).toEqual([
      { plats: "kommun 2", meddelande: "Invånarna 16–64 år för Vännäs är negativt (-3)." },
      { plats: "kommun 2", meddelande: 'Försörjningsmåttet för Vännäs ("1,25") ska vara ett tal med högst en decimal.' },
      { plats: "kommun 3", meddelande: 'Okänd kommunkod "9999".' },
    ]);
  });

  it("an amount smaller than the bases", () => {
    expect(problemsOf(() => computeAllocation(toAllocationRequest(threeForbund({ anslag: "1000000" }))))[0].meddelande).toMatch(
      /Anslaget \(1\u00a0000\u00a0000 kr\) räcker inte till grundtilldelningen: 1\u00a0200\u00a0000 kr för 3 förbund/,
    );
  });

  it("two förbund names that differ only in case (Excel would take them for one)", () => {
    const raw = threeForbund();
    raw.kommuner[1] = { ...raw.kommuner[1], forbund: "a" };
    expect(problemsOf(() => toAllocationRequest(raw))).toEqual([
      { plats: "underlaget", meddelande: 'Förbunden "A" och "a" skiljer sig bara i stora och små bokstäver. Skriv namnet likadant på varje rad.' },
    ]);
  });

  it("last year for a förbund that is not in the underlag", () => {
    expect(problemsOf(() => toAllocationRequest(threeForbund({ forbund: [{ namn: "D", forraAret: "1" }] })))).toEqual([
      { plats: "förbund 1", meddelande: 'Förbundet "D" finns inte i underlaget (ingen kommun hör till det).' },
    ]);
  });

  it("floors that together exceed the national amount", () => {
    const raw = threeForbund({ forbund: [{ namn: "A", forraAret: "900000" }, { namn: "B", forraAret: "900000" }, { namn: "C", forraAret: "900000" }] });
    expect(problemsOf(() => computeAllocation(toAllocationRequest(raw)))[0]).toMatchObject({ plats: "spärren", meddelande: expect.stringMatching(/Spärren kan inte hållas/) });
  });
});

describe("properties over random förbund", () => {
  const request = fc
    .record({
      nForbund: fc.integer({ min: 1, max: 10 }),
      rows: fc.uniqueArray(
        fc.record({ k: fc.integer({ min: 0, max: KOMMUNER.length - 1 }), f: fc.integer({ min: 0, max: 10 }), pop: fc.bigInt({ min: 0n, max: 900_000n }), fm: fc.bigInt({ min: 0n, max: 2_000_000n }) }),
        { minLength: 1, maxLength: 40, selector: (r) => r.k },
      ),
      grund: fc.bigInt({ min: 1n, max: 1_000_000n }),
      extra: fc.bigInt({ min: 0n, max: 400_000_000n }),
      vf: fc.integer({ min: 0, max: 10_000 }),
      sparr: fc.integer({ min: 0, max: 5_000 }),
      forra: fc.array(fc.option(fc.bigInt({ min: 0n, max: 60_000_000n }), { nil: null }), { minLength: 11, maxLength: 11 }),
    })
    .map((g): AllocationRequest => {
      const forbund = [...new Set(g.rows.map((r) => `F${r.f % g.nForbund}`))].map((namn, i) => ({ namn, antal: 1 + (i % 3 === 2 ? 1 : 0), forraAret: g.forra[i], overTrappan: i % 5 === 4 }));
      const grundSumma = g.grund * BigInt(forbund.reduce((s, f) => s + f.antal, 0));
      return {
        ar: 2027,
        anslag: grundSumma + g.extra,
        grund: g.grund,
        viktForsorjning: BigInt(g.vf),
        viktBefolkning: 10_000n - BigInt(g.vf),
        sparr: BigInt(g.sparr),
        forbund,
        kommuner: g.rows.map((r) => ({ kod: KOMMUNER[r.k].kod, namn: KOMMUNER[r.k].namn, forbund: `F${r.f % g.nForbund}`, befolkning: r.pop, forsorjningsmatt: r.fm })),
      };
    })
    .filter((req) => {
      const pop = sumOf(req.kommuner.map((k) => k.befolkning));
      const fm = sumOf(req.kommuner.map((k) => k.forsorjningsmatt));
      return pop > 0n && fm > 0n;
    });

  const noCap = (req: AllocationRequest): AllocationRequest => ({ ...req, sparr: null });

  it("the forecast sums exactly to the national amount, and so do the parts", () => {
    fc.assert(
      fc.property(request, (req) => {
        const r = computeAllocation(noCap(req));
        expect(sumOf(r.forbund.map((f) => f.tilldelning))).toBe(req.anslag);
        expect(sumOf(r.forbund.map((f) => f.forsorjningsdel))).toBe(r.forsorjningsPott);
        expect(sumOf(r.forbund.map((f) => f.befolkningsdel))).toBe(r.befolkningsPott);
        expect(r.forsorjningsPott + r.befolkningsPott + r.grundSumma).toBe(req.anslag);
      }),
      { numRuns: 300 },
    );
  });

  it("without a binding cap each förbund is within 1 kr of its exact quota", () => {
    fc.assert(
      fc.property(request, (req) => {
        const r = computeAllocation(noCap(req));
        const den = r.forsorjningsSumma * r.befolkningSumma;
        for (const f of r.forbund) {
          // exact quota = grund + F × fm / ΣF + P × pop / ΣP; |amount − quota| < 1 ⇔ |amount × den − quota × den| < den
          const quotaTimesDen = f.grund * den + r.forsorjningsPott * f.forsorjningsmatt * r.befolkningSumma + r.befolkningsPott * f.befolkning * r.forsorjningsSumma;
          const diff = f.tilldelning * den - quotaTimesDen;
          expect(diff < den && -diff < den).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("with the cap, every protected förbund gets at least (100 − cap) % of last year and the total stays exact", () => {
    fc.assert(
      fc.property(request, (req) => {
        const floors = req.forbund.map((f) => (f.forraAret && !f.overTrappan ? (f.forraAret * (10_000n - req.sparr!) + 9_999n) / 10_000n : 0n));
        fc.pre(sumOf(floors) <= req.anslag);
        const r = computeAllocation(req);
        expect(sumOf(r.forbund.map((f) => f.tilldelning))).toBe(req.anslag);
        r.forbund.forEach((f, i) => {
          expect(f.sparrGolv).toBe(floors[i]);
          expect(f.tilldelning >= floors[i]).toBe(true);
          // Only what the cap holds is above the model; nobody gives up more than their model.
          if (!f.sparrGaller) expect(f.tilldelning <= f.modell).toBe(true);
          expect(f.tilldelning >= 0n).toBe(true);
          // 100 × tilldelning ≥ (100 − cap) × last year, stated as the issue does
          if (floors[i] > 0n) expect(f.tilldelning * 10_000n >= f.forraAret! * (10_000n - req.sparr!)).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });

  it("the closed form the sheet uses holds exactly the förbund the rounds hold", () => {
    let severalRounds = 0;
    fc.assert(
      fc.property(request, (req) => {
        const floors = req.forbund.map((f) => (f.forraAret && !f.overTrappan ? (f.forraAret * (10_000n - req.sparr!) + 9_999n) / 10_000n : 0n));
        fc.pre(sumOf(floors) <= req.anslag);
        const r = computeAllocation(req);
        const g = r.forbund.map((f) => f.sparrGolv);
        const m = r.forbund.map((f) => f.modell);
        const total = sumOf(m);
        const closed = r.forbund.map((_, j) => {
          if (g[j] === 0n) return false;
          // T: the förbund whose floor/model ratio is larger than j's (cross-multiplied, exact).
          const t = r.forbund.map((_, i) => g[i] * m[j] > g[j] * m[i]);
          const mT = sumOf(m.filter((_, i) => t[i]));
          const gT = sumOf(g.filter((_, i) => t[i]));
          return g[j] * (total - mT) > m[j] * (req.anslag - gT);
        });
        expect(closed).toEqual(r.forbund.map((f) => f.sparrGaller));
        if (r.varv >= 2) severalRounds++;
      }),
      { numRuns: 500 },
    );
    // The random cases include caps that needed more than one round.
    expect(severalRounds).toBeGreaterThan(5);
  });

  it("the order of the kommuner changes nothing", () => {
    fc.assert(
      fc.property(request, (req) => {
        const a = computeAllocation(noCap(req));
        const b = computeAllocation({ ...noCap(req), kommuner: [...req.kommuner].reverse() });
        expect(b.forbund.map((f) => f.tilldelning)).toEqual(a.forbund.map((f) => f.tilldelning));
      }),
      { numRuns: 100 },
    );
  });
});
