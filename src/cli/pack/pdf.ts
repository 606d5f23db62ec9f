/**
 * The board's PDF of a pack, rendered by LibreOffice Calc (`soffice --headless --convert-to pdf`) in a
 * fresh temporary profile set to recalculate on load, so the printed figures are computed by LibreOffice
 * from the formulas. The raw data sheets stay in the workbook but are hidden in the copy LibreOffice
 * prints, since LibreOffice leaves hidden sheets out of a PDF; every other sheet prints in the workbook's
 * order with its own print set-up (A4, header, footer), the pages numbered through the pack ("Sida 7 av 24").
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import { Workbook } from "../../hosts/xlsx/exceljsWorkbook";
import { InputError } from "../../domain/errors";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const NOT_INSTALLED =
  "LibreOffice behövs för --pdf men programmet soffice finns inte på datorn. Installera LibreOffice Calc (Debian/Ubuntu: apt-get install libreoffice-calc-nogui) eller skapa paketet utan --pdf.";

/** The soffice program on PATH (or SAMKALK_SOFFICE), or null when LibreOffice is not installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.SAMKALK_SOFFICE) return fs.existsSync(env.SAMKALK_SOFFICE) ? env.SAMKALK_SOFFICE : null;
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice"];
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    for (const n of names) {
      const candidate = path.join(dir, n);
      if (dir !== "" && fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** Throws InputError (Swedish) when LibreOffice is not installed; checked before anything is written. */
export function requireSoffice(): string {
  const soffice = findSoffice();
  if (!soffice) throw new InputError([{ plats: "--pdf", meddelande: NOT_INSTALLED }]);
  return soffice;
}

function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: 300_000 }, (e, _stdout, stderr) => (e ? reject(new Error(`${e.message}${stderr ? `: ${stderr}` : ""}`)) : resolve()));
  });
}

/**
 * Writes `pdfFile` from the workbook: `hidden` sheets (raw data) are hidden in the printed copy.
 * The PDF is written beside its target and renamed over it, so a failed render leaves no half file.
 */
/** What the PDF is made from: the workbook, and a way to add its native charts to bytes of a copy (the xlsx host). */
export interface PrintableBook {
  workbook: ExcelJS.Workbook;
  withCharts(bytes: Buffer): Promise<Buffer>;
}

export async function renderPackPdf(
  book: PrintableBook,
  hidden: readonly string[],
  pdfFile: string,
  soffice = requireSoffice(),
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-pdf-"));
  try {
    const profile = path.join(dir, "profil");
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    const xlsx = path.join(dir, "styrelsepaket.xlsx");
    fs.writeFileSync(xlsx, await printCopy(book, hidden));
    try {
      await run(soffice, [`-env:UserInstallation=${pathToFileUrl(profile)}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, xlsx]);
    } catch (e) {
      throw new InputError([{ plats: "--pdf", meddelande: `LibreOffice kunde inte skapa PDF:en (${(e as Error).message.split("\n")[0]}). Arbetsboken är skriven.` }]);
    }
    const made = path.join(dir, "styrelsepaket.pdf");
    if (!fs.existsSync(made)) throw new InputError([{ plats: "--pdf", meddelande: "LibreOffice skapade ingen PDF. Arbetsboken är skriven." }]);
    const tmp = path.join(path.dirname(path.resolve(pdfFile)), `.${path.basename(pdfFile)}.${process.pid}.tmp`);
    fs.copyFileSync(made, tmp);
    fs.renameSync(tmp, pdfFile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The workbook as the board's PDF prints it: a copy (read back through exceljs) with the raw data sheets hidden
 * and no sheet with a first page number of its own, then the host's native charts added to the copy's sheets
 * (exceljs alone writes none). Page numbers run through the pack ("Sida 7 av 24"): a sheet whose set-up names its
 * first page number restarts at it in LibreOffice, and exceljs gives every sheet it reads a first page number of 1.
 */
async function printCopy(book: PrintableBook, hidden: readonly string[]): Promise<Buffer> {
  const copy = new Workbook();
  await copy.xlsx.load(await book.workbook.xlsx.writeBuffer());
  const hide = new Set(hidden.map((n) => n.toLowerCase()));
  for (const ws of copy.worksheets) {
    if (hide.has(ws.name.toLowerCase()) && ws.state !== "veryHidden") ws.state = "hidden";
    ws.pageSetup = continuePageNumbers(ws.pageSetup);
  }
  return book.withCharts(Buffer.from(await copy.xlsx.writeBuffer()));
}

/** A page set-up without a first page number, so the sheet's pages continue the previous sheet's. */
export function continuePageNumbers(setup: Partial<ExcelJS.PageSetup>): Partial<ExcelJS.PageSetup> {
  const { firstPageNumber: _first, ...rest } = setup;
  return rest;
}

function pathToFileUrl(p: string): string {
  const abs = path.resolve(p).replace(/\\/g, "/");
  return `file://${abs.startsWith("/") ? "" : "/"}${abs}`;
}
