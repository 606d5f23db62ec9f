import { cellAddress } from "../../domain/a1";
import type { Amount } from "../../domain/amount";
import { roundTo } from "../../domain/budget/money";
import type { Medlemsavgifter } from "../../domain/budget/projection";
import type { Enhet } from "../../domain/budget/types";
import type { SheetState, WorkbookHost } from "../../hosts/host";
import type { AllocationSheetLink } from "../../sheets/budget/projectionSheet";
import { ALLOCATION_SHEET_LAYOUT, allocationBudgetTableName, allocationSheetName } from "../../sheets/tilldelning/allocationSheet";

/** The förbund's forecast on a "Statlig tilldelning <år>" sheet, to link the state's contribution to. */
export interface AllocationSheetValue {
  link: AllocationSheetLink;
  /** The forecast in the projection's unit, exact (kronor ÷ 1000 for tkr); the projection rounds it. */
  stat: Amount;
}

/**
 * The allocation sheet of a year as inspected, if Samkalk wrote one with a förbund of its own: the
 * förbund's forecast from the small table beside its line (Excel's value there; in a file, the domain's
 * value written with the formula). No sheet: undefined and nothing said. A sheet that is not Samkalk's,
 * has no förbund of its own or no readable forecast: undefined, and the user is told why.
 */
export function allocationSheetValue(state: SheetState, ar: number, enhet: Enhet, varningar: string[]): AllocationSheetValue | undefined {
  const name = allocationSheetName(ar);
  const table = allocationBudgetTableName(ar);
  if (!state.exists) return undefined;
  if (!state.ownedBySamkalk) {
    varningar.push(`Bladet ${name} är inte Samkalks; statens bidrag ${ar} länkas inte till det.`);
    return undefined;
  }
  const row = state.tables[table]?.[0];
  if (!row) {
    varningar.push(`Bladet ${name} har inget eget förbund angivet; statens bidrag ${ar} länkas inte till prognosen där.`);
    return undefined;
  }
  const [, forbund, prognos] = row;
  const kr = typeof prognos === "number" ? prognos : typeof prognos === "string" && /^\s*\d+\s*$/.test(prognos) ? Number(prognos) : NaN;
  if (!Number.isSafeInteger(kr) || kr < 0) {
    varningar.push(`Prognosen på bladet ${name} (cell ${cellAddress(ALLOCATION_SHEET_LAYOUT.OWN.prognos, 1)}) är inte ett belopp i hela kronor; statens bidrag ${ar} länkas inte.`);
    return undefined;
  }
  const stat: Amount = enhet === "kr" ? { minor: BigInt(kr), decimals: 0 } : { minor: BigInt(kr), decimals: 3 };
  return { link: { ar, sheetName: name, forbund: forbund === null ? "" : String(forbund) }, stat };
}

/**
 * The state's contribution of each projected year from that year's allocation forecast, where there is
 * one and nothing stronger decides it: a fee sheet linked for the year, or a state amount the user typed
 * among the member fees (both win, and the user is told the forecast is not used).
 */
export async function stateForecastsFor(
  host: WorkbookHost,
  years: number[],
  enhet: Enhet,
  feeSheetYears: ReadonlySet<number>,
  typedFees: Medlemsavgifter[],
  varningar: string[],
): Promise<AllocationSheetValue[]> {
  // Every year's sheet in one look where the host can (one round trip in Excel).
  const requests = years.map((ar) => ({ sheetName: allocationSheetName(ar), tableNames: [allocationBudgetTableName(ar)] }));
  const states: SheetState[] = [];
  if (host.inspectSheets) states.push(...(await host.inspectSheets(requests)));
  else for (const r of requests) states.push(await host.inspectSheet(r.sheetName, r.tableNames));
  const out: AllocationSheetValue[] = [];
  for (const [k, ar] of years.entries()) {
    const v = allocationSheetValue(states[k], ar, enhet, varningar);
    if (!v) continue;
    if (feeSheetYears.has(ar)) varningar.push(`Statens bidrag ${ar} hämtas från bladet Medlemsavgifter ${ar}; prognosen på bladet ${v.link.sheetName} används inte.`);
    else if (typedFees.some((m) => m.ar === ar && m.stat)) varningar.push(`Statens bidrag ${ar} är angivet bland medlemsavgifterna och går före prognosen på bladet ${v.link.sheetName}.`);
    else out.push(v);
  }
  return out;
}

/**
 * The member fees with each forecast as the state's contribution of its year, rounded to the
 * projection's decimals half away from zero, as the sheet's link rounds it.
 */
export function withStateForecasts(fees: Medlemsavgifter[], forecasts: AllocationSheetValue[], decimaler: number): Medlemsavgifter[] {
  const out = fees.map((m) => ({ ...m }));
  for (const f of forecasts) {
    const stat = roundTo(f.stat, decimaler);
    const same = out.find((m) => m.ar === f.link.ar);
    if (same) same.stat = stat;
    else out.push({ ar: f.link.ar, stat });
  }
  return out.sort((a, b) => a.ar - b.ar);
}
