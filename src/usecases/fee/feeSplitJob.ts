import { protectionMessage } from "../../hosts/preflight";
import { formatAmount, parseAmount } from "../../domain/amount";
import { InputError, InputProblem } from "../../domain/errors";
import { FeeSplitRequest, FeeSplitResult, computeFeeSplit } from "../../domain/fee/feeSplit";
import type { SettingsStore, WorkbookHost, WriteReport } from "../../hosts/host";
import { FEE_SHEET_LAYOUT, buildFeeSheet, feeSheetName, feeTableName } from "../../sheets/fee/feeSheet";
import { cellAddress } from "../../domain/a1";
import { toMemberKeys } from "../../sources/fee/memberKeys";
import { inspectAndWrite } from "../writeSheets";
import { failureOf, withFailure, type JobFailure } from "../failure";
import { FeeSplitSettings, FeeSplitSettingsSchema, loadFeeSettings, saveFeeSettings } from "./feeSplitSettings";
import { appendAll } from "../../domain/arrays";
import { mergeTypedKeys } from "./feeSheetTypedMerge";

export * from "./feeSplitSettings";

export type FeeSplitJobOutcome =
  | {
      ok: true;
      sheetName: string;
      summary: { total: string; stat: string; region: string; kommuner: string; enhet: string };
      varningar: string[];
      /** Values the user had typed into the sheet's input table that were kept. */
      keptUserValues: number;
      /** The settings actually used (with the kept values), as now stored in the workbook. */
      settings: FeeSplitSettings;
      result: FeeSplitResult;
      report: WriteReport;
    }
  | { ok: false; problems: InputProblem[]; failure?: JobFailure };

export interface FeeSplitJobOptions {
  lang: "sv" | "en";
  today?: Date;
  /** Where the choices are stored in the workbook; also tells which values Samkalk wrote last time. */
  store?: SettingsStore;
  onProgress?: (step: string, fraction: number) => void;
  /** The values given replace the keys typed on the sheet, now and on later runs (filled from SCB on the user's click). */
  replaceTyped?: boolean;
}

/** Settings → domain request, with every problem located. Throws InputError. */
export function toFeeSplitRequest(s: FeeSplitSettings, locate: (i: number) => string = (i) => `rad ${i + 1}`): FeeSplitRequest {
  const problems: InputProblem[] = [];
  const belopp = parseAmount(s.belopp);
  if (s.belopp.trim() === "") problems.push({ plats: "belopp", meddelande: "Ange ett belopp." });
  else if (!belopp) problems.push({ plats: "belopp", meddelande: `"${s.belopp}" är inte ett belopp. Skriv t.ex. 11 380 eller 57 649 000,50 (högst två decimaler).` });
  const mode = s.nyckel.kind;
  if (s.nyckel.kind === "befolkning" && s.nyckel.aldersFran > s.nyckel.aldersTill) {
    problems.push({ plats: "åldersgrupp", meddelande: `Åldersgruppen ${s.nyckel.aldersFran}–${s.nyckel.aldersTill} år börjar efter att den slutar.` });
  }
  const { members, problems: memberProblems } = toMemberKeys(s.kommuner, mode, locate);
  appendAll(problems, memberProblems);
  if (problems.length > 0) throw new InputError(problems);
  return { forbund: s.forbund.trim(), region: s.region.trim(), ar: s.ar, belopp: belopp!, avser: s.avser, enhet: s.enhet, nyckel: s.nyckel, kommuner: members };
}

const STEPS = {
  sv: { read: "Läser arbetsboken", compute: "Räknar fördelningen", write: "Skriver bladet", done: "Klart" },
  en: { read: "Reading the workbook", compute: "Computing the split", write: "Writing the sheet", done: "Done" },
} as const;

export async function runFeeSplitJob(host: WorkbookHost, input: FeeSplitSettings, opts: FeeSplitJobOptions): Promise<FeeSplitJobOutcome> {
  const report = opts.onProgress ?? (() => undefined);
  const steps = STEPS[opts.lang];
  const progress = (step: keyof typeof STEPS.sv, fraction: number) => report(steps[step], fraction);
  const parsed = FeeSplitSettingsSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ plats: i.path.join("."), meddelande: i.message })) };
  }
  const sheetName = feeSheetName(parsed.data.ar);
  const tableName = feeTableName(parsed.data.ar);
  try {
    // Validate before touching the workbook at all.
    toFeeSplitRequest(parsed.data);
    progress("read", 0.2);
    // Decided from the inspected sheet, inside the write's round trips (usecases/writeSheets inspectAndWrite).
    const decided: { refusal?: InputProblem; done?: { settings: FeeSplitSettings; kept: number; result: FeeSplitResult } } = {};
    const { report: written } = await inspectAndWrite(host, { sheetName, tableNames: [tableName] }, (state) => {
      if (state.exists && !state.ownedBySamkalk) {
        decided.refusal = {
          plats: `bladet "${sheetName}"`,
          meddelande: "Det finns redan ett blad med det namnet som inte är skapat av Samkalk. Byt namn på det bladet (eller välj ett annat år); Samkalk skriver inte över det.",
        };
        return null;
      }
      const locked = protectionMessage(sheetName, state);
      if (locked) {
        decided.refusal = { plats: `bladet "${sheetName}"`, meddelande: locked };
        return null;
      }
      const previous = opts.store ? loadFeeSettings(opts.store) : null;
      // Keys typed on the sheet (this time or on earlier runs) win over the given ones, and are recorded.
      const { skrivetPaBladet: _record, ...given } = parsed.data;
      const { settings, kept } = opts.replaceTyped ? { settings: given, kept: 0 } : mergeTypedKeys(given, state.tables[tableName], previous);
      const request = toFeeSplitRequest(settings, (i) =>
        state.tables[tableName] ? `rad ${i + 1} (cell ${cellAddress(FEE_SHEET_LAYOUT.firstDataRow + i, FEE_SHEET_LAYOUT.columns.nyckel)})` : `rad ${i + 1}`,
      );
      progress("compute", 0.4);
      const result = computeFeeSplit(request);
      decided.done = { settings, kept, result };
      progress("write", 0.6);
      return buildFeeSheet(result, { today: opts.today ?? new Date() });
    });
    if (decided.refusal) return { ok: false, problems: [decided.refusal] };
    // Unless refused, the sheet was decided and written (a failure throws): this only tells TypeScript so.
    if (!written || !decided.done) throw new Error("inget blad skrevs");
    const { settings, kept, result } = decided.done;
    const varningar = [...result.varningar];
    if (opts.store) {
      // The sheet is written by now: a failed save must not be reported as a failed job.
      await saveFeeSettings(opts.store, settings).catch((e: Error) =>
        varningar.push(`Bladet skrevs, men valen kunde inte sparas i arbetsboken (${e.message}). Kör igen eller spara arbetsboken.`),
      );
    }
    progress("done", 1);
    const fmt = (a: FeeSplitResult["total"]) => formatAmount(a);
    return {
      ok: true,
      sheetName,
      summary: { total: fmt(result.total), stat: fmt(result.stat), region: fmt(result.region), kommuner: fmt(result.kommunerTotal), enhet: settings.enhet },
      varningar,
      keptUserValues: kept,
      settings,
      result,
      report: written,
    };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, problems: e.problems };
    return withFailure([{ meddelande: `Bladet kunde inte skrivas: ${(e as Error).message}` }], failureOf(e));
  }
}
