/**
 * The state's allocation to the samordningsförbund (Nationella rådets fördelningsmodell, adopted
 * January 2015, in force from 2016, clarified 2019-06-14), as plain data. Amounts are whole kronor in
 * BigInt; percentages are hundredths of a percent (75 % = 7500n); försörjningsmått are tenths (12,3 = 123n).
 */

/** Percentages are held in hundredths of a percent: 100 % = 10 000. */
export const PERCENT_SCALE = 100n;
export const HUNDRED_PERCENT = 100n * PERCENT_SCALE;
/** Försörjningsmått are held in tenths (at most one decimal). */
export const FM_SCALE = 10n;

export interface AllocationKommun {
  kod: string;
  namn: string;
  /** The förbund the kommun belongs to; null: outside every förbund (listed, counts for nobody). */
  forbund: string | null;
  /** Inhabitants 16–64. */
  befolkning: bigint;
  /** Försörjningsmått in tenths. */
  forsorjningsmatt: bigint;
}

export interface AllocationForbund {
  namn: string;
  /** How many förbund the line stands for (1; more for "the rest of the country" as one line): the base counts so many times. */
  antal: number;
  /** Last year's allocation in kr; null: not known (the cap cannot apply). */
  forraAret: bigint | null;
  /** Equity above Nationella rådet's staircase: the cap does not protect the förbund. */
  overTrappan: boolean;
}

export interface AllocationRequest {
  ar: number;
  /** The national amount, kr. */
  anslag: bigint;
  /** The base per förbund, kr. */
  grund: bigint;
  /** Weights in hundredths of a percent; they sum to 10 000. */
  viktForsorjning: bigint;
  viktBefolkning: bigint;
  /** Largest yearly decrease in hundredths of a percent (1000 = 10 %); null: no cap. */
  sparr: bigint | null;
  /** In the order they are shown; ties in rounding go to the earlier one. */
  forbund: AllocationForbund[];
  kommuner: AllocationKommun[];
}

/** One förbund's line, with every rounding step the sheet shows. */
export interface ForbundAllocation {
  namn: string;
  antal: number;
  befolkning: bigint;
  forsorjningsmatt: bigint;
  grund: bigint;
  /** The försörjningsmått pot split by försörjningsmått (largest remainder). */
  forsorjningsdel: bigint;
  /** Model share minus försörjningsdel (so the model amount is within 1 kr of its exact quota). */
  befolkningsdel: bigint;
  /** grund + forsorjningsdel + befolkningsdel. */
  modell: bigint;
  forraAret: bigint | null;
  overTrappan: boolean;
  /** ⌈last year × (100 − cap) %⌉ where the cap can apply, else 0. */
  sparrGolv: bigint;
  /** The cap binds: the förbund gets its floor. */
  sparrGaller: boolean;
  /** What the förbund gives up towards the capped ones (0 for capped ones). */
  avdrag: bigint;
  /** The forecast. */
  tilldelning: bigint;
  steps: {
    /** Försörjningsmått part: floor and remainder numerator of F × fm / ΣF, extra unit. */
    fGolv: bigint;
    fRest: bigint;
    fExtra: bigint;
    /** Population part: floor and remainder numerator of P × pop / ΣP. */
    pGolv: bigint;
    pRest: bigint;
    /** The model share (both parts together) rounded as one. */
    kGolv: bigint;
    kRest: bigint;
    kExtra: bigint;
    /** The cut (avdrag): floor, remainder numerator and extra unit of D × modell / Σ modell of the uncapped. */
    cGolv: bigint;
    cRest: bigint;
    cExtra: bigint;
  };
}

export interface AllocationResult {
  request: AllocationRequest;
  /** Σ grund × antal. */
  grundSumma: bigint;
  /** What the keys share: anslag − grundSumma. */
  attFordela: bigint;
  /** The pots of the two keys (largest remainder of attFordela by the weights). */
  forsorjningsPott: bigint;
  befolkningsPott: bigint;
  /** Sums of the keys over the förbund (kommuner outside every förbund not counted). */
  forsorjningsSumma: bigint;
  befolkningSumma: bigint;
  /** The shortfall the capped förbund leave: Σ (floor − model) over them, taken from the others. */
  underskott: bigint;
  /** Σ model over the förbund the cap does not hold. */
  modellOspärrade: bigint;
  /** How many rounds of the cap's iteration held new förbund (0: the cap binds nowhere). */
  varv: number;
  forbund: ForbundAllocation[];
}
