/**
 * `--out` never destroys a file the user has: not the input itself, not a file that is not a workbook, not a
 * workbook with the user's own sheets (unless --force says to replace it); a re-run replaces its own
 * workbook; a missing folder is a Swedish message with exit 1 and no stack trace.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-safe-out-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const samkalk = (...args: string[]) => spawnSync(process.execPath, [path.join(root, "bin/samkalk.js"), ...args], { encoding: "utf8", cwd: tmp });
function file(name: string, content: string | Buffer) {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
}
const members = file("m.csv", "kod,namn,befolkning\n2480,Umeå,78389\n2403,Bjurholm,1300\n");
const split = (out: string, ...more: string[]) => samkalk("split", "--members", members, "--kommun-total", "1000", "--ar", "2025", "--out", out, ...more);

async function sheetNames(p: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb.worksheets.filter((w) => w.state !== "veryHidden").map((w) => w.name);
}

describe("--out keeps what the user has", () => {
  it("refuses to write over the input file, which stays as it was", () => {
    const before = fs.readFileSync(members);
    const r = split(members);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/är filen som lästes in/);
    expect(fs.readFileSync(members)).toEqual(before);
  });

  it("refuses a file that is not a workbook, even one called .xlsx", () => {
    const fake = file("x.xlsx", "mina anteckningar\n");
    const r = split(fake);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ingen Excel-arbetsbok/);
    expect(fs.readFileSync(fake, "utf8")).toBe("mina anteckningar\n");
    expect(split(fake, "--force").status).toBe(1); // --force replaces workbooks, never other files
  });

  it("keeps the user's own sheet in a workbook it updates; --force replaces the whole workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Mina siffror").getCell("A1").value = 42;
    const mine = path.join(tmp, "mine.xlsx");
    await wb.xlsx.writeFile(mine);

    expect(split(mine).status).toBe(0);
    expect(await sheetNames(mine)).toEqual(["Mina siffror", "Medlemsavgifter 2025"]);

    expect(split(mine, "--force").status).toBe(0);
    expect(await sheetNames(mine)).toEqual(["Medlemsavgifter 2025"]);
    expect(split(mine).status).toBe(0); // the same sheets again: nothing of the user's is lost
    expect(fs.readdirSync(tmp).filter((n) => n.includes("samkalk-tmp"))).toEqual([]);
  });

  it("a folder that does not exist: a Swedish message naming it, exit 1", () => {
    const r = split(path.join(tmp, "finns-inte", "a.xlsx"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Mappen för .*finns-inte.* finns inte/);
    expect(r.stderr).not.toMatch(/ENOENT|at /);
  });
});
