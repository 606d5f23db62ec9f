/**
 * "Sammanfattning för styrelsen": the figures a board reads first, on one A4 page — fees per member and
 * party, result and equity per year with the projection's checks, initiatives per status, the target
 * group's share of 20–64 against riket — each with a link to the sheet it comes from, two native charts
 * (fees per kommun, result and equity), and every check of every sheet of the pack in one list: a live
 * formula that shows OK or FEL from the check's own cell, with a link to that cell.
 */
import { amountToNumber, type Amount } from "../../domain/amount";
import type { Projektion } from "../../domain/budget/projection";
import type { FeeSplitResult } from "../../domain/fee/feeSplit";
import type { Oversikt } from "../../domain/initiatives/overview";
import type { HeAnalysis } from "../../domain/scb/heAnalysis";
import { amountFormat, formula, isoDate, num, sheetRef, text } from "../cells";
import { checkStatusFormula, type SheetCheck } from "../checks";
import { portraitPrint } from "../print";
import type { Cell, ChartSpec, SheetSpec } from "../spec";
import { cellLink } from "./links";

export const SUMMARY_SHEET = "Sammanfattning för styrelsen";

export interface SummaryInput {
  forbund: string;
  ar: number;
  today: Date;
  fee?: { sheet: string; result: FeeSplitResult };
  budget?: { sheet: string; projection: Projektion; trappaTom: boolean };
  initiativ?: { sheet: string; oversikt: Oversikt; datum: string };
  he?: { sheet: string; analysis: HeAnalysis; syntetisk: boolean };
  checks: SheetCheck[];
}

const COLS = 5;
const SHARE = "0.0%";

function money(a: Amount, decimals: number): Cell {
  return num(amountToNumber(a), undefined, amountFormat(decimals));
}

/** The förbund's (or single kommun's) and riket's share of 20–64 in the latest year with data. */
function heShares(a: HeAnalysis): { ar: number; manader: number; forbund: number; riket: number } | null {
  const riketIndex = a.regioner.findIndex((r) => r.roll === "riket");
  const own = a.forbund ?? a.varden[a.regioner.findIndex((r) => r.roll === "kommun")];
  if (riketIndex < 0 || !own) return null;
  const summa = a.struktur.typer.length;
  for (let y = a.ar.length - 1; y >= 0; y--) {
    const f = own[y]?.andel[summa];
    const r = a.varden[riketIndex][y]?.andel[summa];
    if (typeof f === "number" && typeof r === "number") return { ar: a.ar[y], manader: own[y].manader, forbund: f, riket: r };
  }
  return null;
}

/** Rows a chart takes under the tables; its place is set once every table is laid out. */
const CHART_ROWS = 16;
const CHART_PLACE = { row: 0, col: 0, rows: CHART_ROWS, cols: 1 };

export function buildSummarySheet(input: SummaryInput): SheetSpec {
  const rows: Cell[][] = [];
  const charts: ChartSpec[] = [];
  const heading = (t: string, link?: { sheet: string; label: string }) => rows.push([text(t, "heading"), ...(link ? [empty(), empty(), empty(), cellLink(link.sheet, "A1", link.label)] : [])]);
  const empty = (): Cell => ({ kind: "empty" });

  rows.push([text(`Sammanfattning för styrelsen ${input.ar} – ${input.forbund}`, "title")]);
  rows.push([text(`Samkalk ${isoDate(input.today)}. Varje siffra kommer från bladet som länkas; kontrollerna läses från sina celler.`, "subtitle")]);

  if (input.fee) {
    const r = input.fee.result;
    const d = r.decimals;
    rows.push([]);
    heading(`Medlemsavgifter ${input.ar} (${r.request.enhet})`, { sheet: input.fee.sheet, label: input.fee.sheet });
    const first = rows.length;
    rows.push(["Medlem", "Avgift", "Andel"].map((h) => text(h, "header")));
    for (const k of r.kommuner) rows.push([text(k.namn), money(k.avgift, d), num(k.andel, undefined, SHARE)]);
    const last = rows.length - 1;
    rows.push([text("Kommunerna (25 %)", "total"), money(r.kommunerTotal, d)]);
    rows.push([text(`${r.request.region} (25 %)`), money(r.region, d)]);
    rows.push([text("Staten via Försäkringskassan (50 %)"), money(r.stat, d)]);
    rows.push([text("Summa", "total"), money(r.total, d)]);
    charts.push({
      name: "Avgifter",
      type: "columnStacked",
      title: `Kommunernas avgifter ${input.ar} (${r.request.enhet})`,
      source: { row: first, col: 0, rows: last - first + 1, cols: 2 },
      seriesBy: "columns",
      position: CHART_PLACE,
    });
  }

  if (input.budget) {
    const p = input.budget.projection;
    rows.push([]);
    heading(`Resultat och eget kapital (${p.enhet})`, { sheet: input.budget.sheet, label: input.budget.sheet });
    const first = rows.length;
    rows.push(["År", "Resultat", "Eget kapital vid årets slut", "Kontroll"].map((h) => text(h, "header")));
    const dec = Math.max(0, ...p.ar.map((y) => y.resultat.decimals));
    for (const y of p.ar) {
      const findings = p.kontroller.filter((k) => k.ar === y.ar);
      rows.push([text(String(y.ar)), money(y.resultat, dec), money(y.ekSlut, dec), text(findings.length === 0 ? "OK" : findings.map((k) => k.meddelande).join(" "), findings.length === 0 ? "good" : "bad")]);
    }
    const last = rows.length - 1;
    if (input.budget.trappaTom) rows.push([text("Trappan för eget kapital är inte ifylld på prognosbladet; den kontrollen görs när nivåerna finns.", "note")]);
    charts.push({
      name: "Resultat",
      type: "line",
      title: `Resultat och eget kapital (${p.enhet})`,
      source: { row: first, col: 0, rows: last - first + 1, cols: 3 },
      seriesBy: "columns",
      position: CHART_PLACE,
    });
  }

  if (input.initiativ) {
    const o = input.initiativ.oversikt;
    rows.push([]);
    heading(`Samverkansinitiativ, nuläge ${input.initiativ.datum}`, { sheet: input.initiativ.sheet, label: input.initiativ.sheet });
    rows.push(["Nuläge", "Antal"].map((h) => text(h, "header")));
    for (const n of o.perNulage) rows.push([text(n.nulage), num(n.antal)]);
    rows.push([text("Summa", "total"), num(o.antal)]);
  }

  if (input.he) {
    const s = heShares(input.he.analysis);
    rows.push([]);
    heading(`Målgruppen: andel av befolkningen 20–64 med ersättning${input.he.syntetisk ? " (SYNTETISKA EXEMPELDATA)" : ""}`, { sheet: input.he.sheet, label: input.he.sheet });
    if (s) {
      rows.push(["År", "Förbundet", "Riket", "Skillnad"].map((h) => text(h, "header")));
      rows.push([text(`${s.ar}${s.manader < 12 ? ` (${s.manader} mån)` : ""}`), num(s.forbund, undefined, SHARE), num(s.riket, undefined, SHARE), num(s.forbund - s.riket, undefined, "+0.0%;-0.0%;0.0%")]);
    } else rows.push([text("Tabellen har ingen andel för både förbundet och riket.", "note")]);
  }

  rows.push([]);
  const failed = input.checks.filter((c) => c.status === "FEL").length;
  const open = input.checks.filter((c) => c.status === "ej kontrollerad").length;
  heading(`Alla kontroller: ${input.checks.length}, ${failed === 0 ? "inga FEL" : `${failed} FEL`}${open > 0 ? `, ${open} ej kontrollerade` : ""}`);
  rows.push(["Blad", "Kontroll", "Status", "Cell"].map((h) => text(h, "header")));
  for (const c of input.checks) {
    const ref = `${sheetRef(c.sheet)}${c.address}`;
    rows.push([
      text(c.sheet),
      text(c.label),
      formula(checkStatusFormula(ref), c.status, c.status === "OK" ? "good" : c.status === "FEL" ? "bad" : "muted"),
      cellLink(c.sheet, c.address, c.address),
    ]);
  }

  // The charts go under the tables, inside the printed page: side by side when there are two.
  const chartRow = rows.length + 1;
  const widths = charts.length === 2 ? [{ col: 0, cols: 1 }, { col: 1, cols: COLS - 2 }] : [{ col: 0, cols: COLS - 1 }];
  const placed = charts.map((c, i) => ({ ...c, position: { row: chartRow, rows: CHART_ROWS, ...widths[i] } }));
  const printedRows = charts.length > 0 ? chartRow + CHART_ROWS : rows.length;

  const fee = input.fee;
  return {
    name: SUMMARY_SHEET,
    kind: "sammanfattning",
    blocks: [{ row: 0, col: 0, cells: rows }],
    columnWidths: [34, 46, 16, 12, 2],
    tables: [],
    validations: [],
    // One A4 page, charts included, however many checks the list holds.
    print: { ...portraitPrint({ row: 0, col: 0, rows: printedRows, cols: COLS - 1 }, "Sammanfattning för styrelsen", `${input.forbund} · ${fee ? fee.result.request.ar : input.ar}`), onePage: true },
    charts: placed,
  };
}
