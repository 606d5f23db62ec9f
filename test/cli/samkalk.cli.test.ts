import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function samkalk(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, "bin/samkalk.js"), ...args], { encoding: "utf8", cwd: tmp, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function file(name: string, text: string) {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
}

describe("samkalk split", () => {
  const shares004 = file("andelar.csv", 'kod,namn,andel\n2480,Umeå,"82,9"\n2460,Vännäs,"5,1"\n2401,Nordmaling,"4,0"\n2404,Vindeln,"2,9"\n2409,Robertsfors,"3,7"\n2403,Bjurholm,"1,3"\n');

  it("prints 004's split as CSV, the kommun fees summing to 2 845 tkr, and warns about 99,9 %", () => {
    const r = samkalk("split", "--members", shares004, "--kommun-total", "2845", "--unit", "tkr");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toBe("part,kod,namn,andel,avgift");
    expect(lines[1]).toBe("stat,,Försäkringskassan (staten),50,5690");
    const fees = lines.filter((l) => l.startsWith("kommun,")).map((l) => Number(l.split(",").pop()));
    expect(fees.reduce((a, b) => a + b, 0)).toBe(2845);
    expect(r.err).toMatch(/Varning: Andelarna summerar till 99,9 %/);
  });

  it("prints JSON with stat, region and kommuner [{kod, namn, andel, avgift}]", () => {
    const members = file("befolkning.json", JSON.stringify([{ kod: "2480", namn: "Umeå", befolkning: 83670 }, { kod: "2403", namn: "Bjurholm", befolkning: 1299 }]));
    const r = samkalk("split", "--members", members, "--total", "1 000 000", "--unit", "kr", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ stat: 500000, region: 250000, kommunerTotal: 250000 });
    expect(j.kommuner).toEqual([
      { kod: "2480", namn: "Umeå", andel: expect.any(Number), avgift: 246178 },
      { kod: "2403", namn: "Bjurholm", andel: expect.any(Number), avgift: 3822 },
    ]);
  });

  it("reads semicolon CSV as Swedish Excel saves it, and writes the workbook with --out", async () => {
    const members = file("semikolon.csv", "kod;namn;befolkning\r\n2480;Umeå;83 670\r\n2460;Vännäs;5163\r\n");
    const out = path.join(tmp, "split.xlsx");
    const r = samkalk("split", "--members", members, "--stat", "5690", "--ar", "2022", "--out", out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Medlemsavgifter 2022")).toBeDefined();
  });

  it.each([
    ["kod,namn,befolkning\n2480,Umeå,83670\n2460,Vännäs,abc\n", /befolkning\.csv, rad 3: Befolkningen för Vännäs \("abc"\) är inte ett heltal/],
    ["kod,namn,befolkning\n2480,Umeå,83670\n9999,Okänd,10\n", /rad 3: Okänd kommunkod "9999"/],
    ["kod,namn,folk\n2480,Umeå,1\n", /rad 1: Rubrikraden ska vara/],
  ])("bad input exits 1 with a located Swedish message", (csv, message) => {
    const r = samkalk("split", "--members", file("befolkning.csv", csv), "--total", "100", "--unit", "tkr");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });

  it("a total that is not a number names the flag", () => {
    const r = samkalk("split", "--members", shares004, "--total", "tio", "--unit", "tkr");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--total: "tio" är inte ett belopp/);
  });
});

describe("samkalk demo", () => {
  it("writes the Umeåregionen workbook from embedded data without network", async () => {
    const out = path.join(tmp, "demo.xlsx");
    const r = samkalk("demo", "--out", out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Medlemsavgifter 2021")!;
    expect(ws.getCell("A1").value).toBe("Medlemsavgifter 2021");
    expect(ws.getCell("A2").value).toBe("Samordningsförbundet Umeåregionen");
  });
});

