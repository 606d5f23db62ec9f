/**
 * `--out` naming an existing workbook updates it the way the add-in does: only the sheets Samkalk wrote are
 * replaced, the user's own sheets and the values typed into Samkalk's sheets are kept, and a sheet of the same
 * name that Samkalk did not write stops the run with the file left byte for byte as it was. Which sheets are
 * Samkalk's is stored in the file itself (a very hidden sheet), so the next run (on any machine) knows.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { FEE_SHEET_LAYOUT } from "../../src/sheets/fee/feeSheet";
import { SAMKALK_DATA_SHEET } from "../../src/hosts/xlsx/xlsxDocumentStore";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-update-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const samkalk = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "bin/samkalk.js"), ...args], { encoding: "utf8", cwd: tmp });
const members = path.join(tmp, "m.csv");
fs.writeFileSync(members, "kod,namn,befolkning\n2480,Umeå,78389\n2403,Bjurholm,1300\n");
const split = (out: string) => samkalk("split", "--members", members, "--kommun-total", "1000", "--ar", "2025", "--out", out);
const SHEET = "Medlemsavgifter 2025";

async function read(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}
async function userWorkbook(p: string, sheet: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.getCell("A1").value = "Mina egna siffror";
  ws.getCell("B2").value = 4711;
  await wb.xlsx.writeFile(p);
}
/** The fee table's row of a kommun: [row number, population cell]. */
function populationCell(ws: ExcelJS.Worksheet, kod: string): ExcelJS.Cell {
  const { kod: kodCol, nyckel } = FEE_SHEET_LAYOUT.columns;
  for (let r = FEE_SHEET_LAYOUT.firstDataRow + 1; r < FEE_SHEET_LAYOUT.firstDataRow + 20; r++) {
    if (String(ws.getCell(r, kodCol + 1).value) === kod) return ws.getCell(r, nyckel + 1);
  }
  throw new Error(`no row for ${kod}`);
}

describe("--out on an existing workbook", () => {
  test("a workbook with the user's sheet Mina siffror keeps it, and gains Samkalk's sheet", async () => {
    const out = path.join(tmp, "egen.xlsx");
    await userWorkbook(out, "Mina siffror");
    const r = split(out);
    expect(r.stderr).toBe(`Skrev ${out} (bladet "${SHEET}").\n`);
    expect(r.status).toBe(0);
    const wb = await read(out);
    expect(wb.worksheets.filter((w) => w.state !== "veryHidden").map((w) => w.name)).toEqual(["Mina siffror", SHEET]);
    expect(wb.getWorksheet("Mina siffror")?.getCell("B2").value).toBe(4711);
    expect(wb.getWorksheet(SAMKALK_DATA_SHEET)?.state).toBe("veryHidden");
  });

  test("a re-run keeps a population the user typed into the fee sheet, and the user's own sheet", async () => {
    const out = path.join(tmp, "omkorning.xlsx");
    await userWorkbook(out, "Mina siffror");
    expect(split(out).status).toBe(0);
    const wb = await read(out);
    populationCell(wb.getWorksheet(SHEET)!, "2480").value = 80000;
    wb.addWorksheet("Anteckningar").getCell("A1").value = "efter avgifterna";
    await wb.xlsx.writeFile(out);

    const r = split(out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`Behöll 1 värden som skrivits in i bladet "${SHEET}"`);
    const again = await read(out);
    expect(populationCell(again.getWorksheet(SHEET)!, "2480").value).toBe(80000);
    expect(populationCell(again.getWorksheet(SHEET)!, "2403").value).toBe(1300);
    expect(again.getWorksheet("Mina siffror")?.getCell("B2").value).toBe(4711);
    expect(again.worksheets.filter((w) => w.state !== "veryHidden").map((w) => w.name)).toEqual(["Mina siffror", SHEET, "Anteckningar"]);
  });

  test("a sheet of the same name that Samkalk did not write stops the run; the file is unchanged byte for byte", async () => {
    const out = path.join(tmp, "frammande.xlsx");
    await userWorkbook(out, SHEET);
    const before = fs.readFileSync(out);
    const r = split(out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`bladet "${SHEET}": Det finns redan ett blad med det namnet som inte är skapat av Samkalk.`);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
  });

  test("--force replaces the whole workbook", async () => {
    const out = path.join(tmp, "ersatt.xlsx");
    await userWorkbook(out, "Mina siffror");
    expect(samkalk("split", "--members", members, "--kommun-total", "1000", "--ar", "2025", "--out", out, "--force").status).toBe(0);
    expect((await read(out)).worksheets.filter((w) => w.state !== "veryHidden").map((w) => w.name)).toEqual([SHEET]);
  });
});

describe("workbooks too large to open", () => {
  /** A workbook whose one sheet unpacks to about `mb` MB (a long column of nearly the same text packs to little). */
  async function bigWorkbook(p: string, mb: number) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Stora data");
    const text = "x".repeat(1000);
    for (let r = 1; r <= mb * 1000; r++) ws.getCell(r, 1).value = `${r} ${text}`;
    await wb.xlsx.writeFile(p);
  }

  test("--out on a workbook that unpacks past the limit is refused before it is opened, the file unchanged", async () => {
    const out = path.join(tmp, "stor.xlsx");
    await bigWorkbook(out, 32);
    const before = fs.readFileSync(out);
    expect(before.length).toBeLessThan(2 * 1024 * 1024);
    const r = split(out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^.*stor\.xlsx: Arbetsboken .*stor\.xlsx är 3\d MB uppackad; Samkalk öppnar högst 30 MB från kommandoraden\. Skriv till en ny fil, eller använd tillägget i Excel\.\n$/);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
  }, 120_000);

  test("budget import of an .xlsx that unpacks past 10 MB is refused before it is read", async () => {
    const p = path.join(tmp, "budget-stor.xlsx");
    await bigWorkbook(p, 12);
    const r = samkalk("budget", "import", p);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^budget-stor\.xlsx: Arbetsboken är 1\d MB uppackad; Samkalk läser högst 10 MB som en budget\./);
  }, 120_000);
});
