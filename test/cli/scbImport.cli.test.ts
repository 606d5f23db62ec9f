/**
 * `samkalk scb import FILE` as a user runs it (bin/samkalk.js spawned), once for every file type the README
 * says it reads: old PxWeb downloads with heading (comma, semicolon, tab), the PxWeb 2 CSV download,
 * json-stat2 and PX-JSON. The command and the task pane read files through the same readScbFile.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { FILES, fixtureBytes, fixturePath } from "../scb/fixturePaths";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-scb-import-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function scbImport(file: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, "bin/samkalk.js"), "scb", "import", file, ...args], {
    encoding: "utf8",
    cwd: tmp,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(name: string, content: string | Uint8Array): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
}

type Row = Record<string, string | number | null>;

/** Runs the command with --format json and returns its rows (failing with stderr when it did not succeed). */
function rowsOf(file: string, ...args: string[]): Row[] {
  const r = scbImport(file, "--format", "json", ...args);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as Row[];
}

const sum = (rows: Row[], pred: (r: Row) => boolean) => rows.filter(pred).reduce((s, r) => s + Number(r.varde ?? 0), 0);

describe("samkalk scb import reads every format the README names", () => {
  it("old PxWeb, comma with heading (Latin-1): 216 rows, '..' as an empty value with the marker", () => {
    const r = scbImport(fixturePath(FILES.hut));
    expect(r.code).toBe(0);
    const parsed = Papa.parse<string[]>(r.out.trim()).data;
    expect(parsed[0]).toEqual(["regionkod", "region", "utgiftsslag", "period", "varde", "status"]);
    expect(parsed).toHaveLength(1 + 216);
    expect(parsed[1]).toEqual(["SKL1", "storstäder (3)", "kött", "2006", "2.2", ""]);
    expect(parsed.filter((row) => row[5] === "..").map((row) => row[4])).toEqual(["", "", "", "", ""]);
  });

  it("old PxWeb, comma with heading: new cars 2014, months as columns (30 240 rows)", () => {
    const rows = rowsOf(fixturePath(FILES.bilar));
    expect(rows).toHaveLength(30_240);
    expect(rows[0]).toEqual({ regionkod: "00", region: "Riket", drivmedel: "bensin", period: "2014M01", varde: 6793, status: null });
  });

  it("old PxWeb, semicolon with title (Latin-1, CRLF): Västerbotten 2020 sums to 273 192", () => {
    const rows = rowsOf(fixturePath(FILES.lan2020));
    expect(rows).toHaveLength(16_968);
    expect(rows[0]).toEqual({ regionkod: "01", region: "Stockholms län", civilstånd: "ogifta", ålder: "0 år", kön: "män", period: "2020", varde: 14577, status: null });
    expect(sum(rows, (x) => x.regionkod === "24")).toBe(273_192);
  });

  it("old PxWeb, tab with a title line, a blank line, 'kod namn' regions, non-breaking thousands and '..'", () => {
    const nb = "\u00a0";
    const text = [
      "Folkmängd efter region, ålder och år",
      "",
      "region\tålder\t2019\t2022",
      `2480 Umeå\t20-64 år\t78${nb}389\t80${nb}112`,
      `2460 Vännäs\t20-64 år\t4${nb}704\t..`,
      "",
    ].join("\r\n");
    const rows = rowsOf(write("befolkning-tabb.txt", text));
    expect(rows).toEqual([
      { regionkod: "2480", region: "Umeå", ålder: "20-64 år", period: "2019", varde: 78389, status: null },
      { regionkod: "2480", region: "Umeå", ålder: "20-64 år", period: "2022", varde: 80112, status: null },
      { regionkod: "2460", region: "Vännäs", ålder: "20-64 år", period: "2019", varde: 4704, status: null },
      { regionkod: "2460", region: "Vännäs", ålder: "20-64 år", period: "2022", varde: null, status: ".." },
    ]);
    // The same table saved by Excel as "Unicode text" (UTF-16LE with a BOM, tabs) reads the same.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(rowsOf(write("befolkning-unicode.txt", utf16))).toEqual(rows);
  });

  it("the real 2020 semicolon download re-saved with tabs gives the same rows", () => {
    const latin1 = Buffer.from(fixtureBytes(FILES.lan2020)).toString("latin1");
    const tabbed = latin1.replace(/;/g, "\t");
    expect(tabbed).not.toContain(";");
    expect(rowsOf(write("lan2020-tabb.csv", Buffer.from(tabbed, "latin1")))).toEqual(rowsOf(fixturePath(FILES.lan2020)));
  });

  it("PxWeb 2 CSV download (semicolon, title, texts; SYNTHETIC layout with real values): 2 772 rows", () => {
    const rows = rowsOf(fixturePath(FILES.pxweb2Csv));
    expect(rows).toHaveLength(2772);
    expect(rows[0]).toMatchObject({ regionkod: "01", region: "Stockholms län", ålder: "0-9 år", period: "2026M01", varde: 245284 });
    // Same values as SCB's own json-stat2 answer it was made from.
    const json = rowsOf(fixturePath(FILES.tab6471));
    expect(rows.map((r) => r.varde)).toEqual(json.map((r) => r.varde));
  });

  it("json-stat2 (PxWebApi 2, TAB638): the one cell, SCB's footnotes on stderr", () => {
    const r = scbImport(fixturePath(FILES.tab638), "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      { regionkod: "00", region: "Riket", civilstånd: "ogifta", ålder: "0 år", kön: "män", tabellinnehåll: "Folkmängd", period: "2024", varde: 50937, status: null },
    ]);
    expect(r.err).toMatch(/^Fotnot: Registrerat partnerskap/m);
  });

  it("json-stat2 (v1 API, all 312 regions): Riket and 290 kommuner", () => {
    const rows = rowsOf(fixturePath(FILES.ckm312));
    expect(rows).toHaveLength(312);
    expect(rows.filter((r) => String(r.regionkod).length === 4)).toHaveLength(290);
    expect(rows[0]).toMatchObject({ regionkod: "00", region: "Riket", period: "2026M05", varde: 10_608_128 });
  });

  it("PX-JSON (v1 API): 290 kommuner 2022, a variable called 'period' keeps its own key", () => {
    const rows = rowsOf(fixturePath(FILES.pxjson290));
    expect(rows).toHaveLength(290);
    expect(rows.find((r) => r.regionkod === "2480")).toEqual({
      regionkod: "2480",
      region: "Umeå",
      förändringar: "100",
      "period (variabel)": "hel",
      kön: "1+2",
      tabellinnehåll: "Befolkningsstatistik, antal personer",
      period: "2022",
      varde: 132235,
      status: null,
    });
    expect(sum(rows, () => true)).toBe(10_521_556);
  });

  it("PX-JSON (v1 API, civilstånd 2015–2017): 12 rows, codes as SCB sent them", () => {
    const rows = rowsOf(fixturePath(FILES.pxjsonCivil));
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ regionkod: "00", region: "Riket", civilstånd: "OG", tabellinnehåll: "Folkmängd", period: "2015", varde: 5157443, status: null });
  });
});

describe("samkalk scb import refuses what it cannot read, with a located Swedish message", () => {
  it("a file that is not an SCB table exits 1 naming its first line", () => {
    const r = scbImport(write("inte-scb.csv", "hej;svejs\n"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/inte-scb\.csv, rad 1: /);
    expect(r.out).toBe("");
  });

  it("a members list (kod;namn) is not mistaken for an extract", () => {
    const r = scbImport(write("medlemmar.csv", "kod;namn\n2480;Umeå\n"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^medlemmar\.csv, rad 1: /);
  });

  it("broken JSON says so", () => {
    const r = scbImport(write("x.json", "{ nej"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/x\.json: Filen är inte giltig JSON/);
  });

  it("json-stat2 metadata without values is refused", () => {
    const r = scbImport(fixturePath(FILES.tab638meta));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/value har 0 värden/);
  });
});
