/**
 * The .xlsx files Samkalk writes hold no overlapping data-validation ranges: Excel never writes them and may
 * offer to "repair" a file that has them. Read from the sheet XML itself (xl/worksheets/sheetN.xml), for the
 * demo workbook and the command line's workbooks.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { areaRefs, type RangeRef } from "../../src/domain/a1";
import { writeDemoWorkbook } from "../../src/demo/demoWorkbook";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-validation-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every sheet's validation ranges (by sheet XML file), from the sqref attributes. */
async function validationRanges(file: string): Promise<Map<string, RangeRef[]>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, RangeRef[]>();
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.files[name].async("string");
    const refs = [...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].flatMap((m) => m[1].split(" ").flatMap(areaRefs));
    out.set(name, refs);
  }
  return out;
}

const overlap = (a: RangeRef, b: RangeRef) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

function overlaps(refs: RangeRef[]): Array<[RangeRef, RangeRef]> {
  const found: Array<[RangeRef, RangeRef]> = [];
  for (let i = 0; i < refs.length; i++) for (let j = i + 1; j < refs.length; j++) if (overlap(refs[i], refs[j])) found.push([refs[i], refs[j]]);
  return found;
}

describe("data validation in the written .xlsx", () => {
  it("the demo workbook has validations and no two of them overlap on any sheet", async () => {
    const file = path.join(tmp, "demo.xlsx");
    await writeDemoWorkbook(file);
    const ranges = await validationRanges(file);
    const all = [...ranges.values()].flat();
    expect(all.length).toBeGreaterThan(0);
    for (const [sheet, refs] of ranges) expect({ sheet, overlaps: overlaps(refs) }).toEqual({ sheet, overlaps: [] });
  });

  it("the initiatives workbook from the command line: the Initiativ sheet's list rule covers its rows once", async () => {
    const csv = path.join(tmp, "init.csv");
    const rows = Array.from({ length: 14 }, (_, k) => `${k + 1},Område,Initiativ ${k + 1},Pågående,Beskrivning`);
    fs.writeFileSync(csv, ["Nr,Område,Initiativ,Nuläge,Beskrivning", ...rows].join("\n") + "\n");
    const out = path.join(tmp, "init.xlsx");
    const r = spawnSync(process.execPath, [path.join(root, "bin/samkalk.js"), "initiativ", csv, "--out", out, "--datum", "2023-06-15"], { encoding: "utf8" });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const ranges = await validationRanges(out);
    expect([...ranges.values()].flat().length).toBeGreaterThan(0);
    for (const [sheet, refs] of ranges) expect({ sheet, overlaps: overlaps(refs) }).toEqual({ sheet, overlaps: [] });
  });
});
