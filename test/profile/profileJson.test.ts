import { InputError } from "../../src/domain/errors";
import { parseProfileJson, profileToJson, profileFromJson } from "../../src/sources/profile/profileJson";
import { loadProfile, saveProfile } from "../../src/usecases/profile/profileSettings";

const example = {
  forbund: "Samordningsförbundet X",
  region: "Region Y",
  ar: 2025,
  kommuner: ["1863", "1885"],
  nyckel: { alder: "16-64", referensar: 2019 },
  belopp: { kommuner: 1000000, enhet: "kr" },
};

function problemsOf(json: unknown): string[] {
  try {
    profileFromJson(json, "p.json");
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.plats ?? ""}: ${p.meddelande}`);
    throw e;
  }
  return [];
}

describe("förbundsprofil as JSON", () => {
  it("reads the issue's example: kommuner, age band key and the kommuner's amount", () => {
    const p = parseProfileJson(JSON.stringify(example), "p.json");
    expect(p.kommuner).toEqual(["1863", "1885"]);
    expect(p.nyckel).toEqual({ kind: "befolkning", aldersFran: 16, aldersTill: 64, referensAr: 2019 });
    expect(p.belopp).toEqual({ avser: "kommuner", varde: "1000000", enhet: "kr" });
  });

  it("round-trips through the stored document setting", async () => {
    const values = new Map<string, unknown>();
    const store = { get: (k: string) => values.get(k), set: async (k: string, v: unknown) => void values.set(k, v) };
    expect(loadProfile(store)).toBeNull();
    const p = parseProfileJson(JSON.stringify({ ...example, nyckel: { andelar: { "1863": "55,5", "1885": 44.5 } }, budget: "b.csv" }));
    await saveProfile(store, p);
    expect(loadProfile(store)).toEqual(p);
    expect(profileToJson(p).budget).toBe("b.csv");
  });

  it("names each wrong field as written in the file", () => {
    const problems = problemsOf({ ...example, kommuner: ["9999", "1863", "1863"], nyckel: { alder: "abc", referensar: 2019 }, belopp: { total: 1, stat: 2 } });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^p\.json, fältet kommuner\.0: "9999" är ingen kommunkod/),
        expect.stringMatching(/^p\.json, fältet kommuner\.2: Kommunen 1863 står två gånger/),
        expect.stringMatching(/^p\.json, fältet nyckel\.alder: Åldersgruppen "abc"/),
        expect.stringMatching(/^p\.json, fältet belopp: Ange exakt ett av total, stat och kommuner/),
      ]),
    );
  });

  it("refuses fixed shares that miss a member, and unknown fields", () => {
    expect(problemsOf({ ...example, nyckel: { andelar: { "1863": 100 } } })).toEqual([expect.stringMatching(/Andel saknas för kommun 1885/)]);
    expect(problemsOf({ ...example, farg: "blå" })).toEqual([expect.stringMatching(/Okänt fält: farg/)]);
  });

  it("says a file that is not JSON is not JSON", () => {
    expect(() => parseProfileJson("{ forbund: ", "p.json")).toThrow(/p\.json: Filen är inte giltig JSON/);
  });
});
