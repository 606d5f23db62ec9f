import type { SheetSpec, CellStyle, ValidationSpec } from "../spec";
import { empty, num, text } from "../cells";
import { PERCENT_FORMAT, YEAR_FORMAT, decimalToNumber, noteLines } from "./common";
import { portraitPrint } from "../print";
import { NOTE_WIDTH, ProjectionLayout, ProjectionSheetInput, projectionGrid, projectionSheetName } from "./projectionLayout";
import { writeProjectionLines, writeProjectionTotals } from "./projectionLines";
import { writeProjectionChecks } from "./projectionChecks";
import { allocationNote } from "./projectionAllocationLink";
import { assumptionHeaders, writeAssumptionsTable } from "./projectionAssumptions";

export { CHECK_LABELS, CHECK_STATUS } from "./projectionChecks";
export type { FeeSheetLink } from "./projectionFeeLinks";
export type { AllocationSheetLink } from "./projectionAllocationLink";
export { projectionSheetName } from "./projectionLayout";
export { projectionTableName } from "./projectionAssumptions";
export type { ProjectionLayout, ProjectionSheetInput } from "./projectionLayout";

/**
 * The projection sheet "Budget <år1>–<år3>" in the förbund's usual layout: intäkter per member and other
 * income, kostnader per group with sums, Summa intäkter/kostnader, Resultat, and Eget kapital rolled
 * forward, every amount a live formula over the assumptions beside it (columns F onwards, yellow):
 * the base year's amount, a yearly change in %, a change per year, fixed amounts (decided member fees,
 * co-financing commitments) and a last year; per group the same changes and last year; a default change.
 * Below: member fee totals, the board's checks as formulas, the equity staircase rule table (empty
 * unless the förbund fills it in) and how it is computed. The assumptions block is a table read back on a
 * re-run (projectionAssumptions.ts): values typed in its typed cells are kept and are not edits of the sheet.
 *
 * Exact rounding: a change is ROUND(ROUND(prev × 10^d) × (10000 + ROUND(p × 100)) / 10000) / 10^d: the
 * product is an exact integer, and the quotient of an integer by 10 000 is exactly a half when the
 * decimal result is, so Excel's ROUND can never land on the wrong side of a half (as ROUND(-1580*1.025,0)
 * can, where 1.025 is not a binary number).
 */
export function buildProjectionSheet(input: ProjectionSheetInput): { spec: SheetSpec; layout: ProjectionLayout } {
  const g = projectionGrid(input);
  const { indata, proj, years, n, dec, enhet, yearCol, C, lines, blocks, datum, note, STANDARD_ROW, HEADER_ROW, R, nTiers, notesRow, sheetRows, put } = g;

  // Title, note, the default change, the header row.
  put(0, 0, text(projectionSheetName(years), "title"));
  put(1, 0, text(input.forbund, "subtitle"));
  note.forEach((t, i) => put(2 + i, 0, text(t, "note")));
  put(STANDARD_ROW, 0, text("Förändring för poster utan eget antagande (%)", "label"));
  put(STANDARD_ROW, 1, indata.standardForandring ? num(decimalToNumber(indata.standardForandring), "input", PERCENT_FORMAT) : empty("input"));
  put(HEADER_ROW - 1, C.bas, text("Antaganden (gula celler går att ändra; tom cell = nästa regel, se längst ned)", "label"));
  put(HEADER_ROW, 0, text(`Belopp i ${enhet}`, "header"));
  years.forEach((y, j) => put(HEADER_ROW, yearCol(j), num(y, "header", YEAR_FORMAT)));
  const H = assumptionHeaders;
  put(HEADER_ROW, C.bas, text(H.bas(indata.basAr), "header"));
  put(HEADER_ROW, C.arlig, text(H.arlig, "header"));
  years.forEach((y, j) => put(HEADER_ROW, C.perAr(j), text(H.perAr(y), "header")));
  years.forEach((y, j) => put(HEADER_ROW, C.fast(j), text(H.fast(y), "header")));
  put(HEADER_ROW, C.sista, text(H.sista, "header"));

  writeProjectionLines(g);
  writeProjectionTotals(g);
  writeProjectionChecks(g);
  const assumptions = writeAssumptionsTable(g);

  // How it is computed.
  const notes = [
    "Så räknas budgeten",
    `Ett belopp räknas från föregående års avrundade belopp: belopp × (100 + förändring i %) / 100, avrundat till ${dec === 0 ? `hela ${enhet}` : `${dec} decimaler`}, halvor bort från noll.`,
    "Formlerna räknar i heltal, så Excel avrundar exakt också när resultatet är en exakt halva.",
    `Förändringen ett år tas från den första ifyllda av: postens % för året, postens årliga %, gruppens % för året, gruppens årliga %, cell B${STANDARD_ROW + 1}.`,
    "Ett fast belopp ersätter förändringen det året. Efter Sista år (postens, annars gruppens) är beloppet 0.",
    "Medlemmarnas rader: Fast belopp är den beslutade avgiften för året (grå = hämtad från bladet Medlemsavgifter <år>).",
    ...[...g.allocLinks.values()].map((a) => `${allocationNote(a, enhet)} Grå = hämtad från det bladet.`),
    "Medfinansiering: Fast belopp är åtagandet för året; ett år utan åtagande är 0.",
    `Eget kapital vid årets början ${years[0]} är ingående värde; varje följande år börjar där föregående år slutade.`,
    ...proj.varningar.map((v) => `Obs: ${v}`),
  ];
  const noteRows = notes.flatMap((t, i): { t: string; style: CellStyle }[] => (i === 0 ? [{ t, style: "label" }] : noteLines(t, NOTE_WIDTH).map((x) => ({ t: x, style: "note" }))));
  noteRows.forEach((n, i) => put(notesRow + i, 0, text(n.t, n.style)));
  const lastRow = notesRow + noteRows.length - 1;

  const validations: ValidationSpec[] = [
    { range: { row: STANDARD_ROW, col: 1, rows: 1, cols: 1 }, rule: { kind: "decimal", min: -99.99, max: 1000 }, errorMessage: "Ange förändringen i procent, större än −100." },
    {
      range: { row: HEADER_ROW + 1, col: C.arlig, rows: R.summaKostnader - HEADER_ROW, cols: n + 1 },
      rule: { kind: "decimal", min: -99.99, max: 1000 },
      errorMessage: "Ange förändringen i procent, större än −100 (t.ex. 2,5).",
    },
    {
      range: { row: HEADER_ROW + 1, col: C.sista, rows: R.summaKostnader - HEADER_ROW, cols: 1 },
      rule: { kind: "wholeNumber", min: 1900, max: 2100 },
      errorMessage: "Ange sista året som ett årtal, t.ex. 2023.",
    },
    { range: { row: R.mattVal, col: 1, rows: 1, cols: 1 }, rule: { kind: "list", values: ["medlemsavgifter", "intäkter"] }, errorMessage: "Välj medlemsavgifter eller intäkter." },
    { range: { row: R.forstaTrappsteg, col: 1, rows: nTiers, cols: 1 }, rule: { kind: "decimal", min: 0 }, errorMessage: "Ange ett belopp, 0 eller större." },
    { range: { row: R.forstaTrappsteg, col: 2, rows: nTiers, cols: 1 }, rule: { kind: "decimal", min: 0, max: 1000 }, errorMessage: "Ange andelen i procent." },
  ];

  const spec: SheetSpec = {
    name: projectionSheetName(years),
    kind: "budget-projektion",
    blocks: [{ row: 0, col: 0, cells: sheetRows }],
    columnWidths: [46, ...years.map(() => 13), 3, 14, 11, ...years.map(() => 12), ...years.map(() => 13), 9, 30],
    tables: [assumptions.table],
    typedCells: assumptions.typedCells,
    validations,
    print: portraitPrint({ row: 0, col: 0, rows: lastRow + 1, cols: n + 1 }, projectionSheetName(years), `${input.forbund} · utskrivet ${datum}`),
    freezeRows: HEADER_ROW + 1,
  };
  const lineRow = (post: string) => {
    const l = lines.find((x) => x.post === post);
    if (!l) throw new Error(`ingen rad "${post}"`);
    return l.row;
  };
  const blockOf = (g: string) => {
    const b = blocks.find((x) => x.name === g);
    if (!b) throw new Error(`ingen grupp "${g}"`);
    return b;
  };
  return {
    spec,
    layout: {
      headerRow: HEADER_ROW,
      yearCol,
      col: C,
      lineRow,
      groupRow: (g) => blockOf(g).headingRow!,
      groupSumRow: (g) => blockOf(g).sumRow!,
      rows: {
        standard: R.standard, summaIntakter: R.summaIntakter, summaKostnader: R.summaKostnader, resultat: R.resultat, ekBorjan: R.ekBorjan, ekSlut: R.ekSlut,
        stat: R.stat, region: R.region, kommuner: R.kommuner, medlemsavgifter: R.medlemsavgifter, ekNegativ: R.ekNegativ, matt: R.matt,
        trappProcent: R.trappProcent, trappGrans: R.trappGrans, trappa: R.trappa, proportion: R.proportion, avgiftsblad: R.avgiftsblad,
        mattVal: R.mattVal, kalla: R.kalla, forstaTrappsteg: R.forstaTrappsteg,
      },
      trappsteg: nTiers,
    },
  };
}
