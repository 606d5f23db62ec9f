/**
 * The sheet names of an .xlsx file, read from its workbook part alone (xl/workbook.xml) without loading the
 * sheets: what the command line needs to decide whether it may replace an existing file (safeSave.ts), at a
 * fraction of a full exceljs read of the workbook it is about to overwrite.
 */
import JSZip from "jszip";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** An XML attribute value as text: the five named entities and numeric character references. */
function attributeText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

/** The sheets' names in workbook order; throws when the bytes are not an .xlsx workbook. */
export async function workbookSheetNames(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file("xl/workbook.xml");
  if (!part) throw new Error("no xl/workbook.xml");
  const xml = await part.async("string");
  const sheets = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(xml)?.[1];
  if (sheets === undefined) throw new Error("no sheets in xl/workbook.xml");
  return [...sheets.matchAll(/<(?:\w+:)?sheet\b[^>]*?\sname\s*=\s*("([^"]*)"|'([^']*)')/g)].map((m) => attributeText(m[2] ?? m[3]));
}
