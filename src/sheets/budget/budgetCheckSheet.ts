import type { Amount } from "../../domain/amount";
import { minus, negate } from "../../domain/budget/money";
import type { Sektion } from "../../domain/budget/types";
import type { BudgetKontroll, BudgetLine, KontrollTyp } from "../../domain/budget/importTypes";
import { Cell, SheetSpec } from "../spec";
import { BUDGET_TABLE, BudgetTableSheetInput, SEKTION_TEXT, budgetTableRefs, importDecimals } from "./budgetTableSheet";
import { amountFormat, empty, formula, isoDate, num, quoted, text } from "../cells";
import { YEAR_FORMAT, exactCriterion, money, noteLines, signedSum } from "./common";
import { landscapePrint } from "../print";

/**
 * The "Budgetkontroll" sheet: every Summa, Resultat and Eget kapital line of the imported budget, per
 * year, recomputed with live formulas over the Samkalk_Budget table (SUMIFS per section or group; a
 * sub-total's own typed amount where a total is made of sub-totals, as the importer's checks do), with
 * the amount found in the source beside it, the difference and a status. Nothing is corrected.
 */

export const CHECK_SHEET = "Budgetkontroll";
export const CHECK_COL = { kontroll: 0, ar: 1, cell: 2, funnet: 3, berakn: 4, skillnad: 5, status: 6, hur: 7 } as const;

type Term = { coef: 1 | -1; expr: string };

type RowDesc =
  | { kind: "line"; line: number; j: number; kontroll?: BudgetKontroll }
  | { kind: "fee"; typ: "kommunernas_avgifter" | "statens_avgift"; j: number; kontroll: BudgetKontroll };

/** The same as the Budget sheet's: the imported budget, the förbund, where it was read from and today. */
export type BudgetCheckSheetInput = BudgetTableSheetInput;

export interface BudgetCheckLayout {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** 0-based sheet row of the check of `line` (index into struktur) in year index j. */
  rowOfLine(line: number, j: number): number | undefined;
  countCell: string;
}

const CHECKED_KINDS = new Set<BudgetLine["kind"]>(["summa", "resultat", "ek_borjan", "ek_slut"]);

function lineTyp(line: BudgetLine): KontrollTyp | undefined {
  if (line.kind === "summa") return line.summerar === "grupp" ? "summa" : line.sektion === "intäkter" ? "summa_intakter" : "summa_kostnader";
  if (line.kind === "resultat") return "resultat";
  if (line.kind === "ek_slut") return "ek_slut";
  if (line.kind === "ek_borjan") return "ek_borjan_nasta_ar";
  return undefined;
}

export function buildBudgetCheckSheet(input: BudgetCheckSheetInput): { spec: SheetSpec; layout: BudgetCheckLayout } {
  const { imp } = input;
  const lines = imp.struktur;
  const nYears = imp.ar.length;
  const dec = importDecimals(imp);
  const fmt = amountFormat(dec);
  const refs = budgetTableRefs(imp.rader.length);
  const B = refs.column("Belopp");
  const S = refs.column("Sektion");
  const G = refs.column("Grupp");
  const Y = refs.column("År");
  const M = refs.column("Medlem");
  const sgn = (s: Sektion | undefined): 1 | -1 => (s === "kostnader" && imp.kostnadstecken === "positiva" ? -1 : 1);
  const inSheetSign = (line: BudgetLine, a: Amount) => (sgn(line.sektion) < 0 ? negate(a) : a);

  // Row i of imp.rader is post number (ordinal) × years + year index.
  const postOrdinal = new Map<number, number>();
  lines.forEach((l, i) => l.kind === "post" && postOrdinal.set(i, postOrdinal.size));
  const find = (kind: BudgetLine["kind"]) => lines.findIndex((l) => l.kind === kind);
  const resultat = find("resultat");
  const ekBorjan = find("ek_borjan");
  const ekSlut = find("ek_slut");
  const members = (m: string) => lines.some((l) => l.kind === "post" && l.medlem === m);

  // Which rows there are, year by year.
  const descs: RowDesc[] = [];
  const used = new Set<BudgetKontroll>();
  const kontrollFor = (typ: KontrollTyp, ar: number, cell?: string) => {
    const k = imp.kontroller.find((x) => x.typ === typ && x.ar === ar && (cell === undefined || x.cell === cell) && !used.has(x));
    if (k) used.add(k);
    return k;
  };
  imp.ar.forEach((ar, j) => {
    lines.forEach((line, i) => {
      if (!CHECKED_KINDS.has(line.kind)) return;
      const typ = lineTyp(line)!;
      const checked =
        line.kind === "summa" ||
        line.kind === "resultat" ||
        (line.kind === "ek_slut" && ekBorjan >= 0) ||
        (line.kind === "ek_borjan" && ekSlut >= 0 && j > 0);
      descs.push({ kind: "line", line: i, j, ...(checked ? { kontroll: kontrollFor(typ, ar, line.celler[j]) } : {}) });
    });
    if (members("region")) {
      for (const typ of ["kommunernas_avgifter", "statens_avgift"] as const) {
        if (!members(typ === "kommunernas_avgifter" ? "kommun" : "stat")) continue;
        const k = kontrollFor(typ, ar);
        if (k) descs.push({ kind: "fee", typ, j, kontroll: k });
      }
    }
  });
  const unmapped = imp.kontroller.filter((k) => !used.has(k));
  if (unmapped.length > 0) throw new Error(`Budgetkontroll: ${unmapped.length} kontroller saknar rad (${unmapped[0].meddelande})`);

  // Top of the sheet.
  const failed = imp.kontroller.filter((k) => !k.ok);
  const top: Cell[][] = [
    [text("Budgetkontroll", "title")],
    [text(input.forbund, "subtitle")],
    ...noteLines(
      `Kontrollerad ${isoDate(input.today)} med Samkalk, källa ${input.kalla}. Varje summarad, resultatet och eget kapital räknas om med formler över tabellen ${BUDGET_TABLE} på bladet Budget. Inget har rättats: avvikelser visas här.`,
      140,
    ).map((t) => [text(t, "note")]),
    [],
  ];
  const countRow = top.length;
  top.push([], []);
  top.push([]);
  top.push([text("Avvikelser när budgeten lästes in", "label")]);
  if (failed.length === 0) top.push([text("Inga: alla summor, resultatet, eget kapital och medlemsavgifternas fördelning stämmer.")]);
  for (const k of failed) noteLines(k.meddelande, 140).forEach((t) => top.push([text(t, "bad")]));
  if (imp.varningar.length > 0) {
    top.push([text("Att känna till", "label")]);
    for (const v of imp.varningar) noteLines(v, 140).forEach((t) => top.push([text(t, "note")]));
  }
  top.push([]);
  top.push([text("Kontroller per rad och år", "label")]);
  const headerRow = top.length;
  const firstRow = headerRow + 1;
  const lastRow = firstRow + descs.length - 1;

  const rowOf = new Map<string, number>();
  descs.forEach((d, k) => d.kind === "line" && rowOf.set(`${d.line}:${d.j}`, firstRow + k));
  const found = (line: number, j: number) => `D${rowOf.get(`${line}:${j}`)! + 1}`;

  const sectionPosts = (s: Sektion | undefined) => [...postOrdinal.keys()].filter((i) => lines[i].sektion === s);
  const key = (g: string) => g.toLocaleLowerCase("sv-SE");
  /** Posts of the table, in the target sign: one SUMIFS per whole section or group, else their cells. */
  const tableTerms = (posts: number[], j: number, coef: 1 | -1): Term[] => {
    if (posts.length === 0) return [];
    const year = imp.ar[j];
    const sec = lines[posts[0]].sektion;
    const all = sectionPosts(sec);
    const secCrit = quoted(SEKTION_TEXT[sec ?? "intäkter"]);
    if (all.length === posts.length && all.every((i) => posts.includes(i))) {
      return [{ coef, expr: `SUMIFS(${B},${S},${secCrit},${Y},${year})` }];
    }
    const out: Term[] = [];
    const done = new Set<number>();
    for (const i of posts) {
      const g = lines[i].grupp;
      if (g === undefined || done.has(i)) continue;
      const mine = posts.filter((p) => lines[p].grupp !== undefined && key(lines[p].grupp!) === key(g));
      const whole = all.filter((p) => lines[p].grupp !== undefined && key(lines[p].grupp!) === key(g));
      const crit = exactCriterion(g);
      if (!crit || mine.length !== whole.length) continue;
      out.push({ coef, expr: `SUMIFS(${B},${S},${secCrit},${G},${crit},${Y},${year})` });
      mine.forEach((p) => done.add(p));
    }
    for (const i of posts) if (!done.has(i)) out.push({ coef, expr: refs.beloppCell(postOrdinal.get(i)! * nYears + j) });
    return out;
  };
  /** Parts of a total (posts and typed sub-totals) in the target sign (1 = as in the table). */
  const partsTerms = (parts: number[], j: number, target: 1 | -1): Term[] => {
    const posts = parts.filter((i) => lines[i].kind === "post");
    const subs = parts.filter((i) => lines[i].kind !== "post");
    return [
      ...tableTerms(posts, j, target),
      ...subs.map((i) => ({ coef: (sgn(lines[i].sektion) * target) as 1 | -1, expr: found(i, j) })),
    ];
  };
  const covered = new Set(lines.flatMap((l) => (l.kind === "summa" ? l.delar ?? [] : [])));
  const sectionTotal = (s: Sektion, j: number): Term[] => {
    const sum = lines.findIndex((l) => l.kind === "summa" && l.summerar === "sektion" && l.sektion === s);
    if (sum >= 0) return [{ coef: sgn(s), expr: found(sum, j) }];
    const uncovered = lines.flatMap((l, i) => (l.sektion === s && (l.kind === "post" || l.kind === "summa") && !covered.has(i) ? [i] : []));
    return partsTerms(uncovered, j, 1);
  };
  const resultTerms = (j: number): Term[] => (resultat >= 0 ? [{ coef: 1, expr: found(resultat, j) }] : [...sectionTotal("intäkter", j), ...sectionTotal("kostnader", j)]);

  /** "rad 18–25", "rad 26, 33 och 47": where the parts are in the source. */
  const sourceRows = (parts: number[]) => {
    const rows = parts.map((i) => lines[i].rad).sort((a, b) => a - b);
    const runs: string[] = [];
    for (let k = 0; k < rows.length; ) {
      let e = k;
      while (e + 1 < rows.length && rows[e + 1] === rows[e] + 1) e++;
      runs.push(e > k ? `${rows[k]}–${rows[e]}` : String(rows[k]));
      k = e + 1;
    }
    return `rad ${runs.length > 1 ? `${runs.slice(0, -1).join(", ")} och ${runs[runs.length - 1]}` : runs[0]}`;
  };
  const checkRows: Cell[][] = descs.map((d, k) => {
    const r = firstRow + k + 1; // Excel row
    const year = imp.ar[d.j];
    const diff = (kt: BudgetKontroll) => [
      formula(`ROUND(D${r}-E${r},${dec})`, money(minus(kt.funnet, kt.forvantat)), undefined, fmt),
      formula(`IF(F${r}=0,"OK","FEL")`, kt.ok ? "OK" : "FEL", "check"),
    ];
    if (d.kind === "fee") {
      const crit = (m: string) => `SUMIFS(${B},${M},"${m}",${Y},${year})`;
      const isKommun = d.typ === "kommunernas_avgifter";
      return [
        text(isKommun ? "Kommunernas medlemsavgifter" : `Statens medlemsavgift (${d.kontroll.rad})`),
        num(year, undefined, YEAR_FORMAT),
        text(d.kontroll.cell),
        formula(crit(isKommun ? "kommun" : "stat"), money(d.kontroll.funnet), undefined, fmt),
        formula(isKommun ? crit("region") : `2*${crit("region")}`, money(d.kontroll.forvantat), undefined, fmt),
        ...diff(d.kontroll),
        text(isKommun ? "Ska vara lika med regionens avgift (25 % vardera)" : "Ska vara dubbla regionens avgift (50 %)"),
      ];
    }
    const line = lines[d.line];
    const head = [text(line.post), num(year, undefined, YEAR_FORMAT), text(line.celler[d.j])];
    const kt = d.kontroll;
    if (!kt) {
      return [
        ...head,
        num(money(inSheetSign(line, line.belopp[d.j])), undefined, fmt),
        empty(),
        empty(),
        text("–", "muted"),
        text(line.kind === "ek_borjan" ? "Ingående värde, kontrolleras inte" : "Kontrolleras inte (raden Eget kapital vid årets början saknas)", "muted"),
      ];
    }
    let terms: Term[];
    let how: string;
    if (line.kind === "summa") {
      terms = partsTerms(line.delar ?? [], d.j, sgn(line.sektion));
      how = `Summan av ${sourceRows(line.delar ?? [])} i källan`;
    } else if (line.kind === "resultat") {
      terms = [...sectionTotal("intäkter", d.j), ...sectionTotal("kostnader", d.j)];
      how = "Intäkternas summa + kostnadernas summa";
    } else if (line.kind === "ek_slut") {
      terms = [{ coef: 1, expr: found(ekBorjan, d.j) }, ...resultTerms(d.j)];
      how = "Eget kapital vid årets början + årets resultat";
    } else {
      terms = [{ coef: 1, expr: found(ekSlut, d.j - 1) }];
      how = `Eget kapital vid slutet av ${imp.ar[d.j - 1]}`;
    }
    return [...head, num(money(kt.funnet), undefined, fmt), formula(signedSum(terms), money(kt.forvantat), undefined, fmt), ...diff(kt), text(how)];
  });

  const statusRange = `G${firstRow + 1}:G${lastRow + 1}`;
  const countCell = `B${countRow + 1}`;
  top[countRow] = [text("Antal avvikelser nu", "label"), formula(`COUNTIF(${statusRange},"FEL")`, failed.length, "total", "0")];
  top[countRow + 1] = [
    empty(),
    formula(
      `IF(${countCell}=0,"Alla kontroller stämmer.",IF(${countCell}=1,"1 kontroll stämmer inte",${countCell}&" kontroller stämmer inte")&": se FEL nedan. Inget har rättats.")`,
      failed.length === 0
        ? "Alla kontroller stämmer."
        : `${failed.length === 1 ? "1 kontroll stämmer inte" : `${failed.length} kontroller stämmer inte`}: se FEL nedan. Inget har rättats.`,
      "check",
    ),
  ];

  const header = ["Kontroll", "År", "Källcell", `Funnet (${imp.enhet})`, `Beräknat (${imp.enhet})`, "Skillnad", "Status", "Hur det räknas"].map((h) => text(h, "header"));
  const spec: SheetSpec = {
    name: CHECK_SHEET,
    kind: "budget-kontroll",
    blocks: [{ row: 0, col: 0, cells: [...top, header, ...checkRows] }],
    columnWidths: [36, 7, 10, 13, 13, 10, 8, 52],
    tables: [],
    validations: [],
    print: landscapePrint({ row: 0, col: 0, rows: lastRow + 1, cols: CHECK_COL.hur + 1 }, "Budgetkontroll", `${input.forbund} · utskrivet ${isoDate(input.today)}`),
    freezeRows: 0,
  };
  return {
    spec,
    layout: { headerRow, firstRow, lastRow, rowOfLine: (line, j) => rowOf.get(`${line}:${j}`), countCell },
  };
}
