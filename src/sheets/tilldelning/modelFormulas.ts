import { cellAddress, columnLetters } from "../../domain/a1";
import { apportionRowFormulas } from "../fee/apportionFormulas";
import { CALC, M, PARAM, U } from "./allocationLayout";

/**
 * The formulas of one förbund's line, with Excel 2016-era functions only (INT, ROUND, ROUNDUP, SUM,
 * SUMIF, SUMPRODUCT, COUNTIF, COUNTIFS, IF, MAX, SUBSTITUTE), the same steps as domain/tilldelning/model.ts:
 *
 *   försörjningsdel  largest remainder of the försörjningsmått pot by försörjningsmått (columns S–V)
 *   modellandel      F × fm / ΣF + P × pop / ΣP as one quota: the two floors, one more when the two
 *                    remainders together make a whole krona (carry), then largest remainder (Y–AB)
 *   spärrgolv        ROUNDUP(last year × (10000 − cap in hundredths of a percent) / 10000)
 *   spärrad          the förbund the cap's rounds would hold, in closed form: with T the förbund whose
 *                    floor/model ratio is larger, j is held iff golv_j × (Σmodell − Σ_T modell) >
 *                    modell_j × (anslag − Σ_T golv) (a förbund is held iff its ratio exceeds what is left
 *                    per krona of model once every förbund with a larger ratio is held)
 *   avdrag           largest remainder of the shortfall by the model amounts of the förbund not held (AE–AI)
 *
 * Every value is an integer in kronor (or tenths of försörjningsmått), exact in doubles below 2^53;
 * the use case refuses inputs beyond that.
 */
export interface ModelRows {
  first: number;
  last: number;
}
export interface UnderlagRows {
  first: number;
  last: number;
}

const abs = (row: number, col: number) => cellAddress(row, col, true);
const col = (c: number, rows: { first: number; last: number }) => `$${columnLetters(c)}$${rows.first + 1}:$${columnLetters(c)}$${rows.last + 1}`;

export const P = {
  anslag: abs(PARAM.anslag, 1),
  grund: abs(PARAM.grund, 1),
  viktF: abs(PARAM.viktF, 1),
  viktB: abs(PARAM.viktB, 1),
  sparr: abs(PARAM.sparr, 1),
  grundSumma: abs(CALC.grundSumma, 1),
  attFordela: abs(CALC.attFordela, 1),
  fPott: abs(CALC.fPott, 1),
  bPott: abs(CALC.bPott, 1),
  fSumma: abs(CALC.fSumma, 1),
  bSumma: abs(CALC.bSumma, 1),
  underskott: abs(CALC.underskott, 1),
  ospärrat: abs(CALC.ospärrat, 1),
};

/** The pots: the whole-krona split of what the keys share by the two weights (ties to försörjningsmått). */
export function potFormulas(): { fPott: string; bPott: string } {
  const r = P.attFordela;
  const wF = `ROUND(${P.viktF}*100,0)`;
  const wB = `ROUND(${P.viktB}*100,0)`;
  const W = `(${wF}+${wB})`;
  const gF = `INT(${r}*${wF}/${W})`;
  const gB = `INT(${r}*${wB}/${W})`;
  return {
    fPott: `${gF}+IF(${r}-${gF}-${gB}>=1,IF(${r}*${wF}-${gF}*${W}>=${r}*${wB}-${gB}*${W},1,0),0)`,
    bPott: `${r}-${P.fPott}`,
  };
}

/** Formulas of the derived figures that sum over the model table. */
export function calcFormulas(rows: ModelRows) {
  return {
    grundSumma: `${P.grund}*SUM(${col(M.antal, rows)})`,
    attFordela: `${P.anslag}-${P.grundSumma}`,
    fSumma: `SUM(${col(M.fmTiondelar, rows)})`,
    bSumma: `SUM(${col(M.befolkning, rows)})`,
    underskott: `SUMPRODUCT(${col(M.sparrad, rows)},${col(M.golv, rows)}-${col(M.modell, rows)})`,
    ospärrat: `SUM(${col(M.aVikt, rows)})`,
  };
}

export function modelRowFormulas(row: number, rows: ModelRows, under: UnderlagRows): Record<Exclude<keyof typeof M, "namn" | "antal" | "forra" | "trappa" | "ordning">, string> {
  const h = (c: number) => cellAddress(row, c);
  // The förbund's name as an exact criterion: = first (a name starting with < or > is no comparison), ~ * ? escaped.
  const exact = `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${h(M.namn)},"~","~~"),"*","~*"),"?","~?")`;
  const sumif = (c: number) => `SUMIF(${col(U.forbund, under)},${exact},${col(c, under)})`;
  const fSd = `MAX(1,${P.fSumma})`;
  const bSd = `MAX(1,${P.bSumma})`;
  const f = apportionRowFormulas(row, { vikt: M.fmTiondelar, ordning: M.ordning, golv: M.fGolv, rest: M.fRest, rang: M.fRang, tillagg: M.fTillagg }, rows, P.fPott);
  const a = apportionRowFormulas(row, { vikt: M.aVikt, ordning: M.ordning, golv: M.aGolv, rest: M.aRest, rang: M.aRang, tillagg: M.aTillagg }, rows, P.underskott);
  const kRests = col(M.kRest, rows);
  const kvoter = col(M.kvot, rows);
  const above = (c: number) => `SUMPRODUCT((${kvoter}>${h(M.kvot)})*${col(c, rows)})`;
  const forra = h(M.forra);
  return {
    befolkning: sumif(U.befolkning),
    fmTiondelar: sumif(U.fmTiondelar),
    fm: `${h(M.fmTiondelar)}/10`,
    grund: `${P.grund}*${h(M.antal)}`,
    fGolv: f.golv,
    fRest: f.rest,
    fRang: f.rang,
    fTillagg: f.tillagg,
    fdel: `${h(M.fGolv)}+${h(M.fTillagg)}`,
    bGolv: `IF(${P.bSumma}=0,0,INT(${P.bPott}*${h(M.befolkning)}/${P.bSumma}))`,
    bRest: `${P.bPott}*${h(M.befolkning)}-${h(M.bGolv)}*${bSd}`,
    kGolv: `${h(M.fGolv)}+${h(M.bGolv)}+IF(${h(M.fRest)}*${bSd}+${h(M.bRest)}*${fSd}>=${fSd}*${bSd},1,0)`,
    kRest: `${h(M.fRest)}*${bSd}+${h(M.bRest)}*${fSd}-(${h(M.kGolv)}-${h(M.fGolv)}-${h(M.bGolv)})*${fSd}*${bSd}`,
    kRang: `COUNTIF(${kRests},">"&${h(M.kRest)})+COUNTIFS(${kRests},${h(M.kRest)},${col(M.ordning, rows)},"<"&${h(M.ordning)})+1`,
    kTillagg: `IF(${h(M.kRang)}<=${P.attFordela}-SUM(${col(M.kGolv, rows)}),1,0)`,
    bdel: `${h(M.kGolv)}+${h(M.kTillagg)}-${h(M.fdel)}`,
    modell: `${h(M.grund)}+${h(M.kGolv)}+${h(M.kTillagg)}`,
    golv: `IF(OR(${P.sparr}="",${forra}="",${h(M.trappa)}="ja"),0,IF(${forra}<=0,0,ROUNDUP(${forra}*(10000-ROUND(${P.sparr}*100,0))/10000,0)))`,
    kvot: `IF(${h(M.golv)}=0,-1,IF(${h(M.modell)}=0,1E+300,${h(M.golv)}/${h(M.modell)}))`,
    sparrad: `IF(${h(M.golv)}=0,0,IF(${h(M.golv)}*(SUM(${col(M.modell, rows)})-${above(M.modell)})>${h(M.modell)}*(${P.anslag}-${above(M.golv)}),1,0))`,
    galler: `IF(${h(M.sparrad)}=1,"ja","nej")`,
    aVikt: `IF(${h(M.sparrad)}=1,0,${h(M.modell)})`,
    aGolv: a.golv,
    aRest: a.rest,
    aRang: a.rang,
    aTillagg: a.tillagg,
    avdrag: `${h(M.aGolv)}+${h(M.aTillagg)}`,
    prognos: `IF(${h(M.sparrad)}=1,${h(M.golv)},${h(M.modell)}-${h(M.avdrag)})`,
    andringKr: `IF(${forra}="","",${h(M.prognos)}-${forra})`,
    andringPct: `IF(OR(${forra}="",${forra}=0),"",${h(M.prognos)}/${forra}-1)`,
  };
}

/** The underlag row's formulas: the försörjningsmått used (the letter's figure where typed) and in tenths. */
export function underlagRowFormulas(row: number) {
  const h = (c: number) => cellAddress(row, c);
  return {
    fm: `IF(${h(U.fmBrev)}="",${h(U.fmSamkalk)},${h(U.fmBrev)})`,
    fmTiondelar: `ROUND(${h(U.fm)}*10,0)`,
  };
}
