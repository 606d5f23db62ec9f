/**
 * "Innehåll", the pack's first sheet: every sheet with a link to it and what it holds (and whether it is
 * in the board's PDF), the förbundsprofil the pack was built from, when, and from which sources.
 */
import { formatTid } from "../scb/common";
import { text } from "../cells";
import { portraitPrint } from "../print";
import type { Cell, SheetKind, SheetSpec } from "../spec";
import { RAW_DATA_KINDS, SHEET_DESCRIPTIONS, cellLink } from "./links";

export const CONTENTS_SHEET = "Innehåll";

export interface ContentsInput {
  forbund: string;
  ar: number;
  today: Date;
  /** The pack's sheets in the workbook's order (this one first). */
  sheets: Array<{ name: string; kind: SheetKind }>;
  /** The profile as label–value lines ("Medlemskommuner", "2480 Umeå, …"). */
  profil: Array<[string, string]>;
  kallor: string[];
  varningar: string[];
}

export function buildContentsSheet(input: ContentsInput): SheetSpec {
  const rows: Cell[][] = [];
  rows.push([text(`Styrelsepaket ${input.ar} – ${input.forbund}`, "title")]);
  rows.push([text(`Skapat ${formatTid(input.today)} av Samkalk från förbundsprofilen nedan. Klicka på ett bladnamn för att gå dit.`, "subtitle")]);
  rows.push([]);
  rows.push([text("Innehåll", "heading")]);
  rows.push(["Nr", "Blad", "Innehåll", "I PDF:en"].map((h) => text(h, "header")));
  input.sheets.forEach((s, i) => {
    rows.push([text(String(i + 1)), cellLink(s.name, "A1", s.name), text(SHEET_DESCRIPTIONS[s.kind], "wrap"), text(RAW_DATA_KINDS.has(s.kind) ? "nej (rådata)" : "ja")]);
  });
  rows.push([]);
  rows.push([text("Förbundsprofil", "heading")]);
  // Values and sources run on over the empty cells to their right (not wrapped into column B).
  for (const [label, value] of input.profil) rows.push([text(label, "label"), text(value)]);
  rows.push([]);
  rows.push([text("Källor", "heading")]);
  for (const k of input.kallor) rows.push([text(`• ${k}`)]);
  rows.push([cellLink("Källor", "A1", "• Bladet Källor: varje hämtning med tabell, fråga och tid")]);
  if (input.varningar.length > 0) {
    rows.push([]);
    rows.push([text("Att känna till", "heading")]);
    for (const v of input.varningar) rows.push([text(`• ${v}`)]);
  }
  return {
    name: CONTENTS_SHEET,
    kind: "innehall",
    blocks: [{ row: 0, col: 0, cells: rows }],
    columnWidths: [19, 34, 60, 12],
    tables: [],
    validations: [],
    print: portraitPrint({ row: 0, col: 0, rows: rows.length, cols: 4 }, "Styrelsepaket – innehåll", `${input.forbund} · ${input.ar}`),
  };
}
