import { amountToPlain } from "../../src/domain/amount";
import { InputError } from "../../src/domain/errors";
import { BudgetImport, CellGrid, CellValue, avvikelser, importBudget, parseCellGrid } from "../../src/sources/budget/budgetCells";
import { budget004, copy004, rowOf } from "./fixtures/budget004";

const grid = (values: CellValue[][], over: Partial<CellGrid> = {}): CellGrid => ({ origin: { row: 0, col: 0 }, values, ...over });
const plain = (imp: BudgetImport, post: string, ar: number) => {
  const r = imp.rader.find((x) => x.post === post && x.ar === ar);
  if (!r) throw new Error(`no row ${post} ${ar}`);
  return amountToPlain(r.belopp);
};

function problemsOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("importing the budget of seed 004", () => {
  const imp = importBudget(grid(budget004));

  it("finds the three years, tkr and negative costs", () => {
    expect(imp.ar).toEqual([2021, 2022, 2023]);
    expect(imp.enhet).toBe("tkr");
    expect(imp.kostnadstecken).toBe("negativa");
    expect(imp.varningar).toEqual([]);
  });

  it("gives one row per post and year: 9 income lines and 8 + 4 + 11 cost lines", () => {
    expect(imp.rader).toHaveLength(32 * 3);
    expect(imp.rader.filter((r) => r.sektion === "intäkter")).toHaveLength(27);
  });

  it("places each post in its section and group, with the cell it came from", () => {
    const r = imp.rader.find((x) => x.post === "Kanslipersonal" && x.ar === 2022)!;
    expect(r).toMatchObject({ sektion: "kostnader", grupp: "Kansli och styrelse", enhet: "tkr", cell: `C${rowOf("- Kanslipersonal") + 1}` });
    expect(amountToPlain(r.belopp)).toBe("-1620");
    expect(imp.rader.find((x) => x.post === "Vuxentorget")!.grupp).toBe("Verksamheter");
  });

  it("reads empty cells as zero", () => {
    expect([plain(imp, "Reserv HFE", 2021), plain(imp, "Reserv HFE", 2022), plain(imp, "Reserv HFE", 2023)]).toEqual(["-50", "0", "0"]);
  });

  it("recognises the members: the state, the region (län 24) and six kommuner with their shares", () => {
    const members = imp.rader.filter((r) => r.ar === 2021 && r.medlem);
    expect(members.map((r) => [r.medlem, r.medlemskod ?? "", r.andel ? amountToPlain({ minor: r.andel.digits, decimals: r.andel.decimals }) : ""])).toEqual([
      ["stat", "", ""],
      ["kommun", "2480", "82.9"],
      ["kommun", "2460", "5.1"],
      ["kommun", "2401", "4.0"],
      ["kommun", "2404", "2.9"],
      ["kommun", "2409", "3.7"],
      ["kommun", "2403", "1.3"],
      ["region", "24", ""],
    ]);
    expect(imp.rader.find((r) => r.post === "Anställningsstöd, AF")!.medlem).toBeUndefined();
  });

  it("does not take the cost lines named after kommuner for members", () => {
    expect(imp.rader.filter((r) => r.sektion === "kostnader" && r.medlem)).toEqual([]);
  });

  it("recognises the structure and what each Summa line sums", () => {
    const kinds = imp.struktur.map((l) => l.kind);
    expect(kinds.filter((k) => k === "summa")).toHaveLength(5);
    expect(kinds.slice(-3)).toEqual(["resultat", "ek_borjan", "ek_slut"]);
    const sumKostnader = imp.struktur.find((l) => l.post === "Summa kostnader")!;
    expect(sumKostnader.summerar).toBe("sektion");
    expect(sumKostnader.delar!.map((i) => imp.struktur[i].post)).toEqual([
      "Summa kansli och styrelse",
      "Summa verksamhetsnära kostnader",
      "Summa verksamheter",
    ]);
    expect(imp.struktur.find((l) => l.post === "Summa verksamheter")!.delar).toHaveLength(11);
  });

  it("recomputes every Summa, Resultat and Eget kapital line of 2021–2023 exactly", () => {
    const structural = imp.kontroller.filter((k) => !["kommunernas_avgifter", "statens_avgift"].includes(k.typ));
    // Per year: 3 group sums, Summa intäkter, Summa kostnader, Resultat, EK slut; EK början from 2022.
    expect(structural).toHaveLength(7 * 3 + 2);
    expect(structural.every((k) => k.ok)).toBe(true);
  });

  it("reports only the 2021 kommun fees: 2 844 tkr against the region's 2 845, without correcting them", () => {
    const failed = avvikelser(imp);
    expect(failed).toHaveLength(1);
    const [k] = failed;
    expect(k).toMatchObject({ typ: "kommunernas_avgifter", ar: 2021, cell: "B6:B11", ok: false });
    expect([amountToPlain(k.forvantat), amountToPlain(k.funnet)]).toEqual(["2845", "2844"]);
    expect(k.meddelande).toMatch(/2021, B6:B11: kommunernas avgifter summerar till 2\u00a0844\u00a0tkr .* 2\u00a0845\u00a0tkr/);
    expect(plain(imp, "Umeå kommun, 82,9% av arb-bef.", 2021)).toBe("2359");
  });

  it("finds that 2022 and 2023 balance: 2 353 + 148 + 114 + 85 + 108 + 37 = 2 845, and the state pays 5 690 = 2 × 2 845", () => {
    expect([2353, 148, 114, 85, 108, 37].reduce((a, b) => a + b, 0)).toBe(2845);
    const fees = imp.kontroller.filter((k) => k.typ === "kommunernas_avgifter" || k.typ === "statens_avgift");
    expect(fees.map((k) => [k.typ, k.ar, k.ok])).toEqual([
      ["kommunernas_avgifter", 2021, false],
      ["statens_avgift", 2021, true],
      ["kommunernas_avgifter", 2022, true],
      ["statens_avgift", 2022, true],
      ["kommunernas_avgifter", 2023, true],
      ["statens_avgift", 2023, true],
    ]);
  });

  it("reads the same budget typed without å/ä/ö and with costs as positive amounts", () => {
    const values = copy004().map((row, r) =>
      row.map((v, c) => {
        if (c === 0 && typeof v === "string") return v.replace(/[åä]/g, "a").replace(/ö/g, "o").replace(/Ö/g, "O");
        const costs = r >= rowOf("Kostnader") && r < rowOf("Resultat");
        return costs && typeof v === "number" ? -v : v;
      }),
    );
    const other = importBudget(grid(values));
    expect(other.kostnadstecken).toBe("positiva");
    expect(other.rader.map((r) => amountToPlain(r.belopp))).toEqual(imp.rader.map((r) => amountToPlain(r.belopp)));
    expect(other.rader.map((r) => r.medlemskod)).toEqual(imp.rader.map((r) => r.medlemskod));
    expect(other.kontroller.map((k) => k.ok)).toEqual(imp.kontroller.map((k) => k.ok));
  });
});

describe("a wrong total in the sheet", () => {
  it("names the line, year, cell, expected and found amount, in the sheet's sign", () => {
    const values = copy004();
    values[rowOf("Summa kansli och styrelse")][2] = -2590;
    const failed = avvikelser(importBudget(grid(values)));
    const cell = `C${rowOf("Summa kansli och styrelse") + 1}`;
    expect(failed.map((k) => [k.typ, k.rad, k.ar, k.cell, amountToPlain(k.forvantat), amountToPlain(k.funnet)])).toContainEqual([
      "summa", "Summa kansli och styrelse", 2022, cell, "-2595", "-2590",
    ]);
    const msg = failed.find((k) => k.cell === cell)!.meddelande;
    expect(msg).toBe(`${cell}: Summa kansli och styrelse 2022 är −2\u00a0590\u00a0tkr, men raderna ovanför summerar till −2\u00a0595\u00a0tkr (skillnad 5\u00a0tkr).`);
  });

  it("catches an equity line that does not roll forward", () => {
    const values = copy004();
    values[rowOf("Eget kapital vid årets början")][3] = 800;
    const failed = avvikelser(importBudget(grid(values)));
    expect(failed.map((k) => [k.typ, k.ar, k.cell])).toEqual(
      expect.arrayContaining([
        ["ek_slut", 2023, "D51"],
        ["ek_borjan_nasta_ar", 2023, "D50"],
      ]),
    );
  });
});

describe("where the budget is in the sheet", () => {
  it("gives addresses relative to the sheet, not the range", () => {
    const imp = importBudget(grid(budget004, { origin: { row: 9, col: 2 } }));
    expect(imp.rader.find((r) => r.post === "Försäkringskassan" && r.ar === 2021)!.cell).toBe("D14");
  });

  it("takes the unit from the header row", () => {
    const values = copy004();
    values[rowOf("Intäkter") - 1][0] = "kr";
    expect(importBudget(grid(values)).enhet).toBe("kr");
    expect(importBudget(grid(values), { enhet: "tkr" }).varningar).toEqual([expect.stringMatching(/Rubrikraden anger kr/)]);
  });

  it("accepts years written as text and a dash for zero", () => {
    const values = copy004();
    values[2] = [null, "2021", "Budget 2022", "2023"];
    values[rowOf("- Social redovisning")][3] = "-";
    const imp = importBudget(grid(values));
    expect(imp.ar).toEqual([2021, 2022, 2023]);
    expect(avvikelser(imp)).toHaveLength(1);
  });
});

describe("input the importer refuses, in Swedish with the cell", () => {
  it("text in an amount cell", () => {
    const values = copy004();
    values[rowOf("- Lokalhyra")][2] = "ca 90";
    const [p] = problemsOf(() => importBudget(grid(values)));
    expect(p.plats).toBe(`cell C${rowOf("- Lokalhyra") + 1}`);
    expect(p.meddelande).toMatch(/"ca 90" är inte ett belopp \(raden "- Lokalhyra", år 2022\)/);
  });

  it("every bad cell at once, and amounts without a line text", () => {
    const values = copy004();
    values[rowOf("- Lokalhyra")][2] = "ca 90";
    values[rowOf("- Analys")][1] = true;
    values[1] = [null, null, 5, null];
    expect(() => importBudget(grid(values))).toThrow(InputError);
    const problems = problemsOf(() => importBudget(grid(values)));
    expect(problems.map((p) => p.plats)).toEqual([`cell C${rowOf("- Lokalhyra") + 1}`, `cell B${rowOf("- Analys") + 1}`]);
  });

  it("a Summa line with no parts above it", () => {
    const values = copy004();
    values.splice(rowOf("Verksamheter") + 1, 0, ["Summa projekt", -10, -10, -10]);
    const [p] = problemsOf(() => importBudget(grid(values)));
    expect(p.plats).toBe(`rad ${rowOf("Verksamheter") + 2}`);
    expect(p.meddelande).toBe('Summaraden "Summa projekt" har inga poster ovanför sig att summera.');
  });

  it("merged cells in the range", () => {
    const [p] = problemsOf(() => importBudget(grid(budget004, { merged: [{ row: 0, col: 0, rows: 1, cols: 4 }] })));
    expect(p.plats).toBe("celler A1:D1");
    expect(p.meddelande).toMatch(/sammanfogade celler/);
  });

  it("a range with no year headers", () => {
    const values = copy004().slice(3);
    const [p] = problemsOf(() => importBudget(grid(values, { origin: { row: 3, col: 0 } })));
    expect(p.plats).toBe("område A4:D51");
    expect(p.meddelande).toMatch(/ingen rubrikrad med år/);
  });

  it("the same year twice", () => {
    const values = copy004();
    values[2] = [null, 2021, 2022, 2022];
    const [p] = problemsOf(() => importBudget(grid(values)));
    expect(p).toEqual({ plats: "cell D3", meddelande: "År 2022 finns redan i C3. Varje år får bara ha en kolumn." });
  });

  it("cells that are not text, numbers or booleans, from a host", () => {
    const [p] = problemsOf(() => parseCellGrid({ origin: { row: 0, col: 0 }, values: [["Lokalhyra", { formula: "=1" }]] }));
    expect(p.meddelande).toMatch(/rad 1, kolumn 2 i området/);
    expect(parseCellGrid({ origin: { row: 0, col: 0 }, values: [["a", undefined]] }).values).toEqual([["a", null]]);
  });

  it("posts outside Intäkter and Kostnader", () => {
    const values = copy004();
    values[rowOf("Intäkter")][0] = "Inkomster";
    const problems = problemsOf(() => importBudget(grid(values)));
    expect(problems[0].meddelande).toMatch(/står inte under någon av rubrikerna "Intäkter" eller "Kostnader"/);
  });
});
