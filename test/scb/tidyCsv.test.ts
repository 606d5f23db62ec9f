import Papa from "papaparse";
import { TidyRow } from "../../src/domain/scb/tidy";
import { parseExtract } from "../../src/sources/scb/extract";
import { tidyToCsv, tidyToJson } from "../../src/sources/scb/tidyCsv";

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
});

describe("hostile strings survive as data: unchanged in rows and JSON, escaped in CSV", () => {
  const hostile = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", '=HYPERLINK("http://x","y")'];
  const text = ['"region";"etikett";"2023"', ...hostile.map((h, i) => `"2480 Umeå";"${h.replace(/"/g, '""')}";${i}`)].join("\n");
  const t = parseExtract(text);

  it("in the tidy rows", () => {
    expect(t.rows.map((r) => r.dimensions.etikett)).toEqual(hostile);
  });

  it("in JSON output", () => {
    expect(tidyToJson(t.rows).map((r) => r.etikett)).toEqual(hostile);
  });

  it("in CSV output: with a leading apostrophe, so Excel shows the text instead of running it (OWASP CSV injection)", () => {
    const back = Papa.parse<Record<string, string>>(tidyToCsv(t.rows, t.dimensions).trim(), { header: true }).data;
    expect(back.map((r) => r.etikett)).toEqual(hostile.map((h) => `'${h}`));
  });
});
