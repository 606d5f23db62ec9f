import { InputError } from "../../src/domain/errors";
import { KOMMUNER, LAN } from "../../src/domain/kommuner";
import { TidyRow } from "../../src/domain/scb/tidy";
import { parseJsonStat, parsePxJson } from "../../src/sources/scb/jsonstat";
import { FILES, fixtureJson } from "./fixturePaths";

type Json = Record<string, unknown>;
interface Dataset {
  id: string[];
  size: number[];
  value: (number | null)[];
  status?: unknown;
  dimension: Record<string, { label: string; category: { index: Record<string, number> | string[]; label: Record<string, string> } }>;
}

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const sum = (rows: TidyRow[]) => rows.reduce((s, r) => s + (r.varde ?? 0), 0);

/** A deterministic shuffle (the rows must not depend on it). */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("json-stat2 for all 312 regions (real v1 BefolkManadCKM, 2026M05)", () => {
  const raw = fixtureJson(FILES.ckm312) as Dataset;
  const t = parseJsonStat(raw);

  it("gives one row per region with labels, period and the table's notes", () => {
    expect(t.rows).toHaveLength(312);
    expect(t.dimensions).toEqual(["ålder", "kön", "tabellinnehåll"]);
    expect(t.meta).toMatchObject({ title: "Folkmängden per månad efter region, ålder, kön, tabellinnehåll och månad", tableId: "TAB6471" });
    expect(t.notes).toHaveLength(4);
    expect(new Set(t.rows.map((r) => r.period))).toEqual(new Set(["2026M05"]));
  });

  it("places Umeå's value by the json-stat index, not by key order", () => {
    const pos = (raw.dimension.Region.category.index as Record<string, number>)["2480"];
    const umea = t.rows.find((r) => r.regionkod === "2480")!;
    expect(umea.region).toBe("Umeå");
    expect(umea.varde).toBe(raw.value[pos]);
    expect(umea.varde).toBe(135249);
    expect(umea.dimensions).toEqual({ ålder: "totalt, samtliga åldrar", kön: "totalt, samtliga män och kvinnor", tabellinnehåll: "Folkmängden per månad" });
  });

  it("puts riket first with Sweden's total, and covers 21 län and 290 kommuner", () => {
    expect(t.rows[0]).toMatchObject({ regionkod: "00", region: "Riket", varde: 10608128, status: null });
    const codes = new Set(t.rows.map((r) => r.regionkod));
    expect(KOMMUNER.every((k) => codes.has(k.kod))).toBe(true);
    expect(LAN.every((l) => codes.has(l.kod))).toBe(true);
  });

  it("gives identical rows when category.index keys come in another order", () => {
    const other = copy(raw);
    const index = other.dimension.Region.category.index as Record<string, number>;
    const entries = shuffled(Object.entries(index), 7);
    other.dimension.Region.category.index = Object.fromEntries(entries);
    expect(parseJsonStat(other).rows).toEqual(t.rows);
  });

  it("gives identical rows when category.index is an array", () => {
    const other = copy(raw);
    const index = other.dimension.Region.category.index as Record<string, number>;
    const arr: string[] = [];
    for (const [code, p] of Object.entries(index)) arr[p] = code;
    other.dimension.Region.category.index = arr;
    expect(parseJsonStat(other).rows).toEqual(t.rows);
  });
});

describe("json-stat2 from the v2 API", () => {
  it("reads TAB638's 1-cell answer", () => {
    const t = parseJsonStat(fixtureJson(FILES.tab638));
    expect(t.rows).toEqual([
      {
        regionkod: "00",
        region: "Riket",
        dimensions: { civilstånd: "ogifta", ålder: "0 år", kön: "män", tabellinnehåll: "Folkmängd" },
        period: "2024",
        varde: 50937,
        status: null,
      },
    ]);
    expect(t.meta.tableId).toBe("TAB638");
  });

  it("reads TAB6471 row-major: 21 län × 11 age bands × 3 sexes × 4 months", () => {
    const raw = fixtureJson(FILES.tab6471) as Dataset;
    const t = parseJsonStat(raw);
    expect(t.rows).toHaveLength(21 * 11 * 3 * 4);
    expect(t.rows.slice(0, 4).map((r) => [r.regionkod, r.dimensions["ålder"], r.dimensions["kön"], r.period, r.varde])).toEqual([
      ["01", "0-9 år", "totalt, samtliga män och kvinnor", "2026M01", 245284],
      ["01", "0-9 år", "totalt, samtliga män och kvinnor", "2026M02", 247245],
      ["01", "0-9 år", "totalt, samtliga män och kvinnor", "2026M03", 249358],
      ["01", "0-9 år", "totalt, samtliga män och kvinnor", "2026M04", 251635],
    ]);
    // Västerbotten, women 20-29, 2026M03, located by the index of every dimension.
    const ix = (dim: string, code: string) => (raw.dimension[dim].category.index as Record<string, number>)[code];
    const at = (((ix("Region", "24") * 11 + ix("Alder", "20-29")) * 3 + ix("Kon", "2")) * 1 + 0) * 4 + ix("Tid", "2026M03");
    const row = t.rows.find((r) => r.regionkod === "24" && r.dimensions["ålder"] === "20-29 år" && r.dimensions["kön"] === "kvinnor" && r.period === "2026M03");
    expect(row?.varde).toBe(raw.value[at]);
  });

  it("reads status as an object or an array, and null values", () => {
    const raw = copy(fixtureJson(FILES.tab638) as Dataset);
    raw.value = [null];
    raw.status = { "0": ".." };
    expect(parseJsonStat(raw).rows[0]).toMatchObject({ varde: null, status: ".." });
    raw.status = ["-"];
    expect(parseJsonStat(raw).rows[0]).toMatchObject({ varde: null, status: "-" });
  });

  it("reads the v1 json-stat 1 wrapper ({dataset: …}) too", () => {
    const raw = copy(fixtureJson(FILES.tab638) as Dataset & Json);
    const { id, size, role, dimension, ...rest } = raw as unknown as Json & { id: string[]; size: number[]; role: unknown; dimension: Json };
    const v1 = { dataset: { ...rest, dimension: { ...dimension, id, size, role } } };
    expect(parseJsonStat(v1).rows).toEqual(parseJsonStat(raw).rows);
  });

  it("refuses a metadata answer (no values) and things that are not json-stat, in Swedish", () => {
    expect(() => parseJsonStat(fixtureJson(FILES.tab638meta), "meta.json")).toThrow(/meta.json: value har 0 värden/);
    expect(() => parseJsonStat({ hello: 1 }, "x.json")).toThrow(InputError);
    expect(() => parseJsonStat({ hello: 1 }, "x.json")).toThrow(/x.json.*Inte ett json-stat2-dataset/);
  });

  it("refuses an index that does not match size", () => {
    const raw = copy(fixtureJson(FILES.tab638) as Dataset);
    raw.size[0] = 2;
    expect(() => parseJsonStat(raw)).toThrow(/Region har 1 kategorier men size säger 2/);
  });
});

describe("v1 PX-JSON (response.format = json)", () => {
  it("reads the folkmängd of all 290 kommuner 2022 (real)", () => {
    const t = parsePxJson(fixtureJson(FILES.pxjson290));
    expect(t.rows).toHaveLength(290);
    const kommun = (kod: string) => t.rows.find((r) => r.regionkod === kod)!;
    expect(kommun("2480")).toEqual({
      regionkod: "2480",
      region: "Umeå",
      dimensions: { förändringar: "100", period: "hel", kön: "1+2", tabellinnehåll: "Befolkningsstatistik, antal personer" },
      period: "2022",
      varde: 132235,
      status: null,
    });
    expect(kommun("2460").varde).toBe(8963);
    expect(sum(t.rows)).toBe(10521556);
    expect(t.meta.title).toBe("Befolkningsstatistik, antal personer efter region, förändringar, period, kön och år");
    expect(t.notes.some((n) => n.startsWith("Region 0186: Fr o m 2011-01-01"))).toBe(true);
  });

  it("reads a table without region as riket, with texts from the v1 metadata when given", () => {
    const raw = fixtureJson(FILES.pxjsonCivil);
    const codes = parsePxJson(raw);
    expect(codes.rows).toHaveLength(12);
    expect(codes.rows[0]).toMatchObject({ regionkod: "00", region: "Riket", dimensions: { civilstånd: "OG", tabellinnehåll: "Folkmängd" }, period: "2015", varde: 5157443 });
    const texts = parsePxJson(raw, "svaret", fixtureJson(FILES.befolkningNyMeta));
    expect(texts.rows.map((r) => r.dimensions["civilstånd"])).toEqual(["ogifta", "ogifta", "ogifta", "gifta", "gifta", "gifta", "skilda", "skilda", "skilda", "änkor/änklingar", "änkor/änklingar", "änkor/änklingar"]);
    expect(texts.rows.map((r) => r.varde)).toEqual(codes.rows.map((r) => r.varde));
  });

  it("gives `..` in PX-JSON an empty value and a status", () => {
    const raw = copy(fixtureJson(FILES.pxjsonCivil) as { data: { values: string[] }[] });
    raw.data[0].values = [".."];
    expect(parsePxJson(raw).rows[0]).toMatchObject({ varde: null, status: ".." });
  });
});
