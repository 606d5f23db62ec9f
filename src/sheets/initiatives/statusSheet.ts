import { Initiativ, Initiativforandring, formatGenomforbarhet, statusHeading } from "../../domain/initiatives/index";
import type { Cell, SheetSpec } from "../spec";
import { describeChange } from "./overviewSheet";
import { text } from "../cells";
import { bullets, chunkText, statusStyle } from "./common";
import { portraitPrint } from "../print";

/**
 * One print-ready status page per initiative, with 001's headings: labels in column A, wrapped texts in
 * column B. Long texts run over several rows so that nothing is cut off when printed.
 */
export function buildStatusSheet(sheetName: string, i: Initiativ, f: Initiativforandring | undefined, forbund: string, datum: string): SheetSpec {
  const rows: Cell[][] = [
    [text(`Samverkansinitiativ ${i.nr}`, "title")],
    [text(i.initiativ, "heading")],
    [text(`${forbund} · ${i.omrade}`, "subtitle")],
    [],
  ];
  const field = (label: string, value: string, style: Cell["style"] = "wrap") => {
    chunkText(value === "" ? "–" : value).forEach((part, k) => rows.push([text(k === 0 ? label : "", "label"), text(part, style)]));
  };
  field("Område", i.omrade);
  field("Parter", i.parter);
  field("Genomförbarhet", formatGenomforbarhet(i.genomforbarhet));
  field("Nuläge", i.nulage, statusStyle(i.nulage) ?? "wrap");
  if (i.startad) field("Startad", i.startad);
  field("Aktiviteter", bullets(i.aktiviteter));
  field("Mål", bullets(i.mal));
  field("Indikatorer", bullets(i.indikatorer));
  field("Sammankallande", i.sammankallande);
  field("Ansvar", i.ansvar);
  field("Ansvarig för uppföljning", i.ansvarigForUppfoljning);
  field("Analysgruppens bedömning", bullets(i.bedomning));
  field("Påverkan på helårsekvivalenter", i.paverkan === "x" ? "Ej bedömd (x)" : `${i.paverkan} (skala 1–5)`);
  field(statusHeading(i.statusdatum), i.statustext);
  field("Styrelse och SSG kommentar", bullets(i.styrelsensKommentar));
  if (f) field("Förändring sedan förra rapporten", describeChange(f), f.oforandrat ? "wrap" : "changed");
  return {
    name: sheetName,
    kind: "initiativ-status",
    blocks: [{ row: 0, col: 0, cells: rows }],
    columnWidths: [31, 78],
    tables: [],
    validations: [],
    print: portraitPrint({ row: 0, col: 0, rows: rows.length, cols: 2 }, `Samverkansinitiativ ${i.nr}`, `${forbund} · status ${datum}`),
  };
}
