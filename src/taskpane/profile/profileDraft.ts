import type { InputProblem } from "../../domain/errors";
import { kommunByCode } from "../../domain/kommuner";
import type { ForbundProfile, ProfileAmountPart } from "../../domain/profile/profile";
import { profileFromJson } from "../../sources/profile/profileJson";
import type { FeeSplitSettings } from "../../usecases/fee/feeSplitSettings";

/** The förbundsprofil as the pane edits it: texts as typed, numbers NaN while not whole numbers. Empty where nothing is known. */
export interface ProfileDraft {
  forbund: string;
  region: string;
  ar: number;
  /** Members in the förbund's order; `andel` is the fixed share as typed (used with the key "andel"). */
  kommuner: { kod: string; namn: string; andel: string }[];
  nyckel: { kind: "befolkning"; aldersFran: number; aldersTill: number; referensAr: number } | { kind: "andel" };
  belopp: string;
  avser: ProfileAmountPart;
  enhet: "kr" | "tkr";
}

export function emptyDraft(today = new Date()): ProfileDraft {
  const year = today.getFullYear();
  return {
    forbund: "",
    region: "",
    ar: year + 1,
    kommuner: [],
    nyckel: { kind: "befolkning", aldersFran: 20, aldersTill: 64, referensAr: year - 1 },
    belopp: "",
    avser: "total",
    enhet: "tkr",
  };
}

const namnOf = (kod: string) => kommunByCode(kod)?.namn ?? kod;

export function draftFromProfile(p: ForbundProfile): ProfileDraft {
  const andelar = p.nyckel.kind === "andel" ? p.nyckel.andelar : {};
  return {
    forbund: p.forbund,
    region: p.region,
    ar: p.ar,
    kommuner: p.kommuner.map((kod) => ({ kod, namn: namnOf(kod), andel: andelar[kod] ?? "" })),
    nyckel: p.nyckel.kind === "andel" ? { kind: "andel" } : { ...p.nyckel },
    belopp: p.belopp.varde,
    avser: p.belopp.avser,
    enhet: p.belopp.enhet,
  };
}

/** A draft from the fee split's stored choices (workbooks from before the profile existed). */
export function draftFromFeeSettings(f: FeeSplitSettings): ProfileDraft {
  return {
    forbund: f.forbund,
    region: f.region,
    ar: f.ar,
    kommuner: f.kommuner.map((k) => ({ kod: k.kod, namn: k.namn, andel: f.nyckel.kind === "andel" ? k.varde : "" })),
    nyckel: f.nyckel,
    belopp: f.belopp,
    avser: f.avser,
    enhet: f.enhet,
  };
}

/** The draft as a profile, checked by the profile's own rules (the file's and the workbook's); throws InputError located by field. */
export function profileFromDraft(d: ProfileDraft): ForbundProfile {
  const raw = {
    forbund: d.forbund,
    region: d.region,
    ar: Number.isInteger(d.ar) ? d.ar : null,
    kommuner: d.kommuner.map((k) => k.kod),
    nyckel:
      d.nyckel.kind === "befolkning"
        ? { alder: `${d.nyckel.aldersFran}-${d.nyckel.aldersTill}`, referensar: Number.isInteger(d.nyckel.referensAr) ? d.nyckel.referensAr : null }
        : { andelar: Object.fromEntries(d.kommuner.map((k) => [k.kod, k.andel])) },
    belopp: { [d.avser]: d.belopp, enhet: d.enhet },
  };
  return profileFromJson(raw, PROFILE_PLACE);
}

const PROFILE_PLACE = "förbundsprofilen";

/** The profile editor's fields, by key. */
export const PROFILE_FIELDS = ["forbund", "region", "ar", "kommuner", "aldersband", "referensar", "belopp"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** A place profileFromJson names ("förbundsprofilen, fältet nyckel.referensar") → the editor's field. */
export function profileFieldOf(plats: string): ProfileField | undefined {
  const m = new RegExp(`^${PROFILE_PLACE}, fältet ([\\wåäö.]+)$`).exec(plats);
  if (!m) return undefined;
  const path = m[1];
  if (path === "forbund" || path === "region" || path === "ar") return path;
  if (path.startsWith("kommuner") || path.startsWith("nyckel.andelar")) return "kommuner";
  if (path === "nyckel.alder") return "aldersband";
  if (path === "nyckel.referensar") return "referensar";
  if (path.startsWith("belopp")) return "belopp";
  return undefined;
}

/** Problems of a draft (empty: it is a valid profile). */
export function draftProblems(d: ProfileDraft): InputProblem[] {
  try {
    profileFromDraft(d);
    return [];
  } catch (e) {
    const problems = (e as { problems?: InputProblem[] }).problems;
    if (problems) return problems;
    throw e;
  }
}
