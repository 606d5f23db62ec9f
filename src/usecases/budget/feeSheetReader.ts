import type { Amount } from "../../domain/amount";
import { parseAmount } from "../../domain/amount";
import { formatBelopp, times, total } from "../../domain/budget/money";
import type { ForvantadeAvgifter, Medlemsavgifter } from "../../domain/budget/projection";
import type { Enhet } from "../../domain/budget/types";
import { FeeSplitResult, computeFeeSplit } from "../../domain/fee/feeSplit";
import type { SettingsStore, WorkbookHost } from "../../hosts/host";
import type { FeeSheetLink } from "../../sheets/budget/projectionSheet";
import { FEE_SHEET_LAYOUT, feeSheetName, feeTableName } from "../../sheets/fee/feeSheet";
import { loadFeeSettings, toFeeSplitRequest } from "../fee/feeSplitJob";

/** The fee table's columns (the table starts in column A, so a table index is a sheet column). */
const FEE_COL = FEE_SHEET_LAYOUT.columns;

/** Stat, region and each kommun's fee of a fee split sheet, to link to. */
export interface FeeSheetValues {
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
export async function feeSheetFor(
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
  const unit = /\((t?kr)\)/.exec(header[FEE_COL.belopp] ?? "")?.[1];
  if (unit && unit !== enhet) {
    varningar.push(`Bladet ${name} är i ${unit} men budgeten i ${enhet}; medlemsavgifterna ${ar} länkas inte.`);
    return undefined;
  }
  const rows = body.map((row) => {
    const [kod, namn, belopp] = [row[FEE_COL.kod], row[FEE_COL.namn], row[FEE_COL.belopp]];
    return {
      kod: kod === null ? "" : String(kod).trim(),
      namn: namn === null || namn === "" ? undefined : String(namn),
      belopp: typeof belopp === "number" || typeof belopp === "string" ? parseAmount(belopp) : null,
    };
  });
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
