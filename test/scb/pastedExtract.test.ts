import fc from "fast-check";
import { InputError } from "../../src/domain/errors";
import { KOMMUNER } from "../../src/domain/kommuner";
import { Cell } from "../../src/sources/scb/grid";
import { parseExtract } from "../../src/sources/scb/extract";

const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

const befolkning = [
  '"Folkmängd efter region, kön och år"',
  "",
  '"region";"kön";"2022";"2023"',
  '"2480 Umeå";"män";66 012;..',
  '"2480 Umeå";"kvinnor";65 233;-',
  '"00 Riket";"män";5\u00a0252\u00a0734;5 278 962',
  "",
  '"Uppgifterna avser förhållandet den 31 december."',
  '"Källa: SCB"',
].join("\r\n");

describe("an extract pasted or downloaded from SCB's web", () => {
  const r = parseExtract(befolkning);

  it("periods as columns become one row per period", () => {
    expect(r.meta.periodLayout).toBe("columns");
    expect(r.rows).toHaveLength(6);
    expect(r.rows.slice(0, 2).map((x) => [x.regionkod, x.region, x.dimensions["kön"], x.period, x.varde])).toEqual([
      ["2480", "Umeå", "män", "2022", 66012],
      ["2480", "Umeå", "män", "2023", null],
    ]);
    expect(r.dimensions).toEqual(["kön"]);
  });

  it("a pasted extract with `..` gives an empty value and a status", () => {
    expect(r.rows[1]).toMatchObject({ varde: null, status: ".." });
  });

  it("`-` (nothing to report) also gives an empty value, with `-` as its status", () => {
    expect(r.rows[3]).toMatchObject({ varde: null, status: "-" });
  });

  it("spaces and non-breaking spaces between thousands are read as one number", () => {
    expect(r.rows[4].varde).toBe(5252734);
    expect(r.rows[5].varde).toBe(5278962);
  });

  it("the title line becomes the title and footnotes under the table become notes", () => {
    expect(r.meta.title).toBe("Folkmängd efter region, kön och år");
    expect(r.notes).toEqual(["Uppgifterna avser förhållandet den 31 december.", "Källa: SCB"]);
    expect(r.meta.delimiter).toBe(";");
  });

  it("other SCB markers (., ..., x) are kept as the status", () => {
    const t = parseExtract('"region";"2023"\n"2480 Umeå";.\n"2460 Vännäs";...\n"2401 Nordmaling";x\n"2403 Bjurholm";\n');
    expect(t.rows.map((x) => [x.varde, x.status])).toEqual([
      [null, "."],
      [null, "..."],
      [null, "x"],
      [null, null],
    ]);
  });
});

describe("numbers", () => {
  it("decimal comma (semicolon files) and decimal point (comma files) give the same value", () => {
    const comma = parseExtract('"region";"2023"\n"2480 Umeå";12,5\n"00 Riket";1 234,75\n"01 Stockholms län";1.234,5\n');
    const point = parseExtract('"region","2023"\n"2480 Umeå",12.5\n"00 Riket",1234.75\n"01 Stockholms län","1,234.5"\n');
    expect(comma.rows.map((x) => x.varde)).toEqual([12.5, 1234.75, 1234.5]);
    expect(point.rows.map((x) => x.varde)).toEqual([12.5, 1234.75, 1234.5]);
    expect(point.meta.delimiter).toBe(",");
  });

  it("negative numbers are numbers, also with a typographic minus", () => {
    const t = parseExtract('"region";"2023"\n"2480 Umeå";-12\n"00 Riket";\u22121,5\n');
    expect(t.rows.map((x) => x.varde)).toEqual([-12, -1.5]);
  });

  it("a text in a value cell is an error that names the row and column", () => {
    const e = inputError(() => parseExtract('"region";"2023"\n"2480 Umeå";12\n"00 Riket";tolv\n', { kalla: "pop.csv" }));
    expect(e.problems).toEqual([{ plats: "pop.csv, rad 3, kolumn 2", meddelande: expect.stringContaining('"tolv" är inget tal') }]);
  });

  it("badly grouped thousands are not guessed at", () => {
    expect(() => parseExtract('"region";"2023"\n"2480 Umeå";12 34\n')).toThrow(InputError);
  });
});

describe("regions", () => {
  it("splits code and name, maps NUTS län codes and looks up bare names", () => {
    const t = parseExtract(
      [
        '"region";"2023"',
        '"2480 Umeå";1',
        '"00 Riket";2',
        '"SE331 Västerbottens län";3',
        '"SE124 Örebro län";4',
        '"Vännäs";5',
        '"2480 - Umeå";6',
        '"Västerbottens län";7',
        '"Riket";8',
        '"Norra länet";9',
      ].join("\n"),
    );
    expect(t.rows.map((x) => `${x.regionkod}|${x.region}`)).toEqual([
      "2480|Umeå",
      "00|Riket",
      "24|Västerbottens län",
      "18|Örebro län",
      "2460|Vännäs",
      "2480|Umeå",
      "24|Västerbottens län",
      "00|Riket",
      "|Norra länet",
    ]);
    expect(t.meta.varningar).toEqual([expect.stringContaining('"Norra länet"')]);
  });

  it("finds the region column by its values when the header does not say region", () => {
    const t = parseExtract('"område";"kön";"2023"\n"2480 Umeå";"män";1\n'.replace("område", "var"));
    expect(t.rows[0]).toMatchObject({ regionkod: "2480", dimensions: { kön: "män" } });
  });
});

describe("periods as a row dimension", () => {
  it("a column of months becomes the period; the value column's heading says what the values are", () => {
    const t = parseExtract('"region";"månad";"Folkmängd"\n"2480 Umeå";"2024M01";130 000\n"2480 Umeå";"2024M02";130 100\n');
    expect(t.meta.periodLayout).toBe("rows");
    expect(t.meta.innehall).toBe("Folkmängd");
    expect(t.rows.map((x) => [x.period, x.varde])).toEqual([
      ["2024M01", 130000],
      ["2024M02", 130100],
    ]);
    expect(t.dimensions).toEqual([]);
  });

  it("several value columns become a tabellinnehåll dimension", () => {
    const t = parseExtract('"region";"år";"Folkmängd";"Folkökning"\n"2480 Umeå";"2023";132000;1200\n');
    expect(t.dimensions).toEqual(["tabellinnehåll"]);
    expect(t.rows.map((x) => [x.period, x.dimensions["tabellinnehåll"], x.varde])).toEqual([
      ["2023", "Folkmängd", 132000],
      ["2023", "Folkökning", 1200],
    ]);
  });

  it("quarters work as columns too", () => {
    const t = parseExtract('"region";"2023K1";"2023K2"\n"2480 Umeå";1;2\n');
    expect(t.rows.map((x) => x.period)).toEqual(["2023K1", "2023K2"]);
  });
});

describe("bytes: the encoding is found", () => {
  const text = '"region";"kön";"2023"\r\n"2480 Umeå";"kvinnor";65 233\r\n';
  it.each([
    ["Latin-1", latin1(text), "latin1"],
    ["UTF-8", utf8(text), "utf-8"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), "utf-8"],
  ])("%s gives the same rows", (_name, bytes, encoding) => {
    const t = parseExtract(bytes);
    expect(t.meta.encoding).toBe(encoding);
    expect(t.rows).toEqual([{ regionkod: "2480", region: "Umeå", dimensions: { kön: "kvinnor" }, period: "2023", varde: 65233, status: null }]);
  });
});

describe("a range selected in Excel", () => {
  const range: Cell[][] = [
    ["Folkmängd 31 december", null, null, null],
    [null, null, null, null],
    ["region", "kön", 2022, 2023],
    ["2480 Umeå", "män", 66012, 66500.5],
    ["00 Riket", "kvinnor", "..", 5200000],
    ["Fotnot: preliminära siffror", null, null, null],
  ];

  it("reads cells as they come (numbers stay numbers, years in the header are periods)", () => {
    const t = parseExtract(range);
    expect(t.meta).toMatchObject({ title: "Folkmängd 31 december", encoding: "cells", delimiter: null, periodLayout: "columns" });
    expect(t.rows.map((x) => [x.regionkod, x.period, x.varde, x.status])).toEqual([
      ["2480", "2022", 66012, null],
      ["2480", "2023", 66500.5, null],
      ["00", "2022", null, ".."],
      ["00", "2023", 5200000, null],
    ]);
    expect(t.notes).toEqual(["Fotnot: preliminära siffror"]);
  });

  it("names the sheet cell in errors, counted from where the range starts", () => {
    const bad = range.map((row) => [...row]);
    bad[4][3] = "fem";
    const e = inputError(() => parseExtract(bad, { start: { rad: 5, kolumn: 2 } }));
    expect(e.problems[0].plats).toBe("cell E9");
  });

  it("an empty selection is an error", () => {
    expect(inputError(() => parseExtract([])).message).toBe("Markeringen är tom.");
    expect(inputError(() => parseExtract([[null, ""], [" "]])).message).toBe("Markeringen är tom.");
  });
});

describe("things that are not SCB extracts", () => {
  it("a single column of text has no header row", () => {
    const e = inputError(() => parseExtract("hej\nhopp\n"));
    expect(e.problems[0]).toEqual({ plats: "rad 1", meddelande: expect.stringContaining("hittade ingen rubrikrad") });
  });

  it("a table without periods says so, at the header row", () => {
    const e = inputError(() => parseExtract("kod;namn;befolkning\n2480;Umeå;130000\n", { kalla: "medlemmar.csv" }));
    expect(e.problems[0]).toEqual({ plats: "medlemmar.csv, rad 1", meddelande: expect.stringContaining("Hittade inga perioder") });
  });

  it("a table without a region column says so, listing the headings", () => {
    const e = inputError(() => parseExtract('"ålder";"2023"\n"0 år";100\n'));
    expect(e.problems[0]).toEqual({ plats: "rad 1", meddelande: expect.stringContaining('saknar en regionkolumn (hittade "ålder", "2023")') });
  });

  it("a header without data rows is an error", () => {
    expect(inputError(() => parseExtract('"region";"2023"\n')).problems[0].meddelande).toContain("inga datarader");
  });

  it("a line with too few cells is an error on that line", () => {
    const e = inputError(() => parseExtract('"region";"kön";"2023"\n"2480 Umeå";"män";1\n"2480 Umeå";"kvinnor"\n'));
    expect(e.problems[0]).toEqual({ plats: "rad 3", meddelande: "Raden har 2 celler men rubrikraden har 3." });
  });
});

describe("hostile text is data", () => {
  it("cells starting with = + - @ survive unchanged as plain text", () => {
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const hostile = ["=HYPERLINK(\"http://evil\";\"klicka\")", "+1+1", "-2+3", "@SUM(A1:A9)", "=cmd|' /C calc'!A0"];
    const lines = ['"=TITLE()"', "", '"region";"kön";"2023"', ...hostile.map((h, i) => `${q(`2480 ${h}`)};${q(h)};${i}`), "", '"@fotnot"'];
    const t = parseExtract(lines.join("\n"));
    expect(t.meta.title).toBe("=TITLE()");
    expect(t.notes).toEqual(["@fotnot"]);
    expect(t.rows.map((x) => x.dimensions["kön"])).toEqual(hostile);
    expect(t.rows.map((x) => x.region)).toEqual(hostile);
    expect(t.rows.map((x) => x.varde)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("any well-formed extract reads back what was written (property)", () => {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, " ").trim()).filter((s) => s !== "");
  const value = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom("..", "-", "."));
  const row = fc.record({ k: fc.constantFrom(...KOMMUNER), dim: text, values: fc.array(value, { minLength: 3, maxLength: 3 }) });

  it("holds for random rows, regions and markers", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.constantFrom(";", ","), (rows, sep) => {
        const lines = ['"Titel"', "", ["region", "variabel", "2021", "2022", "2023"].map(quote).join(sep)];
        for (const r of rows) lines.push([quote(`${r.k.kod} ${r.k.namn}`), quote(r.dim), ...r.values.map(String)].join(sep));
        const t = parseExtract(lines.join("\r\n"));
        const expected = rows.flatMap((r) =>
          r.values.map((v, i) => ({
            regionkod: r.k.kod,
            region: r.k.namn,
            dimensions: { variabel: r.dim },
            period: String(2021 + i),
            varde: typeof v === "number" ? v : null,
            status: typeof v === "number" ? null : v,
          })),
        );
        expect(t.rows).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe("a table copied from SCB's web view", () => {
  it("repeated region and variable texts left blank are carried down from the row above", () => {
    const range: Cell[][] = [
      ["region", "kön", "2022", "2023"],
      ["2480 Umeå", "män", 66012, 66500],
      [null, "kvinnor", 65233, 65900],
      ["2460 Vännäs", "män", 4500, 4510],
      [null, "kvinnor", 4400, 4410],
    ];
    const t = parseExtract(range);
    expect(t.rows.map((r) => `${r.regionkod} ${r.dimensions["kön"]} ${r.period} ${r.varde}`)).toEqual([
      "2480 män 2022 66012",
      "2480 män 2023 66500",
      "2480 kvinnor 2022 65233",
      "2480 kvinnor 2023 65900",
      "2460 män 2022 4500",
      "2460 män 2023 4510",
      "2460 kvinnor 2022 4400",
      "2460 kvinnor 2023 4410",
    ]);
  });
});
