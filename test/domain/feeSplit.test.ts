import fc from "fast-check";
import { Amount, amountToPlain, parseAmount } from "../../src/domain/amount";
import { InputError } from "../../src/domain/errors";
import { FeeSplitRequest, MemberKey, computeFeeSplit } from "../../src/domain/fee/feeSplit";
import { KOMMUNER } from "../../src/domain/kommuner";

const amount = (s: string): Amount => parseAmount(s)!;
const share = (s: string) => {
  const a = parseAmount(s)!;
  return { digits: a.minor, decimals: a.decimals };
};

/** 004's budget 2021: the kommun lines carry their shares of the working-age population. */
const shares004: MemberKey[] = [
  { kod: "2480", namn: "Umeå", andel: share("82,9") },
  { kod: "2460", namn: "Vännäs", andel: share("5,1") },
  { kod: "2401", namn: "Nordmaling", andel: share("4,0") },
  { kod: "2404", namn: "Vindeln", andel: share("2,9") },
  { kod: "2409", namn: "Robertsfors", andel: share("3,7") },
  { kod: "2403", namn: "Bjurholm", andel: share("1,3") },
];

function request(over: Partial<FeeSplitRequest>): FeeSplitRequest {
  return {
    forbund: "Samordningsförbundet Umeåregionen",
    region: "Region Västerbotten",
    ar: 2021,
    belopp: amount("5690"),
    avser: "stat",
    enhet: "tkr",
    nyckel: { kind: "andel" },
    kommuner: shares004,
    ...over,
  };
}

const sum = (xs: Amount[]) => xs.reduce((s, a) => s + a.minor, 0n);

describe("the member fee split of seed 004 (2021, tkr)", () => {
  const r = computeFeeSplit(request({}));

  it("gives the state 5 690, the region 2 845 and the kommuner 2 845", () => {
    expect([r.stat, r.region, r.kommunerTotal].map(amountToPlain)).toEqual(["5690", "2845", "2845"]);
    expect(amountToPlain(r.total)).toBe("11380");
  });

  it("makes the kommun fees sum to exactly the region's 2 845 (the document's own fees sum to 2 844)", () => {
    const documentFees = [2359, 146, 113, 83, 106, 37];
    expect(documentFees.reduce((a, b) => a + b, 0)).toBe(2844);
    expect(sum(r.kommuner.map((k) => k.avgift))).toBe(r.region.minor);
  });

  it("normalises shares that miss 100 % by their rounding (99,9 %), with a visible warning", () => {
    expect(r.varningar).toHaveLength(1);
    expect(r.varningar[0]).toMatch(/99,9 %/);
  });

  it("refuses shares that miss 100 % by more than their rounding explains", () => {
    const off = shares004.map((k) => (k.kod === "2480" ? { ...k, andel: share("80,9") } : k));
    expect(() => computeFeeSplit(request({ kommuner: off }))).toThrow(/97,9 %.*större än avrundningen/);
  });

  it("takes the kommuner's quarter alone (--kommun-total) and derives the rest", () => {
    const k = computeFeeSplit(request({ avser: "kommuner", belopp: amount("2845") }));
    expect([k.stat, k.region, k.kommunerTotal, k.total].map(amountToPlain)).toEqual(["5690", "2845", "2845", "11380"]);
  });
});

describe("large totals and öre", () => {
  it("splits 57 649 000 kr by 17,5 / 34,7 / 10,8 / 12,6 / 24,4 % to the krona, with no floating-point drift", () => {
    const codes = ["0114", "0115", "0117", "0120", "0123"];
    const pct = ["17,5", "34,7", "10,8", "12,6", "24,4"];
    const r = computeFeeSplit(
      request({ avser: "kommuner", enhet: "kr", belopp: amount("57 649 000"), kommuner: codes.map((kod, i) => ({ kod, namn: "", andel: share(pct[i]) })) }),
    );
    expect(r.kommuner.map((k) => amountToPlain(k.avgift))).toEqual(["10088575", "20004203", "6226092", "7263774", "14066356"]);
    expect(Math.floor((57649000 * (0.347 * 100)) / 100)).toBe(20004202); // what float arithmetic would have given
    expect(r.varningar).toEqual([]);
  });

  it("keeps öre when the amount has them, and the parts still sum exactly", () => {
    const r = computeFeeSplit(request({ avser: "total", enhet: "kr", belopp: amount("1 000 000,01") }));
    expect(r.decimals).toBe(2);
    expect(sum([r.stat, r.region, r.kommunerTotal])).toBe(100000001n);
    expect(sum(r.kommuner.map((k) => k.avgift))).toBe(r.kommunerTotal.minor);
  });
});

describe("bad input gives located Swedish messages", () => {
  const problems = (req: FeeSplitRequest) => {
    try {
      computeFeeSplit(req);
    } catch (e) {
      return (e as InputError).problems;
    }
    throw new Error("expected an InputError");
  };
  const pop = (kod: string, n: bigint): MemberKey => ({ kod, namn: "", befolkning: n });
  const byPop = { kind: "befolkning", aldersFran: 20, aldersTill: 64, referensAr: 2019 } as const;

  it("negative population names the row", () => {
    expect(problems(request({ nyckel: byPop, kommuner: [pop("2480", 10n), pop("2460", -5n)] }))).toEqual([
      { plats: "rad 2", meddelande: expect.stringMatching(/negativ/) },
    ]);
  });
  it("a duplicate kommun names both rows", () => {
    expect(problems(request({ nyckel: byPop, kommuner: [pop("2480", 10n), pop("2460", 5n), pop("2480", 3n)] }))[0]).toEqual({
      plats: "rad 3",
      meddelande: expect.stringMatching(/finns redan på rad 1/),
    });
  });
  it("an unknown kommun code", () => {
    expect(problems(request({ nyckel: byPop, kommuner: [pop("9999", 10n)] }))[0]).toEqual({ plats: "rad 1", meddelande: expect.stringMatching(/Okänd kommunkod "9999"/) });
  });
  it("no kommuner", () => {
    expect(problems(request({ kommuner: [] }))[0].meddelande).toMatch(/Inga kommuner/);
  });
  it("an amount too large for exact Excel formulas", () => {
    expect(problems(request({ avser: "total", belopp: amount("900 000 000 000"), nyckel: byPop, kommuner: [pop("2480", 100_000n)] }))[0]).toEqual({
      plats: "belopp",
      meddelande: expect.stringMatching(/för stort/),
    });
  });
  it("all populations zero", () => {
    expect(problems(request({ nyckel: byPop, kommuner: [pop("2480", 0n)] }))[0].meddelande).toMatch(/befolkningen 0/);
  });
});

describe("properties of the split over random inputs", () => {
  const kommunSet = fc.uniqueArray(fc.integer({ min: 0, max: KOMMUNER.length - 1 }), { minLength: 1, maxLength: 40 });
  const members = kommunSet.chain((idx) =>
    fc.tuple(fc.constant(idx), fc.array(fc.bigInt({ min: 0n, max: 200_000n }), { minLength: idx.length, maxLength: idx.length })),
  );
  const input = fc
    .tuple(members, fc.bigInt({ min: 0n, max: 1_000_000_000n }), fc.constantFrom(0, 2), fc.constantFrom("total", "stat", "kommuner") as fc.Arbitrary<"total" | "stat" | "kommuner">)
    .filter(([[, pops]]) => pops.some((p) => p > 0n))
    .map(([[idx, pops], minor, decimals, avser]) =>
      request({
        avser,
        enhet: "kr",
        belopp: { minor: decimals === 0 ? minor / 100n : minor, decimals },
        nyckel: { kind: "befolkning", aldersFran: 20, aldersTill: 64, referensAr: 2019 },
        kommuner: idx.map((i, j) => ({ kod: KOMMUNER[i].kod, namn: KOMMUNER[i].namn, befolkning: pops[j] })),
      }),
    );

  it("parts always sum exactly to the whole, at both levels", () => {
    fc.assert(
      fc.property(input, (req) => {
        const r = computeFeeSplit(req);
        expect(sum([r.stat, r.region, r.kommunerTotal])).toBe(r.total.minor);
        expect(sum(r.kommuner.map((k) => k.avgift))).toBe(r.kommunerTotal.minor);
      }),
      { numRuns: 300 },
    );
  });

  it("each fee is within one unit of its exact quota, and a kommun with no population pays nothing", () => {
    fc.assert(
      fc.property(input, (req) => {
        const r = computeFeeSplit(req);
        for (const k of r.kommuner) {
          // |fee × W − K × w| < W  ⇔  fee within one unit of the quota K × w / W
          const diff = k.avgift.minor * r.viktSumma - r.kommunerTotal.minor * k.vikt;
          expect(diff < r.viktSumma && -diff < r.viktSumma).toBe(true);
          if (k.vikt === 0n) expect(k.avgift.minor).toBe(0n);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reordering the kommuner changes no fee", () => {
    fc.assert(
      fc.property(input, fc.integer(), (req, seed) => {
        const shuffled = [...req.kommuner].sort((a, b) => ((Number(a.kod) * 7919 + seed) % 101) - ((Number(b.kod) * 7919 + seed) % 101));
        const fees = (r: ReturnType<typeof computeFeeSplit>) => Object.fromEntries(r.kommuner.map((k) => [k.kod, k.avgift.minor]));
        expect(fees(computeFeeSplit({ ...req, kommuner: shuffled }))).toEqual(fees(computeFeeSplit(req)));
      }),
      { numRuns: 200 },
    );
  });
});
