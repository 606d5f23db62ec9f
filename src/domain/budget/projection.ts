import type { Amount } from "../amount";
import { kommunByCode } from "../kommuner";
import { abs, changeByPercent, negate, plus, roundTo, total } from "./money";
import { checkProjection } from "./projectionChecks";
import { projectionYears, validateProjection } from "./projectionInput";
import {
  Antagande, Grund, KostnadsGrupp, MEDFINANSIERING, OVRIGA_KOSTNADER, Projektion, ProjektionsAr, ProjektionsIndata, ProjektionsRad,
} from "./projectionTypes";
import type { Decimal, Medlem, Sektion } from "./types";

export * from "./projectionTypes";
export { avgifterFranFordelning } from "./projectionChecks";

interface Line {
  sektion: Sektion;
  post: string;
  grupp?: string;
  medlem?: Medlem;
  medlemskod?: string;
  bas: Amount;
  /** The post's own assumption, and its group's; the post's wins field by field. */
  egen?: Antagande;
  gruppens?: Antagande;
  /** Amounts decided outright for a year: member fees, co-financing. */
  satt: ({ belopp: Amount; grund: Grund } | undefined)[];
  /** Co-financing: only the decided years have an amount. */
  baraSatt: boolean;
}

/**
 * Projects the budget year by year from the base year's posts.
 *
 * Rounding rule: each year's amount is the previous year's *rounded* amount × (1 + p/100), computed
 * exactly and rounded half away from zero (Excel's ROUND rule) to whole units, or `decimaler`.
 * Totals are sums of the rounded amounts. A sheet formula =ROUND(prev*1.025,0) can differ on exact
 * halves, because 1580*1.025 is 1619.4999… in floating point.
 */
export function projectBudget(input: ProjektionsIndata): Projektion {
  validateProjection(input);
  const years = projectionYears(input);
  const dec = input.decimaler ?? 0;
  const varningar: string[] = [];
  const lines = baseLines(input, years);
  applyMemberFees(input, years, lines, varningar);
  addCoFinancing(input, years, lines);

  const amounts = lines.map((l) => projectLine(l, years, input.standardForandring, dec));
  const ar: ProjektionsAr[] = [];
  years.forEach((year, j) => {
    const row = (i: number): ProjektionsRad => {
      const l = lines[i];
      return {
        post: l.post,
        ...(l.grupp ? { grupp: l.grupp } : {}),
        ...(l.medlem ? { medlem: l.medlem } : {}),
        ...(l.medlemskod ? { medlemskod: l.medlemskod } : {}),
        ...amounts[i][j],
      };
    };
    const intakter = lines.flatMap((l, i) => (l.sektion === "intäkter" ? [row(i)] : []));
    const kostnader: KostnadsGrupp[] = [];
    lines.forEach((l, i) => {
      if (l.sektion !== "kostnader") return;
      const name = l.grupp ?? OVRIGA_KOSTNADER;
      let g = kostnader.find((x) => x.grupp === name);
      if (!g) kostnader.push((g = { grupp: name, poster: [], summa: roundTo({ minor: 0n, decimals: 0 }, dec) }));
      g.poster.push(row(i));
      g.summa = plus(g.summa, amounts[i][j].belopp);
    });
    const summaIntakter = roundTo(total(intakter.map((r) => r.belopp)), dec);
    const summaKostnader = roundTo(total(kostnader.map((g) => g.summa)), dec);
    const resultat = plus(summaIntakter, summaKostnader);
    const ekBorjan = j === 0 ? roundTo(input.ekBorjan, dec) : ar[j - 1].ekSlut;
    ar.push({ ar: year, intakter, summaIntakter, kostnader, summaKostnader, resultat, ekBorjan, ekSlut: plus(ekBorjan, resultat) });
  });
  return { enhet: input.enhet, basAr: input.basAr, ar, kontroller: checkProjection(input, ar), varningar };
}

function baseLines(input: ProjektionsIndata, years: number[]): Line[] {
  const rules = input.antaganden ?? [];
  return input.bas.map((b) => {
    const egen = rules.find((a) => a.post === b.post);
    const gruppens = rules.find((a) => a.post === undefined && b.grupp !== undefined && a.grupp === b.grupp);
    return {
      sektion: b.sektion,
      post: b.post,
      ...(b.grupp ? { grupp: b.grupp } : {}),
      ...(b.medlem ? { medlem: b.medlem } : {}),
      ...(b.medlemskod ? { medlemskod: b.medlemskod } : {}),
      bas: b.belopp,
      ...(egen ? { egen } : {}),
      ...(gruppens ? { gruppens } : {}),
      satt: years.map(() => undefined),
      baraSatt: false,
    };
  });
}

function memberLine(years: number[], medlem: Medlem, post: string, medlemskod?: string): Line {
  const zero = { minor: 0n, decimals: 0 };
  return { sektion: "intäkter", post, medlem, ...(medlemskod ? { medlemskod } : {}), bas: zero, satt: years.map(() => undefined), baraSatt: false };
}

/** Decided fees replace the member lines of their year; a member missing from the base gets a new line. */
function applyMemberFees(input: ProjektionsIndata, years: number[], lines: Line[], varningar: string[]): void {
  for (const fees of input.medlemsavgifter ?? []) {
    const j = years.indexOf(fees.ar);
    const set = (l: Line, belopp: Amount) => (l.satt[j] = { belopp, grund: "medlemsavgift" });
    const one = (medlem: "stat" | "region", belopp: Amount | undefined, nyPost: string) => {
      if (!belopp) return;
      const own = lines.filter((l) => l.medlem === medlem);
      if (own.length === 0) {
        own.push(memberLine(years, medlem, nyPost));
        lines.push(own[0]);
      }
      own.forEach((l, i) => set(l, i === 0 ? belopp : { minor: 0n, decimals: 0 }));
    };
    one("stat", fees.stat, "Försäkringskassan (staten)");
    one("region", fees.region, "Region");
    if (!fees.kommuner) continue;
    const given = new Map(fees.kommuner.map((k) => [k.kod, k]));
    for (const l of lines.filter((x) => x.medlem === "kommun")) {
      const k = l.medlemskod ? given.get(l.medlemskod) : undefined;
      if (k) {
        set(l, k.belopp);
        given.delete(k.kod);
      } else {
        set(l, { minor: 0n, decimals: 0 });
        varningar.push(`${fees.ar}: "${l.post}" finns inte bland medlemsavgifterna och räknas med 0.`);
      }
    }
    for (const k of given.values()) {
      const l = memberLine(years, "kommun", `${k.namn ?? kommunByCode(k.kod)?.namn ?? k.kod} kommun`, k.kod);
      lines.push(l);
      set(l, k.belopp);
    }
  }
}

function addCoFinancing(input: ProjektionsIndata, years: number[], lines: Line[]): void {
  for (const c of input.medfinansiering ?? []) {
    const sign = (a: Amount) => (c.sektion === "kostnader" ? negate(abs(a)) : abs(a));
    lines.push({
      sektion: c.sektion,
      post: c.namn,
      ...(c.sektion === "kostnader" ? { grupp: c.grupp ?? MEDFINANSIERING } : c.grupp ? { grupp: c.grupp } : {}),
      bas: { minor: 0n, decimals: 0 },
      satt: years.map((y) => (c.belopp[y] ? { belopp: sign(c.belopp[y]), grund: "medfinansiering" as const } : undefined)),
      baraSatt: true,
    });
  }
}

function projectLine(l: Line, years: number[], standard: Decimal | undefined, dec: number): { belopp: Amount; grund: Grund }[] {
  let prev = roundTo(l.bas, dec);
  return years.map((year, j) => {
    const v = l.satt[j] ?? (l.baraSatt ? { belopp: { minor: 0n, decimals: 0 }, grund: "medfinansiering" as const } : byRule(l, year, prev, standard, dec));
    const out = { belopp: roundTo(v.belopp, dec), grund: v.grund };
    prev = out.belopp;
    return out;
  });
}

/** Fixed amounts are per post; a change in % is the post's for the year, else its yearly, else the group's. */
function byRule(l: Line, year: number, prev: Amount, standard: Decimal | undefined, dec: number): { belopp: Amount; grund: Grund } {
  const { egen, gruppens } = l;
  const sistaAr = egen?.sistaAr ?? gruppens?.sistaAr;
  if (sistaAr !== undefined && year > sistaAr) return { belopp: { minor: 0n, decimals: 0 }, grund: "avslutad" };
  const fast = egen?.fastaBelopp?.[year];
  if (fast) return { belopp: fast, grund: "fast belopp" };
  const p = egen?.forandringPerAr?.[year] ?? egen?.arligForandring ?? gruppens?.forandringPerAr?.[year] ?? gruppens?.arligForandring ?? standard;
  if (p && p.digits !== 0n) return { belopp: changeByPercent(prev, p, dec), grund: "förändring" };
  return { belopp: prev, grund: "oförändrad" };
}
