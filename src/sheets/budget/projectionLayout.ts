import type { Amount } from "../../domain/amount";
import {
  Antagande, MEDFINANSIERING, Medfinansiering, OVRIGA_KOSTNADER, Projektion, ProjektionsIndata, ProjektionsRad,
} from "../../domain/budget/projection";
import type { Medlem, Sektion } from "../../domain/budget/types";
import type { Cell } from "../spec";
import { cellAddress, columnLetters } from "../../domain/a1";
import { amountFormat, empty, isoDate } from "../cells";
import { noteLines } from "./common";
import type { FeeSheetLink } from "./projectionFeeLinks";
import type { AllocationSheetLink } from "./projectionAllocationLink";

/**
 * Where everything stands on the projection sheet: its columns, the budget lines in the domain's order
 * with their projected rows, the display blocks (groups) and the row of every part, and the grid the
 * writers fill in.
 */

export interface ProjectionSheetInput {
  forbund: string;
  today: Date;
  /** Where the base year came from, for the note line. */
  kalla: string;
  indata: ProjektionsIndata;
  projektion: Projektion;
  avgiftsblad: FeeSheetLink[];
  /** Years whose state contribution links to the förbund's forecast on a "Statlig tilldelning <år>" sheet. */
  statsbidrag?: AllocationSheetLink[];
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

export interface SheetLine {
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

export interface DisplayBlock {
  sektion: Sektion;
  name?: string;
  lines: SheetLine[];
  hasInputs: boolean;
  headingRow?: number;
  sumRow?: number;
}

const MIN_TIERS = 5;
/** Characters a note line may have to stay within the printed columns A–D. */
export const NOTE_WIDTH = 86;

/** The lines, in the domain's order, with their projected rows. */
function sheetLines(indata: ProjektionsIndata, proj: Projektion): SheetLine[] {
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
  return lines;
}

/** Display blocks: groups in order of first appearance; ungrouped income without a heading. */
function displayBlocks(lines: SheetLine[]): DisplayBlock[] {
  const blocks: DisplayBlock[] = [];
  for (const l of lines) {
    const name = l.sektion === "kostnader" ? l.grupp ?? OVRIGA_KOSTNADER : l.grupp;
    let b = blocks.find((x) => x.sektion === l.sektion && x.name === name);
    if (!b) blocks.push((b = { sektion: l.sektion, ...(name !== undefined ? { name } : {}), lines: [], hasInputs: false }));
    b.lines.push(l);
    if (l.kind === "bas" && l.realGroup !== undefined && l.realGroup === name) b.hasInputs = true;
  }
  return blocks;
}

export type ProjectionGrid = ReturnType<typeof projectionGrid>;

/** Columns, lines, blocks and rows of the sheet, and `put` to write a cell into it. */
export function projectionGrid(input: ProjectionSheetInput) {
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
  const rules = indata.antaganden ?? [];
  const lines = sheetLines(indata, proj);
  const blocks = displayBlocks(lines);

  // Rows of the top: title, förbund, the note (as many lines as it takes), the default change, the header.
  const datum = isoDate(input.today);
  const allocLinks = new Map((input.statsbidrag ?? []).map((a) => [a.ar, a]));
  const allocNote = [...allocLinks.values()].map((a) => ` Statens bidrag ${a.ar}: prognos från bladet ${a.sheetName}.`).join("");
  const note = noteLines(`Skapad ${datum} med Samkalk från ${input.kalla}. Belopp i ${enhet}. Gula celler är antaganden (här och till höger): ändras de räknas budgeten om.${allocNote}`, NOTE_WIDTH);
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
  const std = at(1, STANDARD_ROW, true);
  const links = new Map(input.avgiftsblad.map((a) => [a.ar, a]));
  return {
    input, indata, proj, years, n, dec, fmt, enhet, scale: f, yearCol, C, L, yc, rules, lines, blocks, datum, note, STANDARD_ROW, HEADER_ROW,
    sectionRows, R, regel, steg, nTiers, notesRow, sheetRows, put, at, yAt, yearHeader, std, links, allocLinks,
  };
}
