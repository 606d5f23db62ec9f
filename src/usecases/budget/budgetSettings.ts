import { z } from "zod";
import { Amount, parseAmount, parseDecimal } from "../../domain/amount";
import type { UppfoljningsIndata } from "../../domain/budget/followUp";
import type { Antagande, EgetKapitalRegel, Medfinansiering, Medlemsavgifter } from "../../domain/budget/projection";
import type { Decimal, Enhet } from "../../domain/budget/types";
import type { InputProblem } from "../../domain/errors";
import type { SettingsStore } from "../../hosts/host";
import { storedSettingsValue } from "../storedSettings";

/**
 * The budget jobs' settings, as the task pane and the command line give them: amounts and percentages
 * as the user types them ("−1 580", "2,5"), years as numbers. Stored in the workbook under
 * BUDGET_SETTINGS_KEY so a colleague who opens it sees the same assumptions. Co-financing commitments
 * are shared: the follow-up sheet lists them and the projection takes them as costs.
 */

export const BUDGET_SETTINGS_KEY = "samkalk.budget";

const year = (what: string) =>
  z
    .number({ invalid_type_error: `${what} ska vara ett årtal.`, required_error: `Ange ${what.toLowerCase()}.` })
    .int(`${what} ska vara ett heltal.`)
    .min(2000, "Året ska vara 2000 eller senare.")
    .max(2100, "Året ska vara 2100 eller tidigare.");
const sektion = z.enum(["intäkter", "kostnader"]);
const perYear = z.record(z.string());

export const AntagandeSettingsSchema = z.object({
  post: z.string().optional(),
  grupp: z.string().optional(),
  arligForandring: z.string().optional(),
  forandringPerAr: perYear.optional(),
  fastaBelopp: perYear.optional(),
  sistaAr: year("Sista året").optional(),
});

export const ProjectionSettingsSchema = z.object({
  basAr: year("Basåret"),
  antalAr: z.number().int().min(1, "Prognosen ska omfatta 1–10 år.").max(10, "Prognosen ska omfatta 1–10 år.").optional(),
  /** Equity at the start of the first projected year; default: the imported budget's equity at the end of the base year. */
  ekBorjan: z.string().optional(),
  standardForandring: z.string().optional(),
  decimaler: z.number().int().min(0).max(2).optional(),
  antaganden: z.array(AntagandeSettingsSchema).optional(),
  /**
   * Assumptions the user typed on the projection sheet (a cell each; "" = emptied there): they stay on top
   * of the assumptions given (a board pack's plan, made anew each time) on later runs, until typed over on the
   * sheet again or until something else is given for the cell.
   */
  skrivetPaBladet: z
    .array(
      z.object({
        post: z.string().optional(),
        grupp: z.string().optional(),
        falt: z.enum(["arlig", "perAr", "fast", "sista"]),
        ar: z.number().int().optional(),
        varde: z.string(),
        /** What was given for the cell when it was typed ("" = nothing): a new value given later wins. */
        givet: z.string(),
      }),
    )
    .optional(),
  medlemsavgifter: z
    .array(
      z.object({
        ar: year("Året"),
        stat: z.string().optional(),
        region: z.string().optional(),
        kommuner: z.array(z.object({ kod: z.string(), namn: z.string().optional(), belopp: z.string() })).optional(),
      }),
    )
    .optional(),
  egetKapitalRegel: z
    .object({
      matt: z.enum(["medlemsavgifter", "intakter"]),
      kalla: z.string().trim().min(1, "Ange varifrån trappans nivåer kommer."),
      steg: z.array(z.object({ tillOchMed: z.string().nullable(), maxProcent: z.string() })),
    })
    .optional(),
});

export const FollowUpSettingsSchema = z.object({
  period: z.string().trim().min(1, "Ange perioden, t.ex. jan–jun 2021."),
  enhet: z.enum(["kr", "tkr"]).optional(),
  rader: z
    .array(z.object({ post: z.string().trim().min(1, "Ange postens namn."), sektion: sektion.optional(), grupp: z.string().optional(), budget: z.string(), utfall: z.string() }))
    .optional(),
  resultat: z.object({ budget: z.string(), utfall: z.string() }).optional(),
  procentDecimaler: z.number().int().min(0).max(3).optional(),
});

export const BudgetSettingsSchema = z.object({
  forbund: z.string().trim().min(1, "Ange förbundets namn."),
  /** Unit of the imported amounts; default: what the header row says, else tkr. */
  enhet: z.enum(["kr", "tkr"]).optional(),
  prognos: ProjectionSettingsSchema.optional(),
  uppfoljning: FollowUpSettingsSchema.optional(),
  /** Co-financing commitments, amounts per year in the budget's unit (positive). */
  medfinansiering: z.array(z.object({ namn: z.string().trim().min(1, "Ange åtagandets namn."), sektion: sektion.optional(), grupp: z.string().optional(), belopp: perYear })).optional(),
});

export type BudgetSettings = z.infer<typeof BudgetSettingsSchema>;
export type ProjectionSettings = z.infer<typeof ProjectionSettingsSchema>;
export type FollowUpSettings = z.infer<typeof FollowUpSettingsSchema>;

export function loadBudgetSettings(store: SettingsStore): BudgetSettings | null {
  const parsed = BudgetSettingsSchema.safeParse(storedSettingsValue(store, BUDGET_SETTINGS_KEY));
  return parsed.success ? parsed.data : null;
}

export function saveBudgetSettings(store: SettingsStore, s: BudgetSettings): Promise<void> {
  return store.set(BUDGET_SETTINGS_KEY, s);
}

/** zod issues as located Swedish problems. */
export function zodProblems(error: z.ZodError): InputProblem[] {
  return error.issues.map((i) => ({ plats: i.path.join("."), meddelande: i.message }));
}

/**
 * Largest amount in its smallest unit that the projection sheet computes exactly: the sheet multiplies
 * it by 10 000 + 100 × percent, and Excel is exact below 2^53 (and rounds on 15 digits).
 */
export const MAX_MINOR = 9_999_999_999n;

/** Parses typed numbers and collects every problem, with where it was. */
export class SettingsReader {
  readonly problems: InputProblem[] = [];

  amount(textIn: string | undefined, plats: string): Amount | undefined {
    if (textIn === undefined) return undefined;
    const a = parseAmount(textIn);
    if (!a) {
      this.problems.push({ plats, meddelande: `"${textIn}" är inte ett belopp. Skriv t.ex. −1 580 eller 400 000 (högst två decimaler).` });
      return undefined;
    }
    if ((a.minor < 0n ? -a.minor : a.minor) > MAX_MINOR) {
      this.problems.push({ plats, meddelande: `Beloppet ${textIn} är större än Samkalk räknar exakt i Excel (högst 9 999 999 999 i minsta enheten).` });
      return undefined;
    }
    return a;
  }

  percent(textIn: string | undefined, plats: string): Decimal | undefined {
    if (textIn === undefined || textIn.trim() === "") return undefined;
    const d = parseDecimal(textIn.replace(/%\s*$/, ""));
    if (!d) {
      this.problems.push({ plats, meddelande: `"${textIn}" är inte en procentsats. Skriv t.ex. 2,5.` });
      return undefined;
    }
    const scaled = Number(d.digits) / 10 ** d.decimals;
    if (d.decimals > 2) this.problems.push({ plats, meddelande: `Procentsatsen ${textIn} har fler än två decimaler.` });
    else if (scaled <= -100 || scaled > 1000) this.problems.push({ plats, meddelande: `Procentsatsen ${textIn} ska vara större än −100 och högst 1 000.` });
    else return d;
    return undefined;
  }

  perYear<T>(rec: Record<string, string> | undefined, plats: string, read: (v: string, plats: string) => T | undefined): Record<number, T> | undefined {
    if (!rec) return undefined;
    const out: Record<number, T> = {};
    for (const [k, v] of Object.entries(rec)) {
      const y = Number(k);
      if (!Number.isInteger(y) || y < 2000 || y > 2100) {
        this.problems.push({ plats, meddelande: `"${k}" är inte ett årtal.` });
        continue;
      }
      const value = read(v, `${plats} ${y}`);
      if (value !== undefined) out[y] = value;
    }
    return out;
  }
}

export function toAntaganden(r: SettingsReader, list: ProjectionSettings["antaganden"]): Antagande[] {
  return (list ?? []).map((a, i) => {
    const plats = `antagande ${i + 1}`;
    const arlig = r.percent(a.arligForandring, plats);
    const perAr = r.perYear(a.forandringPerAr, plats, (v, p) => r.percent(v, p));
    const fast = r.perYear(a.fastaBelopp, plats, (v, p) => r.amount(v, p));
    return {
      ...(a.post !== undefined ? { post: a.post } : {}),
      ...(a.grupp !== undefined ? { grupp: a.grupp } : {}),
      ...(arlig ? { arligForandring: arlig } : {}),
      ...(perAr && Object.keys(perAr).length > 0 ? { forandringPerAr: perAr } : {}),
      ...(fast && Object.keys(fast).length > 0 ? { fastaBelopp: fast } : {}),
      ...(a.sistaAr !== undefined ? { sistaAr: a.sistaAr } : {}),
    };
  });
}

export function toMedlemsavgifter(r: SettingsReader, list: ProjectionSettings["medlemsavgifter"]): Medlemsavgifter[] {
  return (list ?? []).map((m) => {
    const plats = `medlemsavgifter ${m.ar}`;
    const stat = r.amount(m.stat, `${plats}, staten`);
    const region = r.amount(m.region, `${plats}, regionen`);
    const kommuner = m.kommuner?.flatMap((k) => {
      const belopp = r.amount(k.belopp, `${plats}, kommun ${k.kod}`);
      return belopp ? [{ kod: k.kod.trim(), ...(k.namn ? { namn: k.namn } : {}), belopp }] : [];
    });
    return { ar: m.ar, ...(stat ? { stat } : {}), ...(region ? { region } : {}), ...(kommuner ? { kommuner } : {}) };
  });
}

export function toMedfinansiering(r: SettingsReader, list: BudgetSettings["medfinansiering"]): Medfinansiering[] {
  return (list ?? []).map((c) => ({
    namn: c.namn.trim(),
    sektion: c.sektion ?? "kostnader",
    ...(c.grupp ? { grupp: c.grupp } : {}),
    belopp: r.perYear(c.belopp, `medfinansiering "${c.namn.trim()}"`, (v, p) => r.amount(v, p)) ?? {},
  }));
}

export function toEgetKapitalRegel(r: SettingsReader, regel: ProjectionSettings["egetKapitalRegel"]): EgetKapitalRegel | undefined {
  if (!regel) return undefined;
  return {
    matt: regel.matt,
    kalla: regel.kalla.trim(),
    steg: regel.steg.flatMap((s, i) => {
      const plats = `trappsteg ${i + 1}`;
      const maxProcent = r.percent(s.maxProcent, plats);
      const tillOchMed = s.tillOchMed === null || s.tillOchMed.trim() === "" ? null : r.amount(s.tillOchMed, plats);
      return maxProcent && tillOchMed !== undefined ? [{ tillOchMed, maxProcent }] : [];
    }),
  };
}

export function toUppfoljning(r: SettingsReader, s: FollowUpSettings, enhet: Enhet): UppfoljningsIndata {
  const rader = (s.rader ?? []).flatMap((x, i) => {
    const budget = r.amount(x.budget, `rad ${i + 1} (${x.post}), budget`);
    const utfall = r.amount(x.utfall, `rad ${i + 1} (${x.post}), utfall`);
    return budget && utfall ? [{ post: x.post.trim(), ...(x.sektion ? { sektion: x.sektion } : {}), ...(x.grupp ? { grupp: x.grupp } : {}), budget, utfall }] : [];
  });
  const rb = s.resultat ? r.amount(s.resultat.budget, "resultat, budget") : undefined;
  const ru = s.resultat ? r.amount(s.resultat.utfall, "resultat, utfall") : undefined;
  return {
    period: s.period.trim(),
    enhet,
    rader,
    ...(rb && ru ? { resultat: { budget: rb, utfall: ru } } : {}),
    ...(s.procentDecimaler !== undefined ? { procentDecimaler: s.procentDecimaler } : {}),
  };
}
