import fc from "fast-check";
import type { CellValue } from "../../src/sources/budget/budgetCells";

/** A consistent budget, as a sheet would hold it, with the numbers it was built from. */
export interface RandomBudget {
  values: CellValue[][];
  years: number[];
  costsPositive: boolean;
  /** Per group, per post, per year: cost magnitudes. */
  groups: number[][][];
}

const swedish = (n: number) => {
  const s = Math.abs(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return n < 0 ? `−${s}` : s;
};

/** Amount cells as an economist's sheet may hold them: numbers, Swedish text, empty for zero. */
function cell(n: number, style: number): CellValue {
  if (n === 0 && style === 0) return null;
  return style === 1 ? swedish(n) : n;
}

export const randomBudget: fc.Arbitrary<RandomBudget> = fc
  .record({
    nYears: fc.integer({ min: 1, max: 4 }),
    firstYear: fc.integer({ min: 2015, max: 2030 }),
    income: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 5 }),
    groupSizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
    seed: fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 400, maxLength: 400 }),
    styles: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 400, maxLength: 400 }),
    costsPositive: fc.boolean(),
    ekStart: fc.integer({ min: -5_000_000, max: 5_000_000 }),
  })
  .map(({ nYears, firstYear, income, groupSizes, seed, styles, costsPositive, ekStart }) => {
    let k = 0;
    const next = () => seed[k++ % seed.length];
    const style = () => styles[k % styles.length];
    const years = Array.from({ length: nYears }, (_, i) => firstYear + i);
    const incomes = income.map((base) => years.map((_, j) => (j === 0 ? base : next())));
    const groups = groupSizes.map((n) => Array.from({ length: n }, () => years.map(() => next())));
    const sign = costsPositive ? 1 : -1;
    const line = (label: string, amounts: number[]): CellValue[] => [label, ...amounts.map((a) => cell(a, style()))];
    const sumOver = (rows: number[][]) => years.map((_, j) => rows.reduce((s, r) => s + r[j], 0));

    const values: CellValue[][] = [["Verksamhetsplan och budget", ...years.map(() => null)], [null, ...years]];
    values.push(["Intäkter", ...years.map(() => null)]);
    incomes.forEach((r, i) => values.push(line(`- Intäkt ${i + 1}`, r)));
    const sumIncome = sumOver(incomes);
    values.push(line("Summa intäkter", sumIncome));
    values.push(["Kostnader", ...years.map(() => null)]);
    const groupSums = groups.map((posts, g) => {
      values.push([`Grupp ${g + 1}`, ...years.map(() => null)]);
      posts.forEach((r, i) => values.push(line(`- Kostnad ${g + 1}.${i + 1}`, r.map((a) => sign * a))));
      const s = sumOver(posts);
      values.push(line(`Summa grupp ${g + 1}`, s.map((a) => sign * a)));
      return s;
    });
    const sumCosts = sumOver(groupSums);
    values.push(line("Summa kostnader", sumCosts.map((a) => sign * a)));
    const result = years.map((_, j) => sumIncome[j] - sumCosts[j]);
    values.push(line("Resultat", result));
    const start: number[] = [];
    const end: number[] = [];
    years.forEach((_, j) => {
      start.push(j === 0 ? ekStart : end[j - 1]);
      end.push(start[j] + result[j]);
    });
    values.push(line("Eget kapital vid årets början", start));
    values.push(line("Eget kapital vid årets slut", end));
    return { values, years, costsPositive, groups };
  });
