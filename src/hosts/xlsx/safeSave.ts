/**
 * Writing a workbook file without losing anything (the command line's --out):
 *  - never over the command's own input file, a folder, or a file that is not an .xlsx workbook;
 *  - over an existing workbook only when every sheet in it is in the workbook being saved (the command line
 *    opens the existing workbook and updates it, XlsxWorkbookHost.forOutput), unless the user asked to replace
 *    the whole file (--force): a workbook with the user's own sheets is kept;
 *  - written to a temporary file beside the target and renamed over it, so a full disk or a crash leaves
 *    the earlier file as it was, never a truncated one;
 *  - file-system failures as Swedish messages naming the path (InputError, exit 1), not raw English errors.
 */
import fs from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { workbookSheetNames } from "./workbookSheetNames";
import { InputError } from "../../domain/errors";
import { unpackedSize } from "./zipSize";

export interface SaveOptions {
  /** Files the command read: --out may not name one of them. */
  inputs?: string[];
  /** Replace an existing workbook even though it holds sheets this run does not write. */
  force?: boolean;
  /**
   * The target as it was when the workbook being saved was opened from it (XlsxWorkbookHost.open): when the file
   * is still so, every sheet in it is in the workbook being saved, and it need not be read again.
   */
  openedAs?: { size: number; mtimeMs: number };
}

/** Most a workbook may unpack to for the command line to open it (exceljs holds all of it, about 60 × in memory). */
export const MAX_UNPACKED_WORKBOOK = 30 * 1024 * 1024;

/** Why the workbook in `file` is too large to open, or null (unpacked size from the zip directory). */
export function workbookSizeMessage(file: string, max = MAX_UNPACKED_WORKBOOK): string | null {
  const unpacked = unpackedSize(file);
  if (unpacked === null || unpacked <= max) return null;
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  const how = unpacked === Infinity ? "mer än 4 GB" : mb(unpacked);
  return `Arbetsboken ${file} är ${how} uppackad; Samkalk öppnar högst ${mb(max)} från kommandoraden. Skriv till en ny fil, eller använd tillägget i Excel.`;
}

const refuse = (file: string, meddelande: string) => new InputError([{ plats: file, meddelande }]);

function sameFile(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** A file-system error as the user should read it. */
export function fileSystemMessage(e: unknown, file: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return `Mappen för ${file} finns inte. Skapa den eller välj en annan plats.`;
    case "EACCES":
    case "EPERM":
      return `Samkalk har inte behörighet att skriva ${file}. Välj en annan plats, eller stäng filen om den är öppen i Excel.`;
    case "EISDIR":
      return `${file} är en mapp. Ange ett filnamn, t.ex. ${path.join(file, "samkalk.xlsx")}.`;
    case "ENOSPC":
      return `Disken är full, så ${file} kunde inte skrivas. Den tidigare filen (om det fanns en) är orörd.`;
    case "EROFS":
      return `${file} ligger på en skrivskyddad disk. Välj en annan plats.`;
    default:
      return `${file} kunde inte skrivas (${code ?? "okänt fel"}).`;
  }
}

/** Whether `file` is there and starts as an .xlsx does (a zip archive: "PK\x03\x04"). */
export function looksLikeWorkbook(file: string): boolean {
  try {
    const fd = fs.openSync(file, "r");
    try {
      const head = Buffer.alloc(4);
      fs.readSync(fd, head, 0, 4, 0);
      return head.toString("latin1") === "PK\u0003\u0004";
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Refuses a target that must not be replaced; `sheetNames` are the sheets this run writes. */
async function checkTarget(file: string, sheetNames: string[], opts: SaveOptions): Promise<void> {
  for (const input of opts.inputs ?? []) {
    if (sameFile(file, input)) throw refuse(file, `--out ${file} är filen som lästes in. Välj ett annat namn för arbetsboken, så att indatafilen finns kvar.`);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return; // Nothing there yet.
  }
  if (stat.isDirectory()) throw refuse(file, fileSystemMessage({ code: "EISDIR" }, file));
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  const notWorkbook = `${file} finns redan och är ingen Excel-arbetsbok. Samkalk skriver inte över den; välj ett annat namn.`;
  // An .xlsx file is a zip archive: it starts with "PK\x03\x04".
  if (head.toString("latin1") !== "PK\u0003\u0004") throw refuse(file, notWorkbook);
  if (opts.force) return;
  if (opts.openedAs && opts.openedAs.size === stat.size && opts.openedAs.mtimeMs === stat.mtimeMs) return;
  const tooLarge = workbookSizeMessage(file);
  if (tooLarge) throw refuse(file, tooLarge);
  // Only the sheet names are needed: read from the workbook part, not the whole file through exceljs.
  let existing: string[];
  try {
    existing = await workbookSheetNames(fs.readFileSync(file));
  } catch {
    throw refuse(file, notWorkbook);
  }
  const writing = new Set(sheetNames.map((n) => n.toLocaleUpperCase("sv-SE")));
  const others = existing.filter((n) => !writing.has(n.toLocaleUpperCase("sv-SE")));
  if (others.length > 0) {
    const list = others.slice(0, 5).map((n) => `"${n}"`).join(", ") + (others.length > 5 ? ` och ${others.length - 5} till` : "");
    throw refuse(
      file,
      `Arbetsboken ${file} har blad som den här körningen inte skriver: ${list}. De skulle försvinna, så inget har skrivits. Välj ett annat namn, eller ange --force för att ersätta hela filen.`,
    );
  }
}

/** Saves `workbook` as `file` under the rules above; `bytes` makes the file's contents (by default exceljs's own). */
export async function saveWorkbookSafely(
  workbook: ExcelJS.Workbook,
  file: string,
  opts: SaveOptions = {},
  bytes: () => Promise<Buffer> = async () => Buffer.from(await workbook.xlsx.writeBuffer()),
): Promise<void> {
  await checkTarget(file, workbook.worksheets.map((w) => w.name), opts);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.samkalk-tmp`);
  try {
    fs.writeFileSync(tmp, await bytes());
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof InputError) throw e;
    throw refuse(file, fileSystemMessage(e, file));
  }
}
