import { parseExtract } from "../../src/sources/scb/extract";
import { generateExtract } from "../../bench/generateExtract";

describe("the benchmark extract generator", () => {
  it("writes the real semicolon-with-title layout in Latin-1 with CRLF", () => {
    const g = generateExtract(20, { perioder: 4 });
    const text = String.fromCharCode(...g.bytes);
    expect(text.startsWith('"Folkmängd efter region, ålder, kön och år"\r\n\r\n"region";"ålder";"kön";"2015";"2016";"2017";"2018"\r\n"00 Riket";"0 år";"män";')).toBe(true);
    expect(g.bytes.includes(0xe4)).toBe(true); // "ä" as one Latin-1 byte
    expect(g).toMatchObject({ cells: 20, rows: 5 });
  });

  it("is deterministic", () => {
    expect(generateExtract(5000).bytes).toEqual(generateExtract(5000).bytes);
  });

  it("parses back to as many cells, the same sum and the same number of `..`", () => {
    const g = generateExtract(50_000);
    const t = parseExtract(g.bytes);
    expect(t.meta).toMatchObject({ encoding: "latin1", delimiter: ";", periodLayout: "columns" });
    expect(t.rows).toHaveLength(g.cells);
    expect(t.rows.reduce((s, r) => s + (r.varde ?? 0), 0)).toBe(g.summa);
    expect(t.rows.filter((r) => r.status === "..")).toHaveLength(g.saknade);
    expect(t.rows.some((r) => r.regionkod === "24" && r.region === "Västerbottens län")).toBe(true);
    expect(t.meta.varningar).toEqual([]);
  });
});
