/**
 * `samkalk styrelsepaket --profil FILE --out FILE.xlsx [--pdf FILE.pdf] [--base-url URL | --inbyggd]`:
 * the board pack from a förbundsprofil file. Paths in the profile (budget, initiativ) are relative to the
 * profile file. Everything is read and checked, and every step run, before the workbook is written; a
 * failing step names itself and writes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { InputError, formatProblem } from "../../domain/errors";
import { STANDARD_NULAGEN } from "../../domain/initiatives/model";
import type { ForbundProfile } from "../../domain/profile/profile";
import { XlsxWorkbookHost } from "../../hosts/xlsx/xlsxHost";
import { syntheticHelarsekvivalenter } from "../../samples/syntheticHelarsekvivalenter";
import { wholeCountryAllocationInput } from "../../samples/wholeCountryAllocation";
import type { CellGrid } from "../../sources/budget/budgetCells";
import { parseInitiativeTable } from "../../sources/initiatives/initiativeRows";
import { parseProfileJson } from "../../sources/profile/profileJson";
import { decodeBytes } from "../../sources/decode";
import { sizeProblem, type InputJob } from "../../sources/inputLimits";
import { buildBoardPack, type PackOutcome, type PackSources } from "../../usecases/pack/boardPack";
import { scbClientFor } from "../../usecases/scb/fetchAdapters";
import { gridFromDelimited, gridFromXlsx } from "../budget/budgetCommand";
import { renderPackPdf, requireSoffice } from "./pdf";

export interface PackCliOptions {
  profil: string;
  out: string;
  pdf?: string;
  baseUrl?: string;
  inbyggd?: boolean;
  force?: boolean;
  /** The initiatives' report date, YYYY-MM-DD (default today). */
  datum?: string;
}

/** A file the profile names, within its job's size limit (checked before reading), or a located refusal. */
function readFile(file: string, what: string, job: InputJob): Buffer {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new InputError([{ plats: file, meddelande: `${what} finns inte eller kunde inte läsas.` }]);
  }
  const tooLarge = sizeProblem(job, size, file);
  if (tooLarge) throw new InputError([tooLarge]);
  try {
    return fs.readFileSync(file);
  } catch {
    throw new InputError([{ plats: file, meddelande: `${what} kunde inte läsas.` }]);
  }
}

/** A profile path (budget, initiativ) resolved against the profile file's folder. */
function besideProfile(profileFile: string, p: string): string {
  return path.resolve(path.dirname(path.resolve(profileFile)), p);
}

async function budgetGrid(file: string): Promise<CellGrid> {
  if (/\.xlsx$/i.test(file)) {
    readFile(file, "Budgetfilen", "budget");
    return (await gridFromXlsx(file, undefined)).grid;
  }
  return gridFromDelimited(decodeBytes(readFile(file, "Budgetfilen", "budget")).text, /\.(tsv|tab)$/i.test(file));
}

/** The pack's sources for a profile: files named in it, SCB or the embedded and synthetic data. */
export async function packSourcesFor(profile: ForbundProfile, profileFile: string, o: Pick<PackCliOptions, "baseUrl" | "inbyggd" | "datum">): Promise<{ sources: PackSources; inputs: string[] }> {
  const sources: PackSources = {};
  const inputs: string[] = [profileFile];
  if (o.inbyggd) sources.syntheticHe = (kommuner) => syntheticHelarsekvivalenter({ kommuner, fromYear: profile.ar - 7, toYear: profile.ar - 1, lastMonth: 12 });
  else sources.scb = scbClientFor(o.baseUrl);
  // The forecast's underlag is the whole country: SCB's embedded 2019 population and a synthetic
  // försörjningsmått, both labelled on the sheet.
  sources.allocation = (p) => wholeCountryAllocationInput({ forbund: p.forbund, kommuner: p.kommuner, ar: p.ar });
  if (profile.budgetfil) {
    const file = besideProfile(profileFile, profile.budgetfil);
    sources.budget = { grid: await budgetGrid(file), kalla: path.basename(file) };
    inputs.push(file);
  }
  if (profile.initiativfil) {
    const file = besideProfile(profileFile, profile.initiativfil);
    const name = path.basename(file);
    const grid = Papa.parse<string[]>(decodeBytes(readFile(file, "Initiativfilen", "initiativ")).text, { skipEmptyLines: "greedy", delimitersToGuess: [";", ",", "\t"] }).data;
    sources.initiativ = { rows: parseInitiativeTable(grid, { nulagen: STANDARD_NULAGEN, locate: (i) => `${name}, rad ${i + 2}` }), kalla: name };
    inputs.push(file);
  }
  if (o.datum !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.datum)) throw new InputError([{ plats: "--datum", meddelande: `"${o.datum}" ska vara ett datum som 2025-06-15.` }]);
    sources.initiativDatum = o.datum;
  }
  return { sources, inputs };
}

function report(outcome: Extract<PackOutcome, { ok: true }>, o: PackCliOptions, seconds: number, out: (s: string) => void): void {
  const fee = outcome.facts.fee?.result;
  if (fee) {
    out(`Medlemsavgifter ${fee.request.ar} (${fee.request.enhet}):\n`);
    for (const k of fee.kommuner) out(`  ${k.kod} ${k.namn}\t${k.avgift.minor}\n`.replace(/\t(-?\d+)\n$/, (_m, v: string) => `\t${formatMinor(v, fee.decimals)}\n`));
  }
  const c = outcome.checks;
  out(`Kontroller: ${c.total}, ${c.failed === 0 ? "inga FEL" : `${c.failed} FEL`}${c.unchecked > 0 ? `, ${c.unchecked} ej kontrollerade` : ""}\n`);
  out(`Skrev ${o.out}${o.pdf ? ` och ${o.pdf}` : ""}: ${outcome.sheets.length} blad på ${seconds.toFixed(1)} s.\n`);
}

function formatMinor(v: string, decimals: number): string {
  if (decimals === 0) return v;
  const neg = v.startsWith("-");
  const digits = (neg ? v.slice(1) : v).padStart(decimals + 1, "0");
  return `${neg ? "-" : ""}${digits.slice(0, -decimals)},${digits.slice(-decimals)}`;
}

export async function runPackCommand(o: PackCliOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const started = Date.now();
  try {
    if (o.inbyggd && o.baseUrl) throw new InputError([{ plats: "--inbyggd", meddelande: "Välj antingen --inbyggd (inga nätverksanrop) eller --base-url, inte båda." }]);
    const soffice = o.pdf ? requireSoffice() : undefined;
    const profile = parseProfileJson(decodeBytes(readFile(o.profil, "Profilfilen", "profil")).text, path.basename(o.profil));
    const { sources, inputs } = await packSourcesFor(profile, o.profil, o);
    const host = new XlsxWorkbookHost();
    const outcome = await buildBoardPack(host, profile, sources, { onProgress: (step, i, n) => err(`[${i}/${n}] ${step}`) });
    if (!outcome.ok) {
      err(`Styrelsepaketet skapades inte${outcome.step ? ` (steget ${outcome.step})` : ""}; inget har skrivits.`);
      outcome.problems.forEach((p) => err(formatProblem(p)));
      return 1;
    }
    await host.save(o.out, { inputs, force: o.force });
    if (o.pdf) {
      err("PDF för styrelsen (LibreOffice)");
      await renderPackPdf(host, outcome.rawSheets, o.pdf, soffice);
    }
    report(outcome, o, (Date.now() - started) / 1000, out);
    return 0;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    e.problems.forEach((p) => err(formatProblem(p)));
    return 1;
  }
}
