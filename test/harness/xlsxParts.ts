/**
 * Reads a written .xlsx as Excel would: its parts and relationships from the zip (jszip), parsed with xml2js
 * (a strict sax-based parser) into plain element trees, and the charts of a sheet as the Excel fake reports
 * them (`fake.inspect.charts`), so a file's charts can be compared with what the Office host draws.
 */
import JSZip from "jszip";
import { cellAddress } from "../../src/domain/a1";

// xml2js ships without type declarations; this is the part used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js: { parseStringPromise(xml: string, options: object): Promise<unknown> } = require("xml2js");

export interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

type RawNode = { "#name": string; $?: Record<string, string>; _?: string; $$?: RawNode[] };
const toEl = (n: RawNode): El => ({ name: n["#name"], attrs: n.$ ?? {}, text: (n._ ?? "").trim(), children: (n.$$ ?? []).map(toEl) });

export async function parseXml(xml: string): Promise<El> {
  const parsed = (await xml2js.parseStringPromise(xml, { strict: true, explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true })) as Record<
    string,
    RawNode
  >;
  const [rootName] = Object.keys(parsed);
  return toEl({ ...parsed[rootName], "#name": rootName });
}

export function all(root: El, pred: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    if (pred(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}
export const named = (root: El, name: string) => all(root, (e) => e.name === name);
export const child = (e: El | undefined, name: string) => e?.children.find((c) => c.name === name);

/** A part path resolved against the folder of the part whose relationship names it. */
export function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

export const relsPath = (part: string) => {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};

export class XlsxFile {
  private constructor(readonly zip: JSZip) {}

  static async open(bytes: Buffer): Promise<XlsxFile> {
    return new XlsxFile(await JSZip.loadAsync(bytes));
  }

  parts(): string[] {
    return Object.keys(this.zip.files).filter((n) => !this.zip.files[n].dir);
  }

  async xml(part: string): Promise<El> {
    const f = this.zip.file(part);
    if (!f) throw new Error(`${part} is not in the file`);
    return parseXml(await f.async("string"));
  }

  /** Relationship id → target part, of `part` (empty when it has none). */
  async rels(part: string): Promise<Map<string, { type: string; part: string }>> {
    const out = new Map<string, { type: string; part: string }>();
    if (!this.zip.file(relsPath(part))) return out;
    for (const r of named(await this.xml(relsPath(part)), "Relationship")) {
      out.set(r.attrs.Id, { type: r.attrs.Type.replace(/^.*\//, ""), part: resolvePart(part, r.attrs.Target) });
    }
    return out;
  }

  /** The worksheet part of the sheet named `name`. */
  async sheetPart(name: string): Promise<string> {
    const wb = await this.xml("xl/workbook.xml");
    const sheet = named(wb, "sheet").find((s) => s.attrs.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return (await this.rels("xl/workbook.xml")).get(sheet.attrs["r:id"])!.part;
  }

  /** The chart parts of a sheet, in drawing order, with their anchors. */
  async sheetCharts(name: string): Promise<Array<{ part: string; anchor: El; chart: El }>> {
    const sheetPart = await this.sheetPart(name);
    const drawingEl = child(await this.xml(sheetPart), "drawing");
    if (!drawingEl) return [];
    const drawingPart = (await this.rels(sheetPart)).get(drawingEl.attrs["r:id"])!.part;
    const drawingRels = await this.rels(drawingPart);
    const out: Array<{ part: string; anchor: El; chart: El }> = [];
    for (const anchor of (await this.xml(drawingPart)).children) {
      const ref = named(anchor, "c:chart")[0];
      if (!ref) continue;
      const part = drawingRels.get(ref.attrs["r:id"])!.part;
      out.push({ part, anchor, chart: await this.xml(part) });
    }
    return out;
  }

  /** The sheet's charts in the shape of the Excel fake's `inspect.charts` (less the source range). */
  async chartViews(name: string) {
    const texts = (e: El | undefined) => (e ? named(e, "a:t").map((t) => t.text).join("") : "");
    const local = (f: string) => f.replace(/^.*!/, "").replace(/\$/g, "");
    return (await this.sheetCharts(name)).map(({ anchor, chart }) => {
      const plot = named(chart, "c:plotArea")[0];
      const kind = plot.children.find((c) => /Chart$/.test(c.name))!;
      const grouping = child(kind, "c:grouping")?.attrs.val;
      const type = kind.name === "c:lineChart" ? (grouping === "standard" ? "Line" : `line/${grouping}`) : kind.name === "c:barChart" && grouping === "stacked" && child(kind, "c:barDir")?.attrs.val === "col" ? "ColumnStacked" : kind.name;
      const corner = (e: El | undefined, back: number) => {
        const n = (k: string) => Number(child(e, k)!.text);
        return cellAddress(n("xdr:row") - back, n("xdr:col") - back);
      };
      const axisTitle = (axis: string) => texts(child(child(plot, axis), "c:title"));
      return {
        name: named(anchor, "xdr:cNvPr")[0].attrs.name,
        type,
        title: texts(child(child(chart, "c:chart"), "c:title")),
        categoryAxisTitle: axisTitle("c:catAx"),
        valueAxisTitle: axisTitle("c:valAx"),
        position: { from: corner(child(anchor, "xdr:from"), 0), to: corner(child(anchor, "xdr:to"), 1) },
        series: kind.children
          .filter((c) => c.name === "c:ser")
          .map((s) => ({
            name: named(child(s, "c:tx")!, "c:v")[0].text,
            values: local(named(child(s, "c:val")!, "c:f")[0].text),
            categories: local(named(child(s, "c:cat")!, "c:f")[0].text),
            sheets: [child(s, "c:tx"), child(s, "c:val"), child(s, "c:cat")].map((e) => named(e!, "c:f")[0].text.replace(/!.*$/, "")),
          })),
      };
    });
  }
}
