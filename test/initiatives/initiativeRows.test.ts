import fc from "fast-check";
import { InputError } from "../../src/domain/errors";
import { INITIATIV_RUBRIKER, Initiativ } from "../../src/domain/initiatives/model";
import { initiativeToRow } from "../../src/domain/initiatives/model";
import { parseInitiativeRows, parseInitiativeTable } from "../../src/sources/initiatives/initiativeRows";
import { initiatives001 } from "./fixtures/initiatives001";

const table: unknown[][] = [[...INITIATIV_RUBRIKER], ...initiatives001.map(initiativeToRow)];
const col = (rubrik: string) => INITIATIV_RUBRIKER.indexOf(rubrik);

/** A copy of the 001 table with one cell changed (row r is the 1-based data row). */
function withCell(r: number, rubrik: string, value: unknown): unknown[][] {
  return table.map((row, i) => (i === r ? row.map((c, j) => (j === col(rubrik) ? value : c)) : row));
}

function problemsOf(values: unknown[][]): { plats?: string; meddelande: string }[] {
  let returned: Initiativ[] | undefined;
  try {
    returned = parseInitiativeTable(values);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems;
  }
  throw new Error(`no InputError; returned ${returned.length} initiatives`);
}

describe("reading the Initiativ table", () => {
  it("reads back the 12 initiatives of 001 as the add-in writes them", () => {
    expect(parseInitiativeTable(table)).toEqual(initiatives001);
  });

  it("skips empty rows (Excel tables often end with some) but counts them in row numbers", () => {
    const blank = INITIATIV_RUBRIKER.map(() => null);
    const values = [table[0], blank, ...table.slice(1), ["", null, "  "]];
    expect(parseInitiativeTable(values)).toHaveLength(12);
    const bad = [table[0], blank, table[1].map((c, j) => (j === col("Nuläge") ? "klart" : c))];
    expect(problemsOf(bad)[0].plats).toBe('rad 2, kolumn "Nuläge"');
  });

  it("reads dates as Excel gives them: serial numbers, ISO text, Date objects, month names", () => {
    const at = (v: unknown) => parseInitiativeTable(withCell(1, "Startad", v))[0].startad;
    expect(at(45078)).toBe("2023-06-01");
    expect(at(45078.75)).toBe("2023-06-01");
    expect(at(44927)).toBe("2023-01-01");
    expect(at("2023-06-15T00:00:00")).toBe("2023-06-15");
    expect(at(new Date(Date.UTC(2023, 2, 1)))).toBe("2023-03-01");
    expect(at("juni 2023")).toBe("2023-06");
    expect(at("")).toBeUndefined();
  });

  it("matches statuses, impact and genomförbarhet as people type them", () => {
    const one = (rubrik: string, v: unknown) => parseInitiativeTable(withCell(1, rubrik, v))[0];
    expect(one("Nuläge", "PAGAENDE").nulage).toBe("pågående");
    expect(one("Nuläge", "Ej Påbörjad").nulage).toBe("ej påbörjad");
    expect(one("Påverkan på helårsekvivalenter", "X").paverkan).toBe("x");
    expect(one("Påverkan på helårsekvivalenter", "4").paverkan).toBe(4);
    expect(one("Påverkan på helårsekvivalenter", null).paverkan).toBe("x");
    expect(one("Genomförbarhet", "Svår/tar lång tid").genomforbarhet).toEqual({ svarighet: "svår", tid: "lång" });
    expect(one("Genomförbarhet", "medelsvår, kort").genomforbarhet).toEqual({ svarighet: "medel", tid: "kort" });
    expect(one("Genomförbarhet", "Ej bedömd").genomforbarhet).toBeUndefined();
    expect(one("Aktiviteter", "• Första\r\n\r\n- Andra").aktiviteter).toEqual(["Första", "Andra"]);
  });

  it("uses the förbund's own status list", () => {
    const values = withCell(1, "Nuläge", "Vilande");
    expect(parseInitiativeTable(values, { nulagen: ["pågående", "vilande"] })[0].nulage).toBe("vilande");
    expect(problemsOf(values)[0].meddelande).toBe('Okänt nuläge "Vilande". Välj ett av: ej påbörjad, under start, pågående, genomförd, avslutad.');
  });
});

describe("bad input gives Swedish messages naming row and column, and nothing is returned", () => {
  it("an unknown status", () => {
    expect(problemsOf(withCell(3, "Nuläge", "klart"))).toEqual([
      { plats: 'rad 3, kolumn "Nuläge"', meddelande: expect.stringMatching(/^Okänt nuläge "klart"\. Välj ett av: ej påbörjad,/) },
    ]);
  });

  it("impact 7", () => {
    expect(problemsOf(withCell(5, "Påverkan på helårsekvivalenter", 7))).toEqual([
      { plats: 'rad 5, kolumn "Påverkan på helårsekvivalenter"', meddelande: 'Påverkan på helårsekvivalenter ska vara 1–5, eller x om den inte är bedömd (inte "7").' },
    ]);
  });

  it("a duplicate nr, naming both rows", () => {
    expect(problemsOf(withCell(4, "Nr", 2))).toEqual([
      { plats: 'rad 4, kolumn "Nr"', meddelande: "Nr 2 finns redan på rad 2. Varje initiativ ska ha ett eget nummer." },
    ]);
  });

  it("an empty name", () => {
    expect(problemsOf(withCell(2, "Initiativ", "  "))).toEqual([{ plats: 'rad 2, kolumn "Initiativ"', meddelande: "Initiativet saknar namn." }]);
  });

  it("a bad date, a bad nr and a bad genomförbarhet", () => {
    expect(problemsOf(withCell(1, "Startad", "31/13/2023"))[0]).toEqual({
      plats: 'rad 1, kolumn "Startad"',
      meddelande: '"31/13/2023" är inget datum. Skriv t.ex. 2023-06-15, eller 2023-06 för en månad.',
    });
    expect(problemsOf(withCell(1, "Statusdatum", "2023-02-30"))[0].plats).toBe('rad 1, kolumn "Statusdatum"');
    expect(problemsOf(withCell(1, "Nr", "3b"))[0].meddelande).toBe('Nr "3b" ska vara ett heltal från 1 till 99999.');
    expect(problemsOf(withCell(1, "Nr", 0))[0].meddelande).toBe('Nr "0" ska vara ett heltal från 1 till 99999.');
    expect(problemsOf(withCell(1, "Genomförbarhet", "lagom"))[0].meddelande).toMatch(/^Genomförbarheten "lagom" ska skrivas som/);
  });

  it("all problems of all rows at once, named with the caller's locations", () => {
    const values = withCell(7, "Nuläge", "klart").map((r, i) => (i === 9 ? r.map((c, j) => (j === col("Påverkan på helårsekvivalenter") ? 7 : c)) : r));
    let problems: { plats?: string }[] = [];
    try {
      parseInitiativeTable(values, { locate: (i) => `rad ${i + 5}` });
    } catch (e) {
      problems = (e as InputError).problems;
    }
    expect(problems.map((p) => p.plats)).toEqual(['rad 11, kolumn "Nuläge"', 'rad 13, kolumn "Påverkan på helårsekvivalenter"']);
  });

  it("a table without the required columns", () => {
    const p = problemsOf([["Nr", "Namnet på saken", "Status"], [1, "x", "pågående"]]);
    expect(p).toEqual([{ plats: "rubrikraden", meddelande: 'Tabellen saknar kolumnerna "Område", "Initiativ" (hittade "Nr", "Namnet på saken", "Status").' }]);
  });

  it("two columns meaning the same", () => {
    const p = problemsOf([["Nr", "Område", "Initiativ", "Nuläge", "Status"]]);
    expect(p[0].meddelande).toBe('Kolumnerna "Nuläge" och "Status" betyder båda "Nuläge". Ta bort eller byt namn på den ena.');
  });
});

describe("carry over: last year's table pasted from another workbook", () => {
  /** 001's own words for the columns, in another order, one typo, without diacritics, and no Statusdatum. */
  const lastYearHeaders: Record<string, string> = {
    Nr: "NR.",
    Område: "omrade",
    Initiativ: "Initiativets namn",
    Parter: "Parter ",
    Genomförbarhet: "Genomforbarhet (svårighet/tid)",
    Nuläge: "NULÄGE",
    Aktiviteter: "Aktivitet",
    Mål: "Mal",
    Indikatorer: "Indikatorer",
    Sammankallande: "Sammankalande",
    Ansvar: "Ansvar",
    "Ansvarig för uppföljning": "Ansvar för uppföljning",
    "Analysgruppens bedömning": "Analysgruppens bedömning av progress i initiativet",
    "Påverkan på helårsekvivalenter": "Påverkan (1-5)",
    Startad: "Startdatum",
    Statustext: "Nuläge juni 2023",
    "Styrelsens kommentar": "Styrelse och SSG kommentar juni 2023",
  };

  function pasted(order: number[], spell: (h: string) => string): unknown[][] {
    const keep = INITIATIV_RUBRIKER.map((h, j) => j).filter((j) => INITIATIV_RUBRIKER[j] !== "Statusdatum");
    const cols = order.map((k) => keep[k]);
    return [cols.map((j) => spell(lastYearHeaders[INITIATIV_RUBRIKER[j]])), ...table.slice(1).map((row) => cols.map((j) => row[j]))];
  }

  it("recognises shuffled columns with 001's header spellings, and takes the status date from 'Nuläge juni 2023'", () => {
    const order = [16, 3, 0, 14, 5, 9, 2, 11, 1, 7, 13, 4, 15, 6, 12, 8, 10];
    expect(parseInitiativeTable(pasted(order, (h) => h))).toEqual(initiatives001);
  });

  it("recognises any column order and any casing or missing diacritics", () => {
    const strip = (h: string) => h.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...Array(17).keys()], { minLength: 17, maxLength: 17 }),
        fc.constantFrom<(h: string) => string>((h) => h, (h) => h.toUpperCase(), (h) => h.toLowerCase(), strip),
        (order, spell) => {
          expect(parseInitiativeTable(pasted(order, spell))).toEqual(initiatives001);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("reads a table with only the required columns, the rest left empty", () => {
    const r = parseInitiativeRows(["Initiativ", "Nuläge", "Nr", "Område", "Egen anteckning"], [["Översyn av Krami", "under start", 10, "ARBETSLÖSHET", "x"]]);
    expect(r).toEqual([
      {
        nr: 10,
        omrade: "ARBETSLÖSHET",
        initiativ: "Översyn av Krami",
        parter: "",
        nulage: "under start",
        aktiviteter: [],
        mal: [],
        indikatorer: [],
        sammankallande: "",
        ansvar: "",
        ansvarigForUppfoljning: "",
        bedomning: [],
        paverkan: "x",
        statustext: "",
        styrelsensKommentar: [],
      },
    ]);
  });
});
