import type { Amount } from "../../domain/amount";
import type { Avvikelse, Uppfoljning, UppfoljningsIndata } from "../../domain/budget/followUp";
import { abs } from "../../domain/budget/money";
import type { Medfinansiering } from "../../domain/budget/projection";
import type { Enhet, Sektion } from "../../domain/budget/types";
import { Cell, SheetSpec } from "../spec";
import { columnLetters } from "../../domain/a1";
import { amountFormat, empty, formula, isoDate, num, text } from "../cells";
import { PERCENT_FORMAT, YEAR_FORMAT, decimalToNumber, money, noteLines, sumOf } from "./common";
import { portraitPrint } from "../print";
import { maxOf } from "../../domain/arrays";

/**
 * "Uppföljning <period>": utfall against budget per line, per group and for the result, the avvikelse
 * in kr and in % as live formulas over the yellow budget and utfall cells, and the co-financing
 * commitments the board has decided, per year (the same ones the projection takes as costs).
 */

export function followUpSheetName(period: string): string {
  return `Uppföljning ${period.trim()}`;
}

export interface FollowUpSheetInput {
  forbund: string;
  today: Date;
  indata: UppfoljningsIndata;
  uppfoljning: Uppfoljning;
  medfinansiering: Medfinansiering[];
  /** Unit of the commitments (the budget's); default the follow-up's. */
  medfinansieringEnhet?: Enhet;
  /** The projection sheet that has the commitments as costs, if any. */
  projektionsblad?: string;
}

export interface FollowUpLayout {
  headerRow: number;
  /** 0-based rows of the lines, in the order of `indata.rader`. */
  lineRows: number[];
  groupSumRows: number[];
  resultatRow: number;
  cofinHeaderRow: number;
}

const HEADER_ROW = 4;
const NOTE_WIDTH = 98;

export function buildFollowUpSheet(input: FollowUpSheetInput): { spec: SheetSpec; layout: FollowUpLayout } {
  const { indata, uppfoljning: u } = input;
  const rader = indata.rader ?? [];
  const pd = indata.procentDecimaler ?? 1;
  const amounts: Amount[] = [...rader.flatMap((r) => [r.budget, r.utfall]), ...(indata.resultat ? [indata.resultat.budget, indata.resultat.utfall] : [])];
  const dec = Math.max(0, maxOf(amounts.map((a) => a.decimals)));
  const fmt = amountFormat(dec);
  const scale = (x: string) => (dec === 0 ? `ROUND(${x},0)` : `ROUND(${x}*${10 ** dec},0)`);
  const datum = isoDate(input.today);
  const rows: Cell[][] = [
    [text(followUpSheetName(indata.period), "title")],
    [text(input.forbund, "subtitle")],
    ...noteLines(
      `Skapad ${datum} med Samkalk. Belopp i ${indata.enhet}. Avvikelse = utfall − budget: positiv är bättre för resultatet (mer intäkter eller mindre kostnader). Gula celler går att ändra.`,
      NOTE_WIDTH,
    )
      .slice(0, 2)
      .map((t) => [text(t, "note")]),
  ];
  while (rows.length < HEADER_ROW) rows.push([]);
  rows.push(
    ["Post", `Budget (${indata.enhet})`, `Utfall (${indata.enhet})`, `Avvikelse (${indata.enhet})`, "Avvikelse (%)"].map((h) => text(h, "header")),
  );
  /** Avvikelse in kr and in % of |budget|, on Excel row `r`. */
  const deviation = (r: number, a: Avvikelse, style?: "total"): Cell[] => [
    formula(`C${r}-B${r}`, money(a.avvikelse), style, fmt),
    formula(
      `IF(${scale(`B${r}`)}=0,"",ROUND(${scale(`D${r}`)}*${100 * 10 ** pd}/ABS(${scale(`B${r}`)}),0)/${10 ** pd})`,
      a.avvikelseProcent ? decimalToNumber(a.avvikelseProcent) : "",
      style,
      PERCENT_FORMAT,
    ),
  ];

  // Lines in blocks: groups (per section) in order of first appearance; ungrouped lines without a heading.
  type Block = { sektion?: Sektion; grupp?: string; idx: number[] };
  const blocks: Block[] = [];
  rader.forEach((r, i) => {
    let b = blocks.find((x) => x.sektion === r.sektion && x.grupp === r.grupp);
    if (!b) blocks.push((b = { ...(r.sektion ? { sektion: r.sektion } : {}), ...(r.grupp ? { grupp: r.grupp } : {}), idx: [] }));
    b.idx.push(i);
  });
  const lineRows: number[] = [];
  const groupSumRows: number[] = [];
  const lineRefs: { budget: string[]; utfall: string[] } = { budget: [], utfall: [] };
  for (const b of blocks) {
    if (b.grupp !== undefined) rows.push([text(b.grupp, "label")]);
    const first = rows.length;
    for (const i of b.idx) {
      const r = rows.length + 1;
      lineRows[i] = rows.length;
      rows.push([text(rader[i].post), num(money(rader[i].budget), "input", fmt), num(money(rader[i].utfall), "input", fmt), ...deviation(r, u.rader[i])]);
    }
    const last = rows.length;
    if (b.grupp !== undefined) {
      const g = u.grupper.find((x) => x.post === b.grupp && x.sektion === b.sektion)!;
      const r = rows.length + 1;
      groupSumRows.push(rows.length);
      rows.push([
        text(`Summa ${b.grupp.charAt(0).toLocaleLowerCase("sv-SE")}${b.grupp.slice(1)}`, "total"),
        formula(`SUM(B${first + 1}:B${last})`, money(g.budget), "total", fmt),
        formula(`SUM(C${first + 1}:C${last})`, money(g.utfall), "total", fmt),
        ...deviation(r, g, "total"),
      ]);
    }
    lineRefs.budget.push(`B${first + 1}:B${last}`);
    lineRefs.utfall.push(`C${first + 1}:C${last}`);
  }

  // The period's result: typed when given outright (a delårsrapport), else the sum of the lines.
  if (rader.length > 0) rows.push([]);
  const resultatRow = rows.length;
  const rr = resultatRow + 1;
  const res = u.resultat;
  rows.push([
    text("Resultat för perioden", "total"),
    indata.resultat ? num(money(indata.resultat.budget), "input", fmt) : formula(sumOf(lineRefs.budget), money(res.budget), "total", fmt),
    indata.resultat ? num(money(indata.resultat.utfall), "input", fmt) : formula(sumOf(lineRefs.utfall), money(res.utfall), "total", fmt),
    ...deviation(rr, res, "total"),
  ]);
  const better = `IF(D${rr}>0,"bättre än budget",IF(D${rr}<0,"sämre än budget","i nivå med budget"))`;
  rows.push([
    text("Jämfört med budget"),
    formula(better, res.avvikelse.minor > 0n ? "bättre än budget" : res.avvikelse.minor < 0n ? "sämre än budget" : "i nivå med budget", "check"),
  ]);
  rows.push([]);
  for (const t of noteLines(`När bladet skapades: ${u.sammanfattning}`, NOTE_WIDTH)) rows.push([text(t, "note")]);
  for (const v of u.varningar) for (const t of noteLines(`Obs: ${v}`, NOTE_WIDTH)) rows.push([text(t, "note")]);

  // Co-financing commitments per year.
  rows.push([]);
  const years = [...new Set(input.medfinansiering.flatMap((c) => Object.keys(c.belopp).map(Number)))].sort((a, b) => a - b);
  rows.push([text("Medfinansiering: beslutade åtaganden per år", "label")]);
  const cofinHeaderRow = rows.length;
  if (input.medfinansiering.length === 0) {
    rows.push([text("Inga åtaganden angivna.", "note")]);
  } else {
    rows.push([text("Åtagande", "header"), ...years.map((y) => num(y, "header", YEAR_FORMAT)), text(`Summa (${input.medfinansieringEnhet ?? indata.enhet})`, "header")]);
    for (const c of input.medfinansiering) {
      const r = rows.length + 1;
      const cells: Cell[] = years.map((y) => (c.belopp[y] ? num(money(abs(c.belopp[y])), "input", fmt) : empty("input")));
      const lastLetter = columnLetters(years.length);
      const sum = Object.values(c.belopp).reduce((s, a) => s + money(abs(a)), 0);
      rows.push([text(c.namn), ...cells, formula(`SUM(B${r}:${lastLetter}${r})`, sum, "total", fmt)]);
    }
    rows.push([
      text(
        input.projektionsblad
          ? `Åtagandena finns som kostnader i budgetprognosen på bladet ${input.projektionsblad}.`
          : "Åtagandena tas med som kostnader (gruppen Medfinansiering) när budgetprognosen skapas.",
        "note",
      ),
    ]);
  }
  const lastRow = rows.length - 1;
  const spec: SheetSpec = {
    name: followUpSheetName(indata.period),
    kind: "budget-uppfoljning",
    blocks: [{ row: 0, col: 0, cells: rows }],
    columnWidths: [44, 15, 15, 15, 13, ...years.slice(4).map(() => 13)],
    tables: [],
    validations: [],
    print: portraitPrint({ row: 0, col: 0, rows: lastRow + 1, cols: Math.max(5, years.length + 2) }, followUpSheetName(indata.period), `${input.forbund} · utskrivet ${datum}`),
    freezeRows: HEADER_ROW + 1,
  };
  return { spec, layout: { headerRow: HEADER_ROW, lineRows, groupSumRows, resultatRow, cofinHeaderRow } };
}
