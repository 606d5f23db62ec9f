import { decodeBytes } from "../../src/sources/decode";
import { parseForraAretCsv, parseUnderlagCsv } from "../../src/sources/tilldelning/allocationFiles";
import { toAllocationRequest } from "../../src/domain/tilldelning/request";
import { InputError } from "../../src/domain/errors";

/** Excel's "Unicode text": UTF-16 little-endian with a BOM, tab-separated. */
function unicodeText(s: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(s, "utf16le")]);
}

describe("the allocation's files", () => {
  it("reads the underlag saved by Excel as Unicode text, headers in another order and spelt with ö, decimal comma", () => {
    const text = decodeBytes(unicodeText("Kod\tFörbund\tFörsörjningsmått\tBefolkning\r\n2480\tUmeåregionen\t12571,5\t83 670\r\n\r\n0114\t\t5162\t29482\r\n")).text;
    const u = parseUnderlagCsv(text, "underlag.txt");
    expect(u.rows).toEqual([
      { forbund: "Umeåregionen", kod: "2480", befolkning: "83 670", forsorjningsmatt: "12571,5" },
      { forbund: "", kod: "0114", befolkning: "29482", forsorjningsmatt: "5162" },
    ]);
    // The empty line is skipped; the second kommun is on line 4 of the file.
    expect([u.locate(0), u.locate(1)]).toEqual(["underlag.txt, rad 2", "underlag.txt, rad 4"]);
  });

  it("names the file row of a bad figure, after an empty line", () => {
    const u = parseUnderlagCsv("forbund,kod,befolkning,forsorjningsmatt\nA,2480,100,10\n\nA,2460,hundra,10\n", "u.csv");
    try {
      toAllocationRequest(
        { ar: 2027, anslag: "1000000", grund: "0", viktForsorjning: "75", viktBefolkning: "25", sparr: "", kommuner: u.rows },
        { field: (f) => f, kommun: u.locate, forbund: (i) => `rad ${i + 2}` },
      );
      throw new Error("accepted");
    } catch (e) {
      expect((e as InputError).problems).toEqual([{ plats: "u.csv, rad 4", meddelande: 'Invånarna 16–64 år för Vännäs ("hundra") är inte ett heltal.' }]);
    }
  });

  it("reads last year's allocation with semicolons as Swedish Excel saves", () => {
    const f = parseForraAretCsv("forbund;belopp\nUmeåregionen;5 690 000\n", "forra.csv");
    expect(f.rows).toEqual([{ namn: "Umeåregionen", forraAret: "5 690 000" }]);
  });

  it("an empty file and a wrong header say so", () => {
    expect(() => parseUnderlagCsv("", "tom.csv")).toThrow("tom.csv: Filen är tom.");
    expect(() => parseForraAretCsv("namn,summa\nA,1\n", "f.csv")).toThrow('f.csv, rad 1: Rubrikraden ska vara "forbund,belopp" (hittade "namn,summa").');
  });
});
