/**
 * Many sheets in a few round trips: a job that writes hundreds of sheets (one status sheet per initiative,
 * the board pack) inspects them together and writes several sheets per request, on the strict Excel fake.
 * In Excel on the web each sync is a network round trip.
 */
import { OfficeWorkbookHost } from "../../src/hosts/office/officeHost";
import { inspectAll, writeSheets } from "../../src/usecases/writeSheets";
import { createFakeOffice } from "../fakes/excelFake";
import { bigTextSpec, feeLikeSpec, minimalSpec } from "../fakes/sheetSpecs";

function setup() {
  const fake = createFakeOffice();
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
  return { fake, host };
}

/** n fee-like sheets, each with a table of its own. */
const specs = (n: number) =>
  Array.from({ length: n }, (_, k) => {
    const spec = feeLikeSpec(6, `Blad ${String(k + 1).padStart(3, "0")}`);
    return { ...spec, tables: spec.tables.map((t) => ({ ...t, name: `${t.name}_${k + 1}` })) };
  });

describe("many sheets through the Office host", () => {
  test("300 sheets are written in a handful of syncs, the same on a re-run, in order", async () => {
    const { fake, host } = setup();
    const first = await writeSheets(host, specs(300), new Map(), undefined);
    expect(first.kind).toBe("done");
    const firstSyncs = fake.stats.syncs;
    expect(firstSyncs).toBeLessThanOrEqual(4);
    expect(first.kind === "done" && first.syncs).toBe(firstSyncs - 1); // the inspection is the one not counted
    expect(fake.inspect.sheetNames()).toEqual(["Blad1", ...specs(300).map((s) => s.name)]);

    fake.resetStats();
    const again = await writeSheets(host, specs(300), new Map(), undefined);
    expect(again.kind).toBe("done");
    expect(fake.stats.syncs).toBeLessThanOrEqual(5);
    expect(Math.max(...fake.stats.payloadBytes)).toBeLessThan(5_000_000);
  });

  test("an edit on one of 50 sheets inspected together is still found, and nothing is written before the user answers", async () => {
    const { fake, host } = setup();
    await writeSheets(host, specs(50), new Map(), undefined);
    fake.user.editCell("Blad 037", "B5", "min siffra");
    fake.resetStats();
    const states = await inspectAll(host, specs(50).map((s) => s.name));
    expect(fake.stats.syncs).toBe(2);
    expect(states.filter((s) => s.editedSinceWritten).map((s) => s.sheetName)).toEqual(["Blad 037"]);
    expect(states.every((s) => s.ownedBySamkalk)).toBe(true);

    const asked = await writeSheets(host, specs(50), new Map(), undefined);
    expect(asked).toEqual({ kind: "ask", edited: ["Blad 037"] });
    expect(fake.inspect.cell("Blad 037", "B5").value).toBe("min siffra");

    const kept = await writeSheets(host, specs(50), new Map(), "keepCopy");
    expect(kept.kind === "done" && kept.keptCopies).toEqual(["Blad 037 (ändrad)"]);
    expect(fake.inspect.cell("Blad 037 (ändrad)", "B5").value).toBe("min siffra");
  });

  test("the sheets are put in the order asked for in the write's last request, without a round trip of its own", async () => {
    const { fake, host } = setup();
    const list = specs(20);
    const order = [list[19].name, list[0].name, "Blad1"];
    const written = await writeSheets(host, list, new Map(), undefined, order);
    expect(written.kind).toBe("done");
    const plain = setup();
    await writeSheets(plain.host, list, new Map(), undefined);
    expect(fake.stats.syncs).toBe(plain.fake.stats.syncs);
    expect(fake.inspect.sheetNames().slice(0, 4)).toEqual([list[19].name, list[0].name, "Blad1", list[1].name]);
  });

  test("after a sheet written alone in chunks, the order asked for costs its own two syncs (a look at the workbook, the move)", async () => {
    const { fake, host } = setup();
    const list = [minimalSpec("Före"), bigTextSpec(60_000, 4, "Stort blad")];
    const plain = setup();
    await writeSheets(plain.host, list, new Map(), undefined);
    await writeSheets(host, list, new Map(), undefined, ["Stort blad", "Före"]);
    expect(fake.stats.syncs).toBe(plain.fake.stats.syncs + 2);
    expect(fake.inspect.sheetNames()).toEqual(["Stort blad", "Före", "Blad1"]);
  });

  test("a sheet too large for one request is written alone in chunks, between sheets that share requests", async () => {
    const { fake, host } = setup();
    const list = [minimalSpec("Före"), bigTextSpec(60_000, 4, "Stort blad"), minimalSpec("Efter")];
    const done = await writeSheets(host, list, new Map(), undefined);
    expect(done.kind).toBe("done");
    expect(fake.inspect.sheetNames()).toEqual(["Blad1", "Före", "Stort blad", "Efter"]);
    expect(fake.inspect.cell("Stort blad", "D60000").value).toBe("Rad 60000 kolumn 4 åäö");
    expect(Math.max(...fake.stats.payloadBytes)).toBeLessThan(5_000_000);
  });

  test("two sheets of one job naming the same table are refused before anything is written", async () => {
    const { fake, host } = setup();
    const clash = [feeLikeSpec(6, "Första"), feeLikeSpec(6, "Andra")];
    await expect(writeSheets(host, clash, new Map(), undefined)).rejects.toThrow(/skulle skrivas på två blad/);
    expect(fake.inspect.sheetNames()).toEqual(["Blad1"]);
  });

  test("a sheet of the same name that is not Samkalk's stops the whole job before anything is written", async () => {
    const { fake, host } = setup();
    fake.user.addSheet("Blad 150");
    const refused = await writeSheets(host, specs(200), new Map(), undefined);
    expect(refused.kind).toBe("refused");
    expect(fake.inspect.sheetNames()).toEqual(["Blad1", "Blad 150"]);
  });
});
