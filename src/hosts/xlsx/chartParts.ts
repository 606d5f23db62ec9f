/**
 * Native charts in an .xlsx file: exceljs writes no charts, so after it has written the workbook the chart
 * parts are added to its zip, as Excel itself stores them (ECMA-376 Part 1, §12.3 and §21.2):
 *  - xl/charts/chartN.xml, one per chart (chartXml.ts);
 *  - xl/drawings/drawingN.xml holding one cell anchor per chart (the spec's position), with its
 *    relationships to the charts in xl/drawings/_rels/drawingN.xml.rels;
 *  - a relationship from the sheet to its drawing (xl/worksheets/_rels/sheetN.xml.rels) and the sheet's
 *    `<drawing r:id>` element, at its place in the worksheet's element sequence;
 *  - content-type overrides for the new parts in [Content_Types].xml.
 * Where exceljs already gave a sheet a drawing (images), the charts join that drawing.
 */
import JSZip from "jszip";
import type { ChartSpec, SheetSpec } from "../../sheets/spec";
import { chartXml, xmlText } from "./chartXml";

export interface SheetCharts {
  /** The sheet's name in the workbook now (the charts' references use it). */
  sheetName: string;
  spec: SheetSpec;
  charts: ChartSpec[];
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
const EMPTY_DRAWING =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>`;
/** What may follow `<drawing>` in a worksheet (CT_Worksheet's sequence): it goes before the first of these. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "");

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
};

/** A part path resolved against the folder of the part whose relationship names it. */
function resolve(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

const relsOf = (part: string) => {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};

/** The relative path from one part's folder to another part ("../charts/chart1.xml"). */
function relative(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...Array<string>(from.length - i).fill(".."), ...to.slice(i)].join("/");
}

/** A relationships part being added to. */
class Rels {
  constructor(private xml: string) {}
  target(id: string): string | undefined {
    for (const m of this.xml.matchAll(/<Relationship\b[^>]*>/g)) if (attr(m[0], "Id") === id) return attr(m[0], "Target");
    return undefined;
  }
  add(type: string, target: string): string {
    const used = new Set([...this.xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.xml = this.xml.replace("</Relationships>", `<Relationship Id="${id}" Type="${REL}/${type}" Target="${xmlText(target)}"/></Relationships>`);
    return id;
  }
  toString(): string {
    return this.xml;
  }
}

async function text(zip: JSZip, part: string): Promise<string | undefined> {
  return zip.file(part)?.async("string");
}

/** The first free xl/<folder>/<stem>N.xml. */
function freePart(zip: JSZip, folder: string, stem: string): string {
  for (let n = 1; ; n++) {
    const p = `xl/${folder}/${stem}${n}.xml`;
    if (!zip.file(p)) return p;
  }
}

function anchor(c: ChartSpec, id: number, relId: string): string {
  const p = c.position;
  const corner = (col: number, row: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor><xdr:from>${corner(p.col, p.row)}</xdr:from><xdr:to>${corner(p.col + p.cols, p.row + p.rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${xmlText(c.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="${relId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The worksheet part of each sheet, by its name in the workbook. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await text(zip, "xl/workbook.xml")) ?? "";
  const rels = new Rels((await text(zip, "xl/_rels/workbook.xml.rels")) ?? EMPTY_RELS);
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const target = rels.target(attr(m[0], "r:id") ?? "");
    if (name !== undefined && target) out.set(name, resolve("xl/workbook.xml", target));
  }
  return out;
}

/** Where `<drawing>` goes in a worksheet: before its first child that must follow it, else before `</worksheet>`. */
function drawingPlace(sheetXml: string): number {
  let depth = 0;
  for (const m of sheetXml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) {
      depth--;
      continue;
    }
    if (depth === 1 && AFTER_DRAWING.includes(m[2])) return m.index;
    if (!m[3]) depth++;
  }
  return sheetXml.lastIndexOf("</worksheet>");
}

function addOverride(types: string, part: string, contentType: string): string {
  if (types.includes(`PartName="/${part}"`)) return types;
  return types.replace("</Types>", `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
}

/** `xlsx` with the charts of `sheets` added; unchanged when no sheet has charts. */
export async function addChartParts(xlsx: Buffer, sheets: SheetCharts[]): Promise<Buffer> {
  const withCharts = sheets.filter((s) => s.charts.length > 0);
  if (withCharts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let types = (await text(zip, "[Content_Types].xml")) ?? "";
  for (const s of withCharts) {
    const sheetPart = parts.get(s.sheetName);
    if (!sheetPart) throw new Error(`Bladet "${s.sheetName}" saknas i den skrivna arbetsboken, så dess diagram kunde inte läggas till.`);
    let sheetXml = (await text(zip, sheetPart)) ?? "";
    const sheetRels = new Rels((await text(zip, relsOf(sheetPart))) ?? EMPTY_RELS);
    const existing = /<drawing\b[^>]*>/.exec(sheetXml);
    const existingTarget = existing ? sheetRels.target(attr(existing[0], "r:id") ?? "") : undefined;
    let drawingPart: string;
    if (existingTarget) {
      drawingPart = resolve(sheetPart, existingTarget);
    } else {
      drawingPart = freePart(zip, "drawings", "drawing");
      zip.file(drawingPart, EMPTY_DRAWING);
      types = addOverride(types, drawingPart, CT.drawing);
      const id = sheetRels.add("drawing", relative(sheetPart, drawingPart));
      const at = drawingPlace(sheetXml);
      sheetXml = `${sheetXml.slice(0, at)}<drawing r:id="${id}"/>${sheetXml.slice(at)}`;
      zip.file(sheetPart, sheetXml);
      zip.file(relsOf(sheetPart), sheetRels.toString());
    }
    let drawing = (await text(zip, drawingPart)) ?? EMPTY_DRAWING;
    const drawingRels = new Rels((await text(zip, relsOf(drawingPart))) ?? EMPTY_RELS);
    let shapeId = Math.max(1, ...[...drawing.matchAll(/<xdr:cNvPr\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1])));
    const anchors: string[] = [];
    for (const c of s.charts) {
      const chartPart = freePart(zip, "charts", "chart");
      zip.file(chartPart, chartXml(c, s.spec, s.sheetName));
      types = addOverride(types, chartPart, CT.chart);
      anchors.push(anchor(c, ++shapeId, drawingRels.add("chart", relative(drawingPart, chartPart))));
    }
    drawing = drawing.replace("</xdr:wsDr>", `${anchors.join("")}</xdr:wsDr>`);
    zip.file(drawingPart, drawing);
    zip.file(relsOf(drawingPart), drawingRels.toString());
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
