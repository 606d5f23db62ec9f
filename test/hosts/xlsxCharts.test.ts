/**
 * Native charts in the .xlsx files Samkalk writes (exceljs writes none; src/hosts/xlsx/chartParts.ts adds
 * them): read from the file's own parts — the sheet's drawing, its chart parts, relationships and content
 * types — the way Excel opens them. The element order inside each part is checked against ECMA-376's schema
 * sequences: Excel refuses ("repairs") a chart whose children are out of order.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { writeDemoWorkbook } from "../../src/demo/demoWorkbook";
import { InputError } from "../../src/domain/errors";
import type { WorkbookHost } from "../../src/hosts/host";
import { syntheticHelarsekvivalenter } from "../../src/samples/syntheticHelarsekvivalenter";
import { writeEmbeddedBefolkning } from "../../src/usecases/scb/befolkning";
import { writeHelarsekvivalenter } from "../../src/usecases/scb/helarsekvivalenter";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { HE_SHEET } from "../../src/sheets/scb/heSheet";
import { officeSetup } from "../scb/sheets/scbTestSupport";
import { El, XlsxFile, all, named, parseXml, resolvePart } from "../harness/xlsxParts";

/** The demo's SCB sheets: Befolkning from the embedded 2019 figures, Helårsekvivalenter from SYNTHETIC data. */
async function writeScbDemoSheets(host: WorkbookHost, kommuner: string[], forbund: string, today: Date): Promise<void> {
  const befolkning = await writeEmbeddedBefolkning(host, kommuner, { today });
  if (!befolkning.ok) throw new InputError(befolkning.problems);
  const table = syntheticHelarsekvivalenter({ kommuner, fromYear: 2014, toYear: 2025, lastMonth: 6 });
  const kalla = { typ: "Syntetiska exempeldata", tabell: table.meta.tableId, titel: table.meta.title, hamtad: today };
  const he = await writeHelarsekvivalenter(host, table, kalla, { forbund, kommuner, today, syntetisk: true });
  if (!he.ok) throw new InputError(he.problems);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-charts-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const KOMMUNER = ["2480", "2460", "2401", "2404", "2409", "2403"];
const FORBUND = "Samordningsförbundet Umeåregionen";
const today = new Date("2026-03-02T08:00:00Z");

let demo: XlsxFile;
beforeAll(async () => {
  const file = path.join(tmp, "demo.xlsx");
  await writeDemoWorkbook(file, today);
  demo = await XlsxFile.open(fs.readFileSync(file));
}, 60_000);

/**
 * Child sequences of the elements Samkalk writes, from ECMA-376 Part 1 (dml-chart.xsd, §21.2.2;
 * sml-sheet.xsd CT_Worksheet, §18.3.1.99). A name list in one slot is a choice (any of them, there).
 */
const SEQUENCES: Record<string, Array<string | string[]>> = {
  "c:chartSpace": ["c:date1904", "c:lang", "c:roundedCorners", "mc:AlternateContent", "c:style", "c:clrMapOvr", "c:pivotSource", "c:protection", "c:chart", "c:spPr", "c:txPr", "c:externalData", "c:printSettings", "c:userShapes", "c:extLst"],
  "c:chart": ["c:title", "c:autoTitleDeleted", "c:pivotFmts", "c:view3D", "c:floor", "c:sideWall", "c:backWall", "c:plotArea", "c:legend", "c:plotVisOnly", "c:dispBlanksAs", "c:showDLblsOverMax", "c:extLst"],
  "c:title": ["c:tx", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  "c:plotArea": ["c:layout", ["c:areaChart", "c:area3DChart", "c:lineChart", "c:line3DChart", "c:stockChart", "c:radarChart", "c:scatterChart", "c:pieChart", "c:pie3DChart", "c:doughnutChart", "c:barChart", "c:bar3DChart", "c:ofPieChart", "c:surfaceChart", "c:surface3DChart", "c:bubbleChart"], ["c:valAx", "c:catAx", "c:dateAx", "c:serAx"], "c:dTable", "c:spPr", "c:extLst"],
  "c:lineChart": ["c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:dropLines", "c:hiLowLines", "c:upDownBars", "c:marker", "c:smooth", "c:axId", "c:extLst"],
  "c:barChart": ["c:barDir", "c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:gapWidth", "c:overlap", "c:serLines", "c:axId", "c:extLst"],
  "c:lineChart/c:ser": ["c:idx", "c:order", "c:tx", "c:spPr", "c:marker", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val", "c:smooth", "c:extLst"],
  "c:barChart/c:ser": ["c:idx", "c:order", "c:tx", "c:spPr", "c:invertIfNegative", "c:pictureOptions", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val", "c:shape", "c:extLst"],
  "c:catAx": ["c:axId", "c:scaling", "c:delete", "c:axPos", "c:majorGridlines", "c:minorGridlines", "c:title", "c:numFmt", "c:majorTickMark", "c:minorTickMark", "c:tickLblPos", "c:spPr", "c:txPr", "c:crossAx", ["c:crosses", "c:crossesAt"], "c:auto", "c:lblAlgn", "c:lblOffset", "c:tickLblSkip", "c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst"],
  "c:valAx": ["c:axId", "c:scaling", "c:delete", "c:axPos", "c:majorGridlines", "c:minorGridlines", "c:title", "c:numFmt", "c:majorTickMark", "c:minorTickMark", "c:tickLblPos", "c:spPr", "c:txPr", "c:crossAx", ["c:crosses", "c:crossesAt"], "c:crossBetween", "c:majorUnit", "c:minorUnit", "c:dispUnits", "c:extLst"],
  "c:scaling": ["c:logBase", "c:orientation", "c:max", "c:min", "c:extLst"],
  "c:legend": ["c:legendPos", "c:legendEntry", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  "c:strRef": ["c:f", "c:strCache", "c:extLst"],
  "c:numRef": ["c:f", "c:numCache", "c:extLst"],
  "c:strCache": ["c:ptCount", "c:pt", "c:extLst"],
  "c:numCache": ["c:formatCode", "c:ptCount", "c:pt", "c:extLst"],
  "xdr:twoCellAnchor": ["xdr:from", "xdr:to", ["xdr:sp", "xdr:grpSp", "xdr:graphicFrame", "xdr:cxnSp", "xdr:pic", "xdr:contentPart"], "xdr:clientData"],
  worksheet: ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
};
/** Children the schema requires (minOccurs 1). */
const REQUIRED: Record<string, string[]> = {
  "c:chartSpace": ["c:chart"],
  "c:chart": ["c:plotArea"],
  "c:lineChart": ["c:grouping", "c:axId"],
  "c:barChart": ["c:barDir", "c:axId"],
  "c:lineChart/c:ser": ["c:idx", "c:order"],
  "c:barChart/c:ser": ["c:idx", "c:order"],
  "c:catAx": ["c:axId", "c:scaling", "c:axPos", "c:crossAx"],
  "c:valAx": ["c:axId", "c:scaling", "c:axPos", "c:crossAx"],
  "xdr:twoCellAnchor": ["xdr:from", "xdr:to", "xdr:clientData"],
};

/** Every element of `root` whose children break its schema sequence or lack a required child. */
function orderProblems(root: El): string[] {
  const problems: string[] = [];
  const walk = (e: El, parent: string) => {
    // Series differ by chart type; the c:chart in a drawing's graphicData is only a reference to the chart part.
    const key = e.name === "c:ser" || parent === "a:graphicData" ? `${parent}/${e.name}` : e.name;
    const seq = SEQUENCES[key];
    if (seq) {
      const rank = (n: string) => seq.findIndex((s) => (Array.isArray(s) ? s.includes(n) : s === n));
      let last = -1;
      for (const c of e.children) {
        const r = rank(c.name);
        if (r < 0) problems.push(`${key}: unknown child ${c.name}`);
        else if (r < last) problems.push(`${key}: ${c.name} after ${seq[last]}`);
        else last = r;
      }
      for (const req of REQUIRED[key] ?? []) if (!e.children.some((c) => c.name === req)) problems.push(`${key}: missing ${req}`);
    }
    e.children.forEach((c) => walk(c, e.name));
  };
  walk(root, "");
  return problems;
}

describe("charts in the .xlsx", () => {
  it("the demo's Helårsekvivalenter sheet holds a line chart per kommun and riket and a stacked column chart by benefit type", async () => {
    const charts = await demo.chartViews(HE_SHEET);
    expect(charts.map((c) => [c.name, c.type])).toEqual([
      ["Samkalk andel per region", "Line"],
      ["Samkalk andel per ersattning", "ColumnStacked"],
    ]);
    const [line, stacked] = charts;
    expect(line.series.map((s) => s.name)).toEqual(["Umeå", "Vännäs", "Nordmaling", "Vindeln", "Robertsfors", "Bjurholm", "Riket"]);
    expect(line.title).toBe("Helårsekvivalenter som andel av befolkningen 20–64 år");
    expect([line.categoryAxisTitle, line.valueAxisTitle]).toEqual(["År", "Andel av befolkningen 20–64 år"]);
    expect(stacked.title).toBe(`Helårsekvivalenter per ersättning, ${FORBUND}`);
    expect(stacked.series.length).toBeGreaterThan(1);
    // Every series reads this sheet's cells (a live chart, not a picture of numbers).
    for (const s of [...line.series, ...stacked.series]) expect(new Set(s.sheets)).toEqual(new Set([`'${HE_SHEET}'`]));
    // Besides these, only the board's summary page has charts (its own two).
    const summaryCharts = await demo.sheetCharts("Sammanfattning för styrelsen");
    expect(summaryCharts).toHaveLength(2);
    expect((await demo.xml("[Content_Types].xml")).children.filter((o) => /chart\+xml$/.test(o.attrs.ContentType ?? "")).length).toBe(4);
  });

  it("holds the same charts as the Office host draws from the same sheet: names, types, titles, series and positions", async () => {
    const { fake, host } = officeSetup();
    await writeScbDemoSheets(host, KOMMUNER, FORBUND, today);
    const xlsx = new XlsxWorkbookHost();
    await writeScbDemoSheets(xlsx, KOMMUNER, FORBUND, today);
    const file = await XlsxFile.open(await xlsx.toBuffer());
    const inFile = (await file.chartViews(HE_SHEET)).map((c) => ({ ...c, series: c.series.map(({ name, values, categories }) => ({ name, values, categories })) }));
    const inExcel = fake.inspect.charts(HE_SHEET).map(({ source: _source, seriesBy: _by, ...c }) => c);
    expect(inFile).toEqual(inExcel);
  });

  it("every chart, drawing and sheet part keeps ECMA-376's element order, so Excel opens it without repair", async () => {
    const sheetPart = await demo.sheetPart(HE_SHEET);
    const parts = [sheetPart, ...(await demo.sheetCharts(HE_SHEET)).map((c) => c.part)];
    const drawings = demo.parts().filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(drawings).toHaveLength(2); // the Helårsekvivalenter sheet's and the summary page's
    for (const part of [...parts, ...drawings]) expect({ part, problems: orderProblems(await demo.xml(part)) }).toEqual({ part, problems: [] });
    // The check does catch a part out of order: the legend before the plot area.
    const chart = await demo.zip.file(parts[1])!.async("string");
    const legend = /<c:legend>.*?<\/c:legend>/.exec(chart)![0];
    const swapped = chart.replace(legend, "").replace("<c:plotArea>", `${legend}<c:plotArea>`);
    expect(orderProblems(await parseXml(swapped))).toEqual(["c:chart: c:plotArea after c:legend"]);
  });

  it("every relationship points at a part in the file, and every part has a content type", async () => {
    const types = await demo.xml("[Content_Types].xml");
    const overrides = new Set(named(types, "Override").map((o) => o.attrs.PartName.slice(1)));
    const defaults = new Set(named(types, "Default").map((d) => d.attrs.Extension));
    const parts = demo.parts();
    for (const p of parts) expect({ p, typed: overrides.has(p) || defaults.has(p.replace(/^.*\./, "")) }).toEqual({ p, typed: true });
    for (const o of overrides) expect(parts).toContain(o);
    for (const rels of parts.filter((p) => p.endsWith(".rels"))) {
      // The part a relationships file belongs to: xl/_rels/workbook.xml.rels → xl/workbook.xml; _rels/.rels → the package.
      const owner = rels.replace(/_rels\/([^/]*)\.rels$/, "$1");
      for (const r of named(await demo.xml(rels), "Relationship")) {
        if (r.attrs.TargetMode === "External") continue;
        expect({ rels, target: resolvePart(owner, r.attrs.Target), exists: parts.includes(resolvePart(owner, r.attrs.Target)) }).toMatchObject({ exists: true });
      }
    }
  });

  it("a sheet that already has a picture in its drawing gets the charts in that same drawing", async () => {
    const host = new XlsxWorkbookHost();
    await writeScbDemoSheets(host, KOMMUNER, FORBUND, today);
    const ws = host.workbook.getWorksheet(HE_SHEET)!;
    // A 1×1 PNG, placed at A1 the way a user's logo would be.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    ws.addImage(host.workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }), { tl: { col: 0, row: 0 }, ext: { width: 20, height: 20 } });
    const file = await XlsxFile.open(await host.toBuffer());
    const sheet = await file.xml(await file.sheetPart(HE_SHEET));
    expect(named(sheet, "drawing")).toHaveLength(1);
    const drawing = file.parts().filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(drawing).toHaveLength(1);
    const anchors = (await file.xml(drawing[0])).children;
    expect(anchors.filter((a) => named(a, "xdr:pic").length === 1)).toHaveLength(1);
    expect((await file.chartViews(HE_SHEET)).map((c) => c.type)).toEqual(["Line", "ColumnStacked"]);
    const ids = all(await file.xml(drawing[0]), (e) => e.name === "xdr:cNvPr").map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a workbook with charts can be written again over itself (the re-run reads the file with its charts first)", async () => {
    const file = path.join(tmp, "demo.xlsx");
    await writeDemoWorkbook(file, today);
    expect((await (await XlsxFile.open(fs.readFileSync(file))).chartViews(HE_SHEET)).map((c) => c.type)).toEqual(["Line", "ColumnStacked"]);
  }, 60_000);

  it("a sheet kept as the user's copy keeps its charts, now reading the copy's cells, beside the new sheet's own", async () => {
    const host = new XlsxWorkbookHost();
    await writeScbDemoSheets(host, KOMMUNER, FORBUND, today);
    const copy = `${HE_SHEET} (ändrad)`;
    await host.keepAsUserCopy(HE_SHEET, copy);
    await writeScbDemoSheets(host, KOMMUNER, FORBUND, today);
    const file = await XlsxFile.open(await host.toBuffer());
    for (const name of [copy, HE_SHEET]) {
      const charts = await file.chartViews(name);
      expect(charts.map((c) => c.type)).toEqual(["Line", "ColumnStacked"]);
      for (const s of charts.flatMap((c) => c.series)) expect(new Set(s.sheets)).toEqual(new Set([`'${name}'`]));
    }
  });

  it("a sheet written again has its new charts only, and a workbook without charts gets no chart parts", async () => {
    const host = new XlsxWorkbookHost();
    await writeScbDemoSheets(host, KOMMUNER, FORBUND, today);
    await writeScbDemoSheets(host, KOMMUNER, FORBUND, today);
    const file = await XlsxFile.open(await host.toBuffer());
    expect((await file.chartViews(HE_SHEET)).map((c) => c.type)).toEqual(["Line", "ColumnStacked"]);
    expect(file.parts().filter((p) => p.startsWith("xl/charts/"))).toHaveLength(2);
    const plain = new XlsxWorkbookHost();
    plain.workbook.addWorksheet("Blad1").getCell("A1").value = 1;
    const bare = await XlsxFile.open(await plain.toBuffer());
    expect(bare.parts().filter((p) => /^xl\/(charts|drawings)\//.test(p))).toEqual([]);
  });
});
