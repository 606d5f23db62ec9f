/**
 * A status sheet printed to PDF by LibreOffice keeps all its text on the page: every word of every
 * field is in the PDF's text (a clipped row or a column cut at the margin would lose words).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { initiatives001 } from "../../src/samples/initiatives001";
import { buildStatusSheet } from "../../src/sheets/initiatives/statusSheet";
import { initiativeSheetName } from "../../src/domain/initiatives/sheetNames";
import type { Initiativ } from "../../src/domain/initiatives/model";
import { convertToPdf } from "../harness/libreoffice";
import { describeWith } from "../harness/externalPrograms";

const describeLo = describeWith(["soffice", "pdftotext"]);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-pdf-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const words = (s: string) => s.normalize("NFC").split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);

async function pdfTextOf(i: Initiativ, name: string): Promise<{ text: string; pages: number }> {
  const host = new XlsxWorkbookHost();
  const sheet = initiativeSheetName(i.nr, i.initiativ);
  await host.writeSheet(buildStatusSheet(sheet, i, undefined, "Samordningsförbundet Umeåregionen", "2023-06-15"), {
    sheetName: sheet, exists: false, ownedBySamkalk: false, tables: {}, tableHeaders: {}, editedSinceWritten: null,
  });
  const file = path.join(tmp, `${name}.xlsx`);
  await host.save(file);
  const pdf = await convertToPdf(file, tmp);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
  const pages = (text.match(/\f/g) ?? []).length;
  return { text, pages };
}

function expectAllWords(i: Initiativ, pdfText: string) {
  const inPdf = new Set(words(pdfText));
  const fields = [i.initiativ, i.parter, i.omrade, ...i.aktiviteter, ...i.mal, ...i.indikatorer, i.sammankallande, i.ansvar, i.ansvarigForUppfoljning, ...i.bedomning, i.statustext, ...i.styrelsensKommentar];
  const missing = fields.flatMap(words).filter((w) => !inPdf.has(w));
  expect(missing).toEqual([]);
}

describeLo("a status sheet printed by LibreOffice", () => {
  it("keeps every word of initiative 1 on the page", async () => {
    const { text } = await pdfTextOf(initiatives001[0], "init1");
    expectAllWords(initiatives001[0], text);
  });

  it("keeps a very long activity text whole by running it over several rows and pages", async () => {
    const long = Array.from({ length: 60 }, (_, k) => `Aktivitet nummer${k} beskriver samverkan mellan parterna i detalj ord${k}.`).join(" ");
    const i: Initiativ = { ...initiatives001[1], aktiviteter: [long] };
    const { text, pages } = await pdfTextOf(i, "long");
    expectAllWords(i, text);
    expect(pages).toBeGreaterThanOrEqual(1);
  });
});
