import type { Amount } from "../amount";
import { InputError } from "../errors";
import { abs, divideRounded, formatBelopp, formatProcent, minus, plus, roundTo, same, total } from "./money";
import type { Decimal, Enhet, Sektion } from "./types";

/**
 * Follow-up of outcome (utfall) against budget for a period. Amounts are signed as in the budget
 * table (costs negative), so a positive avvikelse (utfall − budget) is always better for the result:
 * more income, or less spent.
 */

export interface UppfoljningsRad {
  post: string;
  sektion?: Sektion;
  grupp?: string;
  budget: Amount;
  utfall: Amount;
}

export interface UppfoljningsIndata {
  /** E.g. "1 januari–30 juni 2021". */
  period: string;
  enhet: Enhet;
  rader?: UppfoljningsRad[];
  /** The period's result, when given outright (as in a delårsrapport); otherwise the sum of the lines. */
  resultat?: { budget: Amount; utfall: Amount };
  /** Decimals of the percentages; default 1. */
  procentDecimaler?: number;
}

export interface Avvikelse {
  post: string;
  sektion?: Sektion;
  grupp?: string;
  budget: Amount;
  utfall: Amount;
  /** utfall − budget. */
  avvikelse: Amount;
  /** avvikelse / |budget| in percent, rounded half away from zero; null when the budget is 0. */
  avvikelseProcent: Decimal | null;
}

export interface Uppfoljning {
  period: string;
  enhet: Enhet;
  rader: Avvikelse[];
  /** One line per group (sektion + grupp) of the lines that have one. */
  grupper: Avvikelse[];
  resultat: Avvikelse;
  /** A sentence for the board: the result against budget, in kr and in %. */
  sammanfattning: string;
  varningar: string[];
}

export function followUp(input: UppfoljningsIndata): Uppfoljning {
  const rader = input.rader ?? [];
  if (rader.length === 0 && !input.resultat) {
    throw new InputError([{ meddelande: "Ange utfall och budget för minst en rad eller för periodens resultat." }]);
  }
  const pd = input.procentDecimaler ?? 1;
  const compare = (post: string, budget: Amount, utfall: Amount, extra: Partial<Avvikelse> = {}): Avvikelse => ({
    post,
    ...extra,
    budget,
    utfall,
    avvikelse: minus(utfall, budget),
    avvikelseProcent: percent(minus(utfall, budget), budget, pd),
  });

  const groups: { sektion?: Sektion; grupp: string; budget: Amount; utfall: Amount }[] = [];
  for (const r of rader) {
    if (r.grupp === undefined) continue;
    let g = groups.find((x) => x.grupp === r.grupp && x.sektion === r.sektion);
    if (!g) groups.push((g = { ...(r.sektion ? { sektion: r.sektion } : {}), grupp: r.grupp, budget: zero(), utfall: zero() }));
    g.budget = plus(g.budget, r.budget);
    g.utfall = plus(g.utfall, r.utfall);
  }

  const varningar: string[] = [];
  const fromLines = { budget: total(rader.map((r) => r.budget)), utfall: total(rader.map((r) => r.utfall)) };
  const res = input.resultat ?? fromLines;
  if (input.resultat && rader.length > 0 && (!same(fromLines.budget, res.budget) || !same(fromLines.utfall, res.utfall))) {
    varningar.push(
      `Raderna summerar till ${formatBelopp(fromLines.utfall, input.enhet)} i utfall och ${formatBelopp(fromLines.budget, input.enhet)} i budget, men resultatet är angivet till ${formatBelopp(res.utfall, input.enhet)} och ${formatBelopp(res.budget, input.enhet)}.`,
    );
  }
  const resultat = compare("Resultat", res.budget, res.utfall);
  return {
    period: input.period,
    enhet: input.enhet,
    rader: rader.map((r) => compare(r.post, r.budget, r.utfall, { ...(r.sektion ? { sektion: r.sektion } : {}), ...(r.grupp ? { grupp: r.grupp } : {}) })),
    grupper: groups.map((g) => compare(g.grupp, g.budget, g.utfall, g.sektion ? { sektion: g.sektion } : {})),
    resultat,
    sammanfattning: summary(input.period, resultat, input.enhet),
    varningar,
  };
}

function zero(): Amount {
  return { minor: 0n, decimals: 0 };
}

function percent(avvikelse: Amount, budget: Amount, decimals: number): Decimal | null {
  if (budget.minor === 0n) return null;
  const d = Math.max(avvikelse.decimals, budget.decimals);
  const a = roundTo(avvikelse, d).minor;
  const b = abs(roundTo(budget, d)).minor;
  return { digits: divideRounded(a * 100n * 10n ** BigInt(decimals), b), decimals };
}

function summary(period: string, r: Avvikelse, enhet: Enhet): string {
  const f = (a: Amount) => formatBelopp(a, enhet);
  const head = `Resultatet för ${period} är ${f(r.utfall)} mot budgeterat ${f(r.budget)}`;
  if (r.avvikelse.minor === 0n) return `${head}, i nivå med budget.`;
  const better = r.avvikelse.minor > 0n;
  const diff = f(abs(r.avvikelse));
  const p = r.avvikelseProcent;
  const pct = p ? ` (${formatProcent({ digits: p.digits < 0n ? -p.digits : p.digits, decimals: p.decimals })})` : "";
  return `${head}: ${diff} ${better ? "bättre" : "sämre"} än budget${pct}.`;
}
