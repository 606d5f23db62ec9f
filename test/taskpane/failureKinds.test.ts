/**
 * A failure is told by the kind the job reports, not by the wording of its message: the use cases set
 * what failed (network, SCB, Excel, file) where they catch the error — SCB's client errors by their kind,
 * Office.js errors by their code — and the pane shows that failure even when the message is worded in a
 * way it has never seen. The wording is read only for an outcome that carries no kind.
 */
import { OfficeWorkbookHost } from "../../src/hosts/office/officeHost";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { umearegionenSettings } from "../../src/demo/demoWorkbook";
import { ScbApiError, errorForStatus, networkError } from "../../src/sources/scb/api/errors";
import { runFeeSplitJob } from "../../src/usecases/fee/feeSplitJob";
import { failureOf } from "../../src/usecases/failure";
import { fetchScbTable, importExtractFile, type FetchRows } from "../../src/usecases/scb/scbImport";
import { failureOfEnd, failureOfError, failureOfProblems } from "../../src/taskpane/run/failures";
import { endOf } from "../../src/taskpane/useJobRun";
import { createFakeOffice } from "../fakes/excelFake";
import { FakeOfficeError } from "../fakes/fakeErrors";

const table = { kind: "table" as const, id: "TAB5557" };
const url = "http://127.0.0.1:9/api/v2/tables/TAB5557/data";
const failingFetch =
  (error: unknown): FetchRows =>
  async () => {
    throw error;
  };

/** The failure the pane shows for a job's outcome. */
function shown(outcome: Parameters<typeof endOf>[0]) {
  const end = endOf(outcome);
  if (end === null || !("problems" in end)) throw new Error("the job did not fail");
  return failureOfEnd(end);
}

describe("an SCB fetch that fails says what failed by the client's kind", () => {
  test("SCB out of reach: a network failure, and nothing is written", async () => {
    const host = new XlsxWorkbookHost();
    const out = await fetchScbTable(host, failingFetch(networkError(table, url, new TypeError("Failed to fetch"), 4)));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.failure).toBe("network");
    expect(shown(out)).toBe("network");
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual([]);
  });

  test("SCB's server failing after every retry: an SCB failure", async () => {
    const out = await fetchScbTable(new XlsxWorkbookHost(), failingFetch(errorForStatus(500, table, undefined, "boom", url, { attempts: 4 })));
    expect(!out.ok && out.failure).toBe("scb");
    expect(shown(out)).toBe("scb");
  });

  test("reworded: SCB's server failing with a message the pane has never seen is still SCB's failure", async () => {
    const reworded = new ScbApiError("serverfel", [{ plats: "SCB", meddelande: "Statistikdatabasen har driftstörningar just nu." }], { status: 503 });
    expect(failureOfProblems(reworded.problems)).toBeNull(); // the wording alone would call it a mistake in the input
    const out = await fetchScbTable(new XlsxWorkbookHost(), failingFetch(reworded));
    expect(shown(out)).toBe("scb");
    expect(failureOfError(reworded)).toBe("scb");
  });

  test("reworded: a connection that dropped is a network failure whatever the message", async () => {
    const dropped = new ScbApiError("natverk", [{ plats: "SCB", meddelande: "Anslutningen bröts." }]);
    expect(shown(await fetchScbTable(new XlsxWorkbookHost(), failingFetch(dropped)))).toBe("network");
    expect(failureOfError(dropped)).toBe("network");
  });

  test("a fetch that throws something other than SCB's error is a network failure", async () => {
    const out = await fetchScbTable(new XlsxWorkbookHost(), failingFetch(new TypeError("Load failed")));
    expect(!out.ok && out.failure).toBe("network");
  });

  test("SCB refusing the question (an unknown table) is no failure: it is the input, said as SCB says it", async () => {
    const out = await fetchScbTable(new XlsxWorkbookHost(), failingFetch(errorForStatus(404, table, undefined, undefined, url)));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.failure).toBeUndefined();
    expect(shown(out)).toBeNull();
  });
});

describe("Excel refusing a write is Excel's failure, by the error's code", () => {
  test("a request over Excel's size limit (strict Office.js fake): the fee job reports an Excel failure", async () => {
    const fake = createFakeOffice({ payloadLimitBytes: 1500 });
    const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
    const out = await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv" });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.failure).toBe("excel");
    expect(shown(out)).toBe("excel");
  });

  test("Office.js errors are Excel's whatever their text; a file that cannot be read is the file's", () => {
    expect(failureOf(new FakeOfficeError("GeneralException", "något helt annat"))).toBe("excel");
    expect(failureOf(new FakeOfficeError("ItemNotFound"), "file")).toBe("excel");
    expect(failureOf(new RangeError("Invalid typed array length"), "file")).toBe("file");
  });

  test("an outcome with a kind and any wording shows that kind; one without a kind falls back to the wording", () => {
    const reworded = [{ meddelande: "Arbetsboken svarade inte." }];
    expect(failureOfEnd({ problems: reworded, failure: "excel" })).toBe("excel");
    expect(failureOfEnd({ problems: reworded, failure: "file" })).toBe("file");
    expect(failureOfEnd({ problems: reworded })).toBeNull();
    expect(failureOfEnd({ problems: [{ meddelande: "Bladet kunde inte skrivas: The operation is invalid." }] })).toBe("excel");
  });
});

describe("a file that is not an SCB table is a mistake in the input, not a failure", () => {
  test("text that is no SCB extract: the problems are said, no failure", async () => {
    const out = await importExtractFile(new XlsxWorkbookHost(), new TextEncoder().encode("hej;hopp\n1;2\n"), "lista.csv");
    expect(out.ok).toBe(false);
    expect(!out.ok && out.failure).toBeUndefined();
  });
});
