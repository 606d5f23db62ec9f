import type { InputProblem } from "../../domain/errors";
import type { JobFailure } from "../failure";
import type { FeeSplitResult } from "../../domain/fee/feeSplit";
import type { Initiativ } from "../../domain/initiatives/model";
import type { Oversikt } from "../../domain/initiatives/overview";
import type { ForbundProfile } from "../../domain/profile/profile";
import type { Projektion } from "../../domain/budget/projection";
import type { HeAnalysis } from "../../domain/scb/heAnalysis";
import type { TidyTable } from "../../domain/scb/tidy";
import type { SettingsStore } from "../../hosts/host";
import type { SheetKind } from "../../sheets/spec";
import type { ScbClient } from "../../sources/scb/api";
import type { CellGrid } from "../../sources/budget/budgetCells";
import type { EditedSheetDecision } from "../writeSheets";
import type { AllocationInput } from "../tilldelning/allocationJob";
import type { StagingHost, StagingStore } from "./stagingHost";

/** Where the pack's data come from besides the profile. */
export interface PackSources {
  /** SCB's API for populations and helårsekvivalenter; absent: the embedded real 2019 figures and `syntheticHe`. */
  scb?: ScbClient;
  /** Helårsekvivalenter without SCB: clearly labelled synthetic data for the kommuner (the caller's sample). */
  syntheticHe?: (kommuner: string[]) => TidyTable & { meta: { title: string; tableId: string } };
  /** The budget to import (cells as in a verksamhetsplan), and where it came from. Absent: the workbook's Budget table, if any. */
  budget?: { grid: CellGrid; kalla: string; enhet?: "kr" | "tkr" };
  /** Initiatives to write as the Initiativ table. Absent: the workbook's Initiativ table, if any. */
  initiativ?: { rows: Initiativ[]; kalla: string };
  /**
   * The state-allocation forecast's input for the profile (the caller's underlag, e.g. the whole country from
   * the embedded populations and synthetic försörjningsmått). Absent: the pack has no forecast sheet.
   */
  allocation?: (profile: ForbundProfile) => AllocationInput;
  /** The initiatives' report date (YYYY-MM-DD); default today. */
  initiativDatum?: string;
}

export interface PackOptions {
  /** A step's label (Swedish), its number (1-based) and the number of steps. */
  onProgress?: (step: string, index: number, count: number) => void;
  today?: Date;
  /** The workbook's document settings (the task pane); the pack stores what its jobs store, when it is written. */
  store?: SettingsStore;
  /** Unset: stop and ask when a sheet Samkalk wrote has been edited since (nothing is written). */
  onEdited?: EditedSheetDecision;
  signal?: AbortSignal;
}

/** What the pack's steps found, for the summary and the contents. */
export interface PackFacts {
  fee?: { sheet: string; result: FeeSplitResult };
  budget?: { sheets: string[]; projection: Projektion; projectionSheet: string };
  he?: { sheet: string; analysis: HeAnalysis; syntetisk: boolean };
  tilldelning?: { sheet: string };
  initiativ?: { oversikt: Oversikt; sheets: string[]; datum: string };
  /** Where each kind of data came from, in the order the steps used them ("Befolkning: SCB …"). */
  kallor: string[];
  varningar: string[];
  /** Sheets of the pack already in the workbook that the pack reads but does not rewrite (the user's Initiativ table). */
  befintliga: Array<{ name: string; kind: SheetKind }>;
}

export interface PackContext {
  host: StagingHost;
  store: StagingStore;
  profile: ForbundProfile;
  sources: PackSources;
  today: Date;
  signal?: AbortSignal;
  facts: PackFacts;
  /**
   * Sheets whose user edits a step has taken in (the fee sheet's typed populations): rewriting them loses
   * nothing the user typed there, so they do not count as edited when the pack is written.
   */
  merged: Set<string>;
  /** The population key's values by kommun code (befolkning keys only). */
  befolkning?: Map<string, number>;
}

/** One step of the pack: run against the staged workbook; throws InputError (Swedish) to stop the pack. */
export interface PackStep {
  id: string;
  /** Shown as progress and named when the step fails. */
  label: string;
  run(ctx: PackContext): Promise<void>;
}

export type PackOutcome =
  | {
      ok: true;
      /** Every sheet of the pack, in the workbook's order (Innehåll first). */
      sheets: string[];
      /** Raw data sheets (tidy SCB tables, the Budget table, the Initiativ table, history): in the workbook, not in the board's PDF. */
      rawSheets: string[];
      keptCopies: string[];
      facts: PackFacts;
      /** The profile the pack was built from: the Förbundsprofil sheet's when the user edited it (`profileFromSheet`). */
      profile: ForbundProfile;
      profileFromSheet: boolean;
      syncs: number;
      /** Every check of every sheet: how many, how many FEL, how many could not be checked yet. */
      checks: { total: number; failed: number; unchecked: number };
    }
  /**
   * `step`: the step that stopped the pack (its label); `editedSheets`: ask the user, then run again with onEdited;
   * `failure`: what failed when it is not the input (SCB out of reach, Excel refusing the write).
   */
  | { ok: false; step?: string; problems: InputProblem[]; editedSheets?: string[]; cancelled?: boolean; failure?: JobFailure };
