import type { Amount } from "../../domain/amount";
import { abs, compare, negate, percentOf, total } from "../../domain/budget/money";
import {
  Antagande, MEDFINANSIERING, Medfinansiering, OVRIGA_KOSTNADER, Projektion, ProjektionsIndata, ProjektionsKontrollTyp, ProjektionsRad,
} from "../../domain/budget/projection";
import type { Medlem, Sektion } from "../../domain/budget/types";
import { FEE_SHEET_LAYOUT } from "../fee/feeSheet";
import { Cell, CellStyle, SheetSpec, ValidationSpec } from "../spec";
import { cellAddress, columnLetters } from "../../domain/a1";
import { amountFormat, empty, formula, isoDate, num, sheetRef, text } from "../cells";
import { PERCENT_FORMAT, YEAR_FORMAT, columnRuns, decimalToNumber, money, noteLines, quoted, sumOf } from "./common";
import { portraitPrint } from "../print";

/** Row labels of the board's checks. */
export const CHECK_LABELS = {
  ekNegativ: "Eget kapital vid årets slut är inte negativt",
  matt: "Mått för trappan (medlemsavgifter/intäkter)",
  trappProcent: "Trappan: högsta eget kapital, % av måttet",
  trappGrans: "Trappan: högsta eget kapital",
  trappa: "Eget kapital inom trappan",
  proportion: "Medlemsavgifterna följer 50/25/25",
  avgiftsblad: "Avgifterna = bladet Medlemsavgifter <år>",
} as const;

/** What the check cells say (short: they stand in the year columns). */
export const CHECK_STATUS = {
  negativt: "FEL: negativt",
  overTrappan: "FEL: över trappan",
  ingenTrappa: "Ingen trappa",
  ingenNiva: "Ingen nivå",
  ej502525: "FEL: ej 50/25/25",
  ingenRegion: "Ingen region",
  avviker: "FEL: avviker",
  ingetBlad: "Inget blad",
} as const;
const S_ = CHECK_STATUS;

/**
 * The projection sheet "Budget <år1>–<år3>" in the förbund's usual layout: intäkter per member and other
 * income, kostnader per group with sums, Summa intäkter/kostnader, Resultat, and Eget kapital rolled
 * forward, every amount a live formula over the assumptions beside it (columns F onwards, yellow):
 * the base year's amount, a yearly change in %, a change per year, fixed amounts (decided member fees,
 * co-financing commitments) and a last year; per group the same changes and last year; a default change.
 * Below: member fee totals, the board's checks as formulas, the equity staircase rule table (empty
 * unless the förbund fills it in) and how it is computed.
 *
 * Exact rounding: a change is ROUND(ROUND(prev × 10^d) × (10000 + ROUND(p × 100)) / 10000) / 10^d: the
 * product is an exact integer, and the quotient of an integer by 10 000 is exactly a half when the
 * decimal result is, so Excel's ROUND can never land on the wrong side of a half (as ROUND(-1580*1.025,0)
 * can, where 1.025 is not a binary number).
 */

/** A fee split sheet for a year of the projection, that member fees link to. */
export interface FeeSheetLink {
  ar: number;
  sheetName: string;
  /** Kommun codes in the fee sheet's table. */
  kommunKoder: string[];
}

export interface ProjectionSheetInput {
  forbund: string;
  today: Date;
  /** Where the base year came from, for the note line. */
  kalla: string;
  indata: ProjektionsIndata;
  projektion: Projektion;
  avgiftsblad: FeeSheetLink[];
}

export interface ProjectionLayout {
  headerRow: number;
  /** 0-based column of year index j. */
  yearCol(j: number): number;
  col: { bas: number; arlig: number; perAr(j: number): number; fast(j: number): number; sista: number };
  /** 0-based row of a line (post name; the first such line). */
  lineRow(post: string): number;
  /** 0-based row of a group heading / group sum. */
  groupRow(grupp: string): number;
  groupSumRow(grupp: string): number;
  rows: Record<
    | "standard" | "summaIntakter" | "summaKostnader" | "resultat" | "ekBorjan" | "ekSlut" | "stat" | "region" | "kommuner" | "medlemsavgifter"
    | "ekNegativ" | "matt" | "trappProcent" | "trappGrans" | "trappa" | "proportion" | "avgiftsblad" | "mattVal" | "kalla" | "forstaTrappsteg",
    number
  >;
  trappsteg: number;
}

export function projectionSheetName(years: number[]): string {
  return years.length === 1 ? `Budget ${years[0]}` : `Budget ${years[0]}–${years[years.length - 1]}`;
}

type LineKind = "bas" | "medlem_ny" | "medfinansiering";

interface SheetLine {
  kind: LineKind;
  sektion: Sektion;
  post: string;
  /** The line's group as the domain has it (base group, or a co-financing group). */
  grupp?: string;
  /** A base line's own group, whose assumptions apply. */
  realGroup?: string;
  medlem?: Medlem;
  medlemskod?: string;
  bas?: Amount;
  egen?: Antagande;
  gruppens?: Antagande;
  cofin?: Medfinansiering;
  rows: ProjektionsRad[];
  /** 0-based sheet row. */
  row: number;
}

interface DisplayBlock {
  sektion: Sektion;
  name?: string;
  lines: SheetLine[];
  hasInputs: boolean;
  headingRow?: number;
  sumRow?: number;
}

const MIN_TIERS = 5;
/** Characters a note line may have to stay within the printed columns A–D. */
const NOTE_WIDTH = 86;

export function buildProjectionSheet(input: ProjectionSheetInput): { spec: SheetSpec; layout: ProjectionLayout } {
  const { indata, projektion: proj } = input;
  const years = proj.ar.map((y) => y.ar);
  const n = years.length;
  const dec = indata.decimaler ?? 0;
  const fmt = amountFormat(dec);
  const enhet = indata.enhet;
  const f = 10 ** dec;

  // Columns.
  const yearCol = (j: number) => 1 + j;
  const C = { bas: n + 2, arlig: n + 3, perAr: (j: number) => n + 4 + j, fast: (j: number) => n + 4 + n + j, sista: n + 4 + 2 * n };
  const L = (c: number) => columnLetters(c);
  const yc = (j: number) => L(yearCol(j));

  // The lines, in the domain's order, with their projected rows.
  const rules = indata.antaganden ?? [];
  const lines: SheetLine[] = indata.bas.map((b) => ({
    kind: "bas" as const,
    sektion: b.sektion,
    post: b.post,
    ...(b.grupp ? { grupp: b.grupp, realGroup: b.grupp } : {}),
    ...(b.medlem ? { medlem: b.medlem } : {}),
    ...(b.medlemskod ? { medlemskod: b.medlemskod } : {}),
    bas: b.belopp,
    egen: rules.find((a) => a.post === b.post),
    gruppens: rules.find((a) => a.post === undefined && b.grupp !== undefined && a.grupp === b.grupp),
    rows: [],
    row: -1,
  }));
  const cofins = indata.medfinansiering ?? [];
  const nBaseIncome = indata.bas.filter((b) => b.sektion === "intäkter").length;
  const nCofinIncome = cofins.filter((c) => c.sektion === "intäkter").length;
  const income0 = proj.ar[0].intakter;
  for (const r of income0.slice(nBaseIncome, income0.length - nCofinIncome)) {
    lines.push({ kind: "medlem_ny", sektion: "intäkter", post: r.post, ...(r.medlem ? { medlem: r.medlem } : {}), ...(r.medlemskod ? { medlemskod: r.medlemskod } : {}), rows: [], row: -1 });
  }
  for (const c of cofins) {
    const grupp = c.sektion === "kostnader" ? c.grupp ?? MEDFINANSIERING : c.grupp;
    lines.push({ kind: "medfinansiering", sektion: c.sektion, post: c.namn, ...(grupp ? { grupp } : {}), cofin: c, rows: [], row: -1 });
  }
  proj.ar.forEach((y, j) => {
    let inc = 0;
    const seen = new Map<string, number>();
    for (const l of lines) {
      if (l.sektion === "intäkter") l.rows[j] = y.intakter[inc++];
      else {
        const name = l.grupp ?? OVRIGA_KOSTNADER;
        const k = seen.get(name) ?? 0;
        seen.set(name, k + 1);
        l.rows[j] = y.kostnader.find((g) => g.grupp === name)!.poster[k];
      }
      if (!l.rows[j] || l.rows[j].post !== l.post) throw new Error(`Budgetprognosen: raden "${l.post}" ${y.ar} hittades inte i beräkningen.`);
    }
  });

  // Display blocks: groups in order of first appearance; ungrouped income without a heading.
  const blocks: DisplayBlock[] = [];
  for (const l of lines) {
    const name = l.sektion === "kostnader" ? l.grupp ?? OVRIGA_KOSTNADER : l.grupp;
    let b = blocks.find((x) => x.sektion === l.sektion && x.name === name);
    if (!b) blocks.push((b = { sektion: l.sektion, ...(name !== undefined ? { name } : {}), lines: [], hasInputs: false }));
    b.lines.push(l);
    if (l.kind === "bas" && l.realGroup !== undefined && l.realGroup === name) b.hasInputs = true;
  }

  // Rows of the top: title, förbund, the note (as many lines as it takes), the default change, the header.
  const datum = isoDate(input.today);
  const note = noteLines(`Skapad ${datum} med Samkalk från ${input.kalla}. Belopp i ${enhet}. Gula celler är antaganden (här och till höger): ändras de räknas budgeten om.`, NOTE_WIDTH);
  const STANDARD_ROW = 2 + note.length;
  const HEADER_ROW = STANDARD_ROW + 2;

  // Row numbers.
  const sheetRows: Cell[][] = [];
  let r = HEADER_ROW + 1;
  const sectionRows: Partial<Record<Sektion, { heading: number; sum: number }>> = {};
  for (const s of ["intäkter", "kostnader"] as const) {
    const heading = r++;
    for (const b of blocks.filter((x) => x.sektion === s)) {
      if (b.name !== undefined) b.headingRow = r++;
      for (const l of b.lines) l.row = r++;
      if (b.name !== undefined) b.sumRow = r++;
    }
    sectionRows[s] = { heading, sum: r++ };
    r++; // blank
  }
  const R = {
    standard: STANDARD_ROW,
    summaIntakter: sectionRows["intäkter"]!.sum,
    summaKostnader: sectionRows["kostnader"]!.sum,
    resultat: r,
    ekBorjan: r + 1,
    ekSlut: r + 2,
    medlemHeading: r + 4,
    stat: r + 5,
    region: r + 6,
    kommuner: r + 7,
    medlemsavgifter: r + 8,
    kontrollHeading: r + 10,
    ekNegativ: r + 11,
    matt: r + 12,
    trappProcent: r + 13,
    trappGrans: r + 14,
    trappa: r + 15,
    proportion: r + 16,
    avgiftsblad: r + 17,
    trappHeading: r + 19,
    trappNote: r + 20,
    mattVal: r + 22,
    kalla: r + 23,
    trappHeader: r + 24,
    forstaTrappsteg: r + 25,
  };
  const regel = indata.egetKapitalRegel;
  const steg = regel?.steg ?? [];
  const nTiers = Math.max(MIN_TIERS, steg.length);
  const notesRow = R.forstaTrappsteg + nTiers + 1;

  const put = (row: number, col: number, cell: Cell) => {
    while (sheetRows.length <= row) sheetRows.push([]);
    const cells = sheetRows[row];
    while (cells.length < col) cells.push(empty());
    cells[col] = cell;
  };
  const at = (col: number, row: number, abs = false) => cellAddress(row, col, abs);
  const yAt = (j: number, row: number) => `${yc(j)}${row + 1}`;
  const yearHeader = (j: number) => `${yc(j)}$${HEADER_ROW + 1}`;

  // Title, note, the default change, the header row.
  put(0, 0, text(projectionSheetName(years), "title"));
  put(1, 0, text(input.forbund, "subtitle"));
  note.forEach((t, i) => put(2 + i, 0, text(t, "note")));
  put(STANDARD_ROW, 0, text("Förändring för poster utan eget antagande (%)", "label"));
  put(STANDARD_ROW, 1, indata.standardForandring ? num(decimalToNumber(indata.standardForandring), "input", PERCENT_FORMAT) : empty("input"));
  put(HEADER_ROW - 1, C.bas, text("Antaganden (gula celler går att ändra; tom cell = nästa regel, se längst ned)", "label"));
  put(HEADER_ROW, 0, text(`Belopp i ${enhet}`, "header"));
  years.forEach((y, j) => put(HEADER_ROW, yearCol(j), num(y, "header", YEAR_FORMAT)));
  put(HEADER_ROW, C.bas, text(`Utgångsläge ${indata.basAr}`, "header"));
  put(HEADER_ROW, C.arlig, text("Årlig förändring %", "header"));
  years.forEach((y, j) => put(HEADER_ROW, C.perAr(j), text(`Förändring % ${y}`, "header")));
  years.forEach((y, j) => put(HEADER_ROW, C.fast(j), text(`Fast belopp ${y}`, "header")));
  put(HEADER_ROW, C.sista, text("Sista år", "header"));
  const std = at(1, STANDARD_ROW, true);

  const pctCell = (d: { digits: bigint; decimals: number } | undefined) => (d ? num(decimalToNumber(d), "input", PERCENT_FORMAT) : empty("input"));
  const amountCell = (a: Amount | undefined) => (a ? num(money(a), "input", fmt) : empty("input"));
  const change = (prev: string, p: string) =>
    dec === 0
      ? `ROUND(ROUND(${prev},0)*(10000+ROUND(${p}*100,0))/10000,0)`
      : `ROUND(ROUND(${prev}*${f},0)*(10000+ROUND(${p}*100,0))/10000,0)/${f}`;
  const chain = (refs: string[]) => refs.reduceRight((acc, ref) => `IF(ISNUMBER(${ref}),${ref},${acc})`, "0");
  const groupHeading = (l: SheetLine) => blocks.find((b) => b.sektion === l.sektion && b.name === l.realGroup && b.hasInputs)?.headingRow;

  // Member fees linked to a fee split sheet.
  const links = new Map(input.avgiftsblad.map((a) => [a.ar, a]));
  const memberLines = lines.filter((l) => l.medlem);
  const feeRef = (link: FeeSheetLink, row: number) => `${sheetRef(link.sheetName)}${cellAddress(row, FEE_SHEET_LAYOUT.columns.belopp, true)}`;
  const feeTableCol = (link: FeeSheetLink, col: number) => {
    const first = FEE_SHEET_LAYOUT.firstDataRow;
    return `${sheetRef(link.sheetName)}${cellAddress(first, col, true)}:${cellAddress(first + 299, col, true)}`;
  };
  const kommunFee = (link: FeeSheetLink, kod: string) =>
    `IFERROR(INDEX(${feeTableCol(link, FEE_SHEET_LAYOUT.columns.belopp)},MATCH(${quoted(kod)},${feeTableCol(link, FEE_SHEET_LAYOUT.columns.kod)},0)),0)`;
  /** The decided-fee cell of a member line in a linked year. */
  const linkedFee = (l: SheetLine, link: FeeSheetLink, expected: number): Cell => {
    const sameKind = memberLines.filter((m) => m.medlem === l.medlem);
    if (l.medlem === "stat" || l.medlem === "region") {
      if (sameKind[0] !== l) return num(0, "input", fmt);
      return formula(feeRef(link, FEE_SHEET_LAYOUT.topFirst + (l.medlem === "stat" ? 0 : 1)), expected, "helper", fmt);
    }
    const firstWithCode = l.medlemskod !== undefined && sameKind.find((m) => m.medlemskod === l.medlemskod) === l;
    return firstWithCode ? formula(kommunFee(link, l.medlemskod!), expected, "helper", fmt) : num(0, "input", fmt);
  };

  // Section headings, lines and sums.
  const section = (s: Sektion) => (s === "intäkter" ? "Intäkter" : "Kostnader");
  for (const s of ["intäkter", "kostnader"] as const) {
    put(sectionRows[s]!.heading, 0, text(section(s), "heading"));
  }
  for (const b of blocks) {
    if (b.headingRow !== undefined) {
      put(b.headingRow, 0, text(b.name!, "label"));
      if (b.hasInputs) {
        const g = rules.find((a) => a.post === undefined && a.grupp === b.name);
        put(b.headingRow, C.arlig, pctCell(g?.arligForandring));
        years.forEach((y, j) => put(b.headingRow!, C.perAr(j), pctCell(g?.forandringPerAr?.[y])));
        put(b.headingRow, C.sista, g?.sistaAr !== undefined ? num(g.sistaAr, "input", YEAR_FORMAT) : empty("input"));
      }
    }
    for (const l of b.lines) writeLine(l);
    if (b.sumRow !== undefined) {
      put(b.sumRow, 0, text(`Summa ${b.name!.charAt(0).toLocaleLowerCase("sv-SE")}${b.name!.slice(1)}`, "total"));
      const first = b.lines[0].row;
      const last = b.lines[b.lines.length - 1].row;
      years.forEach((_, j) => put(b.sumRow!, yearCol(j), formula(`SUM(${yAt(j, first)}:${yAt(j, last)})`, money(total(b.lines.map((l) => l.rows[j].belopp))), "total", fmt)));
    }
  }

  function writeLine(l: SheetLine): void {
    const row = l.row;
    put(row, 0, text(l.post));
    const K = (j: number) => at(C.fast(j), row);
    const prev = (j: number) => (j === 0 ? `$${L(C.bas)}${row + 1}` : yAt(j - 1, row));
    const gRow = l.kind === "bas" ? groupHeading(l) : undefined;
    const ownSista = `$${L(C.sista)}${row + 1}`;
    const groupSista = gRow !== undefined ? `$${L(C.sista)}${gRow + 1}` : "";
    const sistaPost = (j: number) => `AND(ISNUMBER(${ownSista}),${yearHeader(j)}>${ownSista})`;
    const sistaGroup = (j: number) => `AND(ISNUMBER(${groupSista}),${yearHeader(j)}>${groupSista})`;
    const pRefs = (j: number) => [
      ...(l.kind === "bas" ? [at(C.perAr(j), row), `$${L(C.arlig)}${row + 1}`] : []),
      ...(gRow !== undefined ? [at(C.perAr(j), gRow), `$${L(C.arlig)}${gRow + 1}`] : []),
      std,
    ];
    years.forEach((y, j) => {
      const expected = money(l.rows[j].belopp);
      let f: string;
      if (l.kind === "medfinansiering") f = `IF(ISNUMBER(${K(j)}),${l.sektion === "kostnader" ? "-" : ""}ABS(${K(j)}),0)`;
      else if (l.medlem) {
        const rule = change(prev(j), chain(pRefs(j)));
        const ruled = gRow !== undefined ? `IF(${sistaGroup(j)},0,${rule})` : rule;
        f = `IF(ISNUMBER(${K(j)}),${K(j)},${ruled})`;
      } else {
        const sista =
          gRow !== undefined
            ? `OR(${sistaPost(j)},AND(NOT(ISNUMBER(${ownSista})),ISNUMBER(${groupSista}),${yearHeader(j)}>${groupSista}))`
            : sistaPost(j);
        f = `IF(${sista},0,IF(ISNUMBER(${K(j)}),${K(j)},${change(prev(j), chain(pRefs(j)))}))`;
      }
      put(row, yearCol(j), formula(f, expected, undefined, fmt));
    });
    // Assumptions beside the line.
    if (l.kind === "medfinansiering") {
      const c = l.cofin!;
      years.forEach((y, j) => {
        const a = c.belopp[y];
        put(row, C.fast(j), a ? num(money(l.sektion === "kostnader" ? negate(abs(a)) : abs(a)), "input", fmt) : empty("input"));
      });
      return;
    }
    put(row, C.bas, num(money(l.bas ?? { minor: 0n, decimals: 0 }), "input", fmt));
    if (l.kind === "bas") {
      put(row, C.arlig, pctCell(l.egen?.arligForandring));
      years.forEach((y, j) => put(row, C.perAr(j), pctCell(l.egen?.forandringPerAr?.[y])));
    }
    years.forEach((y, j) => {
      if (l.medlem) {
        const link = links.get(y);
        const decided = l.rows[j].grund === "medlemsavgift";
        put(row, C.fast(j), link ? linkedFee(l, link, money(l.rows[j].belopp)) : decided ? num(money(l.rows[j].belopp), "input", fmt) : empty("input"));
      } else put(row, C.fast(j), amountCell(l.egen?.fastaBelopp?.[y]));
    });
    if (l.kind === "bas" && !l.medlem) put(row, C.sista, l.egen?.sistaAr !== undefined ? num(l.egen.sistaAr, "input", YEAR_FORMAT) : empty("input"));
  }

  // Section sums, result and equity.
  const incomeRefs = (j: number) =>
    blocks
      .filter((b) => b.sektion === "intäkter")
      .flatMap((b) => (b.sumRow !== undefined ? [yAt(j, b.sumRow)] : columnRuns(yc(j), b.lines.map((l) => l.row + 1))));
  const costRefs = (j: number) => blocks.filter((b) => b.sektion === "kostnader").map((b) => yAt(j, b.sumRow!));
  put(R.summaIntakter, 0, text("Summa intäkter", "total"));
  put(R.summaKostnader, 0, text("Summa kostnader", "total"));
  put(R.resultat, 0, text("Resultat", "total"));
  put(R.ekBorjan, 0, text("Eget kapital vid årets början"));
  put(R.ekSlut, 0, text("Eget kapital vid årets slut", "total"));
  proj.ar.forEach((y, j) => {
    put(R.summaIntakter, yearCol(j), formula(sumOf(incomeRefs(j)), money(y.summaIntakter), "total", fmt));
    put(R.summaKostnader, yearCol(j), formula(sumOf(costRefs(j)), money(y.summaKostnader), "total", fmt));
    put(R.resultat, yearCol(j), formula(`${yAt(j, R.summaIntakter)}+${yAt(j, R.summaKostnader)}`, money(y.resultat), "total", fmt));
    put(R.ekBorjan, yearCol(j), j === 0 ? num(money(y.ekBorjan), "input", fmt) : formula(yAt(j - 1, R.ekSlut), money(y.ekBorjan), undefined, fmt));
    put(R.ekSlut, yearCol(j), formula(`${yAt(j, R.ekBorjan)}+${yAt(j, R.resultat)}`, money(y.ekSlut), "total", fmt));
  });

  // Member fees in the budget.
  put(R.medlemHeading, 0, text("Medlemsavgifter i budgeten", "label"));
  const memberRows: [number, string, Medlem | undefined][] = [
    [R.stat, "Staten (Försäkringskassan)", "stat"],
    [R.region, "Regionen", "region"],
    [R.kommuner, "Kommunerna", "kommun"],
    [R.medlemsavgifter, "Summa medlemsavgifter", undefined],
  ];
  const memberSum = (j: number, m: Medlem | undefined): Amount => total(proj.ar[j].intakter.filter((x) => (m ? x.medlem === m : x.medlem)).map((x) => x.belopp));
  for (const [row, label, m] of memberRows) {
    put(row, 0, text(label, m ? undefined : "total"));
    years.forEach((_, j) => {
      const f = m
        ? sumOf(columnRuns(yc(j), lines.filter((l) => l.medlem === m).map((l) => l.row + 1)))
        : `${yAt(j, R.stat)}+${yAt(j, R.region)}+${yAt(j, R.kommuner)}`;
      put(row, yearCol(j), formula(f, money(memberSum(j, m)), m ? undefined : "total", fmt));
    });
  }

  // The board's checks.
  const has = (typ: ProjektionsKontrollTyp, ar: number) => proj.kontroller.some((k) => k.typ === typ && k.ar === ar);
  const matt = `$B$${R.mattVal + 1}`;
  const tierRow = (i: number) => R.forstaTrappsteg + i + 1; // Excel row
  const tierPct = `$C$${tierRow(0)}:$C$${tierRow(nTiers - 1)}`;
  const round = (x: string) => `ROUND(${x},${dec})`;
  put(R.kontrollHeading, 0, text("Kontroller", "label"));
  const checkLabels: [number, string][] = [
    [R.ekNegativ, CHECK_LABELS.ekNegativ],
    [R.matt, CHECK_LABELS.matt],
    [R.trappProcent, CHECK_LABELS.trappProcent],
    [R.trappGrans, CHECK_LABELS.trappGrans],
    [R.trappa, CHECK_LABELS.trappa],
    [R.proportion, CHECK_LABELS.proportion],
    [R.avgiftsblad, CHECK_LABELS.avgiftsblad],
  ];
  for (const [row, label] of checkLabels) put(row, 0, text(label, row === R.matt || row === R.trappProcent || row === R.trappGrans ? undefined : "check"));
  const hasRegion = lines.some((l) => l.medlem === "region");
  const mattKind = regel?.matt ?? "medlemsavgifter";
  proj.ar.forEach((y, j) => {
    const col = yearCol(j);
    const ek = yAt(j, R.ekSlut);
    put(R.ekNegativ, col, formula(`IF(${round(ek)}<0,"${S_.negativt}","OK")`, has("eget_kapital_negativt", y.ar) ? S_.negativt : "OK", "check"));
    const mAmount = mattKind === "intakter" ? y.summaIntakter : memberSum(j, undefined);
    const M = yAt(j, R.matt);
    put(R.matt, col, formula(`IF(${matt}="intäkter",${yAt(j, R.summaIntakter)},${yAt(j, R.medlemsavgifter)})`, money(mAmount), undefined, fmt));
    let pctFormula = '""';
    for (let i = nTiers - 1; i >= 0; i--) {
      const lim = `$B$${tierRow(i)}`;
      const pct = `$C$${tierRow(i)}`;
      pctFormula = `IF(AND(ISNUMBER(${pct}),OR(NOT(ISNUMBER(${lim})),ROUND(${M}*100,0)<=ROUND(${lim}*100,0))),${pct},${pctFormula})`;
    }
    const exactTier = steg.find((s) => s.tillOchMed === null || compare(mAmount, s.tillOchMed) <= 0);
    const P = yAt(j, R.trappProcent);
    put(R.trappProcent, col, formula(pctFormula, exactTier ? decimalToNumber(exactTier.maxProcent) : "", undefined, PERCENT_FORMAT));
    const limit = exactTier ? percentOf(mAmount, exactTier.maxProcent, dec) : undefined;
    const scaled = (x: string) => (dec === 0 ? `ROUND(${x},0)` : `ROUND(${x}*${f},0)`);
    const limitF = `IF(${P}="","",ROUND(${scaled(M)}*ROUND(${P}*100,0)/10000,0)${dec === 0 ? "" : `/${f}`})`;
    put(R.trappGrans, col, formula(limitF, limit ? money(limit) : "", undefined, fmt));
    const trappaExpected = steg.length === 0 ? S_.ingenTrappa : !exactTier ? S_.ingenNiva : has("eget_kapital_over_trappan", y.ar) ? S_.overTrappan : "OK";
    put(
      R.trappa,
      col,
      formula(
        `IF(COUNT(${tierPct})=0,"${S_.ingenTrappa}",IF(${P}="","${S_.ingenNiva}",IF(${scaled(ek)}*10000>${scaled(M)}*ROUND(${P}*100,0),"${S_.overTrappan}","OK")))`,
        trappaExpected,
        "check",
      ),
    );
    const S = yAt(j, R.stat);
    const Rg = yAt(j, R.region);
    const Km = yAt(j, R.kommuner);
    put(
      R.proportion,
      col,
      hasRegion
        ? formula(`IF(AND(${round(`${S}-2*${Rg}`)}=0,${round(`${Km}-${Rg}`)}=0),"OK","${S_.ej502525}")`, has("medlemsavgifter_ej_50_25_25", y.ar) ? S_.ej502525 : "OK", "check")
        : text(S_.ingenRegion, "muted"),
    );
    const link = links.get(y.ar);
    if (!link) {
      put(R.avgiftsblad, col, text(S_.ingetBlad, "muted"));
      return;
    }
    const conds = [
      `${round(`${S}-${feeRef(link, FEE_SHEET_LAYOUT.topFirst)}`)}=0`,
      `${round(`${Rg}-${feeRef(link, FEE_SHEET_LAYOUT.topFirst + 1)}`)}=0`,
      ...link.kommunKoder.map((kod) => {
        const mine = sumOf(columnRuns(yc(j), lines.filter((l) => l.medlem === "kommun" && l.medlemskod === kod).map((l) => l.row + 1)));
        return `${round(`${mine}-${kommunFee(link, kod)}`)}=0`;
      }),
    ];
    const and = (cs: string[]): string => (cs.length <= 200 ? `AND(${cs.join(",")})` : `AND(${and(cs.slice(0, 200))},${and(cs.slice(200))})`);
    put(R.avgiftsblad, col, formula(`IF(${and(conds)},"OK","${S_.avviker}")`, has("avgift_avviker_fran_fordelning", y.ar) ? S_.avviker : "OK", "check"));
  });

  // The equity staircase: an editable rule table, empty unless the förbund has filled it in.
  put(R.trappHeading, 0, text("Trappa för eget kapital", "label"));
  put(R.trappNote, 0, text("Fyll i nivåerna enligt Nationella rådets rekommendation. Samkalk har inga inbyggda", "note"));
  put(R.trappNote + 1, 0, text("nivåer: en tom trappa kontrolleras inte.", "note"));
  put(R.mattVal, 0, text("Mått"));
  put(R.mattVal, 1, text(mattKind === "intakter" ? "intäkter" : "medlemsavgifter", "input"));
  put(R.kalla, 0, text("Källa för nivåerna"));
  put(R.kalla, 1, text(regel?.kalla ?? "", "input"));
  put(R.trappHeader, 0, text("Nivå", "header"));
  put(R.trappHeader, 1, text(`Mått till och med (${enhet}), tom = alla högre`, "header"));
  put(R.trappHeader, 2, text("Högst eget kapital, % av måttet", "header"));
  for (let i = 0; i < nTiers; i++) {
    const s = steg[i];
    put(R.forstaTrappsteg + i, 0, text(`Nivå ${i + 1}`));
    put(R.forstaTrappsteg + i, 1, s && s.tillOchMed ? num(money(s.tillOchMed), "input", fmt) : empty("input"));
    put(R.forstaTrappsteg + i, 2, s ? num(decimalToNumber(s.maxProcent), "input", PERCENT_FORMAT) : empty("input"));
  }

  // How it is computed.
  const notes = [
    "Så räknas budgeten",
    `Ett belopp räknas från föregående års avrundade belopp: belopp × (100 + förändring i %) / 100, avrundat till ${dec === 0 ? `hela ${enhet}` : `${dec} decimaler`}, halvor bort från noll.`,
    "Formlerna räknar i heltal, så Excel avrundar exakt också när resultatet är en exakt halva.",
    `Förändringen ett år tas från den första ifyllda av: postens % för året, postens årliga %, gruppens % för året, gruppens årliga %, cell B${STANDARD_ROW + 1}.`,
    "Ett fast belopp ersätter förändringen det året. Efter Sista år (postens, annars gruppens) är beloppet 0.",
    "Medlemmarnas rader: Fast belopp är den beslutade avgiften för året (grå = hämtad från bladet Medlemsavgifter <år>).",
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
    columnWidths: [46, ...years.map(() => 13), 3, 14, 11, ...years.map(() => 12), ...years.map(() => 13), 9],
    tables: [],
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
