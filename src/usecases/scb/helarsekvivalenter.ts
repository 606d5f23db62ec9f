/**
 * Helårsekvivalenter: the tidy table sheet "SCB Helårsekvivalenter" (SCB's HE0000T02N2 for the
 * förbund's kommuner and riket) and the analysis sheet "Helårsekvivalenter" over it — shares of the
 * population 20–64 per kommun, benefit type and year against riket, as live formulas, with a line chart
 * per kommun and a stacked column chart per benefit type. Both are rewritten on the next fetch; the
 * fetch is recorded in Källor.
 */
import type { TidyTable } from "../../domain/scb/tidy";
import type { WorkbookHost } from "../../hosts/host";
import { analyseHelarsekvivalenter, HeAnalysis, HeAnalysisOptions } from "../../domain/scb/heAnalysis";
import { HE_SHEET, HE_TABLE, buildHeSheet } from "../../sheets/scb/heSheet";
import { buildTidySheet, TidySheetInput, tidySheetLayout, assertFitsOnSheet } from "../../sheets/scb/tidySheet";
import { FetchOptions, fetchThenWrite } from "./scbImport";
import { FetchRows, KallaInfo, ScbJobOptions, ScbOutcome, kallaText, kallorRad, keepEditedCopy, prepareKallor, prepareOwnedSheet, failOf, writeKallor } from "./kallor";

export { HE_SHEET, HE_TABLE } from "../../sheets/scb/heSheet";
export const HE_DATA_SHEET = "SCB Helårsekvivalenter";

export interface HelarsekvivalenterOptions extends ScbJobOptions, HeAnalysisOptions {
  /** The förbund's name, shown on the sheet and as the sum of its kommuner. */
  forbund: string;
  /** The data are not SCB's (the demo): said in the titles and in red on both sheets. */
  syntetisk?: boolean;
}

export type HelarsekvivalenterOutcome = ScbOutcome & { analysis?: HeAnalysis };

/** Writes the data sheet and the analysis sheet from a helårsekvivalenter table, and a Källor row. */
export async function writeHelarsekvivalenter(host: WorkbookHost, table: TidyTable, kalla: KallaInfo, opts: HelarsekvivalenterOptions): Promise<HelarsekvivalenterOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  const today = opts.today ?? new Date();
  const varningar: string[] = [];
  try {
    // Everything that can fail on the data fails here, before the workbook is touched.
    const analysis = analyseHelarsekvivalenter(table, opts);
    const tidyInput: TidySheetInput = {
      sheetName: HE_DATA_SHEET,
      title: kalla.titel || `Helårsekvivalenter (${kalla.tabell})`,
      kallaText: kallaText(kalla),
      varning: opts.syntetisk ? "SYNTETISKA EXEMPELDATA – inte SCB:s siffror." : undefined,
      table,
    };
    assertFitsOnSheet(tidyInput);
    const heSpec = buildHeSheet({
      analysis,
      tidySheet: HE_DATA_SHEET,
      tidyLayout: tidySheetLayout(tidyInput),
      forbund: opts.forbund,
      kallaText: kallaText(kalla),
      syntetisk: opts.syntetisk,
      today,
    });
    progress("Läser arbetsboken", 0.75);
    const kallor = await prepareKallor(host);
    const dataState = await prepareOwnedSheet(host, HE_DATA_SHEET);
    const heState = await prepareOwnedSheet(host, HE_SHEET, [HE_TABLE]);
    progress("Skriver bladen", 0.8);
    const dataReport = await host.writeSheet(buildTidySheet(tidyInput), await keepEditedCopy(host, dataState, varningar));
    const heReport = await host.writeSheet(heSpec, await keepEditedCopy(host, heState, varningar));
    const rad = kallorRad(kalla, table.rows.length, [HE_DATA_SHEET, HE_SHEET], [opts.syntetisk ? "Syntetiska exempeldata, inte SCB:s." : "", ...varningar].filter((s) => s).join(" "));
    const kallorReport = await writeKallor(host, kallor, [rad]);
    progress("Klart", 1);
    return { ok: true, sheets: [HE_DATA_SHEET, HE_SHEET, kallorReport.sheetName], rows: table.rows.length, varningar, kalla: rad, reports: [dataReport, heReport, kallorReport], analysis };
  } catch (e) {
    return failOf(e);
  }
}

/** Fetches helårsekvivalenter with the live client (the förbund's kommuner and riket), then writes as above. */
export async function fetchHelarsekvivalenter(host: WorkbookHost, fetch: FetchRows, opts: HelarsekvivalenterOptions & FetchOptions): Promise<HelarsekvivalenterOutcome> {
  return fetchThenWrite(fetch, opts, (table, kalla) => writeHelarsekvivalenter(host, table, kalla, opts));
}
