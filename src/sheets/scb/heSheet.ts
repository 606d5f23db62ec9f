/**
 * The "Helårsekvivalenter" analysis sheet: helårsekvivalenter as a share of the population 20–64 per
 * kommun, per benefit type and year, against riket — every number a live formula (COUNTIFS/SUMIFS)
 * over the tidy SCB table sheet, with counts beside shares (small kommuner swing a lot), and the
 * domain's value (heAnalysis.ts) as each formula's `expected`.
 *
 * Layout, top to bottom: title and notes; the choice of kön/åldersgrupp (yellow: change one and the
 * sheet recalculates); chart data "share per kommun and year" with a line chart (one line per kommun
 * and riket) beside it; chart data "the förbund per benefit type" with a stacked column chart beside
 * it; the table of yearly values per region (months, counts, Folkmängd, shares) with the SCB labels
 * it matches above its count columns; the förbund's sums.
 */
import { ChartSpec, Cell, SheetSpec } from "../spec";
import { cellAddress, columnLetters } from "../../domain/a1";
import { criteriaText, empty, formula, isoDate, sheetRef, text } from "../cells";
import { uniqueHeaders } from "./common";
import { landscapePrint } from "../print";
import type { HeAnalysis, HeYear } from "../../domain/scb/heAnalysis";
import type { TidySheetLayout } from "./tidySheet";

export const HE_SHEET = "Helårsekvivalenter";
export const HE_TABLE = "Samkalk_HE_Arsvarden";
/** Regions drawn as lines; with more kommuner the chart shows the förbund and riket only. */
const MAX_LINES = 20;

export interface HeSheetInput {
  analysis: HeAnalysis;
  /** The tidy table sheet the formulas read. */
  tidySheet: string;
  tidyLayout: TidySheetLayout;
  forbund: string;
  /** "Källa: SCB, tabell HE0000T02N2, hämtad …". */
  kallaText: string;
  /** Data that are not SCB's: said in the title and in red on the sheet. */
  syntetisk?: boolean;
  today: Date;
}

const FMT = { share: "0.0%", count: "#,##0.0", int: "#,##0", months: "0" } as const;

/** "20-64 år" → "20–64 år". */
function ageText(a: HeAnalysis): string {
  const u = a.struktur.urval.find((x) => /ålder|alder|age/i.test(x.dimension));
  const m = u ? /(\d+)\s*[-–]\s*(\d+)/.exec(u.varde) : null;
  return m ? `${m[1]}–${m[2]} år` : "20–64 år";
}

const blank = (v: number | null): number | string => (v === null ? "" : v);

export function buildHeSheet(input: HeSheetInput): SheetSpec {
  const { analysis: a, tidyLayout: tl } = input;
  const s = a.struktur;
  const T = s.typer.length;
  const ar = a.ar;
  const Y = ar.length;
  const alder = ageText(a);
  const title = `Helårsekvivalenter som andel av befolkningen ${alder}${input.syntetisk ? " – syntetiska exempeldata" : ""}`;

  // Columns of the yearly table.
  const K = { kod: 0, region: 1, ar: 2, man: 3, antal: 4, folk: 5 + T, andel: 6 + T } as const;
  const lastCol = K.andel + T;
  const L = columnLetters;

  // Rows, top to bottom.
  const notes: Array<[string, "note" | "bad"]> = [];
  if (input.syntetisk) notes.push(["SYNTETISKA EXEMPELDATA – inte SCB:s siffror. Hämta tabellen HE0000T02N2 från SCB för riktiga värden.", "bad"]);
  notes.push(
    [`Skapad ${isoDate(input.today)} med Samkalk. Alla tal är formler över bladet "${input.tidySheet}". ${input.kallaText}`, "note"],
    [
      s.arsvarde === "december"
        ? "Årsvärde = decembervärdet (helårsekvivalenter och folkmängd). Andel = helårsekvivalenter / folkmängd."
        : "Årsvärde = medelvärdet av årets månader (helårsekvivalenter och folkmängd). Andel = helårsekvivalenter / folkmängd.",
      "note",
    ],
    ["Senaste året är preliminärt och kan ha färre månader: se kolumnen Månader. Saknat värde räknas som 0.", "note"],
    ["I små kommuner ger några få personer stora utslag i andelen – läs antalen bredvid andelarna.", "note"],
    ["Diagrammen bygger på diagramdatan till vänster om dem och följer med när talen ändras.", "note"],
  );
  const urvalRow = 2 + notes.length + 1;
  const filterRow0 = urvalRow + 1;
  const nf = s.urval.length;

  const kommunRows = a.regioner.map((r, i) => ({ r, i })).filter((x) => x.r.roll === "kommun");
  const lineRegions = kommunRows.length <= MAX_LINES ? a.regioner.map((r, i) => ({ name: r.namn, i })) : [];
  const chartRows = Math.max(18, Y + 2);

  const m1 = filterRow0 + nf + 1; // label row of chart data 1
  const m2 = m1 + 1 + chartRows + 1;
  const t0 = m2 + 1 + chartRows + 1; // label row of the yearly table
  const critRow = t0 + 1;
  const headerRow = t0 + 2;
  const first = headerRow + 1;
  const rowOf = (region: number, year: number) => first + region * Y + year;
  const last = rowOf(a.regioner.length - 1, Y - 1);
  const f0 = last + 3; // förbund label row
  const fHeader = f0 + 1;
  const fRow = (year: number) => fHeader + 1 + year;

  // Ranges of the tidy sheet.
  const ref = sheetRef(input.tidySheet);
  const rng = (col: number) => `${ref}$${L(col)}$${tl.firstDataRow + 1}:$${L(col)}$${tl.lastDataRow + 1}`;
  const V = rng(tl.columns.varde);
  const R = rng(tl.columns.region);
  const C = rng(tl.columns.dimensions[s.innehall]);
  const P = rng(tl.columns.period);
  const filters = s.urval.map((u, k) => `${rng(tl.columns.dimensions[u.dimension])},"="&$B$${filterRow0 + k + 1}`);
  const periodCrit = (r: number) => {
    const y = `$${L(K.ar)}${r + 1}`;
    if (s.periodTyp === "år") return `"="&${y}`;
    if (s.arsvarde === "december") return `${y}&"M12"`;
    return `${y}&"${s.periodTyp === "kvartal" ? "K" : "M"}*"`;
  };
  const crit = (r: number) => [`${R},"="&$${L(K.region)}${r + 1}`, ...filters, `${P},${periodCrit(r)}`].join(",");
  const contentCrit = (col: number) => `${C},"="&${L(col)}$${critRow + 1}`;
  const months = (r: number) => `$${L(K.man)}${r + 1}`;
  const folkCell = (r: number) => `$${L(K.folk)}${r + 1}`;

  const blocks: SheetSpec["blocks"] = [];
  blocks.push({
    row: 0,
    col: 0,
    cells: [[text(title, "title")], [text(input.forbund, "subtitle")], ...notes.map(([t, style]) => [text(t, style)])],
  });
  blocks.push({
    row: urvalRow,
    col: 0,
    cells: [
      [text("Urval (ändra för att räkna om)", "label")],
      ...s.urval.map((u) => [text(u.dimension, "label"), text(criteriaText(u.varde), "input")]),
    ],
  });

  // The yearly table.
  const headers = uniqueHeaders([
    "Kod",
    "Region",
    "År",
    "Månader",
    ...s.typer.map((t) => `${t} (antal)`),
    `${s.summa} (antal)`,
    `${s.folkmangd} ${alder}`,
    ...s.typer.map((t) => `${t} (andel)`),
    "Summa (andel)",
  ]);
  const critCells: Cell[] = [text("Matchar i SCB-tabellen:", "helper"), empty(), empty(), empty()];
  for (const c of [...s.typer, s.summa]) critCells.push(text(criteriaText(c), "helper"));
  critCells.push(text(criteriaText(s.folkmangd), "helper"));

  const yearRow = (r: number, region: { kod: string; namn: string }, year: number, v: HeYear): Cell[] => {
    const line: Cell[] = [text(region.kod), text(criteriaText(region.namn)), text(String(year))];
    line.push(formula(`COUNTIFS(${crit(r)},${contentCrit(K.folk)},${V},"<>")`, v.manader, undefined, FMT.months));
    for (let t = 0; t <= T; t++) {
      const col = K.antal + t;
      line.push(formula(`IF(${months(r)}=0,"",SUMIFS(${V},${crit(r)},${contentCrit(col)})/${months(r)})`, blank(v.antal[t]), undefined, FMT.count));
    }
    line.push(formula(`IF(${months(r)}=0,"",SUMIFS(${V},${crit(r)},${contentCrit(K.folk)})/${months(r)})`, blank(v.folkmangd), undefined, FMT.int));
    for (let t = 0; t <= T; t++) {
      line.push(
        formula(`IF(OR(${months(r)}=0,${folkCell(r)}=0),"",${L(K.antal + t)}${r + 1}/${folkCell(r)})`, blank(v.andel[t]), undefined, FMT.share),
      );
    }
    return line;
  };
  const tableRows: Cell[][] = [];
  a.regioner.forEach((region, i) => ar.forEach((y, j) => tableRows.push(yearRow(rowOf(i, j), region, y, a.varden[i][j]))));
  blocks.push({
    row: t0,
    col: 0,
    cells: [[text("Årsvärden per region", "label")], critCells, headers.map((h) => text(h, "header")), ...tableRows],
  });

  // The förbund: sums of its kommuner.
  if (a.forbund) {
    const cellsOf = (col: number, j: number) => kommunRows.map((k) => `${L(col)}${rowOf(k.i, j) + 1}`).join(",");
    const fRows: Cell[][] = ar.map((y, j) => {
      const v = a.forbund![j];
      const r = fRow(j);
      const line: Cell[] = [empty(), text(input.forbund), text(String(y)), formula(`MIN(${cellsOf(K.man, j)})`, v.manader, undefined, FMT.months)];
      for (let t = 0; t <= T; t++) line.push(formula(`SUM(${cellsOf(K.antal + t, j)})`, v.antal[t] ?? 0, undefined, FMT.count));
      line.push(formula(`SUM(${cellsOf(K.folk, j)})`, v.folkmangd ?? 0, undefined, FMT.int));
      for (let t = 0; t <= T; t++) {
        line.push(formula(`IF(${folkCell(r)}=0,"",${L(K.antal + t)}${r + 1}/${folkCell(r)})`, blank(v.andel[t]), undefined, FMT.share));
      }
      return line;
    });
    blocks.push({
      row: f0,
      col: 0,
      cells: [[text(`${input.forbund}: summa av medlemskommunerna (månader = minsta antalet bland dem)`, "label")], headers.map((h) => text(h, "header")), ...fRows],
    });
  }

  // Chart data 1: share (Summa) per region and year.
  const lines = lineRegions.length > 0 ? lineRegions.map((x) => ({ name: x.name, cell: (j: number) => rowOf(x.i, j), v: (j: number) => a.varden[x.i][j] })) : [];
  if (lines.length === 0) {
    if (a.forbund) lines.push({ name: input.forbund, cell: fRow, v: (j) => a.forbund![j] });
    const riket = a.regioner.findIndex((r) => r.roll === "riket");
    if (riket >= 0) lines.push({ name: a.regioner[riket].namn, cell: (j) => rowOf(riket, j), v: (j) => a.varden[riket][j] });
  }
  const sumCol = K.andel + T;
  blocks.push({
    row: m1,
    col: 0,
    cells: [
      [text(`Andel av befolkningen ${alder} per år (diagramdata)`, "label")],
      [text("År", "header"), ...lines.map((l) => text(l.name, "header"))],
      ...ar.map((y, j) => [
        text(String(y)),
        ...lines.map((l) => formula(`${L(sumCol)}${l.cell(j) + 1}`, blank(l.v(j).andel[T]), undefined, FMT.share)),
      ]),
    ],
  });

  // Chart data 2: the förbund (or its only kommun) per benefit type.
  const whole = a.forbund ? { name: input.forbund, cell: fRow, v: (j: number) => a.forbund![j] } : { name: kommunRows[0].r.namn, cell: (j: number) => rowOf(kommunRows[0].i, j), v: (j: number) => a.varden[kommunRows[0].i][j] };
  blocks.push({
    row: m2,
    col: 0,
    cells: [
      [text(`${whole.name}: andel per ersättning (diagramdata)`, "label")],
      [text("År", "header"), ...s.typer.map((t) => text(t, "header"))],
      ...ar.map((y, j) => [
        text(String(y)),
        ...s.typer.map((_, t) => formula(`${L(K.andel + t)}${whole.cell(j) + 1}`, blank(whole.v(j).andel[t]), undefined, FMT.share)),
      ]),
    ],
  });

  const chartWidth = 8;
  const charts: ChartSpec[] = [
    {
      name: "Samkalk andel per region",
      type: "line",
      title: `Helårsekvivalenter som andel av befolkningen ${alder}`,
      source: { row: m1 + 1, col: 0, rows: Y + 1, cols: lines.length + 1 },
      seriesBy: "columns",
      categoryAxisTitle: "År",
      valueAxisTitle: `Andel av befolkningen ${alder}`,
      position: { row: m1 + 1, col: lines.length + 2, rows: chartRows, cols: chartWidth },
    },
    {
      name: "Samkalk andel per ersattning",
      type: "columnStacked",
      title: `Helårsekvivalenter per ersättning, ${whole.name}`.slice(0, 255),
      source: { row: m2 + 1, col: 0, rows: Y + 1, cols: T + 1 },
      seriesBy: "columns",
      categoryAxisTitle: "År",
      valueAxisTitle: `Andel av befolkningen ${alder}`,
      position: { row: m2 + 1, col: T + 2, rows: chartRows, cols: chartWidth },
    },
  ];

  const lastRow = a.forbund ? fRow(Y - 1) : last;
  return {
    name: HE_SHEET,
    kind: "helarsekvivalenter",
    blocks,
    columnWidths: [10, 24, 8, 9, ...Array<number>(T + 1).fill(13), 14, ...Array<number>(T + 1).fill(12)],
    tables: [{ name: HE_TABLE, range: { row: headerRow, col: 0, rows: tableRows.length + 1, cols: lastCol + 1 }, style: "TableStyleLight9" }],
    validations: [],
    print: landscapePrint({ row: 0, col: 0, rows: lastRow + 1, cols: Math.max(lastCol + 1, lines.length + 2 + chartWidth) }, title.slice(0, 200), input.forbund),
    charts,
  };
}

/** Where things are, for tests and readers. */
export function heSheetCells(input: HeSheetInput) {
  const spec = buildHeSheet(input);
  const table = spec.tables[0].range;
  const T = input.analysis.struktur.typer.length;
  const Y = input.analysis.ar.length;
  return {
    spec,
    /** Address of region i's share (Summa) in year j. */
    andelSumma: (i: number, j: number) => cellAddress(table.row + 1 + i * Y + j, 6 + 2 * T),
    antal: (i: number, j: number, t: number) => cellAddress(table.row + 1 + i * Y + j, 4 + t),
    andel: (i: number, j: number, t: number) => cellAddress(table.row + 1 + i * Y + j, 6 + T + t),
    manader: (i: number, j: number) => cellAddress(table.row + 1 + i * Y + j, 3),
    folkmangd: (i: number, j: number) => cellAddress(table.row + 1 + i * Y + j, 5 + T),
  };
}
