/**
 * The helårsekvivalenter computation behind the analysis sheet: yearly values as the mean of the
 * year's months (or December), shares of the population 20–64, the förbund as the sum of its kommuner,
 * and Swedish messages when the table is not what the analysis needs.
 */
import { InputError } from "../../../src/domain/errors";
import type { TidyRow, TidyTable } from "../../../src/domain/scb/tidy";
import { analyseHelarsekvivalenter, heStructure } from "../../../src/domain/scb/heAnalysis";
import { parseJsonStat } from "../../../src/sources/scb/jsonstat";
import { FILES, fixtureJson } from "../fixturePaths";

const CONTENTS = ["Sjukpenning", "Ekonomiskt bistånd", "Summa helårsekvivalenter", "Folkmängd", "Andel av befolkningen"];

/** A small hand-made table (synthetic): Umeå, Bjurholm and Riket, kön totalt/kvinnor, 2023M01–2024M03. */
function smallTable(edit: (r: TidyRow) => TidyRow = (r) => r): TidyTable {
  const rows: TidyRow[] = [];
  const regions: Array<[string, string, number]> = [
    ["2480", "Umeå", 80_000],
    ["2403", "Bjurholm", 1_200],
    ["00", "Riket", 5_800_000],
  ];
  for (const [kod, region, pop] of regions) {
    for (const kon of ["totalt", "kvinnor"]) {
      for (let m = 0; m < 15; m++) {
        const period = `${2023 + Math.floor(m / 12)}M${String((m % 12) + 1).padStart(2, "0")}`;
        const p = kon === "totalt" ? pop + m : Math.round(pop / 2);
        const sp = Math.round(p * 0.02) + m;
        const eb = Math.round(p * 0.01) + (m % 3);
        const values = [sp, eb, sp + eb, p, Math.round(((sp + eb) / p) * 1000) / 10];
        CONTENTS.forEach((c, k) =>
          rows.push(edit({ regionkod: kod, region, dimensions: { kön: kon, åldersgrupp: "20-64 år", tabellinnehåll: c }, period, varde: values[k], status: null })),
        );
      }
    }
  }
  return { rows, dimensions: ["kön", "åldersgrupp", "tabellinnehåll"], notes: [] };
}

const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error("expected an InputError");
};

describe("helårsekvivalenter per kommun and year", () => {
  const table = smallTable();
  const a = analyseHelarsekvivalenter(table, { kommuner: ["2480", "2403"] });

  it("finds the benefit types, Summa and Folkmängd, and picks kön totalt and 20–64 by itself", () => {
    expect(a.struktur).toMatchObject({
      innehall: "tabellinnehåll",
      typer: ["Sjukpenning", "Ekonomiskt bistånd"],
      summa: "Summa helårsekvivalenter",
      folkmangd: "Folkmängd",
      urval: [
        { dimension: "kön", varde: "totalt" },
        { dimension: "åldersgrupp", varde: "20-64 år" },
      ],
      arsvarde: "medel",
    });
    expect(a.regioner.map((r) => [r.kod, r.roll])).toEqual([
      ["2480", "kommun"],
      ["2403", "kommun"],
      ["00", "riket"],
    ]);
    expect(a.ar).toEqual([2023, 2024]);
  });

  it("a year's value is the mean of its months, and the share is count / population", () => {
    const umea2023 = a.varden[0][0];
    const months = table.rows.filter((r) => r.region === "Umeå" && r.dimensions.kön === "totalt" && r.period.startsWith("2023"));
    const mean = (c: string) => months.filter((r) => r.dimensions.tabellinnehåll === c).reduce((s, r) => s + r.varde!, 0) / 12;
    expect(umea2023.manader).toBe(12);
    expect(umea2023.antal).toEqual([mean("Sjukpenning"), mean("Ekonomiskt bistånd"), mean("Summa helårsekvivalenter")]);
    expect(umea2023.folkmangd).toBe(mean("Folkmängd"));
    expect(umea2023.andel[2]).toBe(mean("Summa helårsekvivalenter") / mean("Folkmängd"));
  });

  it("the latest (preliminary) year counts only the months there are", () => {
    expect(a.varden.map((v) => v[1].manader)).toEqual([3, 3, 3]);
  });

  it("the förbund sums its kommuner's counts and populations, then divides; riket is not part of it", () => {
    const f = a.forbund![0];
    expect(f.antal[2]).toBe(a.varden[0][0].antal[2]! + a.varden[1][0].antal[2]!);
    expect(f.folkmangd).toBe(a.varden[0][0].folkmangd! + a.varden[1][0].folkmangd!);
    expect(f.andel[2]).toBe(f.antal[2]! / f.folkmangd!);
  });

  it("December instead of the mean is a setting", () => {
    const dec = analyseHelarsekvivalenter(table, { kommuner: ["2480"], arsvarde: "december" });
    const d = table.rows.find((r) => r.region === "Umeå" && r.dimensions.kön === "totalt" && r.period === "2023M12" && r.dimensions.tabellinnehåll === "Folkmängd")!;
    expect(dec.varden[0][0]).toMatchObject({ manader: 1, folkmangd: d.varde });
    expect(dec.varden[0][1]).toMatchObject({ manader: 0, folkmangd: null, andel: [null, null, null] });
  });

  it("a month without Folkmängd ('..') is not counted; a missing count counts as 0", () => {
    const holes = smallTable((r) =>
      r.region === "Umeå" && r.period === "2023M05" && r.dimensions.tabellinnehåll !== "Sjukpenning" ? { ...r, varde: null, status: ".." } : r,
    );
    const v = analyseHelarsekvivalenter(holes, { kommuner: ["2480"] }).varden[0][0];
    expect(v.manader).toBe(11);
    const sp = holes.rows.filter((r) => r.region === "Umeå" && r.dimensions.kön === "totalt" && r.period.startsWith("2023") && r.dimensions.tabellinnehåll === "Sjukpenning");
    expect(v.antal[0]).toBe(sp.reduce((s, r) => s + r.varde!, 0) / 11);
  });

  it("the kön to use can be chosen", () => {
    const women = analyseHelarsekvivalenter(table, { kommuner: ["2480"], urval: { kön: "Kvinnor" } });
    expect(women.struktur.urval[0]).toEqual({ dimension: "kön", varde: "kvinnor" });
    expect(women.varden[0][0].folkmangd).toBe(40_000);
  });
});

describe("a table the analysis cannot use gives a Swedish message", () => {
  it("without Folkmängd", () => {
    const t = smallTable();
    const noPop = { ...t, rows: t.rows.filter((r) => r.dimensions.tabellinnehåll !== "Folkmängd") };
    expect(problemsOf(() => heStructure(noPop))[0].meddelande).toMatch(/inget innehåll som heter Folkmängd/);
  });

  it("a kommun the table does not have", () => {
    expect(problemsOf(() => analyseHelarsekvivalenter(smallTable(), { kommuner: ["2480", "0114"] }))[0].meddelande).toBe("Tabellen saknar kommunen 0114.");
  });

  it("a variable with several values and none that is a total: the user must choose", () => {
    const t = smallTable((r) => ({ ...r, dimensions: { ...r.dimensions, kön: r.dimensions.kön === "totalt" ? "män" : "kvinnor" } }));
    expect(problemsOf(() => heStructure(t))).toEqual([{ plats: "kön", meddelande: "Välj vilket värde som ska användas: män, kvinnor." }]);
    expect(problemsOf(() => heStructure(smallTable(), { urval: { kön: "alla" } }))).toEqual([{ plats: "kön", meddelande: '"alla" finns inte i tabellen. Välj ett av: totalt, kvinnor.' }]);
  });
});

describe("the synthetic HE0000T02N2 response (json-stat2, SYNTHETIC values)", () => {
  it("reads as six types, Summa and Folkmängd for the six Umeåregionen kommuner and riket, 2023–2024", () => {
    const table = parseJsonStat(fixtureJson(FILES.heSample));
    const a = analyseHelarsekvivalenter(table, { kommuner: ["2480", "2460", "2401", "2404", "2409", "2403"] });
    expect(a.struktur.typer).toHaveLength(6);
    expect(a.struktur.typer[1]).toBe("Sjuk- och aktivitetsersersättning"); // SCB's own typo
    expect(a.regioner.map((r) => r.namn)).toEqual(["Umeå", "Vännäs", "Nordmaling", "Vindeln", "Robertsfors", "Bjurholm", "Riket"]);
    expect(a.ar).toEqual([2023, 2024]);
    for (const region of a.varden) for (const y of region) expect(y.andel[6]).toBeCloseTo(y.andel.slice(0, 6).reduce((s, x) => s! + x!, 0)!, 10);
  });
});
