/**
 * Every file reader answers anything a user might give it — arbitrary bytes, any of the encodings Excel saves
 * (UTF-8 with and without BOM, UTF-16 LE/BE, Windows-1252), short or long — with either rows or an InputError whose
 * every problem is located and worded; never a TypeError, a RangeError or a stack trace. The readers are the
 * ones the commands use: the members file, the budget CSV, the initiatives CSV, the SCB extract.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { InputError } from "../../src/domain/errors";
import { decodeBytes } from "../../src/sources/decode";
import { parseMembersFile } from "../../src/sources/fee/membersFile";
import { toMemberKeys } from "../../src/sources/fee/memberKeys";
import { importBudget } from "../../src/sources/budget/budgetCells";
import { parseInitiativeTable } from "../../src/sources/initiatives/initiativeRows";
import { readScbFile } from "../../src/sources/scb/tidyCsv";
import { gridFromDelimited } from "../../src/cli/budget/budgetCommand";

type Outcome = "rader" | "problem";

/** Runs a reader: rows, or an InputError of located, worded problems; anything else fails the property. */
function answer(read: () => unknown): Outcome {
  try {
    read();
    return "rader";
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`Oväntat fel: ${String(e)}`);
    expect(e.problems.length).toBeGreaterThan(0);
    expect(e.problems.find((p) => !p.plats || p.meddelande.trim() === "")).toBeUndefined();
    return "problem";
  }
}

const readers: Record<string, (bytes: Uint8Array) => unknown> = {
  "members file": (bytes) => {
    const file = parseMembersFile(decodeBytes(bytes).text, "m.csv");
    const { problems } = toMemberKeys(file.rows, file.mode, file.locate);
    if (problems.length > 0) throw new InputError(problems);
  },
  "budget CSV": (bytes) => importBudget(gridFromDelimited(decodeBytes(bytes).text, false)),
  "initiatives CSV": (bytes) => {
    const grid = Papa.parse<string[]>(decodeBytes(bytes).text, { skipEmptyLines: "greedy", delimitersToGuess: [";", ",", "\t"] }).data;
    return parseInitiativeTable(grid, { locate: (i) => `i.csv, rad ${i + 2}` });
  },
  "SCB extract": (bytes) => readScbFile(bytes, "scb.csv"),
};

/** Tokens the readers look for, so generated files get past the header now and then. */
const TOKENS = ["kod", "namn", "befolkning", "andel", "2480", "Umeå", "2021", "2022", "Intäkter", "Kostnader", "Summa intäkter", "Resultat",
  "Nr", "Område", "Initiativ", "Nuläge", "Pågående", "region", "2480 Umeå", "..", "-", "1 234,5", "9007199254740993", "+1+1", "=1+1", "\"", "", "ÅÄÖ", "\u0000"];
const cellText = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.integer().map(String));
const csvText = fc
  .tuple(fc.constantFrom(",", ";", "\t"), fc.constantFrom("\n", "\r\n"), fc.array(fc.array(cellText, { minLength: 1, maxLength: 8 }), { maxLength: 40 }))
  .map(([sep, eol, rows]) => rows.map((r) => r.join(sep)).join(eol));

const BOM = { "utf-8": [0xef, 0xbb, 0xbf], "utf-16le": [0xff, 0xfe], "utf-16be": [0xfe, 0xff] };
function encode(text: string, encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252"): Uint8Array {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  if (encoding === "utf-8-bom") return Buffer.concat([Buffer.from(BOM["utf-8"]), Buffer.from(text, "utf8")]);
  if (encoding === "windows-1252") return Buffer.from(text, "latin1");
  const le = Buffer.from(text, "utf16le");
  return encoding === "utf-16le" ? Buffer.concat([Buffer.from(BOM["utf-16le"]), le]) : Buffer.concat([Buffer.from(BOM["utf-16be"]), Buffer.from(le).swap16()]);
}
const encodedFile = fc.tuple(csvText, fc.constantFrom("utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252") as fc.Arbitrary<Parameters<typeof encode>[1]>).map(([t, e]) => encode(t, e));

describe.each(Object.entries(readers))("the %s reader", (_, read) => {
  test("arbitrary bytes give rows or located problems", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => void answer(() => read(bytes))), { numRuns: 300 });
  });

  test("CSV-like text in every encoding gives rows or located problems", () => {
    const seen = new Set<Outcome>();
    fc.assert(fc.property(encodedFile, (bytes) => void seen.add(answer(() => read(bytes)))), { numRuns: 300 });
    expect(seen.has("problem")).toBe(true);
  });

  test("a large file (200 000 lines of noise) gives an answer, not a crash", () => {
    const lines = fc.sample(fc.array(cellText, { minLength: 1, maxLength: 6 }), { numRuns: 200_000, seed: 12 }).map((r) => r.join(";"));
    expect(["rader", "problem"]).toContain(answer(() => read(Buffer.from(lines.join("\n"), "utf8"))));
  });
});
