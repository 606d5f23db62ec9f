/**
 * The task pane's "read the selection" jobs refuse a selection too large to read before any of its values is
 * read, on the strict Office.js fake: whole columns, or a pasted block past 500 000 cells, give a Swedish message
 * naming the sheet and area and saying what to select instead; one sync is made (the size), not the read.
 */
import { createFakeOffice, type FakeOfficeOptions } from "../fakes/excelFake";
import { OfficeWorkbookHost } from "../../src/hosts/office/officeHost";
import { MAX_SELECTION_CELLS } from "../../src/hosts/office/selection";
import { importExtractFromSelection } from "../../src/usecases/scb/scbImport";
import { InputError } from "../../src/domain/errors";

function setup(options: FakeOfficeOptions = {}) {
  const fake = createFakeOffice(options);
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
  return { fake, host };
}

describe("a selection too large to read", () => {
  test("whole columns A:C are refused after one sync, naming the area and what to select instead", async () => {
    const { fake, host } = setup();
    fake.user.editCell("Blad1", "A1", "region");
    fake.user.select("Blad1", "A:C");
    fake.resetStats();
    const e = await host.readSelection().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    const [p] = (e as InputError).problems;
    expect(p.plats).toBe('bladet "Blad1", området A:C');
    expect(p.meddelande).toContain("1\u00a0048\u00a0576 rader × 3 kolumner (3\u00a0145\u00a0728 celler – hela kolumner är markerade)");
    expect(p.meddelande).toContain("Markera bara tabellen, från rubrikraden till sista raden med data");
    expect(fake.stats.syncs).toBe(1);
  });

  test("the SCB job answers with that message and writes nothing", async () => {
    const { fake, host } = setup();
    fake.user.select("Blad1", "A1:F100000");
    fake.resetStats();
    const out = await importExtractFromSelection(host);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems[0].meddelande).toMatch(/^Markeringen är 100\u00a0000 rader × 6 kolumner \(600\u00a0000 celler\); Samkalk läser högst 500\u00a0000/);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.inspect.sheetNames()).toEqual(["Blad1"]);
  });

  test(`a selection of exactly ${MAX_SELECTION_CELLS} cells is read`, async () => {
    const { fake, host } = setup();
    fake.user.select("Blad1", "A1:E100000");
    const sel = await host.readSelection();
    expect(sel.values).toHaveLength(100_000);
    expect(sel.values[0]).toHaveLength(5);
  });
});
