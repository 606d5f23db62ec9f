import type { Amount } from "../amount";
import { InputError, InputProblem } from "../errors";
import { compare } from "./money";
import type { Antagande, ProjektionsIndata } from "./projectionTypes";
import type { Decimal } from "./types";

/** The years a projection covers: the ones after the base year. */
export function projectionYears(input: ProjektionsIndata): number[] {
  const n = input.antalAr ?? 3;
  return Array.from({ length: n }, (_, i) => input.basAr + 1 + i);
}

/** Checks the assumptions before anything is computed; throws InputError listing every problem. */
export function validateProjection(input: ProjektionsIndata): void {
  const problems: InputProblem[] = [];
  const dec = input.decimaler ?? 0;
  const n = input.antalAr ?? 3;
  if (!Number.isInteger(n) || n < 1 || n > 10) problems.push({ plats: "antal år", meddelande: `Prognosen ska omfatta 1–10 år, inte ${n}.` });
  if (!Number.isInteger(dec) || dec < 0 || dec > 2) problems.push({ plats: "decimaler", meddelande: "Antalet decimaler ska vara 0, 1 eller 2." });
  if (problems.length > 0) throw new InputError(problems);

  const years = projectionYears(input);
  const span = `${years[0]}–${years[years.length - 1]}`;
  const amount = (plats: string, a: Amount) => {
    if (a.decimals > dec) problems.push({ plats, meddelande: `Beloppet har fler decimaler än prognosen använder (${dec}).` });
  };
  const year = (plats: string, ar: number) => {
    if (!years.includes(ar)) problems.push({ plats, meddelande: `År ${ar} ligger utanför prognosen (${span}).` });
  };
  const percent = (plats: string, p: Decimal) => {
    if (p.digits <= -100n * 10n ** BigInt(p.decimals)) problems.push({ plats, meddelande: "En förändring på −100 % eller mer gör beloppet till noll eller vänder tecknet; ange ett fast belopp eller ett slutår i stället." });
  };

  input.bas.forEach((b) => amount(`posten "${b.post}"`, b.belopp));
  amount("eget kapital vid början", input.ekBorjan);
  if (input.standardForandring) percent("standardförändring", input.standardForandring);

  const targeted = new Map<string, number>();
  (input.antaganden ?? []).forEach((a, i) => {
    const plats = `antagande ${i + 1}`;
    validateTarget(input, a, plats, problems);
    const key = a.post !== undefined ? `post:${a.post}` : `grupp:${a.grupp}`;
    const first = targeted.get(key);
    if (first !== undefined) problems.push({ plats, meddelande: `Antagande ${first + 1} gäller redan ${a.post !== undefined ? `posten "${a.post}"` : `gruppen "${a.grupp}"`}.` });
    else targeted.set(key, i);
    if (a.arligForandring) percent(plats, a.arligForandring);
    for (const [ar, p] of Object.entries(a.forandringPerAr ?? {})) {
      year(plats, Number(ar));
      percent(plats, p);
    }
    if (a.grupp !== undefined && a.fastaBelopp) problems.push({ plats, meddelande: "Fasta belopp anges per post, inte för en hel grupp." });
    for (const [ar, b] of Object.entries(a.fastaBelopp ?? {})) {
      year(plats, Number(ar));
      amount(plats, b);
    }
  });

  const feeYears = new Set<number>();
  for (const m of input.medlemsavgifter ?? []) {
    const plats = `medlemsavgifter ${m.ar}`;
    year(plats, m.ar);
    if (feeYears.has(m.ar)) problems.push({ plats, meddelande: `Medlemsavgifterna för ${m.ar} är angivna två gånger.` });
    feeYears.add(m.ar);
    [m.stat, m.region, ...(m.kommuner ?? []).map((k) => k.belopp)].forEach((b) => b && amount(plats, b));
  }
  for (const c of input.medfinansiering ?? []) {
    const plats = `medfinansiering "${c.namn}"`;
    for (const [ar, b] of Object.entries(c.belopp)) {
      year(plats, Number(ar));
      amount(plats, b);
    }
  }
  validateStaircase(input, problems);
  for (const f of input.avgiftsfordelning ?? []) {
    if (f.enhet !== input.enhet) problems.push({ plats: `avgiftsfördelning ${f.ar}`, meddelande: `Avgiftsfördelningen är i ${f.enhet} men budgeten i ${input.enhet}.` });
  }
  if (problems.length > 0) throw new InputError(problems);
}

function validateTarget(input: ProjektionsIndata, a: Antagande, plats: string, problems: InputProblem[]): void {
  if ((a.post === undefined) === (a.grupp === undefined)) {
    problems.push({ plats, meddelande: "Ett antagande ska gälla antingen en post eller en grupp." });
    return;
  }
  if (a.post !== undefined) {
    const n = input.bas.filter((b) => b.post === a.post).length;
    if (n === 0) problems.push({ plats, meddelande: `Posten "${a.post}" finns inte i budgeten.` });
    if (n > 1) problems.push({ plats, meddelande: `Posten "${a.post}" finns ${n} gånger i budgeten; byt namn på den ena.` });
  } else if (!input.bas.some((b) => b.grupp === a.grupp)) {
    problems.push({ plats, meddelande: `Gruppen "${a.grupp}" finns inte i budgeten.` });
  }
}

function validateStaircase(input: ProjektionsIndata, problems: InputProblem[]): void {
  const steg = input.egetKapitalRegel?.steg ?? [];
  steg.forEach((s, i) => {
    const plats = `trappsteg ${i + 1}`;
    if (s.maxProcent.digits < 0n) problems.push({ plats, meddelande: "Andelen får inte vara negativ." });
    const prev = steg[i - 1]?.tillOchMed;
    if (i > 0 && (prev === null || (s.tillOchMed !== null && prev && compare(s.tillOchMed, prev) <= 0))) {
      problems.push({ plats, meddelande: "Trappstegen ska stå i stigande ordning, och bara det sista får sakna övre gräns." });
    }
  });
  if (steg.length > 0 && steg[steg.length - 1].tillOchMed !== null) {
    problems.push({ plats: `trappsteg ${steg.length}`, meddelande: "Det sista trappsteget ska gälla alla högre belopp (lämna övre gränsen tom)." });
  }
}
