/**
 * The Statlig tilldelning view's form, without a browser: its defaults (the national amount and the base
 * as the pane writes numbers, the year following the förbundsprofil), the whole-country input it gives
 * the use case (which writes the sheet on the xlsx host), and bad input placed at the view's fields by
 * their labels, with nothing written.
 */
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { wholeCountryAllocationInput } from "../../src/samples/wholeCountryAllocation";
import { computeAllocationOf, runAllocationJob } from "../../src/usecases/tilldelning/allocationJob";
import { STRINGS } from "../../src/taskpane/i18n";
import { emptyDraft, type ProfileDraft } from "../../src/taskpane/profile/profileDraft";
import { profileFieldRefs } from "../../src/taskpane/profile/profileFields";
import { placeProblems, type FieldRef } from "../../src/taskpane/run/runState";
import {
  TILLDELNING_LOCATIONS,
  changeOf,
  defaultTilldelningForm,
  placeOf,
  tilldelningInput,
  tilldelningProblems,
  yearOf,
} from "../../src/taskpane/tilldelning/tilldelningForm";

const s = STRINGS.sv;
const UMEA = ["2480", "2460", "2401", "2404", "2409", "2403"];
const umea: ProfileDraft = {
  ...emptyDraft(new Date("2026-03-01")),
  forbund: "Samordningsförbundet Umeåregionen",
  region: "Region Västerbotten",
  kommuner: UMEA.map((kod) => ({ kod, namn: kod, andel: "" })),
};
/** The view's fields as the view labels them. */
const fields: Record<string, FieldRef> = {
  ...profileFieldRefs(s),
  tilldelningAr: { label: s.allocAr, id: "sk-alloc-ar" },
  anslag: { label: s.allocAnslag, id: "sk-alloc-anslag" },
  grund: { label: s.allocGrund, id: "sk-alloc-grund" },
  sparr: { label: s.allocSparr, id: "sk-alloc-sparr" },
  forraAret: { label: s.allocForraAret, id: "sk-alloc-forra-aret" },
};
const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");

describe("the Statlig tilldelning form", () => {
  it("starts at 339 000 000 kr, 400 000 kr per förbund and a 10 % cap, for the profile's budget year", () => {
    const form = defaultTilldelningForm();
    expect(plain(form.anslag)).toBe("339 000 000");
    expect(plain(form.grund)).toBe("400 000");
    expect(form.sparr).toBe("10");
    expect(form.forraAret).toBe("");
    expect(yearOf(form, umea)).toBe(umea.ar);
    expect(yearOf({ ...form, ar: 2030 }, umea)).toBe(2030);
  });

  it("gives the use case the whole country with the typed figures; the sheet is written and this förbund's line is the profile's", async () => {
    const form = { ...defaultTilldelningForm(), ar: 2027, anslag: "350 000 000", grund: "450 000", sparr: "", forraAret: "5 000 000" };
    expect(tilldelningProblems(form, umea, s.allocArProblem)).toEqual([]);
    const input = tilldelningInput(form, umea);
    const same = { ...wholeCountryAllocationInput({ forbund: umea.forbund, kommuner: UMEA, ar: 2027, anslag: "350 000 000", forraAret: "5 000 000" }), grund: "450 000", sparr: "" };
    expect(input).toEqual(same);
    const host = new XlsxWorkbookHost();
    const out = await runAllocationJob(host, input, { locations: TILLDELNING_LOCATIONS });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.sheetName).toBe("Statlig tilldelning 2027");
    expect(host.workbook.getWorksheet("Statlig tilldelning 2027")).toBeDefined();
    const own = out.result.forbund[0];
    expect(own.namn).toBe(umea.forbund);
    expect(own.grund).toBe(450_000n);
    expect(own.tilldelning).toBe(computeAllocationOf(same).forbund[0].tilldelning);
    expect(out.result.forbund.reduce((a, f) => a + f.tilldelning, 0n)).toBe(350_000_000n);
    const change = changeOf(own);
    expect(change?.kr).toBe(own.tilldelning - 5_000_000n);
    expect(change?.procent).toBeCloseTo((Number(own.tilldelning - 5_000_000n) / 5_000_000) * 100, 10);
  });

  it("bad figures are placed at their fields by label and nothing is written", async () => {
    const form = { ar: 2027, anslag: "339 miljoner", grund: "-400000", sparr: "120", forraAret: "3 000 000,50" };
    const host = new XlsxWorkbookHost();
    const out = await runAllocationJob(host, tilldelningInput(form, umea), { locations: TILLDELNING_LOCATIONS });
    expect(out.ok).toBe(false);
    expect(host.workbook.worksheets).toHaveLength(0);
    const placed = placeProblems(out.ok ? [] : out.problems, placeOf, fields);
    expect(placed.map((p) => [p.field, p.where])).toEqual([
      ["anslag", "Nationellt anslag"],
      ["grund", "Grundtilldelning per förbund"],
      ["sparr", "Spärr, största minskning"],
      ["forraAret", "Förra årets tilldelning till förbundet"],
    ]);
    expect(placed[0].message).toBe('"339 miljoner" är inte ett belopp i kronor. Skriv t.ex. 339 000 000.');
  });

  it("without a name or members in the profile, or with a year that is not one, it does not run: each problem at its field", () => {
    const problems = tilldelningProblems({ ...defaultTilldelningForm(), ar: Number.NaN }, { ...emptyDraft(), region: "" }, s.allocArProblem);
    const placed = placeProblems(problems, placeOf, fields);
    expect(placed.map((p) => p.field)).toEqual(["forbund", "kommuner", "tilldelningAr"]);
    expect(placed[2]).toMatchObject({ where: "Prognosår", message: s.allocArProblem });
    expect(tilldelningProblems({ ...defaultTilldelningForm(), ar: 1999 }, umea, s.allocArProblem).map((p) => p.plats)).toEqual(["ar"]);
  });
});
