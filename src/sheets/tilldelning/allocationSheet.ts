import { cellAddress, columnLetters } from "../../domain/a1";
import type { AllocationResult, ForbundAllocation } from "../../domain/tilldelning/types";
import { FM_SCALE, PERCENT_SCALE } from "../../domain/tilldelning/types";
import { apportionRanks } from "../fee/apportionFormulas";
import { empty, formula, isoDate, num, text } from "../cells";
import { landscapePrint } from "../print";
import type { Cell, SheetSpec } from "../spec";
import {
  BUDGET_LINK, BUDGET_LINK_HEADERS, CALC, COMPARE, M, MODEL_HEADER, MODEL_HEADERS, MODEL_HEADING, OWN, PARAM, U, UNDERLAG_HEADERS, allocationRows,
} from "./allocationLayout";
import { P, calcFormulas, modelRowFormulas, potFormulas, underlagRowFormulas } from "./modelFormulas";
import { PARAMETER_SOURCES, modelNotes } from "./allocationTexts";

/**
 * The "Statlig tilldelning <år>" sheet: a forecast of next year's state allocation by Nationella rådets
 * model, as live formulas over yellow input cells — the parameters, the model per förbund, this
 * förbund's line and change against last year, a comparison with the decided allocation once typed, and
 * the underlag per kommun. Every formula carries the domain's value as `expected`.
 */
export function allocationSheetName(ar: number): string {
  return `Statlig tilldelning ${ar}`;
}

export function allocationTableName(ar: number): string {
  return `Samkalk_Tilldelning_${ar}`;
}

/** The one-row table with this förbund's forecast that the budget projection links its state contribution to. */
export function allocationBudgetTableName(ar: number): string {
  return `Samkalk_Tilldelning_${ar}_Budget`;
}

/** Where the budget projection uses the forecast, said on the allocation sheet. */
export function budgetUseText(ar: number): string {
  return `Budgetprognosen: statens bidrag ${ar} på bladet Budget … hämtas härifrån, om inget eget belopp för staten ${ar} har angetts.`;
}

export interface AllocationSheetInput {
  result: AllocationResult;
  /** The user's förbund (its line is highlighted); absent or not in the list: no highlight. */
  forbund?: string;
  /** Per kommun code: Samkalk's own försörjningsmått and the letter's figure where one was given. */
  forsorjningsmatt?: ReadonlyMap<string, { samkalk: number; brev: number | null }>;
  /** What the underlag is, said on the sheet (the first line also at the top). */
  underlag: string[];
  today: Date;
}

const FMT = { kr: "#,##0", pct: "0.0%", fm: "#,##0.0", int: "#,##0", helper: "0", ratio: "0.0000" };
const n = (x: bigint) => Number(x);

export function buildAllocationSheet(input: AllocationSheetInput): SheetSpec {
  const r = input.result;
  const req = r.request;
  const ar = req.ar;
  const rows = allocationRows(r.forbund.length, req.kommuner.length);
  const modelRows = { first: rows.modelFirst, last: rows.modelLast };
  const underRows = { first: rows.underlagFirst, last: rows.underlagLast };
  const own = r.forbund.findIndex((f) => f.namn === input.forbund);
  const ownRow = own >= 0 ? rows.modelFirst + own : -1;
  const datum = isoDate(input.today);
  const blocks: SheetSpec["blocks"] = [];
  const pots = potFormulas();
  const calc = calcFormulas(modelRows);
  const pct = (v: bigint) => Number(v) / Number(PERCENT_SCALE);
  const src = PARAMETER_SOURCES;

  blocks.push({
    row: 0,
    col: 0,
    cells: [
      [text(`Statlig tilldelning ${ar} — prognos`, "title")],
      [text(input.forbund ?? "Samordningsförbunden", "subtitle")],
      [text(`PROGNOS enligt Nationella rådets fördelningsmodell, inte Försäkringskassans beslut. Skapad ${datum} med Samkalk. Gula celler är indata: ändras de räknas allt om.`, "note")],
      [text(input.underlag[0] ?? "", "note")],
      [],
      [text("Parametrar", "heading")],
      [text("Parameter", "header"), text("Värde", "header"), text("Enhet", "header"), text("År", "header"), text("Källa", "header")],
      [text("Nationellt anslag (statens hälft)"), num(n(req.anslag), "input", FMT.kr), text("kr"), text(src.anslag.ar), text(src.anslag.kalla)],
      [text("Grundtilldelning per förbund"), num(n(req.grund), "input", FMT.kr), text("kr"), text(src.grund.ar), text(src.grund.kalla)],
      [text("Vikt försörjningsmått"), num(pct(req.viktForsorjning), "input", "0.##"), text("%"), text(src.vikter.ar), text(src.vikter.kalla)],
      [text("Vikt invånare 16–64 år"), num(pct(req.viktBefolkning), "input", "0.##"), text("%"), text(src.vikter.ar), text(src.vikter.kalla)],
      [text("Spärr: största minskning mot förra året (tom = ingen)"), req.sparr === null ? empty("input") : num(pct(req.sparr), "input", "0.##"), text("%"), text(src.sparr.ar), text(src.sparr.kalla)],
      [text("Trappa för eget kapital"), text("ej inlagd", "muted"), text(""), text(src.trappa.ar), text(src.trappa.kalla)],
      [
        text("Kontroll", "check"),
        formula(
          `IF(ROUND(${P.viktF}*100,0)+ROUND(${P.viktB}*100,0)=10000,"OK: vikterna summerar till 100 %","FEL: vikterna summerar till "&(${P.viktF}+${P.viktB})&" %")`,
          "OK: vikterna summerar till 100 %",
          "check",
        ),
      ],
      [],
      [text("Beräkning", "heading")],
      [text("Summa grundtilldelning"), formula(calc.grundSumma, n(r.grundSumma), undefined, FMT.kr), text("kr")],
      [text("Att fördela efter nycklarna"), formula(calc.attFordela, n(r.attFordela), undefined, FMT.kr), text("kr")],
      [text("Försörjningsmåttets del"), formula(pots.fPott, n(r.forsorjningsPott), undefined, FMT.kr), text("kr")],
      [text("Invånarnas del"), formula(pots.bPott, n(r.befolkningsPott), undefined, FMT.kr), text("kr")],
      [text("Försörjningsmått, förbunden (tiondelar)", "helper"), formula(calc.fSumma, n(r.forsorjningsSumma), "helper", FMT.int)],
      [text("Invånare 16–64 år, förbunden", "helper"), formula(calc.bSumma, n(r.befolkningSumma), "helper", FMT.int)],
      [text("Underskott som spärren lämnar"), formula(calc.underskott, n(r.underskott), undefined, FMT.kr), text("kr")],
      [text("Modellbelopp, förbund utan spärr", "helper"), formula(calc.ospärrat, n(r.modellOspärrade), "helper", FMT.kr)],
    ],
  });

  // This förbund's line, and the comparison with the decided allocation once the user types it.
  const ownF = own >= 0 ? r.forbund[own] : undefined;
  const at = (c: number) => (ownRow >= 0 ? cellAddress(ownRow, c) : "");
  const forra = ownF?.forraAret ?? null;
  const ownPrognos = ownF ? n(ownF.tilldelning) : 0;
  blocks.push({
    row: OWN.heading,
    col: 0,
    cells: ownF
      ? [
          [text(`Ditt förbund: ${ownF.namn}`, "heading")],
          [text(`Prognos ${ar}`, "good"), formula(at(M.prognos), ownPrognos, "good", FMT.kr), text("kr")],
          [text("Tilldelning förra året"), formula(`IF(${at(M.forra)}="","",${at(M.forra)})`, forra === null ? "" : n(forra), undefined, FMT.kr), text("kr")],
          [text("Förändring (kr)"), formula(at(M.andringKr), forra === null ? "" : ownPrognos - n(forra), undefined, FMT.kr), text("kr")],
          [text("Förändring (%)"), formula(at(M.andringPct), forra === null || forra === 0n ? "" : ownPrognos / n(forra) - 1, undefined, FMT.pct)],
          [],
          [text("Jämförelse med beslutad tilldelning", "heading")],
          [text("Beslutad tilldelning (skriv in när beskedet kommit)"), empty("input"), text("kr")],
          [text(`Prognos ${ar}`), formula(cellAddress(OWN.prognos, 1), ownPrognos, undefined, FMT.kr), text("kr")],
          [text("Skillnad: beslut − prognos"), formula(`IF(B${COMPARE.beslut + 1}="","",B${COMPARE.beslut + 1}-B${COMPARE.prognos + 1})`, "", undefined, FMT.kr), text("kr")],
          [text("Skillnad i procent av prognosen"), formula(`IF(OR(B${COMPARE.beslut + 1}="",B${COMPARE.prognos + 1}=0),"",B${COMPARE.beslut + 1}/B${COMPARE.prognos + 1}-1)`, "", undefined, FMT.pct)],
        ]
      : [[text("Inget eget förbund valt: raden för ditt förbund och jämförelsen med beslutet visas när ett förbund anges.", "note")]],
  });

  if (ownF) {
    blocks.push({
      row: BUDGET_LINK.header,
      col: BUDGET_LINK.col,
      cells: [
        BUDGET_LINK_HEADERS.map((h) => text(h, "header")),
        [num(ar, undefined, "0"), text(ownF.namn), formula(cellAddress(OWN.prognos, 1), ownPrognos, "good", FMT.kr), text(budgetUseText(ar))],
      ],
    });
  }

  blocks.push({ row: MODEL_HEADING, col: 0, cells: [[text("Modellen per förbund", "heading")], Object.values(MODEL_HEADERS).map((h, c) => text(h, c > M.andringPct ? "helper" : "header"))] });
  blocks.push({ row: rows.modelFirst, col: 0, cells: modelCells(r, modelRows, underRows, ownRow) });

  const sumCol = (c: number, value: number, format = FMT.kr) => formula(`SUM(${columnLetters(c)}${rows.modelFirst + 1}:${columnLetters(c)}${rows.modelLast + 1})`, value, "total", format);
  const total = (pick: (f: ForbundAllocation) => bigint) => n(r.forbund.reduce((s, f) => s + pick(f), 0n));
  const prognosSum = `${columnLetters(M.prognos)}${rows.modelSum + 1}`;
  blocks.push({
    row: rows.modelSum,
    col: 0,
    cells: [
      [
        text("Summa", "total"),
        sumCol(M.antal, r.forbund.reduce((s, f) => s + f.antal, 0), FMT.int),
        sumCol(M.befolkning, n(r.befolkningSumma), FMT.int),
        sumCol(M.fm, n(r.forsorjningsSumma) / Number(FM_SCALE), FMT.fm),
        sumCol(M.grund, n(r.grundSumma)),
        sumCol(M.fdel, n(r.forsorjningsPott)),
        sumCol(M.bdel, n(r.befolkningsPott)),
        sumCol(M.modell, n(req.anslag)),
        sumCol(M.forra, total((f) => f.forraAret ?? 0n)),
        empty("total"),
        empty("total"),
        empty("total"),
        sumCol(M.avdrag, n(r.underskott)),
        sumCol(M.prognos, n(req.anslag)),
      ],
      [
        text("Kontroll", "check"),
        formula(
          `IF(AND(${prognosSum}=${P.anslag},${columnLetters(M.modell)}${rows.modelSum + 1}=${P.anslag}),"OK: modellen och prognosen summerar exakt till anslaget","FEL: prognosen avviker med "&(${prognosSum}-${P.anslag})&" kr")`,
          "OK: modellen och prognosen summerar exakt till anslaget",
          "check",
        ),
      ],
    ],
  });

  blocks.push({
    row: rows.underlagHeading,
    col: 0,
    cells: [
      [text("Underlag per kommun", "heading")],
      UNDERLAG_HEADERS.map((h, c) => text(h, c === U.fmTiondelar ? "helper" : "header")),
      ...underlagCells(input, rows.underlagFirst),
      [
        text("Summa", "total"),
        empty("total"),
        empty("total"),
        formula(`SUM(D${rows.underlagFirst + 1}:D${rows.underlagLast + 1})`, n(req.kommuner.reduce((s, k) => s + k.befolkning, 0n)), "total", FMT.int),
      ],
      [],
      ...[...modelNotes(req), ...input.underlag.slice(1)].map((t, i) => [text(t, i === 0 ? "label" : "note")]),
    ],
  });
  const lastRow = rows.underlagSum + 2 + modelNotes(req).length + input.underlag.length - 1;

  return {
    name: allocationSheetName(ar),
    kind: "statlig-tilldelning",
    blocks,
    columnWidths: [50, 14, 17, 17, 17, 17, 16, 15, 14, 14, 13, 9, 12, 14, 13, 12, ...Array<number>(19).fill(11)],
    tables: [
      {
        name: allocationTableName(ar),
        range: { row: rows.underlagHeader, col: 0, rows: req.kommuner.length + 1, cols: UNDERLAG_HEADERS.length },
        style: "TableStyleLight9",
      },
      ...(ownF
        ? [{ name: allocationBudgetTableName(ar), range: { row: BUDGET_LINK.header, col: BUDGET_LINK.col, rows: 2, cols: BUDGET_LINK_HEADERS.length }, style: "TableStyleLight9" }]
        : []),
    ],
    validations: [
      { range: { row: PARAM.anslag, col: 1, rows: 2, cols: 1 }, rule: { kind: "wholeNumber", min: 0 }, errorMessage: "Ange beloppet i hela kronor, 0 eller större." },
      { range: { row: PARAM.viktF, col: 1, rows: 3, cols: 1 }, rule: { kind: "decimal", min: 0, max: 100 }, errorMessage: "Ange en procentsats, 0–100." },
      { range: { row: rows.modelFirst, col: M.antal, rows: r.forbund.length, cols: 1 }, rule: { kind: "wholeNumber", min: 1 }, errorMessage: "Ange antalet förbund raden står för, 1 eller fler." },
      { range: { row: rows.modelFirst, col: M.forra, rows: r.forbund.length, cols: 1 }, rule: { kind: "wholeNumber", min: 0 }, errorMessage: "Ange förra årets tilldelning i hela kronor, eller lämna tomt." },
      { range: { row: rows.modelFirst, col: M.trappa, rows: r.forbund.length, cols: 1 }, rule: { kind: "list", values: ["ja", "nej"] }, errorMessage: "Välj ja eller nej." },
      { range: { row: rows.underlagFirst, col: U.befolkning, rows: req.kommuner.length, cols: 1 }, rule: { kind: "wholeNumber", min: 0 }, errorMessage: "Ange invånarna som ett heltal, 0 eller större." },
      { range: { row: rows.underlagFirst, col: U.fmBrev, rows: req.kommuner.length, cols: 1 }, rule: { kind: "decimal", min: 0 }, errorMessage: "Ange försörjningsmåttet som ett tal, 0 eller större (högst en decimal räknas)." },
      ...(ownF ? [{ range: { row: COMPARE.beslut, col: 1, rows: 1, cols: 1 }, rule: { kind: "wholeNumber" as const, min: 0 }, errorMessage: "Ange den beslutade tilldelningen i hela kronor." }] : []),
    ],
    print: landscapePrint({ row: 0, col: 0, rows: lastRow + 1, cols: M.andringPct + 1 }, `Statlig tilldelning ${ar} — prognos`, `${input.forbund ?? "Samordningsförbunden"} · utskrivet ${datum}`),
    freezeRows: 0,
  };
}

function modelCells(r: AllocationResult, modelRows: { first: number; last: number }, underRows: { first: number; last: number }, ownRow: number): Cell[][] {
  const order = r.forbund.map((_, i) => i + 1);
  const ranks = {
    f: apportionRanks(r.forbund.map((f) => f.steps.fRest), order),
    k: apportionRanks(r.forbund.map((f) => f.steps.kRest), order),
    a: apportionRanks(r.forbund.map((f) => (f.sparrGaller ? 0n : f.steps.cRest)), order),
  };
  return r.forbund.map((f, i) => {
    const row = modelRows.first + i;
    const fx = modelRowFormulas(row, modelRows, underRows);
    // The user's förbund on a green fill (a fill that does not wrap, so the row keeps its height).
    const mark = row === ownRow ? "good" : undefined;
    const h = (c: keyof typeof fx, value: number | string, format: string = FMT.helper) => formula(fx[c], value, "helper", format);
    const forra = f.forraAret === null ? null : n(f.forraAret);
    const galler = f.sparrGaller;
    return [
      text(f.namn, mark),
      num(f.antal, "input", FMT.int),
      formula(fx.befolkning, n(f.befolkning), undefined, FMT.int),
      formula(fx.fm, n(f.forsorjningsmatt) / Number(FM_SCALE), undefined, FMT.fm),
      formula(fx.grund, n(f.grund), undefined, FMT.kr),
      formula(fx.fdel, n(f.forsorjningsdel), undefined, FMT.kr),
      formula(fx.bdel, n(f.befolkningsdel), undefined, FMT.kr),
      formula(fx.modell, n(f.modell), undefined, FMT.kr),
      forra === null ? empty("input") : num(forra, "input", FMT.kr),
      text(f.overTrappan ? "ja" : "nej", "input"),
      formula(fx.golv, n(f.sparrGolv), undefined, FMT.kr),
      formula(fx.galler, galler ? "ja" : "nej"),
      formula(fx.avdrag, n(f.avdrag), undefined, FMT.kr),
      formula(fx.prognos, n(f.tilldelning), mark, FMT.kr),
      formula(fx.andringKr, forra === null ? "" : n(f.tilldelning) - forra, mark, FMT.kr),
      formula(fx.andringPct, forra === null || forra === 0 ? "" : n(f.tilldelning) / forra - 1, mark, FMT.pct),
      num(i + 1, "helper", FMT.helper),
      h("fmTiondelar", n(f.forsorjningsmatt)),
      h("fGolv", n(f.steps.fGolv)),
      h("fRest", n(f.steps.fRest)),
      h("fRang", ranks.f[i]),
      h("fTillagg", n(f.steps.fExtra)),
      h("bGolv", n(f.steps.pGolv)),
      h("bRest", n(f.steps.pRest)),
      h("kGolv", n(f.steps.kGolv)),
      h("kRest", n(f.steps.kRest)),
      h("kRang", ranks.k[i]),
      h("kTillagg", n(f.steps.kExtra)),
      h("kvot", f.sparrGolv === 0n ? -1 : f.modell === 0n ? 1e300 : n(f.sparrGolv) / n(f.modell), FMT.ratio),
      h("sparrad", galler ? 1 : 0),
      h("aVikt", galler ? 0 : n(f.modell)),
      h("aGolv", galler ? 0 : n(f.steps.cGolv)),
      h("aRest", galler ? 0 : n(f.steps.cRest)),
      h("aRang", ranks.a[i]),
      h("aTillagg", galler ? 0 : n(f.steps.cExtra)),
    ];
  });
}

function underlagCells(input: AllocationSheetInput, first: number): Cell[][] {
  return input.result.request.kommuner.map((k, i) => {
    const row = first + i;
    const fx = underlagRowFormulas(row);
    const used = Number(k.forsorjningsmatt) / Number(FM_SCALE);
    const given = input.forsorjningsmatt?.get(k.kod);
    const samkalk = given?.samkalk ?? used;
    return [
      k.forbund === null ? empty("input") : text(k.forbund, "input"),
      text(k.kod),
      text(k.namn),
      num(Number(k.befolkning), "input", FMT.int),
      num(samkalk, undefined, FMT.fm),
      given?.brev === null || given?.brev === undefined ? empty("input") : num(given.brev, "input", FMT.fm),
      formula(fx.fm, used, undefined, FMT.fm),
      formula(fx.fmTiondelar, Number(k.forsorjningsmatt), "helper", FMT.helper),
    ];
  });
}

/** Row/column facts tests and readers need. */
export const ALLOCATION_SHEET_LAYOUT = { PARAM, CALC, OWN, COMPARE, MODEL_HEADER, BUDGET_LINK, columns: M, underlag: U, rows: allocationRows };
