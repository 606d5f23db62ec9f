/**
 * Cells a sheet marks as typed (SheetSpec.typedCells, the projection's assumptions): a value the user types
 * there is not an edit of the sheet, on both hosts; typing over a formula there, or anywhere else, is.
 */
import { OfficeWorkbookHost } from "../../src/hosts/office/officeHost";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import type { WorkbookHost } from "../../src/hosts/host";
import type { SheetSpec } from "../../src/sheets/spec";
import { createFakeOffice } from "../fakes/excelFake";
import { formula } from "../../src/sheets/cells";
import { absent, minimalSpec, num, text } from "../fakes/sheetSpecs";

const SHEET = "Budget 2026–2028";

/** A title, then B3 a typed input, C3 a link (formula) and D3 a computed amount, with B3:C3 marked as typed. */
const spec: SheetSpec = minimalSpec(SHEET, {
  kind: "budget-projektion",
  blocks: [{ row: 0, col: 0, cells: [[text(SHEET, "title")], [], [text("Lokalhyra"), num(2, "input"), formula("B3*2", 4, "helper"), formula("100*(1+B3/100)", 102)]] }],
  typedCells: [{ row: 2, col: 1, rows: 1, cols: 2 }],
});

type Edit = (address: string, value: number) => void;

async function written(host: WorkbookHost, edit: Edit) {
  await host.writeSheet(spec, absent(SHEET));
  const edited = async (address: string, value: number) => {
    await host.writeSheet(spec, await host.inspectSheet(SHEET, []));
    edit(address, value);
    return (await host.inspectSheet(SHEET, [])).editedSinceWritten;
  };
  return edited;
}

function onXlsx() {
  const host = new XlsxWorkbookHost();
  return { host, edit: (address: string, value: number) => void (host.workbook.getWorksheet(SHEET)!.getCell(address).value = value) };
}

function onOffice() {
  const fake = createFakeOffice();
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
  return { host, edit: (address: string, value: number) => fake.user.editCell(SHEET, address, value) };
}

describe.each([
  ["the xlsx host", onXlsx],
  ["the Office host (strict fake)", onOffice],
])("typed cells on %s", (_name, make) => {
  it("a value typed in a typed cell is not an edit", async () => {
    const { host, edit } = make();
    const edited = await written(host, edit);
    expect(await edited("B3", 3.5)).toBe(false);
  });

  it("a link in a typed cell typed over is an edit, and so is a computed amount", async () => {
    const { host, edit } = make();
    const edited = await written(host, edit);
    expect(await edited("C3", 7)).toBe(true);
    expect(await edited("D3", 99)).toBe(true);
  });
});

it("a sheet without typed cells counts every typed value as an edit, as before", async () => {
  const { host, edit } = onXlsx();
  const plain = { ...spec, typedCells: undefined };
  await host.writeSheet(plain, absent(SHEET));
  edit("B3", 3.5);
  expect((await host.inspectSheet(SHEET, [])).editedSinceWritten).toBe(true);
});
