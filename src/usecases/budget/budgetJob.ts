import type { Amount } from "../../domain/amount";
import { parseAmount } from "../../domain/amount";
import { Uppfoljning, followUp } from "../../domain/budget/followUp";
import { formatBelopp, times, total } from "../../domain/budget/money";
import {
  BasPost, ForvantadeAvgifter, Medlemsavgifter, Projektion, ProjektionsIndata, ProjektionsKontroll, projectBudget,
} from "../../domain/budget/projection";
import type { Enhet, Medlem, Sektion } from "../../domain/budget/types";
import { InputError, InputProblem } from "../../domain/errors";
import { FeeSplitResult, computeFeeSplit } from "../../domain/fee/feeSplit";
import type { Selection, SettingsStore, SheetState, WorkbookHost } from "../../hosts/host";
import type { ReadValue } from "../../sheets/spec";
import { sheetNameProblem } from "../../domain/excelNames";
import { buildBudgetCheckSheet } from "../../sheets/budget/budgetCheckSheet";
import { BUDGET_COLUMNS, BUDGET_HEADER_ROW, BUDGET_SHEET, BUDGET_TABLE, buildBudgetTableSheet } from "../../sheets/budget/budgetTableSheet";
import { buildFollowUpSheet, followUpSheetName } from "../../sheets/budget/followUpSheet";
import { FeeSheetLink, buildProjectionSheet, projectionSheetName } from "../../sheets/budget/projectionSheet";
import { feeSheetName, feeTableName } from "../../sheets/fee/feeSheet";
import { rangeAddress } from "../../domain/a1";
import { BudgetImport, BudgetKontroll, CellGrid, avvikelser, importBudget, parseCellGrid } from "../../sources/budget/budgetCells";
import { loadFeeSettings, toFeeSplitRequest } from "../fee/feeSplitJob";
import {
  BudgetSettings, BudgetSettingsSchema, SettingsReader, loadBudgetSettings, saveBudgetSettings, toAntaganden, toEgetKapitalRegel, toMedfinansiering, toMedlemsavgifter,
  toUppfoljning, zodProblems,
} from "./budgetSettings";
import { EditedSheetDecision, editedSheetProblems, writeSheets } from "../writeSheets";

export * from "./budgetSettings";
export type { EditedSheetDecision };

export interface BudgetJobOptions {
  today?: Date;
  /** Where the settings are stored in the workbook (and where the fee split's settings are). */
  store?: SettingsStore;
  /** Unset: stop and ask when a sheet Samkalk wrote has been edited since (nothing is written). */
  onEdited?: EditedSheetDecision;
  onProgress?: (step: string, fraction: number) => void;
}

type Refused = { ok: false; problems: InputProblem[]; editedSheets?: string[] };

export type BudgetImportOutcome =
  | {
      ok: true;
      sheets: string[];
      keptCopies: string[];
      budget: BudgetImport;
      /** The checks that failed (each names the line, year, cell, expected and found amount). */
      avvikelser: BudgetKontroll[];
      varningar: string[];
      syncs: number;
    }
  | Refused;

export type BudgetProjectionOutcome =
  | {
      ok: true;
      sheetName: string;
      keptCopies: string[];
      projektion: Projektion;
      /** The board's findings: negative equity, equity above the staircase, fees not 50/25/25 or not as the fee sheet. */
      kontroller: ProjektionsKontroll[];
      /** Years whose member fees link to a "Medlemsavgifter <år>" sheet. */
      lankadeAr: number[];
      varningar: string[];
      syncs: number;
    }
  | Refused;

export type BudgetFollowUpOutcome =
  | { ok: true; sheetName: string; keptCopies: string[]; uppfoljning: Uppfoljning; syncs: number }
  | Refused;

const fail = (problems: InputProblem[]): Refused => ({ ok: false, problems });

function failure(e: unknown): Refused {
  if (e instanceof InputError) return fail(e.problems);
  return fail([{ meddelande: `Bladen kunde inte skrivas: ${(e as Error).message}` }]);
}

function parseSettings(input: BudgetSettings): BudgetSettings {
  const parsed = BudgetSettingsSchema.safeParse(input);
  if (!parsed.success) throw new InputError(zodProblems(parsed.error));
  return parsed.data;
}

async function finish(
  host: WorkbookHost,
  specs: Parameters<typeof writeSheets>[1],
  known: Map<string, SheetState>,
  opts: BudgetJobOptions,
  settings: BudgetSettings,
): Promise<{ ok: true; keptCopies: string[]; syncs: number } | Refused> {
  const written = await writeSheets(host, specs, known, opts.onEdited);
  if (written.kind === "refused") return fail(written.problems);
  if (written.kind === "ask") return { ok: false, editedSheets: written.edited, problems: editedSheetProblems(written.edited) };
  if (opts.store) {
    // Merged with what is stored, so a job given only part of the settings keeps the rest.
    const stored = loadBudgetSettings(opts.store);
    await saveBudgetSettings(opts.store, { ...(stored ?? {}), ...settings }).catch(() => undefined);
  }
  return { ok: true, keptCopies: written.keptCopies, syncs: written.syncs };
}

/**
 * Reads a budget from a cell range (as in a verksamhetsplan) and writes the sheets "Budget" (table
 * Samkalk_Budget, one row per post and year) and "Budgetkontroll" (every Summa, Resultat and Eget
 * kapital line recomputed with live formulas, found amount beside, status). Wrong totals are reported,
 * never corrected. Bad input (text in an amount cell, a Summa line with nothing above it, merged cells,
 * no year headers, a year twice) is refused with Swedish messages naming the cells, before the
 * workbook is touched.
 * `kalla` describes where the cells came from, for the sheets ("Blad1!A1:D51", "budget.csv").
 */
export async function importBudgetJob(
  host: WorkbookHost,
  grid: CellGrid,
  input: BudgetSettings,
  opts: BudgetJobOptions & { kalla?: string } = {},
): Promise<BudgetImportOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  try {
    const settings = parseSettings(input);
    progress("Läser budgeten", 0.1);
    const cells = parseCellGrid(grid);
    const imp = importBudget(cells, settings.enhet ? { enhet: settings.enhet } : {});
    if (imp.rader.length === 0) {
      throw new InputError([{ plats: `område ${gridArea(cells)}`, meddelande: "Budgeten har inga poster (rader med belopp under Intäkter eller Kostnader)." }]);
    }
    const today = opts.today ?? new Date();
    const kalla = opts.kalla ?? `område ${gridArea(cells)}`;
    const table = buildBudgetTableSheet({ imp, forbund: settings.forbund, kalla, today });
    const check = buildBudgetCheckSheet({ imp, forbund: settings.forbund, kalla, today }).spec;
    progress("Skriver bladen", 0.5);
    // Budget first: Budgetkontroll's formulas refer to it.
    const done = await finish(host, [table, check], new Map(), opts, settings);
    if (!done.ok) return done;
    progress("Klart", 1);
    return { ...done, sheets: [table.name, check.name], budget: imp, avvikelser: avvikelser(imp), varningar: imp.varningar, syncs: done.syncs };
  } catch (e) {
    return failure(e);
  }
}

/** The task pane's import: the cells the user has selected (the budget table pasted anywhere). */
export async function importBudgetFromSelection(host: WorkbookHost, settings: BudgetSettings, opts: BudgetJobOptions = {}): Promise<BudgetImportOutcome> {
  if (!host.readSelection) return fail([{ meddelande: "Markeringen kan bara läsas i Excel." }]);
  let sel: Selection;
  try {
    sel = await host.readSelection();
  } catch (e) {
    return fail([{ meddelande: (e as Error).message }]);
  }
  try {
    // A host that can tell merged areas hands them over with the selection; the importer refuses them.
    const grid: CellGrid = { origin: { row: sel.row, col: sel.col }, values: sel.values, ...(sel.merged ? { merged: sel.merged } : {}) };
    const kalla = `${sel.sheetName}!${gridArea(grid)}`;
    return await importBudgetJob(host, grid, settings, { ...opts, kalla });
  } catch (e) {
    return failure(e);
  }
}

function gridArea(grid: CellGrid): string {
  const cols = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  return rangeAddress({ row: grid.origin.row, col: grid.origin.col, rows: Math.max(grid.values.length, 1), cols: Math.max(cols, 1) });
}

/** The base of a projection: the posts of one year, the unit, and (if known) the equity at that year's end. */
export interface ProjectionBase {
  enhet: Enhet;
  ar: number[];
  bas: BasPost[];
  ekSlut?: Amount;
}

/** The base year from an import (the equity at its end from the "Eget kapital vid årets slut" line). */
export function baseFromImport(imp: BudgetImport, basAr: number): ProjectionBase {
  const j = imp.ar.indexOf(basAr);
  const ek = imp.struktur.find((l) => l.kind === "ek_slut");
  return {
    enhet: imp.enhet,
    ar: imp.ar,
    bas: imp.rader.filter((r) => r.ar === basAr),
    ...(ek && j >= 0 ? { ekSlut: ek.belopp[j] } : {}),
  };
}

const SEKTIONER: Record<string, Sektion> = { intäkter: "intäkter", kostnader: "kostnader" };
const MEDLEMMAR: Record<string, Medlem> = { stat: "stat", region: "region", kommun: "kommun" };

/** The Samkalk_Budget table as read back from the workbook (the user may have corrected amounts in it). */
export function parseBudgetTable(header: string[], body: ReadValue[][], basAr: number): ProjectionBase {
  const problems: InputProblem[] = [];
  const at = (name: (typeof BUDGET_COLUMNS)[number]) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const cols = Object.fromEntries(BUDGET_COLUMNS.map((c) => [c, at(c)])) as Record<(typeof BUDGET_COLUMNS)[number], number>;
  const missing = BUDGET_COLUMNS.filter((c) => ["Sektion", "Post", "År", "Belopp", "Enhet"].includes(c) && cols[c] < 0);
  if (missing.length > 0) {
    throw new InputError([{ plats: `bladet ${BUDGET_SHEET}`, meddelande: `Tabellen ${BUDGET_TABLE} saknar kolumnerna ${missing.join(", ")}. Läs in budgeten igen.` }]);
  }
  const str = (v: ReadValue) => (v === null ? "" : String(v).trim());
  const bas: BasPost[] = [];
  const ar = new Set<number>();
  const enheter = new Set<Enhet>();
  body.forEach((row, i) => {
    if (row.every((v) => v === null || v === "")) return;
    const plats = `bladet ${BUDGET_SHEET}, rad ${BUDGET_HEADER_ROW + 2 + i}`;
    const sektion = SEKTIONER[str(row[cols.Sektion]).toLowerCase()];
    const post = str(row[cols.Post]);
    const year = Number(row[cols.År]);
    const raw = row[cols.Belopp];
    const belopp = raw === null || raw === "" ? { minor: 0n, decimals: 0 } : typeof raw === "boolean" ? null : parseAmount(raw);
    const enhet = str(row[cols.Enhet]);
    const medlemText = cols.Medlem >= 0 ? str(row[cols.Medlem]).toLowerCase() : "";
    if (!sektion) problems.push({ plats, meddelande: `Sektionen ska vara Intäkter eller Kostnader, inte "${str(row[cols.Sektion])}".` });
    if (post === "") problems.push({ plats, meddelande: "Posten saknar namn." });
    if (!Number.isInteger(year)) problems.push({ plats, meddelande: `"${str(row[cols.År])}" är inte ett år.` });
    if (!belopp) problems.push({ plats, meddelande: `"${str(raw)}" är inte ett belopp.` });
    if (enhet !== "kr" && enhet !== "tkr") problems.push({ plats, meddelande: `Enheten ska vara kr eller tkr, inte "${enhet}".` });
    else enheter.add(enhet);
    if (medlemText !== "" && !MEDLEMMAR[medlemText]) problems.push({ plats, meddelande: `Medlem ska vara stat, region, kommun eller tom, inte "${medlemText}".` });
    if (Number.isInteger(year)) ar.add(year);
    if (!sektion || !belopp || year !== basAr || post === "") return;
    const grupp = cols.Grupp >= 0 ? str(row[cols.Grupp]) : "";
    const kod = cols.Medlemskod >= 0 ? str(row[cols.Medlemskod]) : "";
    bas.push({
      sektion,
      post,
      belopp,
      ...(grupp ? { grupp } : {}),
      ...(MEDLEMMAR[medlemText] ? { medlem: MEDLEMMAR[medlemText] } : {}),
      ...(kod ? { medlemskod: kod } : {}),
    });
  });
  if (enheter.size > 1) problems.push({ plats: `bladet ${BUDGET_SHEET}`, meddelande: "Tabellen blandar kr och tkr." });
  if (problems.length > 0) throw new InputError(problems);
  return { enhet: [...enheter][0] ?? "tkr", ar: [...ar].sort((a, b) => a - b), bas };
}

/** Stat, region and each kommun's fee of a fee split sheet, to link to. */
interface FeeSheetValues {
  link: FeeSheetLink;
  fees: Medlemsavgifter;
  expected: ForvantadeAvgifter;
}

/**
 * The fee split sheet of a year, if Samkalk wrote one, with its amounts: the kommuner's from its table,
 * the state's and the region's from the fee split itself (given, or recomputed from the stored fee
 * settings of that year). Without either, they are taken as 2 × and 1 × the kommuner's sum (the legal
 * split of an amount divisible by four) and the user is told; Excel reads the sheet's own cells anyway.
 */
async function feeSheetFor(
  host: WorkbookHost,
  ar: number,
  enhet: Enhet,
  given: FeeSplitResult[] | undefined,
  store: SettingsStore | undefined,
  varningar: string[],
): Promise<FeeSheetValues | undefined> {
  const name = feeSheetName(ar);
  const state = await host.inspectSheet(name, [feeTableName(ar)]);
  if (!state.exists) return undefined;
  const body = state.tables[feeTableName(ar)];
  if (!state.ownedBySamkalk || !body) {
    varningar.push(`Bladet ${name} är inte Samkalks avgiftsblad; medlemsavgifterna ${ar} länkas inte till det.`);
    return undefined;
  }
  const header = state.tableHeaders[feeTableName(ar)] ?? [];
  const unit = /\((t?kr)\)/.exec(header[4] ?? "")?.[1];
  if (unit && unit !== enhet) {
    varningar.push(`Bladet ${name} är i ${unit} men budgeten i ${enhet}; medlemsavgifterna ${ar} länkas inte.`);
    return undefined;
  }
  const rows = body.map((row) => ({
    kod: row[0] === null ? "" : String(row[0]).trim(),
    namn: row[1] === null || row[1] === "" ? undefined : String(row[1]),
    belopp: typeof row[4] === "number" || typeof row[4] === "string" ? parseAmount(row[4]) : null,
  }));
  const codes = rows.map((k) => k.kod).filter((k) => k !== "");
  let split = given?.find((r) => r.request.ar === ar);
  if (!split && store) {
    const stored = loadFeeSettings(store);
    if (stored && stored.ar === ar) {
      try {
        split = computeFeeSplit(toFeeSplitRequest(stored));
      } catch {
        split = undefined;
      }
    }
  }
  // The fee split itself when it is the one on the sheet (same unit and kommuner); else the sheet's values.
  const exact =
    split && split.request.enhet === enhet && split.kommuner.length === codes.length && split.kommuner.every((k) => codes.includes(k.kod)) ? split : undefined;
  let kommuner: { kod: string; namn?: string; belopp: Amount }[];
  let stat: Amount;
  let region: Amount;
  if (exact) {
    kommuner = exact.kommuner.map((k) => ({ kod: k.kod, namn: k.namn, belopp: k.avgift }));
    stat = exact.stat;
    region = exact.region;
  } else {
    if (rows.some((k) => k.kod !== "" && !k.belopp)) {
      varningar.push(`Avgifterna på bladet ${name} kunde inte läsas; medlemsavgifterna ${ar} länkas inte till det.`);
      return undefined;
    }
    kommuner = rows.flatMap((k) => (k.kod && k.belopp ? [{ kod: k.kod, ...(k.namn ? { namn: k.namn } : {}), belopp: k.belopp }] : []));
    const kommunSum = total(kommuner.map((k) => k.belopp));
    stat = times(kommunSum, 2n);
    region = kommunSum;
    varningar.push(
      `${ar}: statens och regionens avgifter läses av Excel från bladet ${name}; i sammanställningen här räknas de som 2 × och 1 × kommunernas summa (${formatBelopp(kommunSum, enhet)}).`,
    );
  }
  const fees: Medlemsavgifter = { ar, stat, region, kommuner: kommuner.map((k) => ({ kod: k.kod, ...(k.namn ? { namn: k.namn } : {}), belopp: k.belopp })) };
  const expected: ForvantadeAvgifter = { ar, enhet, stat, region, kommuner: kommuner.map((k) => ({ kod: k.kod, avgift: k.belopp })) };
  return { link: { ar, sheetName: name, kommunKoder: kommuner.map((k) => k.kod) }, fees, expected };
}

/**
 * Writes the projection sheet "Budget <år1>–<år3>": the base year's posts projected by the assumptions
 * in the settings, as live formulas over assumption cells on the sheet, with member fees linked to the
 * "Medlemsavgifter <år>" sheets that exist, the co-financing commitments as costs, equity rolled forward
 * and the board's checks. The base comes from `opts.budget` (an import) or from the Samkalk_Budget table.
 */
export async function runBudgetProjectionJob(
  host: WorkbookHost,
  input: BudgetSettings,
  opts: BudgetJobOptions & { budget?: BudgetImport; avgiftsfordelningar?: FeeSplitResult[] } = {},
): Promise<BudgetProjectionOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  try {
    const settings = parseSettings(input);
    const p = settings.prognos;
    if (!p) return fail([{ plats: "prognos", meddelande: "Ange basåret för budgetprognosen." }]);
    // Everything typed is checked before the workbook is read.
    const r = new SettingsReader();
    const antaganden = toAntaganden(r, p.antaganden);
    const typedFees = toMedlemsavgifter(r, p.medlemsavgifter);
    const medfinansiering = toMedfinansiering(r, settings.medfinansiering);
    const regel = toEgetKapitalRegel(r, p.egetKapitalRegel);
    const standard = r.percent(p.standardForandring, "standardförändring");
    const ekTyped = r.amount(p.ekBorjan, "eget kapital vid början");
    if (r.problems.length > 0) return fail(r.problems);

    progress("Läser budgeten", 0.1);
    let base: ProjectionBase;
    let kalla: string;
    if (opts.budget) {
      base = baseFromImport(opts.budget, p.basAr);
      kalla = `den inlästa budgeten (${p.basAr})`;
    } else {
      const state = await host.inspectSheet(BUDGET_SHEET, [BUDGET_TABLE]);
      const body = state.tables[BUDGET_TABLE];
      if (!body) return fail([{ plats: `bladet ${BUDGET_SHEET}`, meddelande: "Det finns ingen inläst budget (tabellen Samkalk_Budget). Läs in budgeten först." }]);
      base = parseBudgetTable(state.tableHeaders[BUDGET_TABLE] ?? [], body, p.basAr);
      kalla = `tabellen ${BUDGET_TABLE} på bladet ${BUDGET_SHEET} (${p.basAr})`;
    }
    if (base.bas.length === 0) {
      return fail([{ plats: "basår", meddelande: `Budgeten har inga belopp för ${p.basAr}${base.ar.length > 0 ? ` (den har ${base.ar.join(", ")})` : ""}.` }]);
    }
    const ekBorjan = ekTyped ?? base.ekSlut;
    if (!ekBorjan) return fail([{ plats: "eget kapital vid början", meddelande: `Ange eget kapital vid början av ${p.basAr + 1} (vid slutet av ${p.basAr}).` }]);
    const problems = memberRuleProblems(base.bas, antaganden);
    for (const b of base.bas) {
      if ((b.belopp.minor < 0n ? -b.belopp.minor : b.belopp.minor) > 9_999_999_999n) problems.push({ plats: `posten "${b.post}"`, meddelande: "Beloppet är större än Samkalk räknar exakt i Excel." });
    }
    if (problems.length > 0) return fail(problems);

    const years = yearsAfter(p.basAr, p.antalAr);
    const varningar: string[] = [];
    const links: FeeSheetValues[] = [];
    for (const y of years) {
      const v = await feeSheetFor(host, y, base.enhet, opts.avgiftsfordelningar, opts.store, varningar);
      if (!v) continue;
      links.push(v);
      if (typedFees.some((m) => m.ar === y)) varningar.push(`Medlemsavgifterna ${y} hämtas från bladet ${v.link.sheetName}; de angivna beloppen för ${y} används inte.`);
    }
    const linked = new Set(links.map((l) => l.link.ar));
    const indata: ProjektionsIndata = {
      enhet: base.enhet,
      basAr: p.basAr,
      ...(p.antalAr !== undefined ? { antalAr: p.antalAr } : {}),
      bas: base.bas,
      ekBorjan,
      ...(standard ? { standardForandring: standard } : {}),
      antaganden,
      medlemsavgifter: [...typedFees.filter((m) => !linked.has(m.ar)), ...links.map((l) => l.fees)].sort((a, b) => a.ar - b.ar),
      medfinansiering,
      ...(regel ? { egetKapitalRegel: regel } : {}),
      ...(links.length > 0 ? { avgiftsfordelning: links.map((l) => l.expected) } : {}),
      decimaler: p.decimaler ?? Math.max(0, ...base.bas.map((b) => b.belopp.decimals), ekBorjan.decimals),
    };
    progress("Räknar prognosen", 0.3);
    const projektion = projectBudget(indata);
    const { spec } = buildProjectionSheet({
      forbund: settings.forbund,
      today: opts.today ?? new Date(),
      kalla,
      indata,
      projektion,
      avgiftsblad: links.map((l) => l.link),
    });
    progress("Skriver bladet", 0.6);
    const done = await finish(host, [spec], new Map(), opts, settings);
    if (!done.ok) return done;
    progress("Klart", 1);
    return {
      ok: true,
      sheetName: spec.name,
      keptCopies: done.keptCopies,
      projektion,
      kontroller: projektion.kontroller,
      lankadeAr: [...linked],
      varningar: [...varningar, ...projektion.varningar],
      syncs: done.syncs,
    };
  } catch (e) {
    return failure(e);
  }
}

/** The years a projection covers (as the domain's projectionYears). */
function yearsAfter(basAr: number, antalAr = 3): number[] {
  return Array.from({ length: antalAr }, (_, i) => basAr + 1 + i);
}

/** Member fees are decided per year under medlemsavgifter, not as fixed amounts or a last year of a post. */
function memberRuleProblems(bas: BasPost[], antaganden: ReturnType<typeof toAntaganden>): InputProblem[] {
  const out: InputProblem[] = [];
  antaganden.forEach((a, i) => {
    if (a.post === undefined || !bas.some((b) => b.post === a.post && b.medlem)) return;
    if (a.fastaBelopp || a.sistaAr !== undefined) {
      out.push({ plats: `antagande ${i + 1}`, meddelande: `"${a.post}" är en medlemsavgift: ange beloppen under medlemsavgifter, inte som fast belopp eller sista år.` });
    }
  });
  return out;
}

/**
 * Writes "Uppföljning <period>": utfall against budget per line, group and result, avvikelse in kr and %
 * as formulas, and the co-financing commitments per year (the same the projection takes as costs).
 */
export async function runBudgetFollowUpJob(host: WorkbookHost, input: BudgetSettings, opts: BudgetJobOptions = {}): Promise<BudgetFollowUpOutcome> {
  try {
    const settings = parseSettings(input);
    const s = settings.uppfoljning;
    if (!s) return fail([{ plats: "uppföljning", meddelande: "Ange perioden och utfall och budget att följa upp." }]);
    const name = followUpSheetName(s.period);
    const nameProblem = sheetNameProblem(name);
    if (nameProblem) return fail([{ plats: "period", meddelande: `Bladet "${name}" kan inte heta så: ${nameProblem}. Skriv perioden kortare, t.ex. jan–jun 2021.` }]);
    const r = new SettingsReader();
    const indata = toUppfoljning(r, s, s.enhet ?? settings.enhet ?? "kr");
    const medfinansiering = toMedfinansiering(r, settings.medfinansiering);
    if (r.problems.length > 0) return fail(r.problems);
    const uppfoljning = followUp(indata);
    let projektionsblad: string | undefined;
    if (settings.prognos) {
      const pname = projectionSheetName(yearsAfter(settings.prognos.basAr, settings.prognos.antalAr));
      const st = await host.inspectSheet(pname, []);
      if (st.exists && st.ownedBySamkalk) projektionsblad = pname;
    }
    // Commitments are in the budget's unit, which may differ from the follow-up's (tkr against kr).
    let cofinEnhet: Enhet = settings.enhet ?? indata.enhet;
    if (medfinansiering.length > 0 && !settings.enhet) {
      const budget = await host.inspectSheet(BUDGET_SHEET, [BUDGET_TABLE]);
      const unit = budget.tables[BUDGET_TABLE]?.[0]?.[BUDGET_COLUMNS.indexOf("Enhet")];
      if (unit === "kr" || unit === "tkr") cofinEnhet = unit;
    }
    const { spec } = buildFollowUpSheet({
      forbund: settings.forbund,
      today: opts.today ?? new Date(),
      indata,
      uppfoljning,
      medfinansiering,
      medfinansieringEnhet: cofinEnhet,
      ...(projektionsblad ? { projektionsblad } : {}),
    });
    const done = await finish(host, [spec], new Map(), opts, settings);
    if (!done.ok) return done;
    return { ok: true, sheetName: spec.name, keptCopies: done.keptCopies, uppfoljning, syncs: done.syncs };
  } catch (e) {
    return failure(e);
  }
}
