import fc from "fast-check";
import { kommunByCode } from "../../src/domain/kommuner";
import type { CellValue } from "../../src/sources/budget/budgetCells";
import type { BudgetSettings, ProjectionSettings } from "../../src/usecases/budget/budgetSettings";

/**
 * A random one-year budget as cells (members, other income, cost groups, consistent sums and equity)
 * with random projection settings: yearly and per-year changes per post and group (many of them
 * multiples of 2,5 % on multiples of 20, so that exact halves come up often), fixed amounts, last years,
 * a default change, decided member fees, co-financing and sometimes an example equity staircase.
 */
export interface RandomProjection {
  values: CellValue[][];
  settings: BudgetSettings;
}

const KODER = ["2480", "2460", "2401", "2404", "2409", "2403"];

/** "2,5", "−12", "0,75" from an integer number of hundredths. */
export function percentText(hundredths: number): string {
  const neg = hundredths < 0;
  const a = Math.abs(hundredths);
  const int = Math.floor(a / 100);
  const frac = a % 100;
  const f = frac === 0 ? "" : frac % 10 === 0 ? `,${frac / 10}` : `,${String(frac).padStart(2, "0")}`;
  return `${neg ? "-" : ""}${int}${f}`;
}

const percent = fc.oneof(
  fc.integer({ min: -8, max: 12 }).map((k) => k * 250),
  fc.integer({ min: -2000, max: 3000 }),
);
const amount = fc.oneof(fc.integer({ min: 0, max: 400 }).map((k) => k * 20), fc.integer({ min: 0, max: 9000 }));

interface PostSpec {
  amount: number;
  yearly?: number;
  perYear?: [number, number];
  fixed?: [number, number];
  last?: number;
}

const post = fc.record(
  {
    amount,
    yearly: percent,
    perYear: fc.tuple(fc.integer({ min: 0, max: 2 }), percent),
    fixed: fc.tuple(fc.integer({ min: 0, max: 2 }), amount),
    last: fc.integer({ min: 2021, max: 2024 }),
  },
  { requiredKeys: ["amount"] },
) as fc.Arbitrary<PostSpec>;

export const randomProjection: fc.Arbitrary<RandomProjection> = fc
  .record({
    stat: amount,
    region: amount,
    kommuner: fc.subarray(KODER, { minLength: 1, maxLength: 4 }),
    kommunAmounts: fc.array(amount, { minLength: 4, maxLength: 4 }),
    memberYearly: fc.option(percent, { nil: undefined }),
    other: fc.array(post, { minLength: 0, maxLength: 2 }),
    groups: fc.array(fc.record({ posts: fc.array(post, { minLength: 1, maxLength: 4 }), yearly: fc.option(percent, { nil: undefined }), last: fc.option(fc.integer({ min: 2021, max: 2024 }), { nil: undefined }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    standard: fc.option(percent, { nil: undefined }),
    decidedFees: fc.option(fc.tuple(fc.integer({ min: 2022, max: 2024 }), amount, amount), { nil: undefined }),
    cofin: fc.option(fc.tuple(amount, amount), { nil: undefined }),
    ek: fc.integer({ min: -3000, max: 20000 }),
    staircase: fc.boolean(),
  })
  .map((g) => {
    const rows: CellValue[][] = [["Budget", null], [null, 2021], ["Intäkter", null]];
    const antaganden: NonNullable<ProjectionSettings["antaganden"]> = [];
    const addRule = (name: string, p: PostSpec, member: boolean) => {
      const a: NonNullable<ProjectionSettings["antaganden"]>[number] = { post: name };
      if (p.yearly !== undefined) a.arligForandring = percentText(p.yearly);
      if (p.perYear) a.forandringPerAr = { [String(2022 + p.perYear[0])]: percentText(p.perYear[1]) };
      if (!member && p.fixed) a.fastaBelopp = { [String(2022 + p.fixed[0])]: String(-p.fixed[1]) };
      if (!member && p.last !== undefined) a.sistaAr = p.last;
      if (Object.keys(a).length > 1) antaganden.push(a);
    };
    let income = 0;
    const line = (label: string, v: number) => {
      rows.push([label, v]);
    };
    line("- Försäkringskassan", g.stat);
    income += g.stat;
    g.kommuner.forEach((kod, i) => {
      line(`- ${kommunByCode(kod)!.namn} kommun`, g.kommunAmounts[i]);
      income += g.kommunAmounts[i];
    });
    line("- Region Västerbotten", g.region);
    income += g.region;
    if (g.memberYearly !== undefined) antaganden.push({ post: "Region Västerbotten", arligForandring: percentText(g.memberYearly) });
    g.other.forEach((p, i) => {
      line(`- Övrig intäkt ${i + 1}`, p.amount);
      income += p.amount;
      addRule(`Övrig intäkt ${i + 1}`, p, false);
    });
    rows.push(["Summa intäkter", income], ["Kostnader", null]);
    let costs = 0;
    g.groups.forEach((grp, gi) => {
      rows.push([`Grupp ${gi + 1}`, null]);
      let sum = 0;
      grp.posts.forEach((p, i) => {
        line(`- Kostnad ${gi + 1}.${i + 1}`, -p.amount);
        sum += p.amount;
        addRule(`Kostnad ${gi + 1}.${i + 1}`, p, false);
      });
      rows.push([`Summa grupp ${gi + 1}`, -sum]);
      costs += sum;
      if (grp.yearly !== undefined || grp.last !== undefined) {
        antaganden.push({ grupp: `Grupp ${gi + 1}`, ...(grp.yearly !== undefined ? { arligForandring: percentText(grp.yearly) } : {}), ...(grp.last !== undefined ? { sistaAr: grp.last } : {}) });
      }
    });
    rows.push(["Summa kostnader", -costs], ["Resultat", income - costs], ["Eget kapital vid årets början", g.ek - (income - costs)], ["Eget kapital vid årets slut", g.ek]);
    const prognos: ProjectionSettings = {
      basAr: 2021,
      ekBorjan: String(g.ek),
      ...(g.standard !== undefined ? { standardForandring: percentText(g.standard) } : {}),
      antaganden,
      ...(g.decidedFees
        ? {
            medlemsavgifter: [
              { ar: g.decidedFees[0], stat: String(2 * g.decidedFees[1]), region: String(g.decidedFees[1]), kommuner: g.kommuner.map((kod, i) => ({ kod, belopp: String(i === 0 ? g.decidedFees![2] : 0) })) },
            ],
          }
        : {}),
      ...(g.staircase
        ? {
            egetKapitalRegel: {
              matt: "medlemsavgifter" as const,
              kalla: "Exempel i testet, inte Nationella rådets nivåer",
              steg: [
                { tillOchMed: "5000", maxProcent: "50" },
                { tillOchMed: null, maxProcent: "12,5" },
              ],
            },
          }
        : {}),
    };
    const settings: BudgetSettings = {
      forbund: "Slumpförbundet",
      enhet: "tkr",
      prognos,
      ...(g.cofin ? { medfinansiering: [{ namn: "Medfinansiering ESF", belopp: { "2022": String(g.cofin[0]), "2023": String(g.cofin[1]) } }] } : {}),
    };
    return { values: rows, settings };
  });
