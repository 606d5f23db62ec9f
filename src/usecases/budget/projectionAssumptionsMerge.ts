import { amountToPlain, parseAmount, parseDecimal } from "../../domain/amount";
import type { ReadValue } from "../../sheets/spec";
import { ASSUMPTION_KEY_HEADER, assumptionHeaders } from "../../sheets/budget/projectionAssumptions";
import type { ProjectionSettings, SettingsReader } from "./budgetSettings";

type AntagandeSettings = NonNullable<ProjectionSettings["antaganden"]>[number];
/** A cell typed on the sheet, as stored: which post or group, which field (and year), the value ("" = emptied). */
export type TypedCell = NonNullable<ProjectionSettings["skrivetPaBladet"]>[number];

/** What the base budget has: which posts there are (the member fees among them) and which groups. */
export interface AssumptionTargets {
  posts: Set<string>;
  members: Set<string>;
  groups: Set<string>;
}

/** One assumption field: the yearly change, a year's change or fixed amount, or the last year. */
type Field = { kind: "arlig" } | { kind: "perAr"; ar: number } | { kind: "fast"; ar: number } | { kind: "sista" };

function get(a: AntagandeSettings | undefined, f: Field): string | undefined {
  if (!a) return undefined;
  const v =
    f.kind === "arlig" ? a.arligForandring : f.kind === "perAr" ? a.forandringPerAr?.[String(f.ar)] : f.kind === "fast" ? a.fastaBelopp?.[String(f.ar)] : a.sistaAr?.toString();
  return v === undefined || v.trim() === "" ? undefined : v;
}

function set(a: AntagandeSettings, f: Field, v: string | undefined): AntagandeSettings {
  const perYear = (rec: Record<string, string> | undefined, ar: number) => {
    const out = { ...(rec ?? {}) };
    if (v === undefined) delete out[String(ar)];
    else out[String(ar)] = v;
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const next: AntagandeSettings = { ...a };
  if (f.kind === "arlig") next.arligForandring = v;
  else if (f.kind === "perAr") next.forandringPerAr = perYear(a.forandringPerAr, f.ar);
  else if (f.kind === "fast") next.fastaBelopp = perYear(a.fastaBelopp, f.ar);
  else next.sistaAr = v === undefined ? undefined : Number(v);
  for (const k of Object.keys(next) as Array<keyof AntagandeSettings>) if (next[k] === undefined) delete next[k];
  return next;
}

/** A cell as the settings write it: a number in plain form ("2.5", "-1580"), or undefined when empty. */
export function cellText(v: ReadValue): string | undefined {
  if (v === null || v === "") return undefined;
  if (typeof v === "number") {
    const a = parseAmount(v);
    return a ? amountToPlain(a) : String(v);
  }
  const t = String(v).trim();
  return t === "" ? undefined : t;
}

/** Whether two typed values are the same number (or the same text), "2,5" and "2.50" alike. */
export function same(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const x = parseDecimal(a.replace(/%\s*$/, "").replace(/\s/g, "").replace("−", "-"));
  const y = parseDecimal(b.replace(/%\s*$/, "").replace(/\s/g, "").replace("−", "-"));
  if (x && y) return Number(x.digits) / 10 ** x.decimals === Number(y.digits) / 10 ** y.decimals;
  return a.trim() === b.trim();
}

/** A typed value the projection can use; else its problem is recorded (located) and false. */
function valid(r: SettingsReader, f: Field, v: string, plats: string): boolean {
  const before = r.problems.length;
  if (f.kind === "fast") r.amount(v, plats);
  else if (f.kind === "sista") {
    const y = Number(v);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) r.problems.push({ plats, meddelande: `"${v}" är inte ett årtal. Skriv t.ex. 2023.` });
  } else r.percent(v, plats);
  return r.problems.length === before;
}

/**
 * Keeps the assumptions typed on the projection sheet (its assumptions table, read back): a value there that
 * differs from what Samkalk wrote last time (`previous`, the stored settings of the last run) was typed in
 * Excel and wins over the task pane's; without a previous run, a value that differs from the task pane's wins.
 * Only the cells the sheet marks as typed are read (never a member fee or a link).
 */
export function mergeTypedAssumptions(
  input: AntagandeSettings[],
  previous: AntagandeSettings[] | undefined,
  table: { headers: string[]; body: ReadValue[][] } | undefined,
  years: number[],
  targets: AssumptionTargets,
  check: { reader: SettingsReader; sheetName: string; given: AntagandeSettings[] },
): { antaganden: AntagandeSettings[]; kept: number; typed: TypedCell[] } {
  if (!table) return { antaganden: input, kept: 0, typed: [] };
  const col = (h: string) => table.headers.findIndex((x) => x.trim() === h);
  const keyCol = col(ASSUMPTION_KEY_HEADER);
  const basCol = table.headers.findIndex((x) => x.startsWith(assumptionHeaders.bas(0).replace(/0$/, "")));
  if (keyCol < 0 || basCol < 0) return { antaganden: input, kept: 0, typed: [] };
  const fields: Array<{ field: Field; header: string }> = [
    { field: { kind: "arlig" }, header: assumptionHeaders.arlig },
    ...years.map((ar): { field: Field; header: string } => ({ field: { kind: "perAr", ar }, header: assumptionHeaders.perAr(ar) })),
    ...years.map((ar): { field: Field; header: string } => ({ field: { kind: "fast", ar }, header: assumptionHeaders.fast(ar) })),
    { field: { kind: "sista" }, header: assumptionHeaders.sista },
  ];
  const columns = fields.map((f) => ({ field: f.field, col: col(f.header) })).filter((c) => c.col >= 0);

  const find = (list: AntagandeSettings[] | undefined, key: { post?: string; grupp?: string }) =>
    list?.find((a) => (key.post !== undefined ? a.post === key.post : a.post === undefined && a.grupp === key.grupp));
  const out = input.map((a) => ({ ...a }));
  let kept = 0;
  const typedCells: TypedCell[] = [];
  const seen = new Set<string>();
  for (const row of table.body) {
    const name = cellText(row[keyCol]);
    if (name === undefined) continue;
    const isPost = typeof row[basCol] === "number";
    const key = isPost ? { post: name } : { grupp: name };
    if (isPost ? !targets.posts.has(name) : !targets.groups.has(name)) continue;
    const id = `${isPost ? "p" : "g"}:${name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const member = isPost && targets.members.has(name);
    for (const { field, col: c } of columns) {
      if (field.kind === "fast" && (!isPost || member)) continue;
      if (field.kind === "sista" && member) continue;
      const s = cellText(row[c]);
      const i = get(find(out, key), field);
      const w = previous ? get(find(previous, key), field) : undefined;
      const typed = previous ? !same(s, w) : s !== undefined && !same(s, i);
      if (!typed || same(s, i)) continue;
      const plats = `bladet "${check.sheetName}", ${isPost ? "posten" : "gruppen"} "${name}", kolumnen ${table.headers[c]}`;
      if (s !== undefined && !valid(check.reader, field, s, plats)) continue;
      let target = find(out, key);
      if (!target) out.push((target = { ...key }));
      out[out.indexOf(target)] = set(target, field, s);
      const givet = get(find(check.given, key), field) ?? "";
      typedCells.push({ ...key, falt: field.kind, ...("ar" in field ? { ar: field.ar } : {}), varde: s ?? "", givet });
      kept++;
    }
  }
  return { antaganden: withoutEmpty(out), kept, typed: typedCells };
}

const withoutEmpty = (list: AntagandeSettings[]) => list.filter((a) => Object.keys(a).some((k) => k !== "post" && k !== "grupp"));
const sameCell = (a: TypedCell, b: TypedCell) => a.post === b.post && a.grupp === b.grupp && a.falt === b.falt && a.ar === b.ar;
const fieldOf = (c: TypedCell): Field => (c.falt === "perAr" || c.falt === "fast" ? { kind: c.falt, ar: c.ar ?? 0 } : { kind: c.falt });

/**
 * The assumptions given, with the cells typed on the sheet on earlier runs on top (an emptied one removed),
 * where the same is still given for the cell as when it was typed; `still`: those typed cells.
 */
export function withTypedCells(input: AntagandeSettings[], typed: TypedCell[] | undefined): { antaganden: AntagandeSettings[]; still: TypedCell[] } {
  const out = input.map((a) => ({ ...a }));
  const still: TypedCell[] = [];
  for (const c of typed ?? []) {
    const key = c.post !== undefined ? { post: c.post } : { grupp: c.grupp };
    const matches = (a: AntagandeSettings) => (key.post !== undefined ? a.post === key.post : a.post === undefined && a.grupp === key.grupp);
    const givenNow = get(input.find(matches), fieldOf(c));
    if (!same(givenNow, c.givet === "" ? undefined : c.givet)) continue;
    still.push(c);
    const i = out.findIndex(matches);
    const next = set(i >= 0 ? out[i] : { ...key }, fieldOf(c), c.varde === "" ? undefined : c.varde);
    if (i >= 0) out[i] = next;
    else out.push(next);
  }
  return { antaganden: withoutEmpty(out), still };
}

/** The record of typed cells with this run's added (a cell typed again replaces its earlier value). */
export function recordTypedCells(before: TypedCell[] | undefined, now: TypedCell[]): TypedCell[] {
  return [...(before ?? []).filter((b) => !now.some((n) => sameCell(b, n))), ...now];
}
