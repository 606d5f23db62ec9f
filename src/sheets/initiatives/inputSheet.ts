import { INITIATIV_RUBRIKER, Initiativ, initiativeToRow } from "../../domain/initiatives/model";
import type { Cell, SheetSpec } from "../spec";
import { num, text } from "../cells";
import { landscapePrint } from "../print";

/** The "Initiativ" sheet: the input table the chief or analysis group keeps up to date. */
export const INPUT_SHEET = "Initiativ";
export const INPUT_TABLE = "Samkalk_Initiativ";
/** 0-based row of the table's header. */
export const INPUT_HEADER_ROW = 3;

const GENOMFORBARHET = ["Lätt/kort tid", "Lätt/lång tid", "Medel/kort tid", "Medel/lång tid", "Svår/kort tid", "Svår/lång tid", "Ej bedömd"];
const PAVERKAN = ["1", "2", "3", "4", "5", "x"];
const col = (rubrik: string) => INITIATIV_RUBRIKER.indexOf(rubrik);

export function buildInputSheet(initiativ: readonly Initiativ[], nulagen: readonly string[]): SheetSpec {
  // A table needs at least one data row; an empty one is left for the user to fill in.
  const rows: Cell[][] =
    initiativ.length > 0
      ? initiativ.map((i) => initiativeToRow(i).map((v) => (typeof v === "number" ? num(v, "input") : text(v, "input"))))
      : [INITIATIV_RUBRIKER.map(() => text("", "input"))];
  const n = rows.length;
  const body = (rubrik: string) => ({ row: INPUT_HEADER_ROW + 1, col: col(rubrik), rows: n, cols: 1 });
  const widths: number[] = INITIATIV_RUBRIKER.map((r) => (["Initiativ", "Aktiviteter", "Mål", "Indikatorer", "Statustext", "Analysgruppens bedömning", "Styrelsens kommentar"].includes(r) ? 40 : 16));
  widths[0] = 6;
  return {
    name: INPUT_SHEET,
    kind: "initiativ-indata",
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [text("Samverkansinitiativ", "title")],
          [text("Indata för översikten och statusbladen. Fyll i en rad per initiativ; listor (aktiviteter, mål …) en punkt per rad i cellen.", "note")],
          [],
          INITIATIV_RUBRIKER.map((r) => text(r, "header")),
          ...rows,
        ],
      },
    ],
    columnWidths: widths,
    tables: [{ name: INPUT_TABLE, range: { row: INPUT_HEADER_ROW, col: 0, rows: n + 1, cols: INITIATIV_RUBRIKER.length }, style: "TableStyleLight9" }],
    validations: [
      { range: body("Nr"), rule: { kind: "wholeNumber", min: 1, max: 99999 }, errorMessage: "Nr ska vara ett heltal, 1 eller större." },
      { range: body("Nuläge"), rule: { kind: "list", values: [...nulagen] }, errorMessage: nulageMessage(nulagen) },
      { range: body("Genomförbarhet"), rule: { kind: "list", values: GENOMFORBARHET }, errorMessage: "Välj svårighet och tid i listan, t.ex. Lätt/kort tid." },
      { range: body("Påverkan på helårsekvivalenter"), rule: { kind: "list", values: PAVERKAN }, errorMessage: "Ange påverkan 1–5, eller x om den inte är bedömd." },
    ],
    print: landscapePrint({ row: 0, col: 0, rows: INPUT_HEADER_ROW + 1 + n, cols: INITIATIV_RUBRIKER.length }, "Samverkansinitiativ – indata", "Samkalk"),
    freezeRows: INPUT_HEADER_ROW + 1,
  };
}

/** Excel shows at most 225 characters in a validation message: a long list of nulägen is cut with "…". */
export function nulageMessage(nulagen: readonly string[]): string {
  const full = `Välj nuläge i listan: ${nulagen.join(", ")}.`;
  return full.length <= 225 ? full : `${full.slice(0, 223)}…`;
}
