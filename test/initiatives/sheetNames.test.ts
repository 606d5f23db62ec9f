import fc from "fast-check";
import { fnv1a64 } from "../../src/domain/fingerprint";
import {
  fingerprint,
  initiativeSheetName,
  initiativeSheetNames,
  isEditedSinceGeneration,
  sheetEditState,
} from "../../src/domain/initiatives/sheetNames";
import { sheetNameProblem } from "../../src/domain/excelNames";
import { initiatives001 } from "./fixtures/initiatives001";

describe("sheet names for the per-initiative sheets", () => {
  it("names 001's initiatives by nr and a shortened name", () => {
    expect(initiativeSheetNames(initiatives001)).toEqual([
      "Init 01 Unga med aktivitetsers…",
      "Init 02 Medicinska underlag",
      "Init 03 Sjukskrivningsmönster",
      "Init 04 Flöden mellan daglig",
      "Init 05 Personer med lång tid",
      "Init 06 Arbetssökande som sakn…",
      "Init 07 Arbetssökande med funk…",
      "Init 08 Utrikesfödda arbetslösa",
      "Init 09 Motverka långa tider",
      "Init 10 Översyn av Krami",
      "Init 12 Unga som saknar behöri…",
      "Init 13 SDK - Säker digital",
    ]);
  });

  it("replaces characters Excel refuses and drops apostrophes at the end", () => {
    expect(initiativeSheetName(3, "Gemensam kartläggning")).toBe("Init 03 Gemensam kartläggning");
    expect(initiativeSheetName(4, "Mål: 50/50 [2024]?")).toBe("Init 04 Mål 50 50 2024");
    expect(initiativeSheetName(5, "'Citat'")).toBe("Init 05 'Citat");
    expect(initiativeSheetName(6, "***")).toBe("Init 06");
    expect(initiativeSheetName(123, "x")).toBe("Init 123 x");
  });

  const hostile = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.stringOf(fc.constantFrom("[", "]", ":", "*", "?", "/", "\\", "'", " ", "å", "Ö", "a", "-", "\n", "\t", "’", "😀"), { maxLength: 60 }),
    fc.fullUnicodeString({ maxLength: 40 }),
    fc.lorem({ maxCount: 12 }),
  );

  it("are valid, unique (case-insensitively), and stable, for any names", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ nr: fc.integer({ min: 1, max: 99999 }), initiativ: hostile }), { selector: (r) => r.nr, maxLength: 30 }), (list) => {
        const names = initiativeSheetNames(list);
        for (const n of names) expect(sheetNameProblem(n)).toBeNull();
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        // Stable: the same per initiative on every run, whatever the other initiatives are.
        expect(initiativeSheetNames(list)).toEqual(names);
        list.forEach((r, i) => {
          expect(initiativeSheetName(r.nr, r.initiativ)).toBe(names[i]);
        });
        expect(initiativeSheetNames([...list].reverse())).toEqual([...names].reverse());
      }),
      { numRuns: 300 },
    );
  });

  it("stay unique even if two initiatives share a nr", () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 2, maxLength: 12 }), (namn) => {
        const names = initiativeSheetNames(namn.map((initiativ) => ({ nr: 7, initiativ })));
        for (const n of names) expect(sheetNameProblem(n)).toBeNull();
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      }),
    );
  });

  it("sheetNameProblem rejects what Excel rejects", () => {
    for (const bad of ["", "a".repeat(32), "a/b", "a[b", "a:b", "'a", "a'", "History", "a*b", "a?b", "a\\b"]) expect(sheetNameProblem(bad)).not.toBeNull();
    expect(sheetNameProblem("a".repeat(31))).toBeNull();
  });
});

describe("fingerprints of generated sheets", () => {
  const sheet: unknown[][] = [
    ["Init 03 Sjukskrivningsmönster", ""],
    ["Nuläge", "pågående"],
    ["Påverkan på helårsekvivalenter", 3],
    ["Startad", 45078],
  ];

  it("is FNV-1a 64", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("is stable and ignores what is not content (empty trailing cells/rows, null vs \"\", CRLF)", () => {
    const f = fingerprint(sheet);
    expect(f).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(sheet.map((r) => [...r]))).toBe(f);
    expect(fingerprint([...sheet.map((r) => [...r, null, ""]), ["", null], []])).toBe(f);
    expect(fingerprint([["a\r\nb", null, 1]])).toBe(fingerprint([["a\nb", "", 1]]));
  });

  it("changes with any edit of content", () => {
    const f = fingerprint(sheet);
    expect(fingerprint([...sheet.slice(0, 2), ["Påverkan på helårsekvivalenter", 4], sheet[3]])).not.toBe(f);
    expect(fingerprint([...sheet.slice(0, 3), ["Startad", "45078"]])).not.toBe(f);
    expect(fingerprint([...sheet, ["", "en rad längre ned"]])).not.toBe(f);
    expect(fingerprint([[""], ...sheet])).not.toBe(f);
  });

  it("tells whether the sheet was edited since it was generated", () => {
    const stored = fingerprint(sheet);
    expect(sheetEditState(sheet, stored)).toBe("oförändrat");
    expect(isEditedSinceGeneration(sheet, stored)).toBe(false);
    const edited = sheet.map((r, i) => (i === 1 ? ["Nuläge", "genomförd"] : r));
    expect(sheetEditState(edited, stored)).toBe("ändrat");
    expect(isEditedSinceGeneration(edited, stored)).toBe(true);
    // No stored fingerprint: not provably the add-in's own, so not to be overwritten unasked.
    expect(sheetEditState(sheet, undefined)).toBe("okänt");
    expect(isEditedSinceGeneration(sheet, undefined)).toBe(true);
  });

  it("differs for different contents (no collisions among small random sheets)", () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 5 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }), fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }), (a, b) => {
        const same = JSON.stringify(fingerprintInput(a)) === JSON.stringify(fingerprintInput(b));
        expect(fingerprint(a) === fingerprint(b)).toBe(same);
      }),
    );
  });
});

/** The test's own statement of what counts as content: cells, "" for empty, no trailing empties. */
function fingerprintInput(values: unknown[][]): unknown[][] {
  const rows = values.map((r) => {
    const c = [...r];
    while (c.length > 0 && c[c.length - 1] === "") c.pop();
    return c;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
