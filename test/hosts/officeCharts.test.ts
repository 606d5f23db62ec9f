/**
 * The Office host's charts on a rewrite (strict Excel fake): the charts Samkalk drew last time are removed
 * before the new ones are drawn, also when the sheet's new spec has no charts at all, and a sheet that never
 * had charts is rewritten without the extra round trip that finding charts costs.
 */
import { OfficeWorkbookHost } from "../../src/hosts/office/officeHost";
import { OWNERSHIP_KEY } from "../../src/hosts/office/ownership";
import type { ChartSpec, SheetSpec } from "../../src/sheets/spec";
import { createFakeOffice } from "../fakes/excelFake";
import { absent, minimalSpec, num, text } from "../fakes/sheetSpecs";

const SHEET = "Diagram";

function setup() {
  const fake = createFakeOffice();
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
  return { fake, host };
}

const chart = (name: string, type: ChartSpec["type"]): ChartSpec => ({
  name,
  type,
  title: `${name} över åren`,
  source: { row: 0, col: 0, rows: 3, cols: 2 },
  seriesBy: "columns",
  position: { row: 0, col: 3, rows: 10, cols: 6 },
});

/** År | Andel, two years (as text), with the given charts over them. */
function spec(charts: ChartSpec[] | undefined): SheetSpec {
  return minimalSpec(SHEET, {
    blocks: [{ row: 0, col: 0, cells: [[text("År"), text("Andel")], [text("2023"), num(0.1)], [text("2024"), num(0.2)]] }],
    ...(charts ? { charts } : {}),
  });
}

async function rewrite(host: OfficeWorkbookHost, s: SheetSpec) {
  return host.writeSheet(s, await host.inspectSheet(SHEET, []));
}

describe("charts when Samkalk rewrites a sheet in Excel", () => {
  test("a sheet written again with a spec that has no charts loses the charts Samkalk drew before", async () => {
    const { fake, host } = setup();
    await host.writeSheet(spec([chart("Andel", "line"), chart("Staplar", "columnStacked")]), absent(SHEET));
    expect(fake.inspect.charts(SHEET).map((c) => c.name)).toEqual(["Andel", "Staplar"]);
    const report = await rewrite(host, spec(undefined));
    expect(fake.inspect.charts(SHEET)).toEqual([]);
    // One sync to look at the workbook, one to find the old charts, one with the writes.
    expect(report.syncs).toBe(3);
    // The register no longer says there are charts: the next rewrite does not look for any.
    expect(await rewrite(host, spec([]))).toMatchObject({ syncs: 2 });
  });

  test("a sheet written again with other charts has only the new ones", async () => {
    const { fake, host } = setup();
    await host.writeSheet(spec([chart("Andel", "line"), chart("Staplar", "columnStacked")]), absent(SHEET));
    await rewrite(host, spec([chart("Ny", "line")]));
    expect(fake.inspect.charts(SHEET).map((c) => c.name)).toEqual(["Ny"]);
  });

  test("a sheet that never had charts is rewritten in two syncs, and the register records charts only where drawn", async () => {
    const { fake, host } = setup();
    await host.writeSheet(spec(undefined), absent(SHEET));
    expect(await rewrite(host, spec(undefined))).toMatchObject({ syncs: 2 });
    const register = () => (fake.inspect.savedSettings()[OWNERSHIP_KEY] as Array<{ name: string; charts?: number }>).find((e) => e.name === SHEET);
    expect(register()?.charts).toBeUndefined();
    await rewrite(host, spec([chart("Andel", "line")]));
    expect(register()?.charts).toBe(1);
  });

  test("the shared write of several sheets also removes charts a spec no longer has", async () => {
    const { fake, host } = setup();
    await host.writeSheet(spec([chart("Andel", "line")]), absent(SHEET));
    const other = minimalSpec("Annat blad");
    await host.writeSheets([
      { spec: spec(undefined), state: await host.inspectSheet(SHEET, []) },
      { spec: other, state: absent("Annat blad") },
    ]);
    expect(fake.inspect.charts(SHEET)).toEqual([]);
    expect(fake.inspect.sheetNames()).toEqual(expect.arrayContaining([SHEET, "Annat blad"]));
  });
});
