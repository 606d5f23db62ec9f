import { amountToPlain, parseAmount } from "../../domain/amount";
import type { ReadValue } from "../../sheets/spec";
import { ASSUMPTION_KEY_HEADER, assumptionHeaders } from "../../sheets/budget/projectionAssumptions";
import type { BudgetSettings, SettingsReader } from "./budgetSettings";
import { cellText, same } from "./projectionAssumptionsMerge";

type Commitment = NonNullable<BudgetSettings["medfinansiering"]>[number];

/** A commitment as the settings hold it: positive, in plain form ("400", "12.5"); the sheet shows costs negative. */
function positive(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const a = parseAmount(v.replace(/\s/g, "").replace("−", "-"));
  return a ? amountToPlain({ ...a, minor: a.minor < 0n ? -a.minor : a.minor }) : v;
}

/**
 * Keeps the co-financing commitments typed on the projection sheet (Fast belopp on a commitment's line of the
 * assumptions table), three-way as the assumptions: a value that differs from what Samkalk wrote last time
 * (`previous`) was typed in Excel and wins over the settings given; an emptied cell drops the year.
 */
export function mergeTypedCommitments(
  input: Commitment[],
  previous: Commitment[] | undefined,
  table: { headers: string[]; body: ReadValue[][] } | undefined,
  years: number[],
  groups: Set<string>,
  check: { reader: SettingsReader; sheetName: string },
): { medfinansiering: Commitment[]; kept: number } {
  if (!table || input.length === 0) return { medfinansiering: input, kept: 0 };
  const col = (h: string) => table.headers.findIndex((x) => x.trim() === h);
  const keyCol = col(ASSUMPTION_KEY_HEADER);
  const basCol = table.headers.findIndex((x) => x.startsWith(assumptionHeaders.bas(0).replace(/0$/, "")));
  if (keyCol < 0 || basCol < 0) return { medfinansiering: input, kept: 0 };
  const out = input.map((c) => ({ ...c, belopp: { ...c.belopp } }));
  let kept = 0;
  const seen = new Set<string>();
  const seenGroups = new Set<string>();
  for (const row of table.body) {
    const name = cellText(row[keyCol]);
    if (name === undefined || typeof row[basCol] === "number") continue;
    // A group's heading comes before its lines: the first row of a group's name is the heading.
    if (groups.has(name) && !seenGroups.has(name)) {
      seenGroups.add(name);
      continue;
    }
    const target = out.find((c) => c.namn.trim() === name);
    if (!target || seen.has(name)) continue;
    seen.add(name);
    const last = previous?.find((c) => c.namn.trim() === name);
    for (const ar of years) {
      const c = col(assumptionHeaders.fast(ar));
      if (c < 0) continue;
      const s = positive(cellText(row[c]));
      const i = positive(target.belopp[String(ar)]);
      const w = positive(last?.belopp[String(ar)]);
      const typed = previous ? !same(s, w) : s !== undefined && !same(s, i);
      if (!typed || same(s, i)) continue;
      const plats = `bladet "${check.sheetName}", medfinansieringen "${name}", kolumnen ${table.headers[c]}`;
      if (s !== undefined && !check.reader.amount(s, plats)) continue;
      if (s === undefined) delete target.belopp[String(ar)];
      else target.belopp[String(ar)] = s;
      kept++;
    }
  }
  return { medfinansiering: out, kept };
}
