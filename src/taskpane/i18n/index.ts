/**
 * Every string the task pane shows, in Swedish and English, assembled from one file per view
 * (common.ts holds the shell and what several views share). Problems reported by the use case
 * (InputProblem) are Swedish by design and are shown as they come.
 */
import * as budget from "./budget";
import * as common from "./common";
import * as fee from "./fee";
import * as initiatives from "./initiatives";
import * as pack from "./pack";
import * as profile from "./profile";
import * as run from "./run";
import * as scb from "./scb";
import * as tilldelning from "./tilldelning";
import type { StringsOf } from "./stringsOf";

export type Lang = "sv" | "en";

/** Swedish when Office's display language is Swedish (sv, sv-SE, sv-FI), English otherwise. */
export function pickLang(displayLanguage: string | undefined | null): Lang {
  return (displayLanguage ?? "").toLowerCase().startsWith("sv") ? "sv" : "en";
}

/** The sections, each with its Swedish and English strings; a key belongs to exactly one section. */
export const SECTIONS = { common, run, profile, fee, initiatives, budget, scb, pack, tilldelning } as const;

const sv = { ...common.sv, ...run.sv, ...profile.sv, ...fee.sv, ...initiatives.sv, ...budget.sv, ...scb.sv, ...pack.sv, ...tilldelning.sv } as const;

export type Strings = StringsOf<typeof sv>;

const en: Strings = { ...common.en, ...run.en, ...profile.en, ...fee.en, ...initiatives.en, ...budget.en, ...scb.en, ...pack.en, ...tilldelning.en };

export const STRINGS: Record<Lang, Strings> = { sv, en };
