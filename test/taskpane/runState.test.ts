/**
 * The run state every job view shares: a new run starts from nothing (no outcome of the last run is left),
 * a field's problem clears when the field is changed, and the use case's places are shown by the field's
 * label, or as a place in the data, never as a key.
 */
import { placeProblems, runReducer, type RunState } from "../../src/taskpane/run/runState";

const problems: RunState<string> = {
  phase: "problems",
  problems: [
    { field: "forbund", at: "forbund", where: "Samordningsförbundets namn", message: "Ange förbundets namn." },
    { field: "belopp", at: "belopp", where: "Belopp", message: "Ange ett belopp." },
  ],
};

describe("the run state of a job view", () => {
  test.each<RunState<string>>([
    { phase: "done", outcome: "Bladet är klart" },
    problems,
    { phase: "failure", failure: "network" },
    { phase: "note", note: "Avbrutet." },
  ])("a new run clears the last outcome (%o)", (last) => {
    expect(runReducer(last, { type: "validate" })).toEqual({ phase: "validating" });
  });

  test("running shows its step; it ends in exactly one outcome", () => {
    const running = runReducer<string>({ phase: "validating" }, { type: "progress", step: "Skriver bladet", fraction: 0.6 });
    expect(running).toEqual({ phase: "running", step: "Skriver bladet", fraction: 0.6 });
    expect(runReducer(running, { type: "done", outcome: "klart" })).toEqual({ phase: "done", outcome: "klart" });
    expect(runReducer(running, { type: "failure", failure: "excel" })).toEqual({ phase: "failure", failure: "excel" });
  });

  test("a field's problem clears when the field is changed; the last one fixed leaves nothing", () => {
    const one = runReducer(problems, { type: "fixed", field: "forbund" });
    expect(one).toEqual({ phase: "problems", problems: [problems.problems[1]] });
    expect(runReducer(one, { type: "fixed", field: "region" })).toBe(one);
    expect(runReducer(one, { type: "fixed", field: "belopp" })).toEqual({ phase: "idle" });
    const done: RunState<string> = { phase: "done", outcome: "klart" };
    expect(runReducer(done, { type: "fixed", field: "belopp" })).toBe(done);
  });

  test("places: a field's label, a place in the data as written, a key of no field dropped", () => {
    const placed = placeProblems(
      [
        { plats: "forbund", meddelande: "Ange förbundets namn." },
        { plats: "cell C22", meddelande: '"ca 90" är inte ett belopp.' },
        { plats: "prognos.okand", meddelande: "Okänt." },
        { meddelande: "Inga kommuner är valda." },
      ],
      (plats) => (plats === "forbund" ? "forbund" : undefined),
      { forbund: { label: "Samordningsförbundets namn", id: "sk-profil-forbund" } },
    );
    expect(placed).toEqual([
      { field: "forbund", at: "forbund", where: "Samordningsförbundets namn", message: "Ange förbundets namn." },
      { at: "cell C22", where: "Cell C22", message: '"ca 90" är inte ett belopp.' },
      { at: "prognos.okand", message: "Okänt." },
      { message: "Inga kommuner är valda." },
    ]);
  });
});
