import { formatAmount } from "../../domain/amount";
import type { Enhet } from "../../domain/budget/types";
import type { InputProblem } from "../../domain/errors";
import type { ReadValue } from "../../sheets/spec";
import { parseBudgetTable, type BudgetSettings, type ProjectionSettings } from "../../usecases/budget/budgetJob";
import type { BudgetImport } from "../../sources/budget/budgetCells";

/**
 * The Budget view's form, and how it becomes the settings the budget jobs take. What the form does not
 * show (assumptions per post, the equity staircase, the follow-up's lines) is kept from the settings
 * stored in the workbook, so a run from the task pane never drops it.
 */

/** A projected year's member fees: from the "Medlemsavgifter <år>" sheet, or typed here. */
export interface FeeYearForm {
  mode: "blad" | "belopp";
  /** The state's contribution (Försäkringskassan), in both modes. */
  stat: string;
  region: string;
  /** Kommun code → amount. */
  kommuner: Record<string, string>;
}

/** One line of a co-financing commitment: its name, a year and that year's amount. */
export interface CommitmentRow {
  namn: string;
  ar: string;
  belopp: string;
  sektion?: "intäkter" | "kostnader";
  grupp?: string;
}

export interface BudgetForm {
  forbund: string;
  /** The unit of the budget being imported. */
  enhet: Enhet;
  basAr: number | null;
  standardForandring: string;
  ekBorjan: string;
  avgifter: Record<number, FeeYearForm>;
  medfinansiering: CommitmentRow[];
  period: string;
  uppfEnhet: Enhet;
  resultatBudget: string;
  resultatUtfall: string;
}

export const PROJECTION_YEARS = 3;

export const emptyFeeYear = (): FeeYearForm => ({ mode: "blad", stat: "", region: "", kommuner: {} });

export const emptyCommitment = (): CommitmentRow => ({ namn: "", ar: "", belopp: "" });

const blank = (t: string | undefined) => t === undefined || t.trim() === "";

/** The form as the stored settings left it (or empty). */
export function formFromSettings(stored: BudgetSettings | null): BudgetForm {
  const p = stored?.prognos;
  const u = stored?.uppfoljning;
  const avgifter: Record<number, FeeYearForm> = {};
  for (const m of p?.medlemsavgifter ?? []) {
    const kommuner = Object.fromEntries((m.kommuner ?? []).map((k) => [k.kod, k.belopp]));
    const typed = m.region !== undefined || Object.keys(kommuner).length > 0;
    avgifter[m.ar] = { mode: typed ? "belopp" : "blad", stat: m.stat ?? "", region: m.region ?? "", kommuner };
  }
  const medfinansiering: CommitmentRow[] = (stored?.medfinansiering ?? []).flatMap((c) =>
    Object.entries(c.belopp).map(([ar, belopp]) => ({
      namn: c.namn,
      ar,
      belopp,
      ...(c.sektion ? { sektion: c.sektion } : {}),
      ...(c.grupp ? { grupp: c.grupp } : {}),
    })),
  );
  return {
    forbund: stored?.forbund ?? "",
    enhet: stored?.enhet ?? "tkr",
    basAr: p?.basAr ?? null,
    standardForandring: p?.standardForandring ?? "",
    ekBorjan: p?.ekBorjan ?? "",
    avgifter,
    medfinansiering,
    period: u?.period ?? "",
    uppfEnhet: u?.enhet ?? "kr",
    resultatBudget: u?.resultat?.budget ?? "",
    resultatUtfall: u?.resultat?.utfall ?? "",
  };
}

/** The years a projection from `basAr` covers. */
export function projectionYears(basAr: number | null, antalAr = PROJECTION_YEARS): number[] {
  return basAr === null ? [] : Array.from({ length: antalAr }, (_, i) => basAr + 1 + i);
}

/** The import takes only the förbund and the unit; everything else stored stays as it is. */
export function importSettings(form: BudgetForm): BudgetSettings {
  return { forbund: form.forbund, enhet: form.enhet };
}

/**
 * The commitments, grouped by name. A name given the same year twice is refused here (the settings keep
 * one amount per year), as a located problem.
 */
export function commitments(rows: CommitmentRow[]): { list: NonNullable<BudgetSettings["medfinansiering"]>; problems: InputProblem[] } {
  const list: NonNullable<BudgetSettings["medfinansiering"]> = [];
  const problems: InputProblem[] = [];
  rows.forEach((r, i) => {
    if (blank(r.namn) && blank(r.ar) && blank(r.belopp)) return;
    const namn = r.namn.trim();
    if (namn === "") {
      problems.push({ plats: `medfinansiering, rad ${i + 1}`, meddelande: "Ange åtagandets namn." });
      return;
    }
    let c = list.find((x) => x.namn.trim() === namn);
    if (!c) list.push((c = { namn, belopp: {}, ...(r.sektion ? { sektion: r.sektion } : {}), ...(r.grupp ? { grupp: r.grupp } : {}) }));
    const ar = r.ar.trim();
    if (Object.prototype.hasOwnProperty.call(c.belopp, ar)) {
      problems.push({ plats: `medfinansiering, rad ${i + 1}`, meddelande: `"${namn}" har redan ett belopp för ${ar || "samma år"}. Ange varje år en gång.` });
      return;
    }
    c.belopp[ar] = r.belopp.trim();
  });
  return { list, problems };
}

/** Typed member fees for the projected years; a year with nothing typed is left out (the sheet, or the change %, decides). */
export function feeSettings(form: BudgetForm, years: number[]): NonNullable<ProjectionSettings["medlemsavgifter"]> {
  return years.flatMap((ar) => {
    const f = form.avgifter[ar];
    if (!f) return [];
    const stat = blank(f.stat) ? undefined : f.stat.trim();
    const typed = f.mode === "belopp";
    const region = typed && !blank(f.region) ? f.region.trim() : undefined;
    const kommuner = typed
      ? Object.entries(f.kommuner)
          .filter(([, v]) => !blank(v))
          .map(([kod, belopp]) => ({ kod, belopp: belopp.trim() }))
      : [];
    if (stat === undefined && region === undefined && kommuner.length === 0) return [];
    return [{ ar, ...(stat !== undefined ? { stat } : {}), ...(region !== undefined ? { region } : {}), ...(kommuner.length > 0 ? { kommuner } : {}) }];
  });
}

/** The projection's settings: the form's choices over the stored assumptions (per post, staircase, decimals). */
export function projectionSettings(form: BudgetForm, stored: BudgetSettings | null, basAr: number): BudgetSettings {
  const kept = stored?.prognos;
  const antalAr = kept?.antalAr ?? PROJECTION_YEARS;
  const years = projectionYears(basAr, antalAr);
  const fees = feeSettings(form, years);
  const prognos: ProjectionSettings = {
    ...(kept ?? {}),
    basAr,
    antalAr,
    ...(blank(form.standardForandring) ? { standardForandring: undefined } : { standardForandring: form.standardForandring.trim() }),
    ...(blank(form.ekBorjan) ? { ekBorjan: undefined } : { ekBorjan: form.ekBorjan.trim() }),
    medlemsavgifter: fees,
  };
  // Keys set to undefined are dropped, so the stored settings do not keep them.
  const clean = Object.fromEntries(Object.entries(prognos).filter(([, v]) => v !== undefined)) as ProjectionSettings;
  return { forbund: form.forbund, enhet: form.enhet, prognos: clean, medfinansiering: commitments(form.medfinansiering).list };
}

/** The follow-up's settings: period, unit and result from the form, the lines as stored. */
export function followUpSettings(form: BudgetForm, stored: BudgetSettings | null): BudgetSettings {
  const kept = stored?.uppfoljning;
  const resultat = blank(form.resultatBudget) && blank(form.resultatUtfall) ? undefined : { budget: form.resultatBudget.trim(), utfall: form.resultatUtfall.trim() };
  const { period: _period, enhet: _enhet, resultat: _resultat, ...rest } = kept ?? {};
  return {
    forbund: form.forbund,
    enhet: form.enhet,
    ...(stored?.prognos ? { prognos: stored.prognos } : {}),
    uppfoljning: { ...rest, period: form.period, enhet: form.uppfEnhet, ...(resultat ? { resultat } : {}) },
    medfinansiering: commitments(form.medfinansiering).list,
  };
}

/** What the view knows of the Samkalk_Budget table: its years and unit, and the members of a base year. */
export interface TableInfo {
  ar: number[];
  enhet?: Enhet;
  region: boolean;
  kommuner: { kod: string; post: string }[];
}

export interface RawTable {
  header: string[];
  body: ReadValue[][];
}

/** The table's years and the base year's members; a table that cannot be read gives what its År column says. */
export function tableInfo(table: RawTable | null, basAr: number | null): TableInfo | null {
  if (!table) return null;
  try {
    const base = parseBudgetTable(table.header, table.body, basAr ?? 0);
    const kommuner = base.bas.flatMap((b) => (b.medlem === "kommun" && b.medlemskod ? [{ kod: b.medlemskod, post: b.post }] : []));
    return { ar: base.ar, enhet: base.enhet, region: base.bas.some((b) => b.medlem === "region"), kommuner };
  } catch {
    const col = table.header.findIndex((h) => h.trim().toLowerCase() === "år");
    const years = new Set(table.body.map((r) => Number(r[col])).filter((y) => Number.isInteger(y) && y >= 2000 && y <= 2100));
    return { ar: [...years].sort((a, b) => a - b), region: false, kommuner: [] };
  }
}

/** Equity at the end of each year of an import ("Eget kapital vid årets slut"), as the user would type it. */
export function equityByYear(imp: BudgetImport): Record<number, string> {
  const ek = imp.struktur.find((l) => l.kind === "ek_slut");
  if (!ek) return {};
  return Object.fromEntries(imp.ar.map((y, j) => [y, formatAmount(ek.belopp[j])]));
}
