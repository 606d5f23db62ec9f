/**
 * LibreOffice Calc as an independent spreadsheet engine for tests: converts an .xlsx to CSV (one file per
 * sheet) headless, recalculating every formula on load. The profile is fresh per call and sets
 * OOXMLRecalcMode to "always", so cached values written by exceljs can never leak into the result.
 * Needs Debian's `libreoffice-calc-nogui` (installed by .ci/run).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Papa from "papaparse";

const run = promisify(execFile);

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function freshProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-lo-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return dir;
}

async function soffice(args: string[], profile: string): Promise<void> {
  await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], { timeout: 180_000 });
}

/**
 * Recalculates `xlsx` in LibreOffice and returns each sheet's cells as raw values (not as displayed):
 * sheet name → rows → cells (strings, as LibreOffice writes them).
 */
export async function recalculateToCsv(xlsx: string): Promise<Map<string, string[][]>> {
  const profile = freshProfile();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-csv-"));
  try {
    // Filter options: comma, double quote, UTF-8, from line 1, …, "save as shown" = false (raw values), all sheets (-1).
    await soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1", "--outdir", outDir, xlsx], profile);
    const base = path.basename(xlsx, path.extname(xlsx));
    const sheets = new Map<string, string[][]>();
    for (const f of fs.readdirSync(outDir)) {
      if (!f.endsWith(".csv")) continue;
      const sheet = f.startsWith(`${base}-`) ? f.slice(base.length + 1, -4) : f.slice(0, -4);
      const parsed = Papa.parse<string[]>(fs.readFileSync(path.join(outDir, f), "utf8"), { skipEmptyLines: false });
      sheets.set(sheet, parsed.data);
    }
    return sheets;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** Renders `file` (xlsx) to PDF with LibreOffice; returns the PDF path in `outDir`. */
export async function convertToPdf(file: string, outDir: string): Promise<string> {
  const profile = freshProfile();
  try {
    await soffice(["--convert-to", "pdf", "--outdir", outDir, file], profile);
    return path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Cell at an A1 address from a CSV grid ("" if outside). */
export function cellAt(grid: string[][], a1: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return grid[Number(m[2]) - 1]?.[col] ?? "";
}
