/**
 * No message of the task pane names an internal key. Every string of STRINGS (Swedish and English, each
 * function called with sample arguments) is scanned; and the problems the use cases report for bad input
 * (fee split, budget, initiatives, SCB queries, the förbundsprofil) are placed at each view's fields as the
 * pane shows them ("label – message") and scanned, every place that is a key having found its field.
 * Failures (network, SCB, Excel) are told from the errors the code really throws, never shown raw.
 */
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { cancelledError, errorForStatus, invalidJsonError, networkError, timeoutError } from "../../src/sources/scb/api/errors";
import { runBudgetFollowUpJob, runBudgetProjectionJob } from "../../src/usecases/budget/budgetJob";
import { runFeeSplitJob, type FeeSplitSettings } from "../../src/usecases/fee/feeSplitJob";
import { runInitiativesJob } from "../../src/usecases/initiatives/initiativesJob";
import { helarsekvivalenterQueryProblems } from "../../src/usecases/scb/helarsekvivalenterAdapter";
import { problemsOf } from "../../src/usecases/scb/kallor";
import { populationQueryProblems } from "../../src/usecases/scb/populationAdapter";
import type { InputProblem } from "../../src/domain/errors";
import { STRINGS, type Strings } from "../../src/taskpane/i18n";
import { placeOf as budgetPlace } from "../../src/taskpane/budget/budgetPlaces";
import { placeOf as feePlace } from "../../src/taskpane/fee/feePlaces";
import { placeOf as initiativesPlace } from "../../src/taskpane/initiatives/initiativesPlaces";
import { draftProblems, emptyDraft, profileFieldOf } from "../../src/taskpane/profile/profileDraft";
import { profileFieldRefs } from "../../src/taskpane/profile/profileFields";
import { failureOfError, failureOfProblems } from "../../src/taskpane/run/failures";
import { looksLikeKey, placeProblems, type FieldRef, type PlaceMap } from "../../src/taskpane/run/runState";
import { placeOf as scbPlace } from "../../src/taskpane/scb/scbPlaces";
import { TILLDELNING_LOCATIONS, placeOf as tilldelningPlace, tilldelningInput, tilldelningProblems } from "../../src/taskpane/tilldelning/tilldelningForm";
import { runAllocationJob } from "../../src/usecases/tilldelning/allocationJob";
import { internalKeysIn } from "./internalKeys";

const SAMPLES: readonly unknown[][] = [
  ["Umeå", "Region Västerbotten", 3, 4],
  [2021, 2022, 3, 4],
  ["better", "jan–jun 2021", 2, 3],
];

/** Every text a string of the pane can be: the string, or the function called with sample arguments. */
function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "function") return [];
  const out: string[] = [];
  for (const args of SAMPLES) {
    try {
      const r = (value as (...a: unknown[]) => unknown)(...args.slice(0, value.length));
      if (typeof r === "string") out.push(r);
    } catch {
      // This sample does not fit the function's parameters; another one does.
    }
  }
  return out;
}

/** A field for every key a view's place map names, labelled as the pane labels it (the labels are themselves scanned above). */
function fieldsFor(places: PlaceMap, problems: readonly InputProblem[], s: Strings): Record<string, FieldRef> {
  const fields: Record<string, FieldRef> = { ...profileFieldRefs(s) };
  for (const p of problems) {
    const f = p.plats ? places(p.plats) : undefined;
    if (f && !fields[f]) fields[f] = { label: `fält ${Object.keys(fields).length + 1}`, id: f };
  }
  return fields;
}

/** The problems as the pane shows them, scanned; every place that reads like a key must have found a field. */
function expectShownWithoutKeys(problems: readonly InputProblem[], places: PlaceMap) {
  expect(problems.length).toBeGreaterThan(0);
  const placed = placeProblems(problems, places, fieldsFor(places, problems, STRINGS.sv));
  const unplacedKeys = placed.filter((p) => p.at !== undefined && looksLikeKey(p.at) && p.field === undefined).map((p) => p.at);
  expect(unplacedKeys).toEqual([]);
  const shown = placed.map((p) => (p.where ? `${p.where} – ${p.message}` : p.message));
  expect(shown.flatMap(internalKeysIn)).toEqual([]);
}

describe("no message of the task pane names an internal key", () => {
  test.each(["sv", "en"] as const)("every string of the pane (%s)", (lang) => {
    const texts = Object.values(STRINGS[lang]).flatMap(textsOf);
    expect(texts.length).toBeGreaterThan(Object.keys(STRINGS[lang]).length);
    expect(texts.flatMap(internalKeysIn)).toEqual([]);
  });

  test("Medlemsavgifter: an empty name and region, a year, an amount and populations that are not numbers", async () => {
    const settings: FeeSplitSettings = {
      forbund: "",
      region: " ",
      ar: 2021.5,
      belopp: "elva tusen",
      avser: "total",
      enhet: "tkr",
      nyckel: { kind: "befolkning", aldersFran: 64, aldersTill: 20, referensAr: 1900 } as FeeSplitSettings["nyckel"],
      kommuner: [{ kod: "2480", namn: "Umeå", varde: "fyra" }],
    };
    const first = await runFeeSplitJob(new XlsxWorkbookHost(), settings, { lang: "sv" });
    const second = await runFeeSplitJob(new XlsxWorkbookHost(), { ...settings, forbund: "F", region: "R", ar: 2021, nyckel: { kind: "befolkning", aldersFran: 64, aldersTill: 20, referensAr: 2019 } }, { lang: "sv" });
    const problems = [first, second].flatMap((o) => (o.ok ? [] : o.problems));
    expect(problems.map((p) => p.plats)).toEqual(expect.arrayContaining(["forbund", "region", "ar", "belopp", "åldersgrupp"]));
    expectShownWithoutKeys(problems, feePlace);
  });

  test("Budget: no name, a yearly change and an equity that are not numbers, no period", async () => {
    const projection = await runBudgetProjectionJob(new XlsxWorkbookHost(), { forbund: "", enhet: "tkr", prognos: { basAr: 2021, standardForandring: "2 procent", ekBorjan: "mycket" } });
    const named = await runBudgetProjectionJob(new XlsxWorkbookHost(), { forbund: "F", enhet: "tkr", prognos: { basAr: 2021, standardForandring: "2 procent", ekBorjan: "mycket" } });
    const followUp = await runBudgetFollowUpJob(new XlsxWorkbookHost(), { forbund: "F", enhet: "tkr", uppfoljning: { period: "", enhet: "kr", resultat: { budget: "x", utfall: "y" } } });
    const problems = [projection, named, followUp].flatMap((o) => (o.ok ? [] : o.problems));
    expect(problems.some((p) => p.plats === "forbund")).toBe(true);
    expect(problems.some((p) => /standard/i.test(p.plats ?? ""))).toBe(true);
    expectShownWithoutKeys(problems, budgetPlace);
  });

  test("Samverkansinitiativ: no name, no date, a status list with a blank entry", async () => {
    const outcome = await runInitiativesJob(new XlsxWorkbookHost(), { forbund: "", datum: "", nulagen: ["pågående", ""] });
    expect(outcome.ok).toBe(false);
    expectShownWithoutKeys(outcome.ok ? [] : outcome.problems, initiativesPlace);
  });

  test("SCB-data: no kommun, no year, a band upside down, months that are not months", () => {
    const problems = [
      ...populationQueryProblems({ kommuner: [], lan: false, riket: false, bands: [{ fran: 64, till: 20 }], years: [], perKon: false }),
      ...helarsekvivalenterQueryProblems({ kommuner: [], riket: false, fran: "januari", till: "2024-12" }),
    ];
    expectShownWithoutKeys(problems, scbPlace);
  });

  test("Statlig tilldelning: an amount with letters, a negative base, a cap over 100 %, last year in öre, no year and an empty profile", async () => {
    const draft = { ...emptyDraft(), forbund: "F", kommuner: [{ kod: "2480", namn: "Umeå", andel: "" }] };
    const form = { ar: 2027, anslag: "339 miljoner", grund: "-1", sparr: "120", forraAret: "1,50" };
    const outcome = await runAllocationJob(new XlsxWorkbookHost(), tilldelningInput(form, draft), { locations: TILLDELNING_LOCATIONS });
    const problems = [...(outcome.ok ? [] : outcome.problems), ...tilldelningProblems({ ...form, ar: Number.NaN }, emptyDraft(), STRINGS.sv.allocArProblem)];
    expect(problems.map((p) => tilldelningPlace(p.plats ?? ""))).toEqual(["anslag", "grund", "sparr", "forraAret", "forbund", "kommuner", "tilldelningAr"]);
    expectShownWithoutKeys(problems, tilldelningPlace);
  });

  test("Förbundsprofil: everything empty", () => {
    const problems = draftProblems(emptyDraft());
    expect(problems.map((p) => profileFieldOf(p.plats ?? ""))).toEqual(expect.arrayContaining(["forbund", "region", "kommuner"]));
    expectShownWithoutKeys(problems, profileFieldOf);
    expectShownWithoutKeys(draftProblems({ ...emptyDraft(), forbund: "F", region: "R", kommuner: [{ kod: "2480", namn: "Umeå", andel: "" }], belopp: "x" }), profileFieldOf);
  });
});

describe("failures are told by what failed, never by the raw error", () => {
  const table = { kind: "table" as const, id: "TAB638" };
  const url = "http://127.0.0.1:9/api/v2/tables/TAB638/data";

  test("SCB out of reach or too slow: network", () => {
    expect(failureOfProblems(networkError(table, url, new TypeError("Failed to fetch"), 4).problems)).toBe("network");
    expect(failureOfProblems(timeoutError(table, url, 30_000, 4).problems)).toBe("network");
    expect(failureOfError(new TypeError("Failed to fetch"))).toBe("network");
  });

  test("SCB failing (5xx after retries, 429 after waiting, a cut-off answer): SCB", () => {
    expect(failureOfProblems(errorForStatus(500, table, undefined, "boom", url, { attempts: 4 }).problems)).toBe("scb");
    expect(failureOfProblems(errorForStatus(429, table, undefined, undefined, url, { attempts: 4 }).problems)).toBe("scb");
    expect(failureOfProblems(invalidJsonError(table, url, 1200, new SyntaxError("Unexpected end of JSON input")).problems)).toBe("scb");
  });

  test("the workbook failing: Excel; a file failing: file; anything else: unexpected", () => {
    expect(failureOfProblems(problemsOf(new Error("RichApi.Error: The request failed")))).toBe("excel");
    expect(failureOfProblems(problemsOf(new Error("bad bytes"), "Filen kunde inte läsas"))).toBe("file");
    expect(failureOfError(Object.assign(new Error("GeneralException"), { name: "RichApi.Error", code: "GeneralException" }))).toBe("excel");
    expect(failureOfError(new RangeError("x"))).toBe("unexpected");
  });

  test("SCB's refusal of the question and a cancel are not failures: they are said as SCB says them", () => {
    expect(failureOfProblems(errorForStatus(404, table, undefined, undefined, url).problems)).toBeNull();
    expect(failureOfProblems(cancelledError().problems)).toBeNull();
    expect(failureOfProblems([{ plats: "belopp", meddelande: "Ange ett belopp." }])).toBeNull();
  });
});
