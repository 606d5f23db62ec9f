import type { Amount } from "../amount";
import type { FeeSplitResult } from "../fee/feeSplit";
import { compare, formatBelopp, formatProcent, minus, percentOf, same, times, total } from "./money";
import type {
  EgetKapitalRegel, ForvantadeAvgifter, ProjektionsAr, ProjektionsIndata, ProjektionsKontroll, ProjektionsRad,
} from "./projectionTypes";
import type { Enhet } from "./types";
import { appendAll } from "../arrays";

/** The fees a fee split computed, in the shape the projection compares with. */
export function avgifterFranFordelning(r: FeeSplitResult): ForvantadeAvgifter {
  return {
    ar: r.request.ar,
    enhet: r.request.enhet,
    stat: r.stat,
    region: r.region,
    kommuner: r.kommuner.map((k) => ({ kod: k.kod, avgift: k.avgift })),
  };
}

export function checkProjection(input: ProjektionsIndata, years: ProjektionsAr[]): ProjektionsKontroll[] {
  const f = (a: Amount) => formatBelopp(a, input.enhet);
  const out: ProjektionsKontroll[] = [];
  for (const y of years) {
    if (y.ekSlut.minor < 0n) {
      out.push({ typ: "eget_kapital_negativt", ar: y.ar, meddelande: `Eget kapital blir negativt vid slutet av ${y.ar}: ${f(y.ekSlut)}.` });
    }
    const over = aboveStaircase(input.egetKapitalRegel, y, input.enhet);
    if (over) out.push({ typ: "eget_kapital_over_trappan", ar: y.ar, meddelande: over });
    appendAll(out, proportionChecks(y, input.enhet));
    const expected = input.avgiftsfordelning?.find((a) => a.ar === y.ar);
    if (expected) appendAll(out, splitChecks(y, expected, input.enhet));
  }
  return out;
}

const members = (y: ProjektionsAr, medlem: ProjektionsRad["medlem"]) => y.intakter.filter((r) => r.medlem === medlem);
const sumOf = (rows: ProjektionsRad[]) => total(rows.map((r) => r.belopp));

function aboveStaircase(regel: EgetKapitalRegel | undefined, y: ProjektionsAr, enhet: Enhet): string | undefined {
  if (!regel || regel.steg.length === 0) return undefined;
  const matt = regel.matt === "intakter" ? y.summaIntakter : sumOf(y.intakter.filter((r) => r.medlem));
  const steg = regel.steg.find((s) => s.tillOchMed === null || compare(matt, s.tillOchMed) <= 0);
  if (!steg) return undefined;
  // Compared exactly: equity × 100 against measure × percent, without rounding the limit first.
  const scale = 10n ** BigInt(steg.maxProcent.decimals);
  if (compare(times(y.ekSlut, 100n * scale), times(matt, steg.maxProcent.digits)) <= 0) return undefined;
  const limit = percentOf(matt, steg.maxProcent, y.ekSlut.decimals);
  const what = regel.matt === "intakter" ? "intäkterna" : "medlemsavgifterna";
  return `Eget kapital vid slutet av ${y.ar} (${formatBelopp(y.ekSlut, enhet)}) är över ${formatProcent(steg.maxProcent)} av ${what} (${formatBelopp(limit, enhet)}). Regel: ${regel.kalla}`;
}

function proportionChecks(y: ProjektionsAr, enhet: Enhet): ProjektionsKontroll[] {
  const region = members(y, "region");
  if (region.length === 0) return [];
  const f = (a: Amount) => formatBelopp(a, enhet);
  const r = sumOf(region);
  const stat = sumOf(members(y, "stat"));
  const kommuner = sumOf(members(y, "kommun"));
  if (same(stat, times(r, 2n)) && same(kommuner, r)) return [];
  return [
    {
      typ: "medlemsavgifter_ej_50_25_25",
      ar: y.ar,
      meddelande: `Medlemsavgifterna ${y.ar} följer inte 50/25/25: staten ${f(stat)}, regionen ${f(r)}, kommunerna ${f(kommuner)}. Med regionens belopp ska staten betala ${f(times(r, 2n))} och kommunerna ${f(r)}.`,
    },
  ];
}

function splitChecks(y: ProjektionsAr, expected: ForvantadeAvgifter, enhet: Enhet): ProjektionsKontroll[] {
  const out: ProjektionsKontroll[] = [];
  const f = (a: Amount) => formatBelopp(a, enhet);
  const differ = (who: string, found: Amount, should: Amount) => {
    if (same(found, should)) return;
    out.push({
      typ: "avgift_avviker_fran_fordelning",
      ar: y.ar,
      meddelande: `${y.ar}: ${who} betalar ${f(found)} men avgiftsfördelningen ger ${f(should)} (skillnad ${f(minus(found, should))}).`,
    });
  };
  if (expected.stat) differ("staten", sumOf(members(y, "stat")), expected.stat);
  if (expected.region) differ("regionen", sumOf(members(y, "region")), expected.region);
  for (const k of expected.kommuner) {
    const rows = y.intakter.filter((r) => r.medlem === "kommun" && r.medlemskod === k.kod);
    differ(rows[0]?.post ?? `kommun ${k.kod}`, sumOf(rows), k.avgift);
  }
  return out;
}
