/**
 * Where things are on the "Statlig tilldelning <år>" sheet (0-based rows and columns), shared by the
 * builder, the formulas and the tests.
 */

/** The parameter table: label in A, value in B (yellow), unit C, year D, source E. */
export const PARAM = { heading: 5, header: 6, anslag: 7, grund: 8, viktF: 9, viktB: 10, sparr: 11, trappa: 12, kontroll: 13 } as const;

/** Derived figures, value in column B. */
export const CALC = { heading: 15, grundSumma: 16, attFordela: 17, fPott: 18, bPott: 19, fSumma: 20, bSumma: 21, underskott: 22, ospärrat: 23 } as const;

/** This förbund's line and the comparison with the decided allocation, value in column B. */
export const OWN = { heading: 25, prognos: 26, forra: 27, andringKr: 28, andringPct: 29 } as const;
export const COMPARE = { heading: 31, beslut: 32, prognos: 33, skillnadKr: 34, skillnadPct: 35 } as const;

export const MODEL_HEADING = 37;
export const MODEL_HEADER = 38;
export const MODEL_FIRST = 39;

/** The model table's columns: what the user reads (A–P), then the grey helper columns of every rounding step. */
export const M = {
  namn: 0,
  antal: 1,
  befolkning: 2,
  fm: 3,
  grund: 4,
  fdel: 5,
  bdel: 6,
  modell: 7,
  forra: 8,
  trappa: 9,
  golv: 10,
  galler: 11,
  avdrag: 12,
  prognos: 13,
  andringKr: 14,
  andringPct: 15,
  ordning: 16,
  fmTiondelar: 17,
  fGolv: 18,
  fRest: 19,
  fRang: 20,
  fTillagg: 21,
  bGolv: 22,
  bRest: 23,
  kGolv: 24,
  kRest: 25,
  kRang: 26,
  kTillagg: 27,
  kvot: 28,
  sparrad: 29,
  aVikt: 30,
  aGolv: 31,
  aRest: 32,
  aRang: 33,
  aTillagg: 34,
} as const;

export const MODEL_HEADERS: Record<keyof typeof M, string> = {
  namn: "Förbund",
  antal: "Antal förbund",
  befolkning: "Invånare 16–64 år",
  fm: "Försörjningsmått",
  grund: "Grundtilldelning",
  fdel: "Försörjningsdel",
  bdel: "Befolkningsdel",
  modell: "Modellbelopp",
  forra: "Tilldelning förra året",
  trappa: "Eget kapital över trappan (ja/nej)",
  golv: "Spärrgolv",
  galler: "Spärren gäller",
  avdrag: "Avdrag för spärren",
  prognos: "Prognos",
  andringKr: "Förändring (kr)",
  andringPct: "Förändring (%)",
  ordning: "Ordning",
  fmTiondelar: "Försörjningsmått i tiondelar",
  fGolv: "F golv",
  fRest: "F rest",
  fRang: "F rang",
  fTillagg: "F tillägg",
  bGolv: "B golv",
  bRest: "B rest",
  kGolv: "Modell golv",
  kRest: "Modell rest",
  kRang: "Modell rang",
  kTillagg: "Modell tillägg",
  kvot: "Golv / modell",
  sparrad: "Spärrad (1/0)",
  aVikt: "Avdragsvikt",
  aGolv: "Avdrag golv",
  aRest: "Avdrag rest",
  aRang: "Avdrag rang",
  aTillagg: "Avdrag tillägg",
};

/** The underlag per kommun, below the model table. */
export const U = { forbund: 0, kod: 1, namn: 2, befolkning: 3, fmSamkalk: 4, fmBrev: 5, fm: 6, fmTiondelar: 7 } as const;

export const UNDERLAG_HEADERS = [
  "Förbund",
  "Kod",
  "Kommun",
  "Invånare 16–64 år",
  "Försörjningsmått (Samkalk)",
  "Försörjningsmått enligt Försäkringskassans brev",
  "Försörjningsmått som används",
  "Försörjningsmått i tiondelar",
];

/** Rows of the model and underlag tables for n förbund and m kommuner. */
export function allocationRows(n: number, m: number) {
  const modelLast = MODEL_FIRST + n - 1;
  const modelSum = modelLast + 1;
  const modelCheck = modelSum + 1;
  const underlagHeading = modelCheck + 2;
  const underlagHeader = underlagHeading + 1;
  const underlagFirst = underlagHeader + 1;
  const underlagLast = underlagFirst + m - 1;
  const underlagSum = underlagLast + 1;
  return { modelFirst: MODEL_FIRST, modelLast, modelSum, modelCheck, underlagHeading, underlagHeader, underlagFirst, underlagLast, underlagSum, notesFirst: underlagSum + 2 };
}

/**
 * The small table beside this förbund's line that the budget projection reads: header on the row of
 * the heading, one data row on the forecast's row, from column E. Its forecast cell is the link target.
 */
export const BUDGET_LINK = { header: OWN.heading, data: OWN.prognos, col: 4 } as const;
export const BUDGET_LINK_HEADERS = ["År", "Förbund", "Statens bidrag (kr)", "Används i"] as const;
