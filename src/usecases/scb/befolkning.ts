/**
 * Population: the "Befolkning" sheet (per kommun, age band, kön and year, each figure with its source)
 * from an SCB table, a fetch or the embedded 2019 figures; and "one click fills the population column
 * of the fee split": fillFeePopulationFromScb reads the Befolkning rows for the fee sheet's kommuner,
 * band and reference year and re-runs the fee split with them, recording the source in Källor.
 */
import type { InputProblem } from "../../domain/errors";
import type { TidyTable } from "../../domain/scb/tidy";
import type { SettingsStore, WorkbookHost } from "../../hosts/host";
import type { ReadValue } from "../../sheets/spec";
import { BEFOLKNING_SHEET, BEFOLKNING_TABLE, befolkningRowsFromTable, buildBefolkningSheet } from "../../sheets/scb/befolkningSheet";
import { formatTid } from "../../sheets/scb/common";
import { AgeBand, PopulationRow, bandLabel, embeddedPopulationRows, mergePopulationRows, populationFromTidy, sameBand } from "../../domain/scb/population";
import { FEE_SHEET_LAYOUT, feeSheetName, feeTableName } from "../../sheets/fee/feeSheet";
import { EMBEDDED_POPULATION_SOURCE } from "../../domain/scb/embeddedPopulation";
import { normaliseKod } from "../../sources/fee/memberKeys";
import { FeeSplitJobOutcome, FeeSplitSettings, loadFeeSettings, runFeeSplitJob, saveFeeSettings } from "../fee/feeSplitJob";
import type { JobFailure } from "../failure";
import { FetchOptions, fetchThenWrite } from "./scbImport";
import { FetchRows, KallaInfo, KallorRad, ScbJobOptions, ScbOutcome, kallorRad, prepareKallor, prepareOwnedSheet, failOf, writeKallor } from "./kallor";

export { BEFOLKNING_SHEET, BEFOLKNING_TABLE } from "../../sheets/scb/befolkningSheet";
export type { AgeBand, PopulationRow } from "../../domain/scb/population";
export { bandLabel, DEFAULT_BANDS } from "../../domain/scb/population";

export interface BefolkningOptions extends ScbJobOptions {
  /** Age bands to make (default 16–64 and 20–64). */
  bands?: AgeBand[];
  /** Only these region codes (default all in the table). */
  regioner?: string[];
}

/** Adds population rows to the Befolkning sheet (same kommun, band, kön and year replaced) and a Källor row. */
export async function writeBefolkning(
  host: WorkbookHost,
  rows: PopulationRow[],
  kalla: KallaInfo,
  opts: ScbJobOptions & { varningar?: string[] } = {},
): Promise<ScbOutcome> {
  const progress = opts.onProgress ?? (() => undefined);
  const varningar = [...(opts.varningar ?? [])];
  try {
    progress("Läser arbetsboken", 0.75);
    const kallor = await prepareKallor(host);
    const state = await prepareOwnedSheet(host, BEFOLKNING_SHEET, [BEFOLKNING_TABLE]);
    const header = state.tableHeaders[BEFOLKNING_TABLE];
    const body = state.tables[BEFOLKNING_TABLE];
    const previous = header && body ? befolkningRowsFromTable(header, body) : { rows: [], unreadable: [] };
    if (previous.unreadable.length > 0) {
      varningar.push(`${previous.unreadable.length} rader i tabellen på bladet Befolkning gick inte att läsa och har tagits bort (t.ex. rad ${previous.unreadable[0] + 1} i tabellen).`);
    }
    const merged = mergePopulationRows(previous.rows, rows);
    progress("Skriver bladet", 0.8);
    const report = await host.writeSheet(buildBefolkningSheet({ rows: merged, today: opts.today ?? new Date() }), state);
    const rad = kallorRad(kalla, rows.length, [BEFOLKNING_SHEET], varningar.join(" "));
    const kallorReport = await writeKallor(host, kallor, [rad]);
    progress("Klart", 1);
    return { ok: true, sheets: [BEFOLKNING_SHEET, kallorReport.sheetName], rows: rows.length, varningar, kalla: rad, reports: [report, kallorReport] };
  } catch (e) {
    return failOf(e);
  }
}

/** Population bands from an SCB population table (imported or fetched) onto the Befolkning sheet. */
export async function importBefolkningTable(host: WorkbookHost, table: TidyTable, kalla: KallaInfo, opts: BefolkningOptions = {}): Promise<ScbOutcome> {
  let result;
  try {
    result = populationFromTidy(table, { bands: opts.bands, regioner: opts.regioner, kalla: `SCB ${kalla.tabell}${kalla.titel ? ` (${kalla.titel})` : ""}, ${formatTidOf(kalla)}` });
  } catch (e) {
    return failOf(e);
  }
  return writeBefolkning(host, result.rows, kalla, { ...opts, varningar: result.varningar });
}

function formatTidOf(kalla: KallaInfo): string {
  const d = typeof kalla.hamtad === "string" ? new Date(kalla.hamtad) : kalla.hamtad;
  return Number.isNaN(d.getTime()) ? String(kalla.hamtad) : `hämtad ${formatTid(d)}`;
}

/** Fetches population (by kommun, age, kön, year) with the live client and adds it to Befolkning. */
export async function fetchBefolkning(host: WorkbookHost, fetch: FetchRows, opts: BefolkningOptions & FetchOptions = {}): Promise<ScbOutcome> {
  return fetchThenWrite(fetch, opts, (table, kalla) => importBefolkningTable(host, table, kalla, opts));
}

/** The embedded real SCB figures for 2019 (16–64 and 20–64, both sexes) for these kommuner. */
export async function writeEmbeddedBefolkning(host: WorkbookHost, koder: string[], opts: ScbJobOptions = {}): Promise<ScbOutcome> {
  const kalla: KallaInfo = { typ: "Inbyggd i Samkalk", tabell: "BE0101A BefolkningNy", titel: EMBEDDED_POPULATION_SOURCE, hamtad: opts.today ?? new Date() };
  return writeBefolkning(host, embeddedPopulationRows(koder), kalla, { ...opts, varningar: ["Siffrorna följer med Samkalk (SCB, 31 december 2019)."] });
}

export interface FillFeePopulationOptions {
  /** Where the fee split's choices are stored (the task pane's document settings). */
  store: SettingsStore;
  lang: "sv" | "en";
  today?: Date;
  /** The fee split to fill; default the one stored in the workbook. */
  settings?: FeeSplitSettings;
  onProgress?: (step: string, fraction: number) => void;
}

export type FillFeePopulationOutcome =
  | {
      ok: true;
      sheetName: string;
      /** Each kommun's population before (as in the sheet or settings) and after. */
      befolkning: Array<{ kod: string; namn: string; fore: string; efter: number }>;
      /** Kommuner whose value had been typed into the fee sheet by hand and is now replaced. */
      ersattaHandskrivna: string[];
      varningar: string[];
      kalla: KallorRad;
      fee: Extract<FeeSplitJobOutcome, { ok: true }>;
    }
  | { ok: false; problems: InputProblem[]; failure?: JobFailure };

const plainNumber = (s: string) => s.replace(/[\s\u00a0]/g, "").replace(",", ".").replace(/\.0+$/, "");

function readText(v: ReadValue | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * Fills the population column of the fee split from the Befolkning sheet and re-runs the fee split:
 * for the fee sheet's kommuner, its age band and its reference year, kön totalt. A kommun without a
 * figure there stops the job with a message naming it (nothing is written). Values the user had typed
 * into the fee sheet are replaced — that is what the click asks for — and the outcome lists them.
 */
export async function fillFeePopulationFromScb(host: WorkbookHost, opts: FillFeePopulationOptions): Promise<FillFeePopulationOutcome> {
  const settings = opts.settings ?? loadFeeSettings(opts.store);
  if (!settings) {
    return { ok: false, problems: [{ meddelande: "Arbetsboken har ingen fördelning av medlemsavgifter än. Skapa den under Medlemsavgifter först." }] };
  }
  if (settings.nyckel.kind !== "befolkning") {
    return { ok: false, problems: [{ plats: "fördelningsnyckel", meddelande: "Medlemsavgifterna fördelas med fasta andelar, inte efter befolkning. Välj befolkning som nyckel först." }] };
  }
  const { aldersFran, aldersTill, referensAr } = settings.nyckel;
  const band: AgeBand = { fran: aldersFran, till: aldersTill };
  try {
    const state = await host.inspectSheet(BEFOLKNING_SHEET, [BEFOLKNING_TABLE]);
    const header = state.tableHeaders[BEFOLKNING_TABLE];
    const body = state.tables[BEFOLKNING_TABLE];
    if (!header || !body) {
      return { ok: false, problems: [{ plats: `bladet ${BEFOLKNING_SHEET}`, meddelande: "Det finns ingen befolkningstabell från Samkalk. Hämta befolkningen från SCB (eller läs in en befolkningstabell) först." }] };
    }
    const { rows } = befolkningRowsFromTable(header, body);
    const problems: InputProblem[] = [];
    const found = settings.kommuner.map((k) => {
      const kod = normaliseKod(k.kod);
      const row = rows.find((r) => r.regionkod === kod && sameBand(r.band, band) && r.kon === "totalt" && r.ar === referensAr);
      if (!row) {
        const years = [...new Set(rows.filter((r) => r.regionkod === kod && sameBand(r.band, band) && r.kon === "totalt").map((r) => r.ar))].sort();
        problems.push({
          plats: `${k.namn} (${k.kod})`,
          meddelande: `Bladet ${BEFOLKNING_SHEET} har ingen folkmängd ${bandLabel(band)} för ${referensAr}${years.length > 0 ? ` (det finns för ${years.join(", ")})` : ""}.`,
        });
      }
      return { k, row };
    });
    if (problems.length > 0) return { ok: false, problems };
    const kallor = await prepareKallor(host);

    // What the fee sheet shows now: kept as "what Samkalk wrote", so the job takes the new figures.
    const feeState = await host.inspectSheet(feeSheetName(settings.ar), [feeTableName(settings.ar)]);
    const feeBody = feeState.tables[feeTableName(settings.ar)];
    const inSheet = new Map((feeBody ?? []).map((r) => [normaliseKod(readText(r[FEE_SHEET_LAYOUT.columns.kod])), readText(r[FEE_SHEET_LAYOUT.columns.nyckel])]));
    const previous = loadFeeSettings(opts.store);
    const written = new Map((previous?.kommuner ?? []).map((k) => [k.kod, k.varde.trim()]));
    const ersattaHandskrivna = settings.kommuner
      .filter((k) => {
        const shown = inSheet.get(normaliseKod(k.kod));
        const last = written.get(k.kod);
        if (shown === undefined || shown === "") return false;
        // Typed since the last run, or typed earlier and kept since (the record of typed keys).
        const typedEarlier = previous?.skrivetPaBladet?.some((c) => c.kod === k.kod && plainNumber(c.varde) === plainNumber(shown)) ?? false;
        return (last !== undefined && plainNumber(shown) !== plainNumber(last)) || typedEarlier;
      })
      .map((k) => k.namn);
    if (feeBody) {
      const asShown = { ...settings, kommuner: settings.kommuner.map((k) => ({ ...k, varde: inSheet.get(normaliseKod(k.kod)) || k.varde })) };
      await saveFeeSettings(opts.store, asShown);
    }
    const filled: FeeSplitSettings = { ...settings, kommuner: found.map(({ k, row }) => ({ ...k, varde: String(row!.folkmangd) })) };
    // The figures filled in replace the typed ones, also on later runs.
    const fee = await runFeeSplitJob(host, filled, { lang: opts.lang, today: opts.today, store: opts.store, onProgress: opts.onProgress, replaceTyped: true });
    if (!fee.ok) {
      if (previous) await saveFeeSettings(opts.store, previous).catch(() => undefined);
      return { ok: false, problems: fee.problems };
    }
    const sources = [...new Set(found.map(({ row }) => row!.kalla).filter((s) => s !== ""))];
    const rad: KallorRad = {
      ...kallorRad(
        { typ: "Används", tabell: BEFOLKNING_SHEET, titel: `Befolkning ${bandLabel(band)} ${referensAr} till ${fee.sheetName}`, hamtad: opts.today ?? new Date() },
        found.length,
        [fee.sheetName],
        [
          `Från bladet ${BEFOLKNING_SHEET}; källa: ${sources.join("; ") || "okänd"}.`,
          ersattaHandskrivna.length > 0 ? `Ersatte handskrivna värden för ${ersattaHandskrivna.join(", ")}.` : "",
        ]
          .filter((s) => s)
          .join(" "),
      ),
    };
    const varningar = [...fee.varningar];
    try {
      await writeKallor(host, kallor, [rad]);
    } catch (e) {
      varningar.push(`Avgifterna räknades om, men raden på bladet Källor kunde inte skrivas (${(e as Error).message}).`);
    }
    return {
      ok: true,
      sheetName: fee.sheetName,
      befolkning: found.map(({ k, row }) => ({ kod: k.kod, namn: k.namn, fore: inSheet.get(normaliseKod(k.kod)) || k.varde, efter: row!.folkmangd })),
      ersattaHandskrivna,
      varningar,
      kalla: rad,
      fee,
    };
  } catch (e) {
    return failOf(e);
  }
}
