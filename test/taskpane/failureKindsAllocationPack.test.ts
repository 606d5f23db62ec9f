/**
 * The state-allocation forecast and the board pack say what failed by kind, as the other jobs do: Excel
 * refusing the write (the strict Office.js fake's request size limit) is Excel's failure, SCB out of reach
 * (a real connection to a closed port) is the network's, and a mistake in the input is no failure at all.
 */
import { OfficeWorkbookHost } from "../../src/hosts/office/officeHost";
import { umearegionenPackSources } from "../../src/demo/demoWorkbook";
import { UMEAREGIONEN_PROFILE } from "../../src/samples/umearegionenProfile";
import { BUDGET_004 } from "../../src/samples/budget004";
import { wholeCountryAllocationInput } from "../../src/samples/wholeCountryAllocation";
import { ScbClient } from "../../src/sources/scb/api/client";
import { buildBoardPack } from "../../src/usecases/pack/boardPack";
import { runAllocationJob } from "../../src/usecases/tilldelning/allocationJob";
import { failureOfEnd } from "../../src/taskpane/run/failures";
import { endOf } from "../../src/taskpane/useJobRun";
import { createFakeOffice } from "../fakes/excelFake";

const today = new Date("2027-03-15");
const umea = (anslag = "339000000") => wholeCountryAllocationInput({ forbund: "Umeåregionen", kommuner: [...UMEAREGIONEN_PROFILE.kommuner], ar: 2027, anslag });

function officeHost(payloadLimitBytes?: number) {
  const fake = createFakeOffice(payloadLimitBytes ? { payloadLimitBytes } : {});
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
  return { fake, host };
}

/** The failure the pane shows for a job's failing outcome. */
function shown(outcome: Parameters<typeof endOf>[0]) {
  const end = endOf(outcome);
  if (end === null || !("problems" in end)) throw new Error("the job did not fail");
  return failureOfEnd(end);
}

describe("Statlig tilldelning: what failed", () => {
  test("Excel refusing the sheet (a request over its size limit) is Excel's failure", async () => {
    const { host } = officeHost(1500);
    const out = await runAllocationJob(host, umea(), { today });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.failure).toBe("excel");
    expect(shown(out)).toBe("excel");
  });

  test("letters in the national amount are the input's mistake: no failure, and nothing is written", async () => {
    const { fake, host } = officeHost();
    const out = await runAllocationJob(host, umea("339 milj"), { today });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.failure).toBeUndefined();
    expect(shown(out)).toBeNull();
    expect(fake.inspect.sheetNames()).toEqual(["Blad1"]);
  });
});

describe("Styrelsepaket: what failed", () => {
  test("Excel refusing the write is Excel's failure, named by the step that writes", async () => {
    const { host } = officeHost(20_000);
    const out = await buildBoardPack(host, UMEAREGIONEN_PROFILE, umearegionenPackSources(), { today });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.step).toBe("Skriver arbetsboken");
    expect(out.failure).toBe("excel");
    expect(shown(out)).toBe("excel");
  });

  test("SCB out of reach stops the pack at its step as a network failure, and nothing is written", async () => {
    const { fake, host } = officeHost();
    const scb = new ScbClient({ baseUrl: "http://127.0.0.1:9/api/v2", retries: 0, backoffMs: 1, marginMs: 0 });
    const out = await buildBoardPack(host, UMEAREGIONEN_PROFILE, { ...umearegionenPackSources(), scb }, { today });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.failure).toBe("network");
    expect(shown(out)).toBe("network");
    expect(fake.inspect.sheetNames()).toEqual(["Blad1"]);
  });

  test("a budget with letters in an amount is the input's mistake: no failure", async () => {
    const { host } = officeHost();
    const broken = BUDGET_004.map((row) => [...row]);
    broken[19][1] = "femtio";
    const sources = { ...umearegionenPackSources(), budget: { grid: { origin: { row: 0, col: 0 }, values: broken }, kalla: "budget med fel" } };
    const out = await buildBoardPack(host, UMEAREGIONEN_PROFILE, sources, { today });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.step).toBe("Budget och prognos tre år");
    expect(out.failure).toBeUndefined();
    expect(shown(out)).toBeNull();
  });
});
