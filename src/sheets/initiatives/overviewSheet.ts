import { Initiativ, Initiativforandring, Oversikt, formatGenomforbarhet } from "../../domain/initiatives/index";
import { Cell, SheetSpec } from "../spec";
import { columnLetters } from "../../domain/a1";
import { INPUT_HEADER_ROW, INPUT_SHEET } from "./inputSheet";
import { INITIATIV_RUBRIKER } from "../../domain/initiatives/model";
import { formula, num, quoted, text } from "../cells";
import { statusStyle } from "./common";
import { landscapePrint } from "../print";

export const OVERVIEW_SHEET = "Initiativ översikt";

export interface OverviewInput {
  forbund: string;
  datum: string;
  oversikt: Oversikt;
  forandringar: Initiativforandring[];
  /** Date of the report compared with, if any. */
  jamfortMed?: string;
  /** Rows of the input table, so counts can be live COUNTIF formulas over it. */
  antalRader: number;
}

/** "pågående → genomförd; påverkan 3 → 4" — what moved since the last report, in words. */
export function describeChange(f: Initiativforandring | undefined): string {
  if (!f) return "";
  if (f.nytt) return "Nytt sedan förra rapporten";
  if (f.borttaget) return "Finns inte längre i tabellen";
  const parts: string[] = [];
  if (f.nulage) parts.push(`nuläge: ${f.nulage.fran} → ${f.nulage.till}`);
  if (f.paverkan) parts.push(`påverkan: ${f.paverkan.fran} → ${f.paverkan.till}`);
  if (f.statustextAndrad) parts.push("ny statustext");
  return parts.length === 0 ? "Oförändrat" : parts.join("; ");
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function buildOverviewSheet(o: OverviewInput): SheetSpec {
  const byNr = new Map(o.forandringar.map((f) => [f.nr, f]));
  const compared = o.jamfortMed ? `Förändring sedan ${o.jamfortMed}` : "Förändring sedan förra rapporten";
  const nulageCol = columnLetters(INITIATIV_RUBRIKER.indexOf("Nuläge"));
  const first = INPUT_HEADER_ROW + 2;
  const nulageRange = `${quoteSheet(INPUT_SHEET)}!$${nulageCol}$${first}:$${nulageCol}$${first + Math.max(o.antalRader, 1) - 1}`;

  const rows: Cell[][] = [
    [text("Samverkansinitiativ – översikt", "title")],
    [text(`${o.forbund} · nuläge ${o.datum}`, "subtitle")],
    [text(o.jamfortMed ? `Jämfört med rapporten ${o.jamfortMed}.` : "Första rapporten: ingen tidigare att jämföra med.", "note")],
    [],
    [text("Antal per nuläge", "heading")],
    [text("", "header"), text("Nuläge", "header"), text("Antal", "header")],
    ...o.oversikt.perNulage.map((p) => [
      text(""),
      text(p.nulage, statusStyle(p.nulage)),
      formula(`COUNTIF(${nulageRange},${quoted(p.nulage)})`, p.antal, undefined, "0"),
    ]),
    [text("", "total"), text("Summa", "total"), num(o.oversikt.antal, "total", "0")],
    [],
  ];
  for (const omr of o.oversikt.omraden) {
    const counts = omr.perNulage.filter((p) => p.antal > 0).map((p) => `${p.nulage} ${p.antal}`).join(", ");
    rows.push([text(omr.omrade, "heading"), text(""), text(`${omr.initiativ.length} initiativ (${counts})`, "note")]);
    rows.push(["Nr", "Initiativ", "Parter", "Genomförbarhet", "Nuläge", "Påverkan (1–5)", compared].map((h) => text(h, "header")));
    for (const i of omr.initiativ) rows.push(initiativeRow(i, byNr.get(i.nr)));
    rows.push([]);
  }
  const gone = o.forandringar.filter((f) => f.borttaget);
  if (gone.length > 0) {
    rows.push([text("Initiativ som fanns i förra rapporten men inte nu", "heading")]);
    for (const f of gone) rows.push([num(f.nr, undefined, "0"), text(`Fanns i rapporten ${f.jamfortMed ?? ""}`, "changed")]);
  }
  return {
    name: OVERVIEW_SHEET,
    kind: "initiativ-oversikt",
    blocks: [{ row: 0, col: 0, cells: rows }],
    columnWidths: [6, 38, 28, 16, 14, 10, 34],
    tables: [],
    validations: [],
    print: landscapePrint({ row: 0, col: 0, rows: rows.length, cols: 7 }, "Samverkansinitiativ – översikt", `${o.forbund} · nuläge ${o.datum}`),
  };
}

function initiativeRow(i: Initiativ, f: Initiativforandring | undefined): Cell[] {
  const change = describeChange(f);
  const changed = f !== undefined && !f.oforandrat;
  return [
    num(i.nr, "wrap", "0"),
    text(i.initiativ, "wrap"),
    text(i.parter, "wrap"),
    text(formatGenomforbarhet(i.genomforbarhet), "wrap"),
    text(i.nulage, statusStyle(i.nulage) ?? "wrap"),
    i.paverkan === "x" ? text("x", "wrap") : num(i.paverkan, "wrap", "0"),
    text(change, changed ? "changed" : "wrap"),
  ];
}
