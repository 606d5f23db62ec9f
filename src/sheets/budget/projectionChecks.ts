import type { Amount } from "../../domain/amount";
import { compare, percentOf, total } from "../../domain/budget/money";
import type { ProjektionsKontrollTyp } from "../../domain/budget/projection";
import type { Medlem } from "../../domain/budget/types";
import { empty, formula, num, text } from "../cells";
import { PERCENT_FORMAT, columnRuns, decimalToNumber, money, sumOf } from "./common";
import { REGION_FEE_ROW, STAT_FEE_ROW, feeRef, kommunFee } from "./projectionFeeLinks";
import type { ProjectionGrid } from "./projectionLayout";

/** Row labels of the board's checks. */
export const CHECK_LABELS = {
  ekNegativ: "Eget kapital vid årets slut är inte negativt",
  matt: "Mått för trappan (medlemsavgifter/intäkter)",
  trappProcent: "Trappan: högsta eget kapital, % av måttet",
  trappGrans: "Trappan: högsta eget kapital",
  trappa: "Eget kapital inom trappan",
  proportion: "Medlemsavgifterna följer 50/25/25",
  avgiftsblad: "Avgifterna = bladet Medlemsavgifter <år>",
} as const;

/** What the check cells say (short: they stand in the year columns). */
export const CHECK_STATUS = {
  negativt: "FEL: negativt",
  overTrappan: "FEL: över trappan",
  ingenTrappa: "Ingen trappa",
  ingenNiva: "Ingen nivå",
  ej502525: "FEL: ej 50/25/25",
  ingenRegion: "Ingen region",
  avviker: "FEL: avviker",
  ingetBlad: "Inget blad",
} as const;
const S_ = CHECK_STATUS;

/**
 * Below the budget: the member fees in the budget, the board's checks as formulas (each with the value
 * the domain found), and the equity staircase as an editable rule table.
 */
export function writeProjectionChecks(g: ProjectionGrid): void {
  const { proj, years, dec, fmt, enhet, scale: f, yearCol, yc, lines, R, regel, steg, nTiers, put, yAt, links } = g;
  // Member fees in the budget.
  put(R.medlemHeading, 0, text("Medlemsavgifter i budgeten", "label"));
  const memberRows: [number, string, Medlem | undefined][] = [
    [R.stat, "Staten (Försäkringskassan)", "stat"],
    [R.region, "Regionen", "region"],
    [R.kommuner, "Kommunerna", "kommun"],
    [R.medlemsavgifter, "Summa medlemsavgifter", undefined],
  ];
  const memberSum = (j: number, m: Medlem | undefined): Amount => total(proj.ar[j].intakter.filter((x) => (m ? x.medlem === m : x.medlem)).map((x) => x.belopp));
  for (const [row, label, m] of memberRows) {
    put(row, 0, text(label, m ? undefined : "total"));
    years.forEach((_, j) => {
      const f = m
        ? sumOf(columnRuns(yc(j), lines.filter((l) => l.medlem === m).map((l) => l.row + 1)))
        : `${yAt(j, R.stat)}+${yAt(j, R.region)}+${yAt(j, R.kommuner)}`;
      put(row, yearCol(j), formula(f, money(memberSum(j, m)), m ? undefined : "total", fmt));
    });
  }

  // The board's checks.
  const has = (typ: ProjektionsKontrollTyp, ar: number) => proj.kontroller.some((k) => k.typ === typ && k.ar === ar);
  const matt = `$B$${R.mattVal + 1}`;
  const tierRow = (i: number) => R.forstaTrappsteg + i + 1; // Excel row
  const tierPct = `$C$${tierRow(0)}:$C$${tierRow(nTiers - 1)}`;
  const round = (x: string) => `ROUND(${x},${dec})`;
  put(R.kontrollHeading, 0, text("Kontroller", "label"));
  const checkLabels: [number, string][] = [
    [R.ekNegativ, CHECK_LABELS.ekNegativ],
    [R.matt, CHECK_LABELS.matt],
    [R.trappProcent, CHECK_LABELS.trappProcent],
    [R.trappGrans, CHECK_LABELS.trappGrans],
    [R.trappa, CHECK_LABELS.trappa],
    [R.proportion, CHECK_LABELS.proportion],
    [R.avgiftsblad, CHECK_LABELS.avgiftsblad],
  ];
  for (const [row, label] of checkLabels) put(row, 0, text(label, row === R.matt || row === R.trappProcent || row === R.trappGrans ? undefined : "check"));
  const hasRegion = lines.some((l) => l.medlem === "region");
  const mattKind = regel?.matt ?? "medlemsavgifter";
  proj.ar.forEach((y, j) => {
    const col = yearCol(j);
    const ek = yAt(j, R.ekSlut);
    put(R.ekNegativ, col, formula(`IF(${round(ek)}<0,"${S_.negativt}","OK")`, has("eget_kapital_negativt", y.ar) ? S_.negativt : "OK", "check"));
    const mAmount = mattKind === "intakter" ? y.summaIntakter : memberSum(j, undefined);
    const M = yAt(j, R.matt);
    put(R.matt, col, formula(`IF(${matt}="intäkter",${yAt(j, R.summaIntakter)},${yAt(j, R.medlemsavgifter)})`, money(mAmount), undefined, fmt));
    let pctFormula = '""';
    for (let i = nTiers - 1; i >= 0; i--) {
      const lim = `$B$${tierRow(i)}`;
      const pct = `$C$${tierRow(i)}`;
      pctFormula = `IF(AND(ISNUMBER(${pct}),OR(NOT(ISNUMBER(${lim})),ROUND(${M}*100,0)<=ROUND(${lim}*100,0))),${pct},${pctFormula})`;
    }
    const exactTier = steg.find((s) => s.tillOchMed === null || compare(mAmount, s.tillOchMed) <= 0);
    const P = yAt(j, R.trappProcent);
    put(R.trappProcent, col, formula(pctFormula, exactTier ? decimalToNumber(exactTier.maxProcent) : "", undefined, PERCENT_FORMAT));
    const limit = exactTier ? percentOf(mAmount, exactTier.maxProcent, dec) : undefined;
    const scaled = (x: string) => (dec === 0 ? `ROUND(${x},0)` : `ROUND(${x}*${f},0)`);
    const limitF = `IF(${P}="","",ROUND(${scaled(M)}*ROUND(${P}*100,0)/10000,0)${dec === 0 ? "" : `/${f}`})`;
    put(R.trappGrans, col, formula(limitF, limit ? money(limit) : "", undefined, fmt));
    const trappaExpected = steg.length === 0 ? S_.ingenTrappa : !exactTier ? S_.ingenNiva : has("eget_kapital_over_trappan", y.ar) ? S_.overTrappan : "OK";
    put(
      R.trappa,
      col,
      formula(
        `IF(COUNT(${tierPct})=0,"${S_.ingenTrappa}",IF(${P}="","${S_.ingenNiva}",IF(${scaled(ek)}*10000>${scaled(M)}*ROUND(${P}*100,0),"${S_.overTrappan}","OK")))`,
        trappaExpected,
        "check",
      ),
    );
    const S = yAt(j, R.stat);
    const Rg = yAt(j, R.region);
    const Km = yAt(j, R.kommuner);
    put(
      R.proportion,
      col,
      hasRegion
        ? formula(`IF(AND(${round(`${S}-2*${Rg}`)}=0,${round(`${Km}-${Rg}`)}=0),"OK","${S_.ej502525}")`, has("medlemsavgifter_ej_50_25_25", y.ar) ? S_.ej502525 : "OK", "check")
        : text(S_.ingenRegion, "muted"),
    );
    const link = links.get(y.ar);
    if (!link) {
      put(R.avgiftsblad, col, text(S_.ingetBlad, "muted"));
      return;
    }
    const conds = [
      `${round(`${S}-${feeRef(link, STAT_FEE_ROW)}`)}=0`,
      `${round(`${Rg}-${feeRef(link, REGION_FEE_ROW)}`)}=0`,
      ...link.kommunKoder.map((kod) => {
        const mine = sumOf(columnRuns(yc(j), lines.filter((l) => l.medlem === "kommun" && l.medlemskod === kod).map((l) => l.row + 1)));
        return `${round(`${mine}-${kommunFee(link, kod)}`)}=0`;
      }),
    ];
    const and = (cs: string[]): string => (cs.length <= 200 ? `AND(${cs.join(",")})` : `AND(${and(cs.slice(0, 200))},${and(cs.slice(200))})`);
    put(R.avgiftsblad, col, formula(`IF(${and(conds)},"OK","${S_.avviker}")`, has("avgift_avviker_fran_fordelning", y.ar) ? S_.avviker : "OK", "check"));
  });

  // The equity staircase: an editable rule table, empty unless the förbund has filled it in.
  put(R.trappHeading, 0, text("Trappa för eget kapital", "label"));
  put(R.trappNote, 0, text("Fyll i nivåerna enligt Nationella rådets rekommendation. Samkalk har inga inbyggda", "note"));
  put(R.trappNote + 1, 0, text("nivåer: en tom trappa kontrolleras inte.", "note"));
  put(R.mattVal, 0, text("Mått"));
  put(R.mattVal, 1, text(mattKind === "intakter" ? "intäkter" : "medlemsavgifter", "input"));
  put(R.kalla, 0, text("Källa för nivåerna"));
  put(R.kalla, 1, text(regel?.kalla ?? "", "input"));
  put(R.trappHeader, 0, text("Nivå", "header"));
  put(R.trappHeader, 1, text(`Mått till och med (${enhet}), tom = alla högre`, "header"));
  put(R.trappHeader, 2, text("Högst eget kapital, % av måttet", "header"));
  for (let i = 0; i < nTiers; i++) {
    const s = steg[i];
    put(R.forstaTrappsteg + i, 0, text(`Nivå ${i + 1}`));
    put(R.forstaTrappsteg + i, 1, s && s.tillOchMed ? num(money(s.tillOchMed), "input", fmt) : empty("input"));
    put(R.forstaTrappsteg + i, 2, s ? num(decimalToNumber(s.maxProcent), "input", PERCENT_FORMAT) : empty("input"));
  }
}
