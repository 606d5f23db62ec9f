import fc from "fast-check";
import Papa from "papaparse";
import { generateExtract } from "../../bench/generateExtract";
import { decodeBytes } from "../../src/sources/decode";
import { cellText } from "../../src/sources/scb/grid";
import { readPlainCsv } from "../../src/sources/scb/plainCsv";
import { FILES, fixtureBytes } from "./fixturePaths";

const asText = (rows: (string | number | null)[][]) => rows.map((r) => r.map((c) => (typeof c === "number" ? String(c) : c)));

describe("reading a well-formed file in one pass", () => {
  it("gives the records papaparse gives, or leaves the file to papaparse", () => {
    let read = 0;
    const piece = fc.constantFrom("a", "å", "1", "0", "-", "7", " ", ".", ";", ",", "\t", '"', '""', "\r\n", "\n", "\r", "2480 Umeå", "..");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(";", ",", "\t"), (pieces, delimiter) => {
        const text = pieces.join("");
        const plain = readPlainCsv(text, delimiter);
        if (plain !== null) read++;
        if (plain !== null) expect(asText(plain)).toEqual(Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data);
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(300); // the comparison ran on many files, not only on refused ones
  });

  it("reads every SCB download and the benchmark extract itself (papaparse is only for broken files)", () => {
    for (const file of [FILES.bilar, FILES.hut, FILES.lan2020, FILES.births, FILES.population, FILES.vagdur, FILES.pxweb2Csv]) {
      const { text } = decodeBytes(fixtureBytes(file));
      const delimiter = file.includes("comma") || file.includes("writecsv") ? "," : ";";
      const plain = readPlainCsv(text, delimiter);
      expect({ file, read: plain !== null }).toEqual({ file, read: true });
      expect(asText(plain!)).toEqual(Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data);
    }
    expect(readPlainCsv(decodeBytes(generateExtract(1000).bytes).text, ";")).not.toBeNull();
  });

  it("gives plain integers as numbers and keeps every other text as written", () => {
    const rows = readPlainCsv('"2015";2015;0;-12;007;-0;1 000;12,5;1234567890123456;"x""y";;..\r\n', ";")!;
    expect(rows[0]).toEqual(["2015", 2015, 0, -12, "007", "-0", "1 000", "12,5", "1234567890123456", 'x"y', "", ".."]);
    expect(rows[0].map(cellText).join(";")).toBe('2015;2015;0;-12;007;-0;1 000;12,5;1234567890123456;x"y;;..');
  });

  it("leaves broken quoting and mixed line breaks to papaparse, which names the problem", () => {
    for (const text of ['"a;b\r\nc;d\r\n', 'a"b;c\n', '"a"b;c\n', "a;b\r\nc;d\ne;f", "a;b\rc;d", '"a\r\nb";c\r\n']) {
      expect({ text, read: readPlainCsv(text, ";") }).toEqual({ text, read: null });
    }
  });
});

describe("reading a Latin-1 download", () => {
  it("decodes the letters of ISO-8859-1 as they are and 0x80–0x9F as Windows-1252's dash, euro sign …", () => {
    const file = Uint8Array.from([0x22, 0x55, 0x6d, 0x65, 0xe5, 0x22, 0x3b, 0x80, 0x3b, 0x96, 0x3b, 0x9f, 0x3b, 0x81, 0x0d, 0x0a]);
    expect(decodeBytes(file)).toEqual({ text: '"Umeå";€;–;Ÿ;\u0081\r\n', encoding: "latin1" });
    const latin1 = fc.uint8Array({ minLength: 1, maxLength: 60 }).map((b) => Uint8Array.from([0xe5, 0x41, ...b.map((x) => (x >= 0x80 && x < 0xa0 ? x + 0x20 : x))]));
    fc.assert(
      fc.property(latin1, (bytes) => {
        expect(decodeBytes(bytes)).toEqual({ text: String.fromCharCode(...bytes), encoding: "latin1" });
      }),
    );
  });
});
