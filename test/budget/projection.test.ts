import { Amount, amountToPlain, parseAmount } from "../../src/domain/amount";
import { InputError } from "../../src/domain/errors";
import { computeFeeSplit } from "../../src/domain/fee/feeSplit";
import {
  Antagande, EgetKapitalRegel, ProjektionsIndata, avgifterFranFordelning, projectBudget,
} from "../../src/domain/budget/projection";
import { importBudget } from "../../src/sources/budget/budgetCells";
import { budget004 } from "./fixtures/budget004";

const a = (s: string): Amount => parseAmount(s)!;
const pct = (s: string) => {
  const x = a(s);
  return { digits: x.minor, decimals: x.decimals };
};
const p = (x: Amount) => amountToPlain(x);

const imp004 = importBudget({ origin: { row: 0, col: 0 }, values: budget004 });
const base2021 = imp004.rader.filter((r) => r.ar === 2021);
const amountIn004 = (post: string, ar: number) => imp004.rader.find((r) => r.post === post && r.ar === ar)!.belopp;

function input(over: Partial<ProjektionsIndata> = {}): ProjektionsIndata {
  return { enhet: "tkr", basAr: 2021, bas: base2021, ekBorjan: a("894"), ...over };
}

describe("projecting 004 from its 2021 column", () => {
  it("reproduces 2022 and 2023 exactly from fixed amounts and the decided member fees", () => {
    const fees = (ar: number) => ({
      ar,
      stat: amountIn004("Försäkringskassan", ar),
      region: amountIn004("Region Västerbotten", ar),
      kommuner: base2021.filter((r) => r.medlem === "kommun").map((r) => ({ kod: r.medlemskod!, belopp: amountIn004(r.post, ar) })),
    });
    const antaganden: Antagande[] = base2021
      .filter((r) => !r.medlem)
      .map((r) => ({ post: r.post, fastaBelopp: { 2022: amountIn004(r.post, 2022), 2023: amountIn004(r.post, 2023) } }));
    const proj = projectBudget(input({ antalAr: 2, antaganden, medlemsavgifter: [fees(2022), fees(2023)] }));
    expect(proj.ar.map((y) => [y.ar, p(y.summaIntakter), p(y.summaKostnader), p(y.resultat), p(y.ekBorjan), p(y.ekSlut)])).toEqual([
      [2022, "11493", "-11595", "-102", "894", "792"],
      [2023, "11496", "-11505", "-9", "792", "783"],
    ]);
    expect(proj.ar[0].kostnader.map((g) => [g.grupp, p(g.summa)])).toEqual([
      ["Kansli och styrelse", "-2595"],
      ["Verksamhetsnära kostnader", "-450"],
      ["Verksamheter", "-8550"],
    ]);
    expect(proj.kontroller).toEqual([]);
  });

  it("changes posts by a yearly %, compounding on the rounded amount, rounding half away from zero", () => {
    const proj = projectBudget(input({ antaganden: [{ post: "Kanslipersonal", arligForandring: pct("2,5") }] }));
    const kansli = proj.ar.map((y) => y.kostnader[0].poster.find((r) => r.post === "Kanslipersonal")!);
    // −1 580 × 1,025 = −1 619,5 → −1 620; −1 620 × 1,025 = −1 660,5 → −1 661; −1 661 × 1,025 = −1 702,525 → −1 703
    expect(kansli.map((r) => [p(r.belopp), r.grund])).toEqual([["-1620", "förändring"], ["-1661", "förändring"], ["-1703", "förändring"]]);
    expect(proj.ar.map((y) => y.ar)).toEqual([2022, 2023, 2024]);
  });

  it("lets a post's own assumption win over its group's, a year's % over the yearly %, and stops insatser after their last year", () => {
    const proj = projectBudget(
      input({
        standardForandring: pct("1"),
        antaganden: [
          { grupp: "Verksamheter", arligForandring: pct("10"), forandringPerAr: { 2023: pct("0") } },
          { post: "Ungdomstorget", fastaBelopp: { 2022: a("-2800") } },
          { post: "Processledare integration", sistaAr: 2022 },
        ],
      }),
    );
    const post = (name: string) => proj.ar.map((y) => y.kostnader.flatMap((g) => g.poster).find((r) => r.post === name)!);
    expect(post("Vuxentorget").map((r) => p(r.belopp))).toEqual(["-2888", "-2888", "-3177"]); // 2 625 × 1,1 = 2 887,5
    expect(post("Ungdomstorget").map((r) => [p(r.belopp), r.grund])).toEqual([["-2800", "fast belopp"], ["-2800", "oförändrad"], ["-3080", "förändring"]]);
    expect(post("Processledare integration").map((r) => [p(r.belopp), r.grund])).toEqual([["-341", "förändring"], ["0", "avslutad"], ["0", "avslutad"]]);
    expect(post("Lokalhyra").map((r) => p(r.belopp))).toEqual(["-86", "-87", "-88"]); // 1 %: 85,85 → 86; 86,86 → 87; 87,87 → 88
  });

  it("keeps 2021's member fees, and reports that they are not 50/25/25 (kommuner 2 844, region 2 845)", () => {
    const proj = projectBudget(input({ antalAr: 1 }));
    // Repeating 2021 (result −1 146) also takes equity from 894 to −252.
    expect(proj.kontroller.map((k) => [k.typ, k.ar])).toEqual([["eget_kapital_negativt", 2022], ["medlemsavgifter_ej_50_25_25", 2022]]);
    expect(p(proj.ar[0].ekSlut)).toBe("-252");
    expect(proj.kontroller[1].meddelande).toMatch(/kommunerna 2\u00a0844\u00a0tkr.*kommunerna 2\u00a0845\u00a0tkr/);
  });

  it("reports fees that differ from a given fee split", () => {
    const split = computeFeeSplit({
      forbund: "Samordningsförbundet Umeåregionen",
      region: "Region Västerbotten",
      ar: 2022,
      belopp: a("5690"),
      avser: "stat",
      enhet: "tkr",
      nyckel: { kind: "andel" },
      kommuner: base2021
        .filter((r) => r.medlem === "kommun")
        .map((r) => ({ kod: r.medlemskod!, namn: r.post, andel: r.andel! })),
    });
    const expected = avgifterFranFordelning(split);
    const proj = projectBudget(input({ antalAr: 1, avgiftsfordelning: [expected] }));
    const differing = proj.kontroller.filter((k) => k.typ === "avgift_avviker_fran_fordelning");
    const kommuner2021 = base2021.filter((r) => r.medlem === "kommun");
    const shouldDiffer = expected.kommuner.filter((k) => {
      const had = kommuner2021.find((r) => r.medlemskod === k.kod)!.belopp;
      return had.minor !== k.avgift.minor;
    });
    expect(differing).toHaveLength(shouldDiffer.length);
    expect(shouldDiffer.length).toBeGreaterThan(0);
    expect(differing[0].meddelande).toMatch(/^2022: .* betalar .* men avgiftsfördelningen ger /);
  });
});

describe("co-financing and equity (seed 003: 400 000 kr 2022, 200 000 kr 2023, equity 1 600 tkr at the turn of 2021/2022)", () => {
  const base = [
    { sektion: "intäkter" as const, post: "Medlemsavgifter", belopp: a("3000000") },
    { sektion: "kostnader" as const, grupp: "Verksamheter", post: "Coachingteamet", belopp: a("-3000000") },
  ];
  const commitment = { namn: "Arbetsgivarkoordinator (ESF, VTA/CSR)", sektion: "kostnader" as const, belopp: { 2022: a("400000"), 2023: a("200000") } };

  it("adds the commitment as a cost line and draws it from equity", () => {
    const proj = projectBudget({ enhet: "kr", basAr: 2021, bas: base, ekBorjan: a("1600000"), medfinansiering: [commitment] });
    expect(proj.ar.map((y) => [y.ar, p(y.resultat), p(y.ekSlut)])).toEqual([
      [2022, "-400000", "1200000"],
      [2023, "-200000", "1000000"],
      [2024, "0", "1000000"],
    ]);
    expect(proj.ar[0].kostnader.map((g) => [g.grupp, p(g.summa)])).toEqual([["Verksamheter", "-3000000"], ["Medfinansiering", "-400000"]]);
    expect(proj.kontroller).toEqual([]);
  });

  it("reports equity below zero in the years it happens", () => {
    const proj = projectBudget({ enhet: "kr", basAr: 2021, bas: base, ekBorjan: a("500000"), medfinansiering: [commitment] });
    expect(proj.kontroller.map((k) => [k.typ, k.ar])).toEqual([["eget_kapital_negativt", 2023], ["eget_kapital_negativt", 2024]]);
    expect(proj.kontroller[0].meddelande).toBe("Eget kapital blir negativt vid slutet av 2023: −100\u00a0000\u00a0kr.");
  });

  it("checks equity against an editable staircase, and ships none", () => {
    // An EXAMPLE staircase for the test only; not Nationella rådet's tiers.
    const exempel: EgetKapitalRegel = {
      matt: "intakter",
      kalla: "Exempel i testet (inte Nationella rådets nivåer)",
      steg: [
        { tillOchMed: a("2000000"), maxProcent: pct("30") },
        { tillOchMed: null, maxProcent: pct("33,4") },
      ],
    };
    const proj = projectBudget({ enhet: "kr", basAr: 2021, bas: base, ekBorjan: a("1600000"), medfinansiering: [commitment], egetKapitalRegel: exempel });
    // 33,4 % of 3 000 000 = 1 002 000: 1 200 000 (2022) is above; 1 000 000 (2023, 2024) is not.
    expect(proj.kontroller.map((k) => [k.typ, k.ar])).toEqual([["eget_kapital_over_trappan", 2022]]);
    expect(proj.kontroller[0].meddelande).toMatch(/1\u00a0200\u00a0000\u00a0kr.*33,4\u00a0%.*1\u00a0002\u00a0000\u00a0kr.*Exempel i testet/);
  });
});

describe("assumptions the projection refuses", () => {
  const problems = (over: Partial<ProjektionsIndata>) => {
    try {
      projectBudget(input(over));
    } catch (e) {
      if (e instanceof InputError) return e.problems;
      throw e;
    }
    throw new Error("expected an InputError");
  };

  it("names each bad assumption in Swedish", () => {
    expect(
      problems({
        antaganden: [
          { post: "Lokalhyran", arligForandring: pct("2") },
          { post: "Lokalhyra", grupp: "Verksamheter" },
          { grupp: "Verksamheter", forandringPerAr: { 2026: pct("1") } },
          { grupp: "Verksamheter", arligForandring: pct("-100") },
          { post: "Analys", fastaBelopp: { 2022: a("-1,5") } },
        ],
      }),
    ).toEqual([
      { plats: "antagande 1", meddelande: 'Posten "Lokalhyran" finns inte i budgeten.' },
      { plats: "antagande 2", meddelande: "Ett antagande ska gälla antingen en post eller en grupp." },
      { plats: "antagande 3", meddelande: "År 2026 ligger utanför prognosen (2022–2024)." },
      { plats: "antagande 4", meddelande: 'Antagande 3 gäller redan gruppen "Verksamheter".' },
      { plats: "antagande 4", meddelande: expect.stringMatching(/−100 %/) },
      { plats: "antagande 5", meddelande: "Beloppet har fler decimaler än prognosen använder (0)." },
    ]);
  });

  it("fixed amounts for a whole group", () => {
    expect(problems({ antaganden: [{ grupp: "Verksamheter", fastaBelopp: { 2022: a("-100") } }] })).toEqual([
      { plats: "antagande 1", meddelande: "Fasta belopp anges per post, inte för en hel grupp." },
    ]);
  });

  it("a staircase whose last tier has an upper bound", () => {
    const regel: EgetKapitalRegel = { matt: "medlemsavgifter", kalla: "test", steg: [{ tillOchMed: a("100"), maxProcent: pct("10") }] };
    expect(problems({ egetKapitalRegel: regel })).toEqual([{ plats: "trappsteg 1", meddelande: expect.stringMatching(/sista trappsteget/) }]);
  });
});
