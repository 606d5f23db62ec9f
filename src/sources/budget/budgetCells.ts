import type { BudgetRad, Enhet } from "../../domain/budget/types";
import { negate } from "../../domain/budget/money";
import { InputError, InputProblem } from "../../domain/errors";
import { rangeAddress } from "../../domain/a1";
import { checkBudget } from "./budgetChecks";
import { YearColumn, readLines } from "./budgetLines";
import type { BudgetImport, BudgetImportOptions, BudgetKontroll, BudgetLine, Kostnadstecken } from "../../domain/budget/importTypes";
import { CellGrid, addressIn, cellAt, gridWidth, isEmpty, labelOf, yearOf } from "./cellGrid";
import { fold } from "./lineText";
import { minOf } from "../../domain/arrays";

export type { BudgetImport, BudgetImportOptions, BudgetKontroll, BudgetLine, KontrollTyp, Kostnadstecken, LineKind } from "../../domain/budget/importTypes";
export type { CellGrid, CellValue, RangeRef } from "./cellGrid";
export { parseCellGrid } from "./cellGrid";

/**
 * Reads a budget laid out as in a verksamhetsplan: a header row with the years, "Intäkter" with one
 * line per member and other income, "Kostnader" in groups with Summa lines, then Resultat and Eget
 * kapital. Returns one row per post and year (costs negative), the recognised lines, and every
 * Summa/Resultat/Eget kapital line and the member fee balance recomputed. Wrong totals are reported,
 * never corrected. Throws InputError (Swedish, with cell addresses) when the range cannot be read.
 */
export function importBudget(grid: CellGrid, opts: BudgetImportOptions = {}): BudgetImport {
  refuseMerged(grid);
  const header = findHeader(grid);
  const years = header.years;
  const parsed = readLines(grid, header.row, years);
  if (parsed.problems.length > 0) throw new InputError(parsed.problems);
  const varningar = [...parsed.varningar];

  const headerUnit = unitIn(labelOf(grid, header.row, minOf(years.map((y) => y.col))));
  const enhet: Enhet = opts.enhet ?? headerUnit ?? "tkr";
  if (opts.enhet && headerUnit && headerUnit !== opts.enhet) {
    varningar.push(`Rubrikraden anger ${headerUnit} men beloppen läses som ${opts.enhet}, som valts.`);
  }
  const kostnadstecken = normaliseCosts(parsed.lines, varningar);
  const ar = years.map((y) => y.ar);
  const kontroller = checkBudget({ lines: parsed.lines, sektioner: parsed.sektioner, ar, enhet, kostnadstecken });
  return { enhet, ar, kostnadstecken, rader: toRows(parsed.lines, ar, enhet), struktur: parsed.lines, kontroller, varningar };
}

/** The checks that failed. */
export function avvikelser(imp: BudgetImport): BudgetKontroll[] {
  return imp.kontroller.filter((k) => !k.ok);
}

function refuseMerged(grid: CellGrid): void {
  if (!grid.merged || grid.merged.length === 0) return;
  throw new InputError(
    grid.merged.map((m) => ({
      plats: `celler ${rangeAddress(m)}`,
      meddelande: "Området innehåller sammanfogade celler. Dela upp dem (Start > Sammanfoga > Dela upp celler) och läs in budgeten igen.",
    })),
  );
}

function findHeader(grid: CellGrid): { row: number; years: YearColumn[] } {
  const width = gridWidth(grid);
  for (let r = 0; r < grid.values.length; r++) {
    // Column 0 holds the line texts, so a year there is a title, not a column heading. A row with any
    // other value beside its years, or a dash line, is a budget line whose amount looks like a year.
    const years: YearColumn[] = [];
    let other = false;
    // Cells past a row's end are empty; a row is read to its own end, not to the widest row's.
    const rowWidth = grid.values[r].length;
    for (let c = 1; c < rowWidth; c++) {
      const v = cellAt(grid, r, c);
      const ar = yearOf(v);
      if (ar !== null) years.push({ col: c, ar });
      else if (!isEmpty(v)) other = true;
    }
    const label = cellAt(grid, r, 0);
    if (years.length === 0 || other || (typeof label === "string" && /^\s*[-–—]/.test(label))) continue;
    const problems: InputProblem[] = [];
    const firstOf = new Map<number, YearColumn>();
    for (const y of years) {
      const first = firstOf.get(y.ar);
      if (first === undefined) firstOf.set(y.ar, y);
      else {
        problems.push({
          plats: `cell ${addressIn(grid, r, y.col)}`,
          meddelande: `År ${y.ar} finns redan i ${addressIn(grid, r, first.col)}. Varje år får bara ha en kolumn.`,
        });
      }
    }
    if (problems.length > 0) throw new InputError(problems);
    return { row: r, years };
  }
  const area = rangeAddress({ row: grid.origin.row, col: grid.origin.col, rows: Math.max(grid.values.length, 1), cols: Math.max(width, 1) });
  throw new InputError([
    {
      plats: `område ${area}`,
      meddelande: "Hittar ingen rubrikrad med år (t.ex. 2021, 2022, 2023) över beloppen. Markera hela budgettabellen, med raden med åren.",
    },
  ]);
}

function unitIn(label: string | undefined): Enhet | undefined {
  if (!label) return undefined;
  const f = fold(label).replace(/[()]/g, "").replace(/^belopp i /, "");
  if (f === "tkr" || f === "tusen kronor") return "tkr";
  if (f === "kr" || f === "kronor") return "kr";
  return undefined;
}

/**
 * Costs are stored negative. The sheet's own convention is read from "Summa kostnader" if it has an
 * amount, else from the majority of cost posts.
 */
function normaliseCosts(lines: BudgetLine[], varningar: string[]): Kostnadstecken {
  const costLines = lines.filter((l) => l.sektion === "kostnader" && l.kind !== "heading");
  const sumLine = costLines.find((l) => l.kind === "summa" && l.summerar === "sektion");
  const firstNonZero = sumLine?.belopp.find((a) => a.minor !== 0n);
  let sign: Kostnadstecken;
  if (firstNonZero) sign = firstNonZero.minor < 0n ? "negativa" : "positiva";
  else {
    const amounts = costLines.filter((l) => l.kind === "post").flatMap((l) => l.belopp);
    const pos = amounts.filter((a) => a.minor > 0n).length;
    const neg = amounts.filter((a) => a.minor < 0n).length;
    sign = pos > neg ? "positiva" : "negativa";
  }
  for (const l of costLines) {
    if (sign === "positiva") l.belopp = l.belopp.map(negate);
    if (l.kind !== "post") continue;
    l.belopp.forEach((a, j) => {
      if (a.minor > 0n) {
        varningar.push(`${l.celler[j]}: kostnaden "${l.post}" har motsatt tecken mot övriga kostnader och minskar därför kostnaderna.`);
      }
    });
  }
  return sign;
}

function toRows(lines: BudgetLine[], ar: number[], enhet: Enhet): BudgetRad[] {
  return lines
    .filter((l) => l.kind === "post")
    .flatMap((l) =>
      ar.map((year, j) => ({
        sektion: l.sektion!,
        ...(l.grupp ? { grupp: l.grupp } : {}),
        post: l.post,
        ar: year,
        belopp: l.belopp[j],
        enhet,
        ...(l.medlem ? { medlem: l.medlem } : {}),
        ...(l.medlemskod ? { medlemskod: l.medlemskod } : {}),
        ...(l.andel ? { andel: l.andel } : {}),
        cell: l.celler[j],
      })),
    );
}
