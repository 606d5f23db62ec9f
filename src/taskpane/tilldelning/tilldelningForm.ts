import type { InputProblem } from "../../domain/errors";
import type { AllocationLocations } from "../../domain/tilldelning/request";
import type { ForbundAllocation } from "../../domain/tilldelning/types";
import { NATIONELLT_ANSLAG, wholeCountryAllocationInput } from "../../samples/wholeCountryAllocation";
import type { AllocationInput } from "../../usecases/tilldelning/allocationJob";
import { swedishNumber } from "../DecimalField";
import { draftProblems, profileFieldOf, type ProfileDraft } from "../profile/profileDraft";

/** The view's own fields, as typed (the year NaN while it is not a whole number). */
export interface TilldelningForm {
  /** The year forecast; null: the profile's budget year. */
  ar: number | null;
  anslag: string;
  grund: string;
  /** Largest yearly decrease in %; "" = no cap. */
  sparr: string;
  /** Last year's allocation to this förbund, kr; "" = not known. */
  forraAret: string;
}

export const defaultTilldelningForm = (): TilldelningForm => ({
  ar: null,
  anslag: swedishNumber(NATIONELLT_ANSLAG),
  grund: swedishNumber("400000"),
  sparr: "10",
  forraAret: "",
});

/** The keys of the view's fields (the profile's fields come besides). */
export type TilldelningField = "tilldelningAr" | "anslag" | "grund" | "sparr" | "forraAret";

/**
 * Where the use case's problems are, named so the view can place them: each field by its key; the
 * user's förbund is the underlag's first förbund, where only last year's allocation can be wrong.
 */
export const TILLDELNING_LOCATIONS: AllocationLocations = {
  field: (f) => f,
  kommun: (i) => `underlaget, kommun ${i + 1}`,
  forbund: (i) => (i === 0 ? "forraAret" : `underlaget, förbund ${i + 1}`),
};

const FIELD_OF: Record<string, TilldelningField> = {
  anslag: "anslag",
  grund: "grund",
  sparr: "sparr",
  forraAret: "forraAret",
  ar: "tilldelningAr",
  "förra årets tilldelning": "forraAret",
};

/** A place the use case or the view names → the view's field (the profile's included). */
export const placeOf = (plats: string): string | undefined => profileFieldOf(plats) ?? FIELD_OF[plats];

export const yearOf = (form: TilldelningForm, draft: ProfileDraft): number => form.ar ?? draft.ar;

/**
 * What must hold before the forecast runs: the förbund's name and members in the profile (the rest of
 * the profile is not used here), and a year. `yearProblem` is the view's wording.
 */
export function tilldelningProblems(form: TilldelningForm, draft: ProfileDraft, yearProblem: string): InputProblem[] {
  const profile = draftProblems(draft).filter((p) => {
    const f = profileFieldOf(p.plats ?? "");
    return f === "forbund" || f === "kommuner";
  });
  const ar = yearOf(form, draft);
  const year = Number.isInteger(ar) && ar >= 2000 && ar <= 2100 ? [] : [{ plats: "ar", meddelande: yearProblem }];
  return [...profile, ...year];
}

/** The whole-country underlag for the profile's förbund with the view's figures: the use case's input. */
export function tilldelningInput(form: TilldelningForm, draft: ProfileDraft): AllocationInput {
  const forbund = draft.forbund.trim();
  const input = wholeCountryAllocationInput({
    forbund,
    kommuner: draft.kommuner.map((k) => k.kod),
    ar: yearOf(form, draft),
    anslag: form.anslag,
    ...(form.forraAret.trim() !== "" ? { forraAret: form.forraAret } : {}),
  });
  return { ...input, grund: form.grund, sparr: form.sparr };
}

/** What the status area shows of a forecast: this förbund's line, and the change against last year where known. */
export interface TilldelningDone {
  sheetName: string;
  ar: number;
  forbund: ForbundAllocation;
  /** Forecast − last year, kr, and in % of last year; null where last year is not known. */
  forandring: { kr: bigint; procent: number } | null;
  sparr: string;
  keptCopies: string[];
}

export function changeOf(f: ForbundAllocation): TilldelningDone["forandring"] {
  if (f.forraAret === null) return null;
  const kr = f.tilldelning - f.forraAret;
  return { kr, procent: f.forraAret > 0n ? (Number(kr) / Number(f.forraAret)) * 100 : 0 };
}
