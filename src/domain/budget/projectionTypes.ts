import type { Amount } from "../amount";
import type { Decimal, Enhet, Medlem, Sektion } from "./types";

/** A post of the base year (a BudgetRad of that year will do). Costs negative. */
export interface BasPost {
  sektion: Sektion;
  grupp?: string;
  post: string;
  belopp: Amount;
  medlem?: Medlem;
  medlemskod?: string;
}

/**
 * An assumption for one post, or for every post of a group. For each year: nothing after `sistaAr`;
 * else the post's fixed amount; else the first change in % of: the post's for that year, the post's
 * yearly, the group's for that year, the group's yearly, the projection's standard.
 */
export interface Antagande {
  post?: string;
  grupp?: string;
  /** Yearly change in percent for every year, e.g. 2,5 % = { digits: 25n, decimals: 1 }. */
  arligForandring?: Decimal;
  /** Change in percent for a given year, instead of `arligForandring`. */
  forandringPerAr?: Record<number, Decimal>;
  /** Fixed amounts per year, signed as in the table (costs negative); posts only. */
  fastaBelopp?: Record<number, Amount>;
  /** Last year the post has an amount (an insats that stops); later years are 0. */
  sistaAr?: number;
}

/** Member fees decided for a year. `stat` is the state's contribution (paid by Försäkringskassan). */
export interface Medlemsavgifter {
  ar: number;
  stat?: Amount;
  region?: Amount;
  /** The complete list for the year: kommuner left out pay 0. */
  kommuner?: { kod: string; namn?: string; belopp: Amount }[];
}

/** A co-financing commitment, e.g. 400 tkr 2022 and 200 tkr 2023 (seed 003). Amounts as positive sums. */
export interface Medfinansiering {
  namn: string;
  sektion: Sektion;
  /** Cost group; default "Medfinansiering". */
  grupp?: string;
  belopp: Record<number, Amount>;
}

/** Fees a fee split says each member should pay in a year, to compare with the projection. */
export interface ForvantadeAvgifter {
  ar: number;
  enhet: Enhet;
  stat?: Amount;
  region?: Amount;
  kommuner: { kod: string; avgift: Amount }[];
}

/** One tier of an equity staircase: up to `tillOchMed` of the measure, equity may be `maxProcent` of it. */
export interface TrappSteg {
  /** Upper bound of the measure for this tier (inclusive), in the budget's unit; null = every higher amount. */
  tillOchMed: Amount | null;
  maxProcent: Decimal;
}

/**
 * An editable rule for how much equity is acceptable. The measure is the year's member fees or total
 * income. Fill the tiers in from Nationella rådet's recommendation; none are built in.
 */
export interface EgetKapitalRegel {
  matt: "medlemsavgifter" | "intakter";
  steg: TrappSteg[];
  /** Where the tiers come from, shown with every finding. */
  kalla: string;
}

export interface ProjektionsIndata {
  enhet: Enhet;
  /** The year the base amounts belong to; the projection covers the following years. */
  basAr: number;
  /** Default 3. */
  antalAr?: number;
  bas: BasPost[];
  /** Equity at the start of the first projected year (= at the end of the base year). */
  ekBorjan: Amount;
  /** Change for posts without an assumption; default 0 %. */
  standardForandring?: Decimal;
  antaganden?: Antagande[];
  medlemsavgifter?: Medlemsavgifter[];
  medfinansiering?: Medfinansiering[];
  egetKapitalRegel?: EgetKapitalRegel;
  avgiftsfordelning?: ForvantadeAvgifter[];
  /** Decimals of every projected amount; default 0 (whole tkr or kr). */
  decimaler?: number;
}

export type Grund = "oförändrad" | "förändring" | "fast belopp" | "avslutad" | "medlemsavgift" | "medfinansiering";

export interface ProjektionsRad {
  post: string;
  grupp?: string;
  medlem?: Medlem;
  medlemskod?: string;
  belopp: Amount;
  /** Which rule gave the amount. */
  grund: Grund;
}

export interface KostnadsGrupp {
  grupp: string;
  poster: ProjektionsRad[];
  summa: Amount;
}

export interface ProjektionsAr {
  ar: number;
  intakter: ProjektionsRad[];
  summaIntakter: Amount;
  kostnader: KostnadsGrupp[];
  summaKostnader: Amount;
  resultat: Amount;
  ekBorjan: Amount;
  ekSlut: Amount;
}

export type ProjektionsKontrollTyp =
  | "eget_kapital_negativt"
  | "eget_kapital_over_trappan"
  | "medlemsavgifter_ej_50_25_25"
  | "avgift_avviker_fran_fordelning";

/** A finding about the projection; the amounts are not changed. */
export interface ProjektionsKontroll {
  typ: ProjektionsKontrollTyp;
  ar: number;
  meddelande: string;
}

export interface Projektion {
  enhet: Enhet;
  basAr: number;
  ar: ProjektionsAr[];
  kontroller: ProjektionsKontroll[];
  varningar: string[];
}

export const OVRIGA_KOSTNADER = "Övriga kostnader";
export const MEDFINANSIERING = "Medfinansiering";

/** The default rule: no tiers, so nothing is checked until the förbund fills them in. */
export const INGEN_TRAPPA: EgetKapitalRegel = {
  matt: "medlemsavgifter",
  steg: [],
  kalla: "Ingen trappa angiven. Fyll i nivåerna enligt Nationella rådets rekommendation.",
};
