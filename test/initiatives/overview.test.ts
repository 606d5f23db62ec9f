import { nulageMessage } from "../../src/sheets/initiatives/inputSheet";
import { Historikrad, Initiativ } from "../../src/domain/initiatives/model";
import { buildOverview, compareWithHistory, snapshot } from "../../src/domain/initiatives/overview";
import { initiatives001 } from "./fixtures/initiatives001";

const counts = (list: { nulage: string; antal: number }[]) => Object.fromEntries(list.map((c) => [c.nulage, c.antal]));

describe("the overview of 001's twelve initiatives", () => {
  const o = buildOverview(initiatives001);

  it("has 12 initiatives numbered 1–13 without 11", () => {
    expect(o.antal).toBe(12);
    expect(initiatives001.map((i) => i.nr)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]);
  });

  it("groups them by område in 001's order: OHÄLSA 5, ARBETSLÖSHET 5, FÖREBYGGANDE … 2", () => {
    expect(o.omraden.map((g) => [g.omrade, g.initiativ.map((i) => i.nr)])).toEqual([
      ["OHÄLSA", [1, 2, 3, 4, 5]],
      ["ARBETSLÖSHET", [6, 7, 8, 9, 10]],
      ["FÖREBYGGANDE OCH FÖRUTSÄTTNINGAR FÖR SAMVERKAN", [12, 13]],
    ]);
  });

  it("counts every status of the list: all 12 pågående in 001's overview tables", () => {
    expect(counts(o.perNulage)).toEqual({ "ej påbörjad": 0, "under start": 0, pågående: 12, genomförd: 0, avslutad: 0 });
    expect(o.omraden.map((g) => counts(g.perNulage)["pågående"])).toEqual([5, 5, 2]);
  });

  it("keeps the overview's genomförbarhet: 3 lätt/lång, 2 lätt/kort, 2 medel/lång, 5 svår/lång", () => {
    const g = new Map<string, number[]>();
    for (const i of initiatives001) {
      const key = `${i.genomforbarhet?.svarighet}/${i.genomforbarhet?.tid}`;
      g.set(key, [...(g.get(key) ?? []), i.nr]);
    }
    expect(Object.fromEntries(g)).toEqual({ "lätt/lång": [1, 2, 3], "lätt/kort": [4, 10], "medel/lång": [5, 9], "svår/lång": [6, 7, 8, 12, 13] });
  });

  it("has the analysis group's impact ratings, x where not assessed", () => {
    expect(initiatives001.map((i) => i.paverkan)).toEqual([2, 3, 3, 1, 2, 5, 4, 5, 5, "x", 5, "x"]);
  });

  it("counts a mixed set per område and status, with an edited status list and a status outside it", () => {
    const set = (nr: number, nulage: string): Initiativ => ({ ...initiatives001.find((i) => i.nr === nr)!, nulage });
    const list = [set(1, "genomförd"), set(2, "pågående"), set(6, "under start"), set(12, "vilande"), set(3, "Pågående")];
    const r = buildOverview(list, ["pågående", "under start", "genomförd"]);
    expect(r.omraden.map((g) => [g.omrade, counts(g.perNulage)])).toEqual([
      ["OHÄLSA", { pågående: 2, "under start": 0, genomförd: 1 }],
      ["ARBETSLÖSHET", { pågående: 0, "under start": 1, genomförd: 0 }],
      ["FÖREBYGGANDE OCH FÖRUTSÄTTNINGAR FÖR SAMVERKAN", { pågående: 0, "under start": 0, genomförd: 0, vilande: 1 }],
    ]);
    expect(counts(r.perNulage)).toEqual({ pågående: 2, "under start": 1, genomförd: 1, vilande: 1 });
  });

  it("treats område spellings that differ only in case or diacritics as one område", () => {
    const list = initiatives001.slice(0, 2).map((i, k) => ({ ...i, omrade: k === 0 ? "OHÄLSA" : "ohalsa" }));
    expect(buildOverview(list).omraden).toHaveLength(1);
  });
});

describe("comparison with last year's history", () => {
  const lastYear: Historikrad[] = [
    ...snapshot(initiatives001, "2022-06-15").map((r) => (r.nr === 10 ? { ...r, nulage: "ej påbörjad" } : r)),
    // The latest row per nr counts: 10 was "under start" by the spring.
    { datum: "2023-03-01", nr: 10, nulage: "under start", statustext: "Översynen har påbörjats.", paverkan: "x" },
    { datum: "2022-06-15", nr: 11, nulage: "pågående", statustext: "", paverkan: 3 },
  ];
  const now: Initiativ[] = initiatives001.map((i) => {
    if (i.nr === 8) return { ...i, paverkan: 4 };
    if (i.nr === 1) return { ...i, statustext: `${i.statustext}\nNy rad.` };
    if (i.nr === 3) return { ...i, nulage: "Pågående", statustext: i.statustext.replace(/ /g, "  ").concat("\r\n") };
    return i;
  });
  now.push({ ...initiatives001[0], nr: 14, initiativ: "Kommunen som arbetsgivare", nulage: "ej påbörjad" });
  const diff = compareWithHistory(now, lastYear);
  const of = (nr: number) => diff.find((d) => d.nr === nr)!;

  it("detects a moved status (under start → pågående) against the latest row", () => {
    expect(of(10).nulage).toEqual({ fran: "under start", till: "pågående" });
    expect(of(10).jamfortMed).toBe("2023-03-01");
    expect(of(10).statustextAndrad).toBe(true);
  });

  it("detects a changed impact rating (5 → 4) and nothing else", () => {
    expect(of(8)).toMatchObject({ paverkan: { fran: 5, till: 4 }, statustextAndrad: false, oforandrat: false });
    expect(of(8).nulage).toBeUndefined();
  });

  it("detects a changed status text", () => {
    expect(of(1)).toMatchObject({ statustextAndrad: true, oforandrat: false });
    expect(of(1).nulage).toBeUndefined();
    expect(of(1).paverkan).toBeUndefined();
  });

  it("does not count case, extra spaces or line endings as changes", () => {
    expect(of(3).oforandrat).toBe(true);
  });

  it("reports new and gone initiatives, gone ones last", () => {
    expect(of(14)).toMatchObject({ nytt: true, initiativ: "Kommunen som arbetsgivare" });
    expect(diff[diff.length - 1]).toMatchObject({ nr: 11, borttaget: true, jamfortMed: "2022-06-15" });
    expect(diff.filter((d) => d.oforandrat).map((d) => d.nr)).toEqual([2, 3, 4, 5, 6, 7, 9, 12, 13]);
  });

  it("makes a snapshot row per initiative", () => {
    expect(snapshot(initiatives001, "2023-06-15")[9]).toEqual({
      datum: "2023-06-15",
      nr: 10,
      nulage: "pågående",
      statustext: initiatives001[9].statustext,
      paverkan: "x",
    });
  });
});

describe("the Initiativ sheet's nuläge list", () => {
  it("a long list of nulägen gives a validation message within Excel's 225 characters", () => {
    const long = Array.from({ length: 30 }, (_, k) => `Nuläge nummer ${k + 1}`);
    const message = nulageMessage(long);
    expect(message.length).toBeLessThanOrEqual(225);
    expect(message.endsWith("…")).toBe(true);
    expect(nulageMessage(["Pågående", "Klar"])).toBe("Välj nuläge i listan: Pågående, Klar.");
  });
});
