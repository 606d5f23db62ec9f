import { amountToPlain, parseAmount } from "../../src/domain/amount";
import { InputError } from "../../src/domain/errors";
import { followUp } from "../../src/domain/budget/followUp";

const a = (s: string) => parseAmount(s)!;
const p = amountToPlain;

describe("utfall against budget, seed 003 (SOFINT, 1 januari–30 juni 2021)", () => {
  const f = followUp({ period: "1 januari–30 juni 2021", enhet: "kr", resultat: { budget: a("−585 289"), utfall: a("-143 817") } });

  it("finds 441 472 kr less spent than budgeted", () => {
    expect(p(f.resultat.avvikelse)).toBe("441472");
    expect(f.resultat.avvikelseProcent).toEqual({ digits: 754n, decimals: 1 }); // 441 472 / 585 289 = 75,43 %
    expect(f.sammanfattning).toBe(
      "Resultatet för 1 januari–30 juni 2021 är −143\u00a0817\u00a0kr mot budgeterat −585\u00a0289\u00a0kr: 441\u00a0472\u00a0kr bättre än budget (75,4\u00a0%).",
    );
  });

  it("gives the avvikelse per line and group, positive when better for the result", () => {
    const g = followUp({
      period: "jan–jun",
      enhet: "kr",
      rader: [
        { sektion: "intäkter", post: "Medlemsavgifter", budget: a("1 500 000"), utfall: a("1 500 000") },
        { sektion: "kostnader", grupp: "Verksamheter", post: "Finansierbara projekt", budget: a("-450 000"), utfall: a("0") },
        { sektion: "kostnader", grupp: "Verksamheter", post: "Coachingteamet", budget: a("-1 200 000"), utfall: a("-1 208 528") },
        { sektion: "kostnader", grupp: "Kansli", post: "Kansli", budget: a("-435 289"), utfall: a("-435 289") },
      ],
    });
    expect(g.rader.map((r) => [r.post, p(r.avvikelse), r.avvikelseProcent && p({ minor: r.avvikelseProcent.digits, decimals: r.avvikelseProcent.decimals })])).toEqual([
      ["Medlemsavgifter", "0", "0.0"],
      ["Finansierbara projekt", "450000", "100.0"],
      ["Coachingteamet", "-8528", "-0.7"],
      ["Kansli", "0", "0.0"],
    ]);
    expect(g.grupper.map((r) => [r.post, p(r.budget), p(r.utfall), p(r.avvikelse)])).toEqual([
      ["Verksamheter", "-1650000", "-1208528", "441472"],
      ["Kansli", "-435289", "-435289", "0"],
    ]);
    expect([p(g.resultat.budget), p(g.resultat.utfall), p(g.resultat.avvikelse)]).toEqual(["-585289", "-143817", "441472"]);
    expect(g.varningar).toEqual([]);
  });

  it("says when the result is worse, and gives no % against a zero budget", () => {
    const w = followUp({ period: "2022", enhet: "tkr", rader: [{ post: "Ny insats", budget: a("0"), utfall: a("-40") }] });
    expect(w.rader[0].avvikelseProcent).toBeNull();
    expect(w.sammanfattning).toBe("Resultatet för 2022 är −40\u00a0tkr mot budgeterat 0\u00a0tkr: 40\u00a0tkr sämre än budget.");
  });

  it("refuses a follow-up with nothing to compare", () => {
    expect(() => followUp({ period: "2022", enhet: "kr" })).toThrow(InputError);
  });
});
