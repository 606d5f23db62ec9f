import type { Amount } from "../../domain/amount";
import { abs, negate, total } from "../../domain/budget/money";
import type { Sektion } from "../../domain/budget/types";
import type { Cell } from "../spec";
import { empty, formula, num, text } from "../cells";
import { PERCENT_FORMAT, YEAR_FORMAT, columnRuns, decimalToNumber, money, sumOf } from "./common";
import { FeeSheetLink, REGION_FEE_ROW, STAT_FEE_ROW, feeRef, kommunFee } from "./projectionFeeLinks";
import type { ProjectionGrid, SheetLine } from "./projectionLayout";
import { forecastInUnit } from "./projectionAllocationLink";

/**
 * The budget lines of the projection sheet: the section and group headings (a group's assumptions
 * beside its heading), every line as a live formula over its assumptions, the group sums, and below
 * them Summa intäkter/kostnader, Resultat and Eget kapital.
 */
export function writeProjectionLines(g: ProjectionGrid): void {
  const { years, dec, fmt, scale: f, yearCol, C, L, rules, lines, blocks, sectionRows, put, at, yAt, yearHeader, std, links, allocLinks, enhet } = g;
  const pctCell = (d: { digits: bigint; decimals: number } | undefined) => (d ? num(decimalToNumber(d), "input", PERCENT_FORMAT) : empty("input"));
  const amountCell = (a: Amount | undefined) => (a ? num(money(a), "input", fmt) : empty("input"));
  const change = (prev: string, p: string) =>
    dec === 0
      ? `ROUND(ROUND(${prev},0)*(10000+ROUND(${p}*100,0))/10000,0)`
      : `ROUND(ROUND(${prev}*${f},0)*(10000+ROUND(${p}*100,0))/10000,0)/${f}`;
  const chain = (refs: string[]) => refs.reduceRight((acc, ref) => `IF(ISNUMBER(${ref}),${ref},${acc})`, "0");
  const groupHeading = (l: SheetLine) => blocks.find((b) => b.sektion === l.sektion && b.name === l.realGroup && b.hasInputs)?.headingRow;

  // Member fees linked to a fee split sheet.
  const memberLines = lines.filter((l) => l.medlem);
  /** The decided-fee cell of a member line in a linked year. */
  const linkedFee = (l: SheetLine, link: FeeSheetLink, expected: number): Cell => {
    const sameKind = memberLines.filter((m) => m.medlem === l.medlem);
    if (l.medlem === "stat" || l.medlem === "region") {
      if (sameKind[0] !== l) return num(0, "input", fmt);
      return formula(feeRef(link, l.medlem === "stat" ? STAT_FEE_ROW : REGION_FEE_ROW), expected, "helper", fmt);
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
        // The state's contribution from the allocation forecast: the first state line links, others are 0.
        const forecast = !link && l.medlem === "stat" && memberLines.find((m) => m.medlem === "stat") === l ? allocLinks.get(y) : undefined;
        if (forecast) put(row, C.fast(j), formula(forecastInUnit(forecast, enhet, dec), money(l.rows[j].belopp), "helper", fmt));
        else put(row, C.fast(j), link ? linkedFee(l, link, money(l.rows[j].belopp)) : decided ? num(money(l.rows[j].belopp), "input", fmt) : empty("input"));
      } else put(row, C.fast(j), amountCell(l.egen?.fastaBelopp?.[y]));
    });
    if (l.kind === "bas" && !l.medlem) put(row, C.sista, l.egen?.sistaAr !== undefined ? num(l.egen.sistaAr, "input", YEAR_FORMAT) : empty("input"));
  }
}

/** Summa intäkter/kostnader, Resultat and Eget kapital rolled forward. */
export function writeProjectionTotals(g: ProjectionGrid): void {
  const { proj, fmt, yearCol, yc, blocks, R, put, yAt } = g;
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
}
