import type { Amount } from "../../domain/amount";
import { formatBelopp, minus, negate, plus, same, times, total } from "../../domain/budget/money";
import type { Enhet, Sektion } from "../../domain/budget/types";
import type { BudgetKontroll, BudgetLine, KontrollTyp, Kostnadstecken } from "../../domain/budget/importTypes";
import type { ParsedLines } from "./budgetLines";
import { appendAll } from "../../domain/arrays";

interface Context {
  lines: BudgetLine[];
  sektioner: ParsedLines["sektioner"];
  ar: number[];
  enhet: Enhet;
  kostnadstecken: Kostnadstecken;
}

/**
 * Recomputes every Summa, Resultat and Eget kapital line and the member fee balance, year by year.
 * Each check uses the lines as typed for its parts, so one wrong cell is reported once, not at every
 * total above it.
 */
export function checkBudget(ctx: Context): BudgetKontroll[] {
  const out: BudgetKontroll[] = [];
  const { lines, ar } = ctx;
  const find = (kind: BudgetLine["kind"]) => lines.find((l) => l.kind === kind);
  const resultat = find("resultat");
  const ekBorjan = find("ek_borjan");
  const ekSlut = find("ek_slut");

  ar.forEach((year, j) => {
    const check = (typ: KontrollTyp, line: BudgetLine, forvantat: Amount, why: string) =>
      out.push(makeCheck(ctx, typ, line, j, forvantat, why));

    for (const line of lines) {
      if (line.kind !== "summa" || !line.delar) continue;
      const typ: KontrollTyp =
        line.summerar === "grupp" ? "summa" : line.sektion === "intäkter" ? "summa_intakter" : "summa_kostnader";
      check(typ, line, total(line.delar.map((i) => lines[i].belopp[j])), "raderna ovanför summerar till");
    }
    const sectionTotal = (s: Sektion): Amount => {
      const sec = ctx.sektioner[s];
      if (!sec) return { minor: 0n, decimals: 0 };
      return sec.summa !== undefined ? lines[sec.summa].belopp[j] : total(sec.delar.map((i) => lines[i].belopp[j]));
    };
    if (resultat) check("resultat", resultat, plus(sectionTotal("intäkter"), sectionTotal("kostnader")), "intäkter + kostnader är");
    const result = resultat ? resultat.belopp[j] : plus(sectionTotal("intäkter"), sectionTotal("kostnader"));
    if (ekBorjan && ekSlut) check("ek_slut", ekSlut, plus(ekBorjan.belopp[j], result), "eget kapital vid årets början + resultat är");
    if (ekBorjan && ekSlut && j > 0) {
      check("ek_borjan_nasta_ar", ekBorjan, ekSlut.belopp[j - 1], `eget kapital vid slutet av ${ar[j - 1]} är`);
    }
    appendAll(out, memberFeeChecks(ctx, j, year));
  });
  return out;
}

/** Finsam: the kommuner together pay as much as the region, and the state twice that. */
function memberFeeChecks(ctx: Context, j: number, year: number): BudgetKontroll[] {
  const members = ctx.lines.filter((l) => l.kind === "post" && l.medlem);
  const region = members.filter((l) => l.medlem === "region");
  if (region.length === 0) return [];
  const regionAmount = total(region.map((l) => l.belopp[j]));
  const regionText = `regionens ${formatBelopp(regionAmount, ctx.enhet)}`;
  const out: BudgetKontroll[] = [];
  const kommuner = members.filter((l) => l.medlem === "kommun");
  if (kommuner.length > 0) {
    const sum = total(kommuner.map((l) => l.belopp[j]));
    out.push(
      feeCheck(ctx, "kommunernas_avgifter", "Kommunernas medlemsavgifter", year, cellsOf(kommuner, j), regionAmount, sum,
        `kommunernas avgifter summerar till ${formatBelopp(sum, ctx.enhet)} men ska vara lika med ${regionText} (25 % vardera)`),
    );
  }
  const stat = members.filter((l) => l.medlem === "stat");
  if (stat.length > 0) {
    const sum = total(stat.map((l) => l.belopp[j]));
    out.push(
      feeCheck(ctx, "statens_avgift", stat.map((l) => l.post).join(", "), year, cellsOf(stat, j), times(regionAmount, 2n), sum,
        `statens avgift är ${formatBelopp(sum, ctx.enhet)} men ska vara dubbla ${regionText} (50 %)`),
    );
  }
  return out;
}

function feeCheck(
  ctx: Context, typ: KontrollTyp, rad: string, ar: number, cell: string, forvantat: Amount, funnet: Amount, problem: string,
): BudgetKontroll {
  const ok = same(forvantat, funnet);
  const diff = formatBelopp(minus(funnet, forvantat), ctx.enhet);
  const meddelande = ok
    ? `${ar}: ${rad} stämmer (${formatBelopp(funnet, ctx.enhet)}).`
    : `${ar}, ${cell}: ${problem} (skillnad ${diff}). Beloppen har inte ändrats.`;
  return { typ, rad, ar, cell, forvantat, funnet, ok, meddelande };
}

function makeCheck(ctx: Context, typ: KontrollTyp, line: BudgetLine, j: number, forvantatNorm: Amount, why: string): BudgetKontroll {
  // Show both amounts as the sheet writes them, so the user can compare with the cell.
  const flip = ctx.kostnadstecken === "positiva" && line.sektion === "kostnader";
  const show = (a: Amount) => (flip ? negate(a) : a);
  const forvantat = show(forvantatNorm);
  const funnet = show(line.belopp[j]);
  const ok = same(forvantat, funnet);
  const year = ctx.ar[j];
  const cell = line.celler[j];
  const f = (a: Amount) => formatBelopp(a, ctx.enhet);
  const meddelande = ok
    ? `${cell}: ${line.post} ${year} stämmer (${f(funnet)}).`
    : `${cell}: ${line.post} ${year} är ${f(funnet)}, men ${why} ${f(forvantat)} (skillnad ${f(minus(funnet, forvantat))}).`;
  return { typ, rad: line.post, ar: year, cell, forvantat, funnet, ok, meddelande };
}

/** "B5:B10" when the lines are consecutive, else "B5, B7". */
function cellsOf(lines: BudgetLine[], j: number): string {
  const cells = lines.map((l) => l.celler[j]);
  const consecutive = lines.every((l, i) => i === 0 || l.rad === lines[i - 1].rad + 1);
  return consecutive && cells.length > 1 ? `${cells[0]}:${cells[cells.length - 1]}` : cells.join(", ");
}
