import { BasPost, Projektion, ProjektionsIndata, ProjektionsKontroll, projectBudget } from "../../domain/budget/projection";
import type { InputProblem } from "../../domain/errors";
import type { FeeSplitResult } from "../../domain/fee/feeSplit";
import type { WorkbookHost } from "../../hosts/host";
import { BUDGET_SHEET, BUDGET_TABLE } from "../../sheets/budget/budgetTableSheet";
import { buildProjectionSheet, projectionSheetName, projectionTableName } from "../../sheets/budget/projectionSheet";
import type { BudgetImport } from "../../sources/budget/budgetCells";
import {
  BudgetSettings,
  ProjectionSettings,
  SettingsReader,
  loadBudgetSettings,
  toAntaganden,
  toEgetKapitalRegel,
  toMedfinansiering,
  toMedlemsavgifter,
} from "./budgetSettings";
import { mergeTypedCommitments } from "./projectionCommitmentsMerge";
import { TypedCell, mergeTypedAssumptions, recordTypedCells, withTypedCells } from "./projectionAssumptionsMerge";
import type { SheetState } from "../../hosts/host";
import { BudgetJobOptions, Refused, fail, failure, finish, parseSettings, yearsAfter } from "./budgetJobCommon";
import { ProjectionBase, baseFromImport, parseBudgetTable } from "./budgetTableReader";
import { FeeSheetValues, feeSheetFor } from "./feeSheetReader";
import { stateForecastsFor, withStateForecasts } from "./allocationSheetReader";
import { maxOf } from "../../domain/arrays";

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
      /** Years whose state contribution links to the forecast on a "Statlig tilldelning <år>" sheet. */
      statsbidragAr: number[];
      varningar: string[];
      syncs: number;
      /** Assumptions typed on the projection sheet since the last run that were kept. */
      keptUserValues: number;
      /** The projection's settings as used (with the kept assumptions), as now stored in the workbook. */
      prognos: ProjectionSettings;
    }
  | Refused;


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
    toAntaganden(r, p.antaganden);
    const typedFees = toMedlemsavgifter(r, p.medlemsavgifter);
    toMedfinansiering(r, settings.medfinansiering);
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
    const years = yearsAfter(p.basAr, p.antalAr);
    // The assumptions typed on the sheet since the last run are kept (and stored with the settings).
    const stored = opts.store ? loadBudgetSettings(opts.store) : null;
    const typed = await typedOnSheet(host, years, base, settings, stored);
    if (typed.problems.length > 0) return fail(typed.problems);
    const { antaganden, medfinansiering } = typed;
    const { skrivetPaBladet: _before, ...given } = p;
    const prognos: ProjectionSettings = {
      ...given,
      ...(typed.settings.length > 0 || p.antaganden ? { antaganden: typed.settings } : {}),
      ...(typed.record.length > 0 ? { skrivetPaBladet: typed.record } : {}),
    };
    const problems = memberRuleProblems(base.bas, antaganden);
    for (const b of base.bas) {
      if ((b.belopp.minor < 0n ? -b.belopp.minor : b.belopp.minor) > 9_999_999_999n) problems.push({ plats: `posten "${b.post}"`, meddelande: "Beloppet är större än Samkalk räknar exakt i Excel." });
    }
    if (problems.length > 0) return fail(problems);

    const varningar: string[] = [];
    if (typed.kept > 0) varningar.push(`${typed.kept} antaganden som skrivits in på bladet ${projectionSheetName(years)} behölls.`);
    const links: FeeSheetValues[] = [];
    for (const y of years) {
      const v = await feeSheetFor(host, y, base.enhet, opts.avgiftsfordelningar, opts.store, varningar);
      if (!v) continue;
      links.push(v);
      if (typedFees.some((m) => m.ar === y)) varningar.push(`Medlemsavgifterna ${y} hämtas från bladet ${v.link.sheetName}; de angivna beloppen för ${y} används inte.`);
    }
    const linked = new Set(links.map((l) => l.link.ar));
    const forecasts = await stateForecastsFor(host, years, base.enhet, linked, typedFees, varningar);
    const decimaler = p.decimaler ?? Math.max(0, maxOf(base.bas.map((b) => b.belopp.decimals)), ekBorjan.decimals);
    const indata: ProjektionsIndata = {
      enhet: base.enhet,
      basAr: p.basAr,
      ...(p.antalAr !== undefined ? { antalAr: p.antalAr } : {}),
      bas: base.bas,
      ekBorjan,
      ...(standard ? { standardForandring: standard } : {}),
      antaganden,
      medlemsavgifter: withStateForecasts([...typedFees.filter((m) => !linked.has(m.ar)), ...links.map((l) => l.fees)].sort((a, b) => a.ar - b.ar), forecasts, decimaler),
      medfinansiering,
      ...(regel ? { egetKapitalRegel: regel } : {}),
      ...(links.length > 0 ? { avgiftsfordelning: links.map((l) => l.expected) } : {}),
      decimaler,
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
      statsbidrag: forecasts.map((f) => f.link),
    });
    progress("Skriver bladet", 0.6);
    const known = new Map(typed.state ? [[spec.name, typed.state]] : []);
    const done = await finish(host, [spec], known, opts, {
      ...settings,
      prognos,
      ...(settings.medfinansiering ? { medfinansiering: typed.commitments } : {}),
    });
    if (!done.ok) return done;
    progress("Klart", 1);
    return {
      ok: true,
      sheetName: spec.name,
      keptCopies: done.keptCopies,
      projektion,
      kontroller: projektion.kontroller,
      lankadeAr: [...linked],
      statsbidragAr: forecasts.map((f) => f.link.ar),
      varningar: [...varningar, ...projektion.varningar],
      syncs: done.syncs,
      keptUserValues: typed.kept,
      prognos,
    };
  } catch (e) {
    return failure(e);
  }
}

/**
 * The projection sheet's state (its assumptions table read) and the assumptions with those typed there
 * since the last run kept: the settings' form, the domain's, how many were kept and any typed value that
 * cannot be used (located). A sheet that is not Samkalk's is not read.
 */
async function typedOnSheet(
  host: WorkbookHost,
  years: number[],
  base: ProjectionBase,
  settings: BudgetSettings,
  stored: BudgetSettings | null,
): Promise<{
  state?: SheetState;
  settings: NonNullable<ProjectionSettings["antaganden"]>;
  antaganden: ReturnType<typeof toAntaganden>;
  kept: number;
  record: TypedCell[];
  commitments: NonNullable<BudgetSettings["medfinansiering"]>;
  medfinansiering: ReturnType<typeof toMedfinansiering>;
  problems: InputProblem[];
}> {
  const p = settings.prognos!;
  const previous = stored?.prognos;
  const sheetName = projectionSheetName(years);
  const tableName = projectionTableName(years);
  const state = await host.inspectSheet(sheetName, [tableName]);
  const body = state.ownedBySamkalk ? state.tables[tableName] : undefined;
  const reader = new SettingsReader();
  const targets = {
    posts: new Set(base.bas.map((b) => b.post)),
    members: new Set(base.bas.filter((b) => b.medlem).map((b) => b.post)),
    groups: new Set(base.bas.flatMap((b) => (b.grupp ? [b.grupp] : []))),
  };
  const table = body ? { headers: state.tableHeaders[tableName] ?? [], body } : undefined;
  // Cells typed on the sheet on earlier runs stay on top of what is given (a pack's plan is given anew each time).
  const earlier = previous?.basAr === p.basAr ? previous.skrivetPaBladet : undefined;
  const given = withTypedCells(p.antaganden ?? [], earlier);
  const merged = mergeTypedAssumptions(given.antaganden, previous?.antaganden, table, years, targets, { reader, sheetName, given: p.antaganden ?? [] });
  const antaganden = toAntaganden(reader, merged.antaganden);
  const record = recordTypedCells(given.still, merged.typed);
  const cofin = mergeTypedCommitments(settings.medfinansiering ?? [], stored?.medfinansiering, table, years, targets.groups, { reader, sheetName });
  const medfinansiering = toMedfinansiering(reader, cofin.medfinansiering);
  return {
    state,
    settings: merged.antaganden,
    antaganden,
    kept: merged.kept + cofin.kept,
    record,
    commitments: cofin.medfinansiering,
    medfinansiering,
    problems: reader.problems,
  };
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
