import { toCsv } from "../../sources/csvOutput";
import path from "node:path";
import type ExcelJS from "exceljs";
import { Workbook } from "../../hosts/xlsx/exceljsWorkbook";
import Papa from "papaparse";
import { amountToNumber, amountToPlain } from "../../domain/amount";
import { minus } from "../../domain/budget/money";
import { InputError, formatProblem } from "../../domain/errors";
import { checkInputFile, readInputText, reportInputError } from "../inputErrors";
import { XlsxWorkbookHost } from "../../hosts/xlsx/xlsxHost";
import { unpackedSize } from "../../hosts/xlsx/zipSize";
import { rangeAddress, type RangeRef } from "../../domain/a1";
import type { CellGrid, CellValue } from "../../sources/budget/budgetCells";
import { importBudgetJob, readBudgetJob } from "../../usecases/budget/budgetJob";
import { maxOf } from "../../domain/arrays";

export interface BudgetImportCliOptions {
  sheet?: string;
  format: "csv" | "json";
  out?: string;
  force?: boolean;
  enhet?: "kr" | "tkr";
  forbund?: string;
}

/** Cells of a CSV or TSV file: text as typed, empty cells null. */
export function gridFromDelimited(text: string, tab: boolean): CellGrid {
  const parsed = Papa.parse<string[]>(text, tab ? { delimiter: "\t" } : { delimitersToGuess: [";", ",", "\t"] });
  const rows = parsed.data;
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v.trim() === "")) rows.pop();
  return { origin: { row: 0, col: 0 }, values: rows.map((r) => r.map((v) => (v.trim() === "" ? null : v.trim()))) };
}

function xlsxValue(cell: ExcelJS.Cell): CellValue {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "formula" in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    if (r === undefined || r === null) return null;
    if (typeof r === "string" || typeof r === "number" || typeof r === "boolean") return r;
    if (r instanceof Date) return r.toISOString().slice(0, 10);
    return typeof r === "object" && "error" in r ? String(r.error) : null;
  }
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  if (typeof v === "object" && "error" in v) return v.error;
  return null;
}

/** Most a budget .xlsx may unpack to (a budget of 500 posts is about 100 kB). */
const BUDGET_XLSX_UNPACKED_MAX = 10 * 1024 * 1024;

/** Cells of a worksheet from A1, with its merged areas (which the importer refuses). */
export async function gridFromXlsx(file: string, sheet: string | undefined): Promise<{ grid: CellGrid; sheetName: string }> {
  // A small .xlsx can unpack to gigabytes; exceljs would hold them all. A budget is far below this.
  const unpacked = unpackedSize(file);
  if (unpacked !== null && unpacked > BUDGET_XLSX_UNPACKED_MAX) {
    throw new InputError([
      { meddelande: `Arbetsboken är ${unpacked === Infinity ? "mer än 4 GB" : `${Math.round(unpacked / 1024 / 1024)} MB`} uppackad; Samkalk läser högst ${BUDGET_XLSX_UNPACKED_MAX / 1024 / 1024} MB som en budget. Spara budgetbladet för sig (eller som CSV) och läs in det.` },
    ]);
  }
  const wb = new Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new InputError([{ meddelande: "Filen kunde inte läsas som en Excel-arbetsbok (.xlsx)." }]);
  }
  const ws = sheet === undefined ? wb.worksheets[0] : wb.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
  if (!ws) {
    const names = wb.worksheets.map((w) => `"${w.name}"`).join(", ");
    throw new InputError([{ meddelande: sheet === undefined ? "Arbetsboken har inga blad." : `Bladet "${sheet}" finns inte. Bladen heter ${names}.` }]);
  }
  const values: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(xlsxValue(ws.getCell(r, c)));
    values.push(row);
  }
  const merged: RangeRef[] = ((ws.model as { merges?: string[] }).merges ?? []).map((a) => {
    const [from, to] = a.split(":").map((x) => ws.getCell(x));
    return { row: Number(from.row) - 1, col: Number(from.col) - 1, rows: Number(to.row) - Number(from.row) + 1, cols: Number(to.col) - Number(from.col) + 1 };
  });
  return { grid: { origin: { row: 0, col: 0 }, values, ...(merged.length > 0 ? { merged } : {}) }, sheetName: ws.name };
}

/**
 * `samkalk budget import FILE`: a budget laid out as in a verksamhetsplan (CSV, TSV or .xlsx) → the
 * structured table as CSV (or JSON with the failed checks); exit 1 when a check fails or the input is
 * bad (then with located Swedish messages, and nothing written). `--out` also writes the sheets Budget
 * and Budgetkontroll with live formulas.
 */
export async function runBudgetImportCommand(file: string, o: BudgetImportCliOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const name = path.basename(file);
  try {
    let grid: CellGrid;
    let kalla = name;
    if (/\.xlsx$/i.test(file)) {
      if (!checkInputFile(file, "budget", err)) return 1;
      const read = await gridFromXlsx(file, o.sheet);
      grid = read.grid;
      kalla = `${name}, bladet ${read.sheetName}`;
    } else {
      // UTF-8, UTF-16 (Excel's "Unicode text") or Latin-1/Windows-1252, as every Samkalk reader detects it.
      const text = readInputText(file, "budget", err);
      if (text === null) return 1;
      if (o.sheet) err("Obs: --sheet gäller bara .xlsx-filer och används inte.");
      grid = gridFromDelimited(text, /\.tsv$/i.test(file));
    }
    const settings = { forbund: o.forbund ?? "Samordningsförbundet", ...(o.enhet ? { enhet: o.enhet } : {}) };
    const source = { kalla: `${kalla} (${rangeAddress({ row: 0, col: 0, rows: Math.max(grid.values.length, 1), cols: Math.max(1, maxOf(grid.values.map((r) => r.length))) })})` };
    let sheets: string[] = [];
    let outcome;
    if (o.out) {
      // The sheets are built only when they are written.
      const host = await XlsxWorkbookHost.forOutput(o.out, o.force);
      const written = await importBudgetJob(host, grid, settings, source);
      if (!written.ok) throw new InputError(written.problems);
      await host.save(o.out, { inputs: [file], force: o.force });
      sheets = written.sheets;
      outcome = written;
    } else {
      outcome = readBudgetJob(grid, settings, source);
      if (!outcome.ok) throw new InputError(outcome.problems);
    }
    const imp = outcome.budget;
    if (o.format === "json") {
      const json = {
        enhet: imp.enhet,
        ar: imp.ar,
        rader: imp.rader.map((r) => ({
          sektion: r.sektion,
          grupp: r.grupp ?? null,
          post: r.post,
          ar: r.ar,
          belopp: amountToNumber(r.belopp),
          enhet: r.enhet,
          medlem: r.medlem ?? null,
          medlemskod: r.medlemskod ?? null,
          cell: r.cell,
        })),
        kontroller: outcome.avvikelser.map((k) => ({
          typ: k.typ,
          rad: k.rad,
          ar: k.ar,
          cell: k.cell,
          forvantat: amountToNumber(k.forvantat),
          funnet: amountToNumber(k.funnet),
          skillnad: amountToNumber(minus(k.funnet, k.forvantat)),
          meddelande: k.meddelande,
        })),
        varningar: imp.varningar,
      };
      out(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      const rows = imp.rader.map((r) => [r.sektion, r.grupp ?? "", r.post, String(r.ar), amountToPlain(r.belopp), r.enhet, r.medlem ?? "", r.medlemskod ?? "", r.cell]);
      out(toCsv({ fields: ["sektion", "grupp", "post", "ar", "belopp", "enhet", "medlem", "medlemskod", "cell"], data: rows }));
    }
    for (const v of imp.varningar) err(`Varning: ${v}`);
    for (const k of outcome.avvikelser) err(`Kontroll: ${k.meddelande}`);
    if (o.out) err(`Skrev ${o.out}: ${sheets.join(", ")}.`);
    return outcome.avvikelser.length > 0 ? 1 : 0;
  } catch (e) {
    return reportInputError(e, err, (p) => `${name}: ${formatProblem(p)}`);
  }
}
