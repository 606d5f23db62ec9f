import type { Amount } from "../../domain/amount";
import type { Sektion } from "../../domain/budget/types";
import { clipText, type InputProblem } from "../../domain/errors";
import type { BudgetLine } from "../../domain/budget/importTypes";
import { CellGrid, addressIn, cellAt, labelOf, readAmountCell } from "./cellGrid";
import { classifyLabel, fold, matchMember, stripDash } from "./lineText";
import { minOf } from "../../domain/arrays";

export interface YearColumn {
  col: number;
  ar: number;
}

export interface ParsedLines {
  lines: BudgetLine[];
  /** Per section: its Summa line (if any) and the lines its total is made of. */
  sektioner: Partial<Record<Sektion, { summa?: number; delar: number[] }>>;
  problems: InputProblem[];
  varningar: string[];
}

interface OpenHeading {
  name: string;
  /** The name folded (fold), to match "Summa X" against. */
  folded: string;
  /** How many uncovered parts the section had when the heading came. */
  at: number;
}

/**
 * Reads the lines below the header row and works out the structure: which section and group each
 * post belongs to and what each Summa line sums. A "Summa X" line sums everything since the heading
 * "X" (sub-totals included, their posts not twice); without such a heading, since the last heading.
 */
export function readLines(grid: CellGrid, headerRow: number, years: YearColumn[]): ParsedLines {
  const lines: BudgetLine[] = [];
  const problems: InputProblem[] = [];
  const varningar: string[] = [];
  const sektioner: ParsedLines["sektioner"] = {};
  const firstAmountCol = minOf(years.map((y) => y.col));
  const seenOnce = new Map<string, number>();

  let sektion: Sektion | undefined;
  let uncovered: number[] = [];
  let headings: OpenHeading[] = [];
  // How many open headings have each folded name: a "Summa X" with no heading "X" open needs no search.
  let openNames = new Map<string, number>();
  const closeHeadingsFrom = (i: number) => {
    for (let k = i; k < headings.length; k++) {
      const n = openNames.get(headings[k].folded)!;
      if (n === 1) openNames.delete(headings[k].folded);
      else openNames.set(headings[k].folded, n - 1);
    }
    headings.length = i;
  };

  const openSection = (s: Sektion) => {
    sektion = s;
    sektioner[s] = { delar: [] };
    uncovered = [];
    headings = [];
    openNames = new Map();
  };
  const currentGroup = () => headings[headings.length - 1]?.name;

  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const label = labelOf(grid, r, firstAmountCol);
    const cells = years.map((y) => ({ y, cell: addressIn(grid, r, y.col), read: readAmountCell(cellAt(grid, r, y.col)) }));
    const bad = cells.filter((c) => c.read.kind === "fel" || c.read.kind === "oexakt");
    for (const c of bad) {
      if (c.read.kind === "oexakt") {
        problems.push({ plats: `cell ${c.cell}`, meddelande: `${c.read.meddelande.replace(/\.$/, "")} (raden "${clipText(label ?? "")}", år ${c.y.ar}).` });
        continue;
      }
      const text = c.read.kind === "fel" ? c.read.text : "";
      problems.push({
        plats: `cell ${c.cell}`,
        meddelande: `"${clipText(text)}" är inte ett belopp (raden "${clipText(label ?? "")}", år ${c.y.ar}). Skriv ett tal, t.ex. -1 580, eller lämna cellen tom för noll.`,
      });
    }
    const allEmpty = cells.every((c) => c.read.kind === "tom");
    if (label === undefined) {
      if (!allEmpty && bad.length === 0) {
        const first = cells.find((c) => c.read.kind === "belopp")!;
        problems.push({ plats: `cell ${first.cell}`, meddelande: "Raden har belopp men ingen text som talar om vad de avser." });
      }
      continue;
    }
    const belopp: Amount[] = cells.map((c) => (c.read.kind === "belopp" ? c.read.belopp : { minor: 0n, decimals: 0 }));
    const { post, dash } = stripDash(label);
    const base = { text: label, post, rad: grid.origin.row + r + 1, belopp, celler: cells.map((c) => c.cell) };
    const index = lines.length;
    const kind = classifyLabel(post);
    const where = `rad ${base.rad}`;

    if (kind.kind === "sektion" && allEmpty) {
      openSection(kind.sektion);
      lines.push({ ...base, kind: "heading", niva: "sektion", sektion: kind.sektion });
      continue;
    }
    if (kind.kind === "resultat" || kind.kind === "ek_borjan" || kind.kind === "ek_slut") {
      const first = seenOnce.get(kind.kind);
      if (first !== undefined) {
        problems.push({ plats: where, meddelande: `"${post}" finns redan på rad ${lines[first].rad}. Raden får bara finnas en gång.` });
      } else seenOnce.set(kind.kind, index);
      lines.push({ ...base, kind: kind.kind });
      sektion = undefined;
      continue;
    }

    if (sektion === undefined) {
      const implicit = sektioner["intäkter"]?.summa !== undefined && sektioner["kostnader"] === undefined;
      if (!implicit) {
        problems.push({
          plats: where,
          meddelande: `Raden "${post}" står inte under någon av rubrikerna "Intäkter" eller "Kostnader". Lägg till rubriken ovanför.`,
        });
        continue;
      }
      openSection("kostnader");
      varningar.push(`Rubriken "Kostnader" saknas; raderna efter "Summa intäkter" (från rad ${base.rad}) räknas som kostnader.`);
    }
    const s: Sektion = sektion!;
    const state = sektioner[s]!;

    if (kind.kind === "summa_sektion") {
      if (kind.sektion !== s) {
        problems.push({ plats: where, meddelande: `"${post}" står under rubriken "${s === "intäkter" ? "Intäkter" : "Kostnader"}".` });
        continue;
      }
      if (uncovered.length === 0) {
        problems.push({ plats: where, meddelande: `Summaraden "${post}" har inga poster ovanför sig att summera.` });
        continue;
      }
      lines.push({ ...base, kind: "summa", summerar: "sektion", sektion: s, delar: [...uncovered] });
      state.summa = index;
      state.delar = [...uncovered];
      sektion = undefined;
      continue;
    }
    if (kind.kind === "summa") {
      const name = post.replace(/^summa\s+/i, "");
      const folded = fold(name);
      // Searched from the top down; the headings passed are closed below, so each is passed once.
      const matched = openNames.has(folded) ? findLastIndex(headings, (h) => h.folded === folded) : -1;
      const fromIndex = matched >= 0 ? matched : headings.length - 1;
      const from = fromIndex >= 0 ? headings[fromIndex] : undefined;
      const at = from?.at ?? 0;
      if (at >= uncovered.length) {
        problems.push({ plats: where, meddelande: `Summaraden "${post}" har inga poster ovanför sig att summera.` });
        continue;
      }
      const delar = uncovered.splice(at);
      const grupp = from?.name ?? name.charAt(0).toLocaleUpperCase("sv-SE") + name.slice(1);
      for (const i of delar) if (lines[i].grupp === undefined) lines[i].grupp = grupp;
      closeHeadingsFrom(Math.max(fromIndex, 0));
      uncovered.push(index);
      state.delar = uncovered;
      lines.push({ ...base, kind: "summa", summerar: "grupp", sektion: s, grupp, delar });
      continue;
    }
    if (allEmpty && !dash) {
      const folded = fold(post);
      headings.push({ name: post, folded, at: uncovered.length });
      openNames.set(folded, (openNames.get(folded) ?? 0) + 1);
      lines.push({ ...base, kind: "heading", niva: "grupp", sektion: s, grupp: post });
      continue;
    }
    const grupp = currentGroup();
    const line: BudgetLine = { ...base, kind: "post", sektion: s, ...(grupp ? { grupp } : {}) };
    if (s === "intäkter") {
      const m = matchMember(post);
      if (m.okandKommun) varningar.push(`rad ${base.rad}: "${m.okandKommun}" finns inte i SCB:s kommunlista; raden räknas som kommunavgift men utan kommunkod.`);
      if (m.medlem) line.medlem = m.medlem;
      if (m.medlemskod) line.medlemskod = m.medlemskod;
      if (m.andel) line.andel = m.andel;
    }
    lines.push(line);
    uncovered.push(index);
    state.delar = uncovered;
  }
  return { lines, sektioner, problems, varningar };
}

function findLastIndex<T>(xs: T[], p: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (p(xs[i])) return i;
  return -1;
}
