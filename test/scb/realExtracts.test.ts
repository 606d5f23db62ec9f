import { InputError } from "../../src/domain/errors";
import { KOMMUNER } from "../../src/domain/kommuner";
import { regionkodForName } from "../../src/domain/scb/regions";
import { TidyRow } from "../../src/domain/scb/tidy";
import { parseExtract } from "../../src/sources/scb/extract";
import { parseJsonStat } from "../../src/sources/scb/jsonstat";
import { FILES, fixtureBytes, fixtureJson } from "./fixturePaths";

const sum = (rows: TidyRow[]) => rows.reduce((s, r) => s + (r.varde ?? 0), 0);
const age = (r: TidyRow, key: string) => parseInt(r.dimensions[key], 10);

describe("old PxWeb web export, comma delimited with heading (real, Latin-1)", () => {
  const t = parseExtract(fixtureBytes(FILES.bilar), { kalla: "regCarsFuel2014.csv" });

  it("reads every region × fuel × month, with months as periods", () => {
    expect(t.meta).toMatchObject({ title: undefined, encoding: "latin1", delimiter: ",", periodLayout: "columns" });
    expect(t.dimensions).toEqual(["drivmedel"]);
    expect(t.rows).toHaveLength(2520 * 12);
    expect(new Set(t.rows.map((r) => r.period)).size).toBe(12);
    expect(t.rows[0]).toEqual({ regionkod: "00", region: "Riket", dimensions: { drivmedel: "bensin" }, period: "2014M01", varde: 6793, status: null });
  });

  it("splits '2480 Umeå' and keeps Latin-1 letters", () => {
    const umea = t.rows.filter((r) => r.regionkod === "2480" && r.dimensions.drivmedel === "diesel");
    expect(umea.map((r) => r.varde)).toEqual([137, 172, 196, 251, 257, 261, 149, 186, 212, 204, 215, 180]);
    expect(umea[0].region).toBe("Umeå");
    expect(t.rows.some((r) => r.dimensions.drivmedel === "övriga bränslen")).toBe(true);
  });

  it("keeps old codes as they are (f.d. län, Heby's 1917)", () => {
    expect(t.rows.find((r) => r.regionkod === "1917")?.region).toBe("Heby");
    expect(t.rows.find((r) => r.regionkod === "15")?.region).toBe("f.d. Älvsborgs län");
  });
});

describe("old PxWeb export with `..` cells (real, HUTutgift6)", () => {
  const t = parseExtract(fixtureBytes(FILES.hut));

  it("gives `..` an empty value and a status, and reads decimal points", () => {
    expect(t.rows).toHaveLength(54 * 4);
    const missing = t.rows.filter((r) => r.status !== null);
    expect(missing).toHaveLength(5);
    expect(missing.every((r) => r.varde === null && r.status === "..")).toBe(true);
    expect(t.rows[0]).toMatchObject({ regionkod: "SKL1", region: "storstäder (3)", dimensions: { utgiftsslag: "kött" }, period: "2006", varde: 2.2 });
  });
});

describe("old PxWeb semicolon with title, Latin-1, CRLF (real, län 2020)", () => {
  const t = parseExtract(fixtureBytes(FILES.lan2020));

  it("reads the title, the NUTS-coded län and the whole population", () => {
    expect(t.meta).toMatchObject({ title: "Folkmängd efter region, civilstånd, ålder, kön och år", encoding: "latin1", delimiter: ";" });
    expect(t.dimensions).toEqual(["civilstånd", "ålder", "kön"]);
    expect(sum(t.rows)).toBe(10379295);
    expect(new Set(t.rows.map((r) => r.regionkod)).size).toBe(21);
  });

  it("maps each NUTS code to the län code that has the same name", () => {
    const pairs = new Map(t.rows.map((r) => [r.region, r.regionkod]));
    expect(pairs.size).toBe(21);
    for (const [region, kod] of pairs) expect(kod).toBe(regionkodForName(region));
  });

  it("gives Västerbotten (SE331 → 24) and Örebro (SE124 → 18) the official totals", () => {
    const lan = (kod: string) => t.rows.filter((r) => r.regionkod === kod);
    const working = (rows: TidyRow[]) => rows.filter((r) => age(r, "ålder") >= 20 && age(r, "ålder") <= 64);
    expect(sum(lan("24"))).toBe(273192);
    expect(sum(working(lan("24")))).toBe(153882);
    expect(sum(lan("18"))).toBe(305643);
    expect(sum(working(lan("18")))).toBe(169231);
  });
});

describe("English old PxWeb downloads (real)", () => {
  it("reads '00 Sweden' as riket and keeps '-14 years' as text", () => {
    const t = parseExtract(fixtureBytes(FILES.births));
    expect(t.meta.title).toBe("Live births, number by region, age of the Mother, sex and year");
    expect(t.rows).toHaveLength(114);
    expect(t.rows[0]).toEqual({
      regionkod: "00",
      region: "Sweden",
      dimensions: { "age of the Mother": "total, all ages", sex: "total, all men and women" },
      period: "2025",
      varde: 97491,
      status: null,
    });
    expect(t.rows.filter((r) => r.dimensions["age of the Mother"] === "-14 years").map((r) => r.varde)).toEqual([0, 0, 0]);
  });

  it("a riket-only table without a region column is refused by default, and read as riket when asked", () => {
    const bytes = fixtureBytes(FILES.population);
    expect(() => parseExtract(bytes)).toThrow(InputError);
    expect(() => parseExtract(bytes)).toThrow(/rad 3: Rubrikraden saknar en regionkolumn/);
    const t = parseExtract(bytes, { utanRegion: "riket" });
    expect(t.rows).toHaveLength(101);
    expect(t.rows[0]).toMatchObject({ regionkod: "00", region: "Riket", dimensions: { age: "0 years", sex: "women" }, varde: 47538 });
  });
});

describe("R write.csv of a pxweb result (real, UTF-8, names without codes, 'X2019')", () => {
  const t = parseExtract(fixtureBytes(FILES.vagdur));
  const kommun = (namn: string) => t.rows.filter((r) => r.region === namn);
  const between = (rows: TidyRow[], lo: number, hi: number) => rows.filter((r) => age(r, "ålder") >= lo && age(r, "ålder") <= hi);

  it("reads X2019 as 2019 and finds the code of all 290 kommuner by name", () => {
    expect(t.meta).toMatchObject({ encoding: "utf-8", delimiter: ",", periodLayout: "columns" });
    expect(new Set(t.rows.map((r) => r.period))).toEqual(new Set(["2019"]));
    expect(t.meta.varningar).toEqual([]);
    expect(new Set(t.rows.map((r) => r.regionkod))).toEqual(new Set(KOMMUNER.map((k) => k.kod)));
    expect(sum(t.rows)).toBe(10327589);
  });

  it("gives the README's spot values for Umeå and Bjurholm", () => {
    const umea = kommun("Umeå");
    expect(umea[0].regionkod).toBe("2480");
    expect(sum(umea)).toBe(128901);
    expect(sum(between(umea, 16, 64))).toBe(83670);
    expect(sum(between(umea, 20, 64))).toBe(78389);
    expect(sum(between(umea, 20, 64).filter((r) => r.dimensions["kön"] === "män"))).toBe(39989);
    expect(sum(between(kommun("Bjurholm"), 16, 64))).toBe(1299);
  });
});

describe("PxWeb 2 csv download (SYNTHETIC layout from the serializer, real TAB6471 values)", () => {
  const t = parseExtract(fixtureBytes(FILES.pxweb2Csv));
  const json = parseJsonStat(fixtureJson(FILES.tab6471));

  it("reads the title, names-only regions and the 'content period' heading", () => {
    expect(t.meta).toMatchObject({ title: "Folkmängden per månad efter region, ålder, kön och månad", encoding: "latin1", delimiter: ";" });
    expect(t.dimensions).toEqual(["ålder", "kön", "tabellinnehåll"]);
    expect(t.rows[0]).toEqual({
      regionkod: "01",
      region: "Stockholms län",
      dimensions: { ålder: "0-9 år", kön: "totalt, samtliga män och kvinnor", tabellinnehåll: "Folkmängden per månad" },
      period: "2026M01",
      varde: 245284,
      status: null,
    });
  });

  it("gives exactly the rows the same data gives as json-stat2", () => {
    expect(t.rows).toEqual(json.rows);
  });
});
