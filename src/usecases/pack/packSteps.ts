import { InputError, type InputProblem } from "../../domain/errors";
import { kommunByCode } from "../../domain/kommuner";
import { ageBandText, type ForbundProfile } from "../../domain/profile/profile";
import { EMBEDDED_POPULATION_YEAR, embeddedPopulation } from "../../domain/scb/embeddedPopulation";
import { populationFromTidy } from "../../domain/scb/population";
import type { TidyTable } from "../../domain/scb/tidy";
import { INPUT_SHEET, INPUT_TABLE } from "../../sheets/initiatives/inputSheet";
import { HISTORY_SHEET, HISTORY_TABLE } from "../../sheets/initiatives/historySheet";
import { feeSheetName, feeTableName } from "../../sheets/fee/feeSheet";
import { PROFILE_SHEET, PROFILE_TABLE } from "../../sheets/pack/profileSheet";
import { BEFOLKNING_SHEET, BEFOLKNING_TABLE } from "../../sheets/scb/befolkningSheet";
import { HE_TABLE } from "../../sheets/scb/heSheet";
import { KALLOR_SHEET, KALLOR_TABLE } from "../../sheets/scb/kallorSheet";
import { importBudgetJob, loadBudgetSettings, parseBudgetTable, runBudgetProjectionJob } from "../budget/budgetJob";
import { BUDGET_SHEET, BUDGET_TABLE } from "../../sheets/budget/budgetTableSheet";
import { planAsProjection } from "../budget/planAsProjection";
import { runFeeSplitJob, type FeeSplitSettings } from "../fee/feeSplitJob";
import { defaultInitiativesSettings, runInitiativesJob, writeInitiativeInput } from "../initiatives/initiativesJob";
import { importBefolkningTable, writeEmbeddedBefolkning } from "../scb/befolkning";
import { helarsekvivalenterFetch, populationFetch } from "../scb/fetchAdapters";
import { HE_SHEET, writeHelarsekvivalenter } from "../scb/helarsekvivalenter";
import type { FetchedTable, FetchRows, KallaInfo } from "../scb/kallor";
import { runAllocationJob } from "../tilldelning/allocationJob";
import { projectionSheetName } from "../../sheets/budget/projectionLayout";
import { projectionTableName } from "../../sheets/budget/projectionAssumptions";
import { allocationBudgetTableName, allocationSheetName } from "../../sheets/tilldelning/allocationSheet";
import type { PackContext, PackStep } from "./packTypes";

/**
 * The tables the steps read of the workbook as it is (the user's typed values, tables, what was fetched
 * before), read together before the steps when the host can look at the whole workbook at once. A sheet
 * not named here is still read when a step asks for it.
 */
export function packReads(p: ForbundProfile): Array<{ sheetName: string; tableNames: string[] }> {
  const feeYears = [p.ar - 1, p.ar, p.ar + 1, p.ar + 2, p.ar + 3];
  return [
    { sheetName: PROFILE_SHEET, tableNames: [PROFILE_TABLE] },
    { sheetName: KALLOR_SHEET, tableNames: [KALLOR_TABLE] },
    { sheetName: BEFOLKNING_SHEET, tableNames: [BEFOLKNING_TABLE] },
    ...feeYears.map((ar) => ({ sheetName: feeSheetName(ar), tableNames: [feeTableName(ar)] })),
    { sheetName: BUDGET_SHEET, tableNames: [BUDGET_TABLE] },
    { sheetName: HE_SHEET, tableNames: [HE_TABLE] },
    { sheetName: INPUT_SHEET, tableNames: [INPUT_TABLE] },
    { sheetName: HISTORY_SHEET, tableNames: [HISTORY_TABLE] },
    // The projection from the year before the budget year or from the budget year itself, with its assumptions.
    ...[p.ar - 1, p.ar].map((bas) => [bas + 1, bas + 2, bas + 3]).map((years) => ({ sheetName: projectionSheetName(years), tableNames: [projectionTableName(years)] })),
    // The forecasts the projection links to, for any year it may cover.
    ...feeYears.map((ar) => ({ sheetName: allocationSheetName(ar), tableNames: [allocationBudgetTableName(ar)] })),
  ];
}

const stop = (problems: InputProblem[]): never => {
  throw new InputError(problems);
};

const tidyOf = (f: FetchedTable): TidyTable => ({ rows: f.rows, dimensions: f.dimensions, notes: f.notes ?? [] });

async function fetchAll(ctx: PackContext, fetch: FetchRows): Promise<FetchedTable> {
  return fetch(ctx.signal ?? new AbortController().signal, () => undefined);
}

/** Problems with the profile that would stop a step, found before anything is read or written. */
export function profileProblems(p: ForbundProfile, online: boolean): InputProblem[] {
  const out: InputProblem[] = [];
  if (p.nyckel.kind === "befolkning" && !online) {
    if (p.nyckel.referensAr !== EMBEDDED_POPULATION_YEAR) {
      out.push({
        plats: "profilen, fältet nyckel.referensar",
        meddelande: `Utan SCB finns bara de inbyggda befolkningssiffrorna för ${EMBEDDED_POPULATION_YEAR}. Ange referensår ${EMBEDDED_POPULATION_YEAR} eller hämta från SCB.`,
      });
    }
    const { aldersFran, aldersTill } = p.nyckel;
    for (const kod of p.kommuner) {
      if (embeddedPopulation(kod, aldersFran, aldersTill) === null) {
        out.push({ plats: "profilen, fältet kommuner", meddelande: `Inbyggd befolkning ${aldersFran}–${aldersTill} år saknas för kommun ${kod}.` });
      }
    }
  }
  return out;
}

/** Populations: the key's age band (and 20–64) from SCB, or the embedded real 2019 figures. */
const befolkning: PackStep = {
  id: "befolkning",
  label: "Befolkning",
  async run(ctx) {
    const p = ctx.profile;
    const key = p.nyckel.kind === "befolkning" ? p.nyckel : null;
    if (!ctx.sources.scb) {
      const out = await writeEmbeddedBefolkning(ctx.host, p.kommuner, { today: ctx.today });
      if (!out.ok) stop(out.problems);
      if (key) ctx.befolkning = new Map(p.kommuner.map((k) => [k, embeddedPopulation(k, key.aldersFran, key.aldersTill) ?? 0]));
      ctx.facts.kallor.push(`Befolkning: inbyggda siffror från SCB (31 december ${EMBEDDED_POPULATION_YEAR})`);
      return;
    }
    const ar = key ? key.referensAr : p.ar - 1;
    const bands = [...(key ? [{ fran: key.aldersFran, till: key.aldersTill }] : []), { fran: 20, till: 64 }].filter(
      (b, i, all) => all.findIndex((x) => x.fran === b.fran && x.till === b.till) === i,
    );
    const fetched = await fetchAll(ctx, populationFetch(ctx.sources.scb, { kommuner: p.kommuner, bands, years: [ar], riket: true }, { now: () => ctx.today }));
    const table = tidyOf(fetched);
    const out = await importBefolkningTable(ctx.host, table, fetched.kalla, { bands, today: ctx.today });
    if (!out.ok) stop(out.problems);
    if (key) {
      const rows = populationFromTidy(table, { bands: [{ fran: key.aldersFran, till: key.aldersTill }], kalla: "SCB" }).rows;
      const byKod = new Map(rows.filter((r) => r.kon === "totalt" && r.ar === ar).map((r) => [r.regionkod, r.folkmangd]));
      const missing = p.kommuner.filter((k) => !byKod.has(k));
      if (missing.length > 0) stop([{ plats: "SCB", meddelande: `SCB gav ingen befolkning ${ageBandText(key)} år ${ar} för ${missing.join(", ")}.` }]);
      ctx.befolkning = byKod;
    }
    ctx.facts.kallor.push(`Befolkning: SCB ${fetched.kalla.tabell} (${ar})`);
  },
};

/** The profile as the fee split's settings, with the populations found. */
export function feeSettingsOf(p: ForbundProfile, befolkningar: Map<string, number> | undefined): FeeSplitSettings {
  return {
    forbund: p.forbund,
    region: p.region,
    ar: p.ar,
    belopp: p.belopp.varde,
    avser: p.belopp.avser,
    enhet: p.belopp.enhet,
    nyckel: p.nyckel.kind === "befolkning" ? { ...p.nyckel } : { kind: "andel" },
    kommuner: p.kommuner.map((kod) => ({
      kod,
      namn: kommunByCode(kod)?.namn ?? kod,
      varde: p.nyckel.kind === "andel" ? (p.nyckel.andelar[kod] ?? "") : String(befolkningar?.get(kod) ?? ""),
    })),
  };
}

const medlemsavgifter: PackStep = {
  id: "medlemsavgifter",
  label: "Medlemsavgifter",
  async run(ctx) {
    const out = await runFeeSplitJob(ctx.host, feeSettingsOf(ctx.profile, ctx.befolkning), { lang: "sv", today: ctx.today, store: ctx.store });
    if (!out.ok) stop(out.problems);
    else {
      ctx.facts.fee = { sheet: out.sheetName, result: out.result };
      ctx.merged.add(out.sheetName);
      if (out.keptUserValues > 0) ctx.facts.varningar.push(`${out.keptUserValues} befolkningssiffror som skrivits in på bladet ${out.sheetName} behölls.`);
      ctx.facts.varningar.push(...out.varningar);
    }
  },
};

/** The base year: the year before the budget year when the budget has it, else the budget year, else its last year before. */
function baseYear(years: number[], ar: number): number | undefined {
  if (years.includes(ar - 1)) return ar - 1;
  if (years.includes(ar)) return ar;
  return years.filter((y) => y < ar).sort((a, b) => b - a)[0];
}

const budget: PackStep = {
  id: "budget",
  label: "Budget och prognos tre år",
  async run(ctx) {
    const given = ctx.sources.budget;
    if (!given) return projectWorkbookBudget(ctx);
    const settings = { forbund: ctx.profile.forbund, ...(given.enhet ? { enhet: given.enhet } : {}) };
    const imported = await importBudgetJob(ctx.host, given.grid, settings, { today: ctx.today, kalla: given.kalla, store: ctx.store, onEdited: "overwrite" });
    if (!imported.ok) stop(imported.problems);
    else {
      const basAr = baseYear(imported.budget.ar, ctx.profile.ar);
      if (basAr === undefined) stop([{ plats: given.kalla, meddelande: `Budgeten har inget år ${ctx.profile.ar - 1} eller tidigare att räkna prognosen från (den har ${imported.budget.ar.join(", ")}).` }]);
      const prognos = planAsProjection(imported.budget, basAr!);
      const fees = ctx.facts.fee ? [ctx.facts.fee.result] : undefined;
      const projection = await runBudgetProjectionJob(ctx.host, { ...settings, prognos }, { today: ctx.today, store: ctx.store, onEdited: "overwrite", budget: imported.budget, avgiftsfordelningar: fees });
      if (!projection.ok) stop(projection.problems);
      else {
        ctx.facts.budget = { sheets: [...imported.sheets, projection.sheetName], projection: projection.projektion, projectionSheet: projection.sheetName };
        ctx.facts.varningar.push(...imported.varningar, ...projection.varningar);
        ctx.facts.kallor.push(`Budget: ${given.kalla}`);
      }
    }
  },
};

/**
 * Without a budget file: the budget already imported into the workbook (the Budget table), projected with
 * the assumptions stored by the Budget view, or from the base year with no change where there are none.
 */
async function projectWorkbookBudget(ctx: PackContext): Promise<void> {
  const state = await ctx.host.inspectSheet(BUDGET_SHEET, [BUDGET_TABLE]);
  const body = state.tables[BUDGET_TABLE];
  if (!body) return;
  ctx.facts.befintliga.push({ name: BUDGET_SHEET, kind: "budget" });
  const years = parseBudgetTable(state.tableHeaders[BUDGET_TABLE] ?? [], body, ctx.profile.ar).ar;
  const stored = loadBudgetSettings(ctx.store);
  const basAr = stored?.prognos?.basAr ?? baseYear(years, ctx.profile.ar);
  if (basAr === undefined) stop([{ plats: `bladet ${BUDGET_SHEET}`, meddelande: `Budgeten har inget år ${ctx.profile.ar - 1} eller tidigare att räkna prognosen från (den har ${years.join(", ")}).` }]);
  const prognos = stored?.prognos ?? { basAr: basAr!, antalAr: 3 };
  const fees = ctx.facts.fee ? [ctx.facts.fee.result] : undefined;
  const projection = await runBudgetProjectionJob(ctx.host, { ...(stored ?? {}), forbund: ctx.profile.forbund, prognos }, { today: ctx.today, store: ctx.store, onEdited: "overwrite", avgiftsfordelningar: fees });
  if (!projection.ok) stop(projection.problems);
  else {
    ctx.facts.budget = { sheets: [projection.sheetName], projection: projection.projektion, projectionSheet: projection.sheetName };
    ctx.facts.varningar.push(...projection.varningar);
    ctx.facts.kallor.push(`Budget: tabellen på bladet ${BUDGET_SHEET}`);
  }
}

/**
 * The state's allocation for the budget year, forecast by Nationella rådet's model. It runs after the budget
 * step: the pack's fee sheet states the state's part for the year, and the forecast stands beside it for the
 * board to compare (the projection links a forecast only where no fee sheet gives the state's part).
 */
const statsbidrag: PackStep = {
  id: "statsbidrag",
  label: "Statlig tilldelning (prognos)",
  async run(ctx) {
    if (!ctx.sources.allocation) return;
    const out = await runAllocationJob(ctx.host, ctx.sources.allocation(ctx.profile), { today: ctx.today, onEdited: "overwrite" });
    if (!out.ok) stop(out.problems);
    else {
      ctx.facts.tilldelning = { sheet: out.sheetName };
      ctx.facts.kallor.push("Statlig tilldelning: prognos enligt fördelningsmodellen (underlaget står på bladet)");
    }
  },
};

const helarsekvivalenter: PackStep = {
  id: "helarsekvivalenter",
  label: "Helårsekvivalenter",
  async run(ctx) {
    const p = ctx.profile;
    let table: TidyTable;
    let kalla: KallaInfo;
    let syntetisk = false;
    if (ctx.sources.scb) {
      const q = { kommuner: p.kommuner, riket: true, fran: `${p.ar - 6}M01`, till: `${p.ar - 2}M12` };
      const fetched = await fetchAll(ctx, helarsekvivalenterFetch(ctx.sources.scb, q, { now: () => ctx.today }));
      table = tidyOf(fetched);
      kalla = fetched.kalla;
    } else if (ctx.sources.syntheticHe) {
      const synthetic = ctx.sources.syntheticHe(p.kommuner);
      table = synthetic;
      kalla = { typ: "Syntetiska exempeldata", tabell: synthetic.meta.tableId, titel: synthetic.meta.title, hamtad: ctx.today };
      syntetisk = true;
    } else return;
    const out = await writeHelarsekvivalenter(ctx.host, table, kalla, { forbund: p.forbund, kommuner: p.kommuner, today: ctx.today, syntetisk });
    if (!out.ok) stop(out.problems);
    if (out.analysis) ctx.facts.he = { sheet: HE_SHEET, analysis: out.analysis, syntetisk };
    ctx.facts.kallor.push(syntetisk ? "Helårsekvivalenter: SYNTETISKA EXEMPELDATA (inte SCB:s siffror)" : `Helårsekvivalenter: SCB ${kalla.tabell}`);
  },
};

const initiativ: PackStep = {
  id: "initiativ",
  label: "Samverkansinitiativ",
  async run(ctx) {
    const settings = { ...defaultInitiativesSettings(ctx.today), forbund: ctx.profile.forbund, ...(ctx.sources.initiativDatum ? { datum: ctx.sources.initiativDatum } : {}) };
    const given = ctx.sources.initiativ;
    const state = await ctx.host.inspectSheet(INPUT_SHEET, [INPUT_TABLE]);
    if (given && !state.exists) {
      const input = await writeInitiativeInput(ctx.host, given.rows, settings);
      if (!input.ok) stop(input.problems);
      ctx.facts.kallor.push(`Initiativ: ${given.kalla}`);
    } else {
      // The workbook's own table holds the user's latest statuses: it wins over a file (nothing is lost).
      if (!state.tables[INPUT_TABLE]) return;
      ctx.facts.kallor.push(`Initiativ: tabellen på bladet ${INPUT_SHEET}`);
      ctx.facts.befintliga.push({ name: INPUT_SHEET, kind: "initiativ-indata" });
      if (given) ctx.facts.varningar.push(`Initiativen läses från tabellen på bladet ${INPUT_SHEET}, som redan finns; ${given.kalla} används inte.`);
    }
    const out = await runInitiativesJob(ctx.host, settings, { today: ctx.today, store: ctx.store, onEdited: "overwrite" });
    if (!out.ok) stop(out.problems);
    else ctx.facts.initiativ = { oversikt: out.oversikt, sheets: [INPUT_SHEET, ...out.sheets], datum: settings.datum };
  },
};

/**
 * The pack's data steps, in the order they run (a later one may read what an earlier one staged: the
 * projection links to the fee sheet). Then the pack writes Förbundsprofil, Sammanfattning and Innehåll.
 */
export const PACK_STEPS: readonly PackStep[] = [befolkning, medlemsavgifter, budget, statsbidrag, helarsekvivalenter, initiativ];
