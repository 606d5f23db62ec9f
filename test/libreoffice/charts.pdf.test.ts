/**
 * The demo workbook's charts, printed to PDF by LibreOffice: LibreOffice reads the chart parts Samkalk adds
 * to the .xlsx and draws them on the Helårsekvivalenter page — the chart titles are in the page's text, to
 * the right of the chart data, and below each title the plot has coloured lines and bars (pixels of the
 * page rendered by pdftoppm).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeDemoWorkbook } from "../../src/demo/demoWorkbook";
import { convertToPdf } from "../harness/libreoffice";
import { describeWith } from "../harness/externalPrograms";

const describeLo = describeWith(["soffice", "pdftotext"]);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-chartpdf-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const DPI = 100;

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of one PDF page with their boxes in points (pdftotext -bbox). */
function pageWords(pdf: string, page: number): { width: number; words: Word[] } {
  const html = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
  const width = Number(/<page width="([\d.]+)"/.exec(html)![1]);
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5],
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
  return { width, words };
}

/** The page as RGB pixels (pdftoppm's PPM). */
function pagePixels(pdf: string, page: number): { width: number; height: number; rgb: Buffer } {
  const ppm = execFileSync("pdftoppm", ["-r", String(DPI), "-f", String(page), "-l", String(page), pdf], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString("latin1"))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/** Pixels in a rectangle (points) that are clearly coloured: chart lines and bars, not black text or grey grid. */
function colouredPixels(img: { width: number; height: number; rgb: Buffer }, x0: number, y0: number, x1: number, y1: number): number {
  const s = DPI / 72;
  let n = 0;
  for (let y = Math.max(0, Math.floor(y0 * s)); y < Math.min(img.height, Math.ceil(y1 * s)); y++) {
    for (let x = Math.max(0, Math.floor(x0 * s)); x < Math.min(img.width, Math.ceil(x1 * s)); x++) {
      const i = (y * img.width + x) * 3;
      const [r, g, b] = [img.rgb[i], img.rgb[i + 1], img.rgb[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) n++;
    }
  }
  return n;
}

describeLo("the demo's charts in LibreOffice's PDF", () => {
  it("the Helårsekvivalenter page shows both charts: their titles beside the chart data, lines and bars drawn below them", async () => {
    const file = path.join(tmp, "demo.xlsx");
    await writeDemoWorkbook(file, new Date("2026-03-02T08:00:00Z"));
    const pdf = await convertToPdf(file, tmp);
    const pages = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\f");
    const page = pages.findIndex((p) => p.includes("andel per ersättning (diagramdata)")) + 1;
    expect(page).toBeGreaterThan(0);

    const { width, words } = pageWords(pdf, page);
    // The sheet's own texts start at column A (left half); a chart title sits over the cells right of the data.
    const titles = words.filter((w) => w.text === "Helårsekvivalenter" && w.xMin > width / 2);
    expect(titles).toHaveLength(2);
    const titleLine = (t: Word) => words.filter((w) => Math.abs(w.yMin - t.yMin) < 1 && w.xMin >= t.xMin).map((w) => w.text).join(" ");
    expect(titleLine(titles[0])).toMatch(/^Helårsekvivalenter som andel av befolkningen 20–64/);
    expect(titleLine(titles[1])).toMatch(/^Helårsekvivalenter per ersättning,/);

    const img = pagePixels(pdf, page);
    const [lineTitle, stackedTitle] = titles;
    const below = (t: Word, next: number) => colouredPixels(img, t.xMin - 60, t.yMax + 20, t.xMax + 60, next);
    // Seven thin lines (815 coloured pixels where measured) and six stacked bars per year for twelve years (7 850).
    expect(below(lineTitle, stackedTitle.yMin - 10)).toBeGreaterThan(300);
    expect(below(stackedTitle, stackedTitle.yMax + 150)).toBeGreaterThan(2000);
  }, 240_000);
});
