/**
 * The sheet names of an existing .xlsx file, as the command line reads them before replacing it: from the
 * workbook part alone, the same names and order as the workbook shows, whatever characters they hold.
 */
import JSZip from "jszip";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { workbookSheetNames } from "../../src/hosts/xlsx/workbookSheetNames";

describe("sheet names of an existing workbook file", () => {
  it("are the workbook's names in order, with &, quotes, < > and Swedish letters as typed", async () => {
    const host = new XlsxWorkbookHost();
    const names = ["Innehåll", "R&D <2024>", `"Citat" och Anna's`, "Budget 2022–2024"];
    for (const n of names) host.workbook.addWorksheet(n);
    expect(await workbookSheetNames(await host.toBuffer())).toEqual(names);
  });

  it("refuses a zip archive that is not a workbook, and bytes that are not a zip", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    await expect(workbookSheetNames(await zip.generateAsync({ type: "nodebuffer" }))).rejects.toThrow();
    await expect(workbookSheetNames(Buffer.from("PK\u0003\u0004 inte en arkivfil"))).rejects.toThrow();
  });
});
