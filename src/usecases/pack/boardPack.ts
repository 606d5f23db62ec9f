/**
 * Styrelsepaket: from a förbundsprofil to next year's board material in one action. The data steps
 * (packSteps.ts) run one after the other against a staged workbook (stagingHost.ts), so a step that
 * fails stops the pack before anything is written; then Förbundsprofil, Sammanfattning för styrelsen and
 * Innehåll are built from what the steps found, and every sheet is written in one go under the shared
 * rule for Samkalk's sheets (a foreign sheet of the same name refuses the whole pack; edited ones are
 * kept as the user's copy or overwritten on the user's word).
 */
import { InputError, type InputProblem } from "../../domain/errors";
import { kommunByCode } from "../../domain/kommuner";
import type { ForbundProfile } from "../../domain/profile/profile";
import type { SheetState, WorkbookHost } from "../../hosts/host";
import { sheetChecks } from "../../sheets/checks";
import { CONTENTS_SHEET, buildContentsSheet } from "../../sheets/pack/contentsSheet";
import { SUMMARY_SHEET, buildSummarySheet } from "../../sheets/pack/summarySheet";
import { RAW_DATA_KINDS } from "../../sheets/pack/links";
import { buildProfileSheet, PROFILE_SHEET } from "../../sheets/pack/profileSheet";
import type { SheetSpec } from "../../sheets/spec";
import { failureOf } from "../failure";
import { saveProfile } from "../profile/profileSettings";
import { editedProfileOf, editedProfileSheet } from "../profile/profileSheetReader";
import { editedSheetProblems, writeSheets } from "../writeSheets";
import { PACK_STEPS, packReads, profileProblems } from "./packSteps";
import type { PackContext, PackOptions, PackOutcome, PackSources } from "./packTypes";
import { StagingHost, StagingStore } from "./stagingHost";

export type { PackOptions, PackOutcome, PackSources } from "./packTypes";
export { PACK_STEPS } from "./packSteps";

const WRITE_STEP = "Skriver arbetsboken";

/** The profile as label–value lines, for the contents page. */
export function profileLines(p: ForbundProfile): Array<[string, string]> {
  const members = p.kommuner.map((k) => `${k} ${kommunByCode(k)?.namn ?? ""}`.trim()).join(", ");
  const key =
    p.nyckel.kind === "befolkning"
      ? `befolkning ${p.nyckel.aldersFran}–${p.nyckel.aldersTill} år, ${p.nyckel.referensAr}`
      : `fasta andelar: ${p.kommuner.map((k) => `${k} ${p.nyckel.kind === "andel" ? p.nyckel.andelar[k] : ""} %`).join(", ")}`;
  const avser = { total: "hela medlemsfinansieringen", stat: "statens del (50 %)", kommuner: "kommunernas del (25 %)" }[p.belopp.avser];
  return [
    ["Förbund", p.forbund],
    ["Region", p.region],
    ["Budgetår", String(p.ar)],
    ["Medlemskommuner", members],
    ["Nyckel", key],
    ["Belopp", `${p.belopp.varde} ${p.belopp.enhet}, ${avser}`],
    ...(p.budgetfil ? ([["Budgetfil", p.budgetfil]] as Array<[string, string]>) : []),
    ...(p.initiativfil ? ([["Initiativfil", p.initiativfil]] as Array<[string, string]>) : []),
  ];
}

function located(step: string, problems: InputProblem[]): InputProblem[] {
  return problems.map((p) => ({ ...p, meddelande: `Steget ${step} stoppade paketet: ${p.meddelande}` }));
}

/** Builds the pack into `host`: every step first against a staged workbook, then all sheets at once. */
export async function buildBoardPack(host: WorkbookHost, given: ForbundProfile, sources: PackSources, opts: PackOptions = {}): Promise<PackOutcome> {
  let profile = given;
  const today = opts.today ?? new Date();
  const stepCount = PACK_STEPS.length + 2;
  const progress = opts.onProgress ?? (() => undefined);
  // The Förbundsprofil sheet is one place to change the profile: values the user typed there win.
  let fromSheet = false;
  // One look at the whole workbook where the host can: the steps' reads are answered from it.
  const stage = new StagingHost(host);
  const looked = await stage.lookAtWorkbook(packReads(given));
  try {
    const profileState = looked ? stage.realStateOf(PROFILE_SHEET) : undefined;
    const edited = profileState ? editedProfileOf(profileState) : await editedProfileSheet(host);
    if (edited) {
      profile = edited;
      fromSheet = true;
    }
  } catch (e) {
    if (e instanceof InputError) return { ok: false, step: "Förbundsprofil", problems: e.problems };
    throw e;
  }
  const invalid = profileProblems(profile, sources.scb !== undefined);
  if (invalid.length > 0) return { ok: false, step: "Förbundsprofil", problems: invalid };

  const store = new StagingStore(opts.store);
  const merged = new Set<string>(fromSheet ? [PROFILE_SHEET] : []);
  const ctx: PackContext = { host: stage, store, profile, sources, today, signal: opts.signal, facts: { kallor: [], varningar: [], befintliga: [] }, merged };
  for (const [i, step] of PACK_STEPS.entries()) {
    if (opts.signal?.aborted) return { ok: false, cancelled: true, step: step.label, problems: [{ meddelande: "Paketet avbröts. Inget har skrivits i arbetsboken." }] };
    progress(step.label, i + 1, stepCount);
    try {
      await step.run(ctx);
    } catch (e) {
      if (opts.signal?.aborted) return { ok: false, cancelled: true, step: step.label, problems: [{ meddelande: "Paketet avbröts. Inget har skrivits i arbetsboken." }] };
      const problems = e instanceof InputError ? e.problems : [{ meddelande: (e as Error).message }];
      const failure = failureOf(e);
      return { ok: false, step: step.label, problems: located(step.label, problems), ...(failure ? { failure } : {}) };
    }
  }

  progress("Sammanfattning och innehåll", PACK_STEPS.length + 1, stepCount);
  const data = stage.specs;
  const facts = ctx.facts;
  const profileSpec = buildProfileSheet(profile, today);
  const checks = data.flatMap(sheetChecks);
  const summary = buildSummarySheet({
    forbund: profile.forbund,
    ar: profile.ar,
    today,
    ...(facts.fee ? { fee: facts.fee } : {}),
    ...(facts.budget
      ? { budget: { sheet: facts.budget.projectionSheet, projection: facts.budget.projection, trappaTom: !facts.budget.projection.kontroller.some((k) => k.typ === "eget_kapital_over_trappan") } }
      : {}),
    ...(facts.initiativ ? { initiativ: { sheet: facts.initiativ.sheets[1] ?? facts.initiativ.sheets[0], oversikt: facts.initiativ.oversikt, datum: facts.initiativ.datum } } : {}),
    ...(facts.he ? { he: facts.he } : {}),
    checks,
  });
  const order: SheetSpec[] = [summary, profileSpec, ...data];
  // Sheets the steps read but left as they are (the user's tables) are part of the pack too.
  const listed = order.map((s) => ({ name: s.name, kind: s.kind }));
  for (const b of facts.befintliga.filter((x) => !order.some((s) => s.name === x.name))) {
    // Before the first sheet of the same job (the Initiativ table before its overview), else last.
    const job = b.kind.split("-")[0];
    const at = listed.findIndex((s) => s.kind.split("-")[0] === job);
    listed.splice(at >= 0 ? at : listed.length, 0, b);
  }
  const contents = buildContentsSheet({
    forbund: profile.forbund,
    ar: profile.ar,
    today,
    sheets: [{ name: CONTENTS_SHEET, kind: "innehall" as const }, ...listed],
    profil: profileLines(profile),
    kallor: facts.kallor,
    varningar: [...new Set(facts.varningar)],
  });

  progress(WRITE_STEP, stepCount, stepCount);
  try {
    // Written so that every sheet a formula refers to is there first; then put in the contents' order
    // (in the write's last round trip where the host can).
    const specs = [...data, profileSpec, summary, contents];
    const known = new Map<string, SheetState>();
    // After a look at the whole workbook, a sheet that was not there needs no second look (should the user
    // add one of that name meanwhile, the write refuses it before writing anything). Sheets that are there
    // are read again, all together: an edit made while the steps ran (an SCB fetch takes a while) is asked about.
    if (looked) {
      for (const s of specs) {
        const state = stage.realStateOf(s.name);
        if (state && !state.exists) known.set(s.name, state);
      }
    }
    for (const name of ctx.merged) {
      const real = stage.realStateOf(name) ?? (name === PROFILE_SHEET ? await host.inspectSheet(name, []) : undefined);
      if (real) known.set(name, { ...real, editedSinceWritten: false });
    }
    const names = [CONTENTS_SHEET, ...listed.map((s) => s.name)];
    const written = await writeSheets(host, specs, known, opts.onEdited, names);
    if (written.kind === "refused") return { ok: false, step: WRITE_STEP, problems: written.problems };
    if (written.kind === "ask") return { ok: false, step: WRITE_STEP, editedSheets: written.edited, problems: editedSheetProblems(written.edited) };
    await store.commit();
    if (opts.store) await saveProfile(opts.store, profile).catch(() => undefined);
    return {
      ok: true,
      sheets: names,
      rawSheets: listed.filter((s) => RAW_DATA_KINDS.has(s.kind)).map((s) => s.name),
      keptCopies: written.keptCopies,
      facts,
      profile,
      profileFromSheet: fromSheet,
      syncs: written.syncs,
      checks: { total: checks.length, failed: checks.filter((c) => c.status === "FEL").length, unchecked: checks.filter((c) => c.status === "ej kontrollerad").length },
    };
  } catch (e) {
    const problems = e instanceof InputError ? e.problems : [{ meddelande: `Arbetsboken kunde inte skrivas: ${(e as Error).message}` }];
    const failure = failureOf(e);
    return { ok: false, step: WRITE_STEP, problems, ...(failure ? { failure } : {}) };
  }
}

export { SUMMARY_SHEET, CONTENTS_SHEET, PROFILE_SHEET };
