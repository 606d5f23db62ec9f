/**
 * The demo-size board pack (Umeåregionen: six kommuner, twelve initiatives, seed 004's budget, the
 * synthetic helårsekvivalenter) printed by LibreOffice as `samkalk styrelsepaket --pdf` prints it: the
 * contents page first, the summary on one page, every printed sheet's title, the raw data left out,
 * within 30 pages numbered through the pack.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderPackPdf } from "../../src/cli/pack/pdf";
import { umearegionenPackSources } from "../../src/demo/demoWorkbook";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { UMEAREGIONEN_PROFILE } from "../../src/samples/umearegionenProfile";
import { buildBoardPack } from "../../src/usecases/pack/boardPack";
import { describeWith } from "../harness/externalPrograms";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-packpdf-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describeWith(["soffice", "pdftotext"])("the demo's board pack as a PDF", () => {
  let pages: string[];
  let sheets: string[];
  let raw: string[];
  let titles: Map<string, string>;
  beforeAll(async () => {
    const host = new XlsxWorkbookHost();
    const out = await buildBoardPack(host, UMEAREGIONEN_PROFILE, umearegionenPackSources(), { today: new Date("2023-06-20T10:00:00Z") });
    if (!out.ok) throw new Error(out.problems.map((p) => p.meddelande).join("; "));
    sheets = out.sheets;
    // Each sheet's printed title: the centre of its page header.
    titles = new Map(host.workbook.worksheets.map((ws) => [ws.name, (ws.headerFooter.oddHeader ?? "").replace(/^&C&"-,Bold"/, "").replace(/&&/g, "&")]));
    raw = out.rawSheets;
    const pdf = path.join(tmp, "styrelsen.pdf");
    const started = Date.now();
    await renderPackPdf(host, raw, pdf);
    console.log(`PDF av demopaketet: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    pages = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })
      .split("\f")
      .filter((p) => p.trim() !== "");
  }, 240_000);

  it("is at most 30 pages, where the workbook printed whole is hundreds", () => {
    console.log(`PDF av demopaketet: ${pages.length} sidor`);
    expect(pages.length).toBeLessThanOrEqual(30);
  });

  it("opens with the contents, then the summary on one page with every check", () => {
    expect(pages[0]).toContain("Styrelsepaket 2021 – Samordningsförbundet Umeåregionen");
    expect(pages[1]).toContain("Sammanfattning för styrelsen 2021 – Samordningsförbundet Umeåregionen");
    expect(pages[1]).toMatch(/Alla kontroller: \d+, 1 FEL/);
    expect(pages.filter((p) => p.startsWith("Sammanfattning för styrelsen\n"))).toHaveLength(1);
  });

  it("prints the summary's native charts on that same page (their titles are drawn by LibreOffice)", () => {
    // The chart titles wrap inside their charts; the fee chart's title stands nowhere else on the page.
    const page = pages[1].replace(/\s+/g, " ");
    expect(page).toContain("Kommunernas avgifter 2021 (tkr)");
    expect(page.split("Resultat och eget kapital (tkr)").length - 1).toBe(2); // the table's heading and the chart's title
  });

  it("numbers the pages through the whole pack, as the board reads it: Sida 1 av N … Sida N av N", () => {
    const footers = pages.map((p) => [...p.matchAll(/Sida (\d+) av (\d+)/g)].map((m) => `Sida ${m[1]} av ${m[2]}`));
    const n = pages.length;
    expect(footers).toEqual(pages.map((_, i) => [`Sida ${i + 1} av ${n}`]));
  });

  it("keeps the raw data sheets in the workbook but out of the PDF", () => {
    expect(raw.sort()).toEqual(["Befolkning", "Budget", "Initiativ", "Initiativ historik", "SCB Helårsekvivalenter"].sort());
    expect(sheets).toEqual(expect.arrayContaining(raw));
    const heads = new Set(pages.map((p) => p.split("\n")[0]));
    for (const name of sheets) {
      expect({ name, printed: heads.has(titles.get(name)!) }).toEqual({ name, printed: !raw.includes(name) });
    }
  });
});
