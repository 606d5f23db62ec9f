import type { Amount } from "../amount";
import type { BudgetRad, Decimal, Enhet, Medlem, Sektion } from "./types";

export type LineKind = "heading" | "post" | "summa" | "resultat" | "ek_borjan" | "ek_slut";

/** One recognised line of the budget, with its amounts for every year column. */
export interface BudgetLine {
  kind: LineKind;
  /** The text as typed. */
  text: string;
  /** The text without a leading "- ". */
  post: string;
  /** A heading opens a section ("Intäkter") or a group ("Verksamheter"). */
  niva?: "sektion" | "grupp";
  /** A Summa line sums a group, or a whole section ("Summa kostnader"). */
  summerar?: "grupp" | "sektion";
  sektion?: Sektion;
  grupp?: string;
  medlem?: Medlem;
  medlemskod?: string;
  andel?: Decimal;
  /** 1-based sheet row. */
  rad: number;
  /** One amount per year (order of BudgetImport.ar); costs negative; empty cells are zero. */
  belopp: Amount[];
  /** A1 address of each amount. */
  celler: string[];
  /** For a Summa line: indices into `rader` of the lines it sums. */
  delar?: number[];
}

export type KontrollTyp =
  | "summa"
  | "summa_intakter"
  | "summa_kostnader"
  | "resultat"
  | "ek_slut"
  | "ek_borjan_nasta_ar"
  | "kommunernas_avgifter"
  | "statens_avgift";

/**
 * One recomputed figure. `forvantat` and `funnet` are in the sheet's own sign convention,
 * so they can be compared with what the user sees in the cell.
 */
export interface BudgetKontroll {
  typ: KontrollTyp;
  /** The checked line's text ("Summa kansli och styrelse"). */
  rad: string;
  ar: number;
  /** Address of the checked amount, or of the parts (e.g. "B5:B10") for the member fee checks. */
  cell: string;
  forvantat: Amount;
  funnet: Amount;
  ok: boolean;
  /** Swedish; for a failed check it names the line, year, cell and both amounts. */
  meddelande: string;
}

export type Kostnadstecken = "negativa" | "positiva";

export interface BudgetImport {
  enhet: Enhet;
  ar: number[];
  /** How the sheet wrote costs; the amounts returned here are always negative for costs. */
  kostnadstecken: Kostnadstecken;
  /** One row per post and year. */
  rader: BudgetRad[];
  /** Every non-empty line in sheet order, with its kind. */
  struktur: BudgetLine[];
  kontroller: BudgetKontroll[];
  /** Things the user should know that did not stop the import. */
  varningar: string[];
}

export interface BudgetImportOptions {
  /** Unit of the amounts; default: "kr"/"tkr" if the header row says so, else tkr. */
  enhet?: Enhet;
}
