import Papa from "papaparse";
import { InputError } from "../../src/domain/errors";
import { TidyRow } from "../../src/domain/scb/tidy";
import { parseExtract } from "../../src/sources/scb/extract";
import { runScbImport, tidyToCsv, tidyToJson } from "../../src/sources/scb/tidyCsv";
import { FILES, sharedBytes } from "./fixturePaths";

const rows: TidyRow[] = [
  { regionkod: "2480", region: "Umeå", dimensions: { Kön: "män", ålder: "20-64 år" }, period: "2023", varde: 1234.5, status: null },
  { regionkod: "00", region: "Riket", dimensions: { Kön: "kvinnor", ålder: "20-64 år" }, period: "2023M01", varde: null, status: ".." },
];

describe("tidy rows as plain data (what `samkalk scb import` prints)", () => {
  it("JSON has the fixed keys and one lower-case key per dimension", () => {
    expect(tidyToJson(rows)).toEqual([
      { regionkod: "2480", region: "Umeå", kön: "män", ålder: "20-64 år", period: "2023", varde: 1234.5, status: null },
      { regionkod: "00", region: "Riket", kön: "kvinnor", ålder: "20-64 år", period: "2023M01", varde: null, status: ".." },
    ]);
    expect(Object.keys(tidyToJson(rows)[0])).toEqual(["regionkod", "region", "kön", "ålder", "period", "varde", "status"]);
  });

  it("CSV has the same columns; a missing value is an empty cell", () => {
    expect(tidyToCsv(rows, ["Kön", "ålder"])).toBe(
      "regionkod,region,kön,ålder,period,varde,status\n2480,Umeå,män,20-64 år,2023,1234.5,\n00,Riket,kvinnor,20-64 år,2023M01,,..\n",
    );
  });

  it("a dimension called 'period' does not overwrite the period", () => {
    const out = JSON.parse(runScbImport(sharedBytes(FILES.pxjson290), "kommuner.json", "json")) as Record<string, unknown>[];
    expect(out).toHaveLength(290);
    expect(out.find((r) => r.regionkod === "2480")).toEqual({
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
  });
});

describe("runScbImport reads whatever SCB file it is given", () => {
  it("a web extract (Latin-1 CSV) becomes tidy CSV", () => {
    const csv = runScbImport(sharedBytes(FILES.hut), "hut.csv", "csv");
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[0]).toEqual(["regionkod", "region", "utgiftsslag", "period", "varde", "status"]);
    expect(parsed).toHaveLength(1 + 216);
    expect(parsed[1]).toEqual(["SKL1", "storstäder (3)", "kött", "2006", "2.2", ""]);
    expect(parsed.filter((r) => r[5] === "..")).toHaveLength(5);
  });

  it("json-stat2 becomes a JSON array", () => {
    const out = JSON.parse(runScbImport(sharedBytes(FILES.tab638), "tab638.json", "json")) as unknown[];
    expect(out).toEqual([
      { regionkod: "00", region: "Riket", civilstånd: "ogifta", ålder: "0 år", kön: "män", tabellinnehåll: "Folkmängd", period: "2024", varde: 50937, status: null },
    ]);
  });

  it("bad input is an InputError located in the file", () => {
    const bad = new TextEncoder().encode("kod;namn\n2480;Umeå\n");
    expect(() => runScbImport(bad, "medlemmar.csv", "csv")).toThrow(InputError);
    expect(() => runScbImport(bad, "medlemmar.csv", "csv")).toThrow(/^medlemmar.csv, rad 1: /);
    expect(() => runScbImport(new TextEncoder().encode("{ nej"), "x.json", "json")).toThrow(/x.json: Filen är inte giltig JSON/);
  });
});

describe("hostile strings survive as data, unchanged", () => {
  const hostile = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", '=HYPERLINK("http://x","y")'];
  const text = ['"region";"etikett";"2023"', ...hostile.map((h, i) => `"2480 Umeå";"${h.replace(/"/g, '""')}";${i}`)].join("\n");
  const t = parseExtract(text);

  it("in the tidy rows", () => {
    expect(t.rows.map((r) => r.dimensions.etikett)).toEqual(hostile);
  });

  it("in JSON output", () => {
    expect(tidyToJson(t.rows).map((r) => r.etikett)).toEqual(hostile);
  });

  it("in CSV output (read back with a CSV parser)", () => {
    const back = Papa.parse<Record<string, string>>(tidyToCsv(t.rows, t.dimensions).trim(), { header: true }).data;
    expect(back.map((r) => r.etikett)).toEqual(hostile);
  });
});
