/**
 * Splitting a selection into requests that each stay within SCB's cell limit (maxDataCells in
 * /config, 150 000 today). Pure: no I/O, usable from the bench.
 *
 * A request is a box: for every variable a contiguous run of its selected values. The plan
 * splits the largest variable first; when the other variables together already exceed the
 * limit, it splits them too. A small search over "how many pieces per variable" finds the plan
 * with the fewest requests (ties: fewer variables split, then the larger variables split), and
 * pieces of one variable differ in size by at most one. The lower bound any plan must meet is
 * ceil(cells / limit); `minimumRequests` reports it so callers can show how close we are.
 */
import { maxOf } from "../../../domain/arrays";
export interface PlanDimension {
  code: string;
  /** Number of selected values. */
  size: number;
}

export interface DimensionSplit {
  code: string;
  size: number;
  /** Into how many pieces the values are cut (1 = not split). */
  pieces: number;
  /** Half-open index ranges [start, end) into the selected values, in order. */
  ranges: [number, number][];
}

export interface RequestPlan {
  maxCells: number;
  totalCells: number;
  /** ceil(totalCells / maxCells): no plan can do with fewer requests. */
  minimumRequests: number;
  requests: number;
  /** Cells in the largest request (≤ maxCells). */
  largestRequestCells: number;
  /** In the order the dimensions were given. */
  splits: DimensionSplit[];
}

/** One request: for each dimension (in the plan's order) the range of selected values. */
export type Batch = [number, number][];

const SEARCH_BUDGET = 200_000;

export function planRequests(dims: readonly PlanDimension[], maxCells: number): RequestPlan {
  if (!Number.isInteger(maxCells) || maxCells < 1) throw new RangeError(`maxCells must be a positive integer, got ${maxCells}`);
  const totalCells = dims.reduce((n, d) => n * d.size, 1);
  if (dims.some((d) => d.size < 1)) {
    return { maxCells, totalCells: 0, minimumRequests: 0, requests: 0, largestRequestCells: 0, splits: dims.map((d) => ({ code: d.code, size: d.size, pieces: 0, ranges: [] })) };
  }
  const minimumRequests = Math.ceil(totalCells / maxCells);
  // Search the dimensions largest first (stable for equal sizes).
  const order = dims.map((_, i) => i).sort((a, b) => dims[b].size - dims[a].size || a - b);
  const sizes = order.map((i) => dims[i].size);
  const n = sizes.length;
  const restProduct = new Array<number>(n + 1).fill(1);
  for (let i = n - 1; i >= 0; i--) restProduct[i] = restProduct[i + 1] * sizes[i];
  const options = sizes.map(pieceOptions);

  let best = greedy(sizes, maxCells);
  let visited = 0;
  const pieces = new Array<number>(n).fill(1);
  const dfs = (i: number, prodM: number, prodK: number): void => {
    if (++visited > SEARCH_BUDGET) return;
    // Lower bound: the remaining dimensions need at least restCells·prodK / maxCells pieces.
    const bound = prodM * Math.ceil((prodK * restProduct[i]) / maxCells);
    if (bound > best.requests) return;
    if (i === n) {
      const cand = { requests: prodM, pieces: [...pieces] };
      if (better(cand, best)) best = cand;
      return;
    }
    for (const { m, k } of options[i]) {
      if (prodK * k > maxCells) continue;
      if (prodM * m > best.requests) break;
      pieces[i] = m;
      dfs(i + 1, prodM * m, prodK * k);
    }
    pieces[i] = 1;
  };
  dfs(0, 1, 1);

  const splits = new Array<DimensionSplit>(n);
  order.forEach((dimIndex, j) => {
    const d = dims[dimIndex];
    splits[dimIndex] = { code: d.code, size: d.size, pieces: best.pieces[j], ranges: balancedRanges(d.size, best.pieces[j]) };
  });
  const largestRequestCells = splits.reduce((c, s) => c * maxOf(s.ranges.map(([a, b]) => b - a)), 1);
  return { maxCells, totalCells, minimumRequests, requests: best.requests, largestRequestCells, splits };
}

/** Every request of a plan (cartesian product of the ranges; the last dimension varies fastest). */
export function planBatches(plan: RequestPlan): Batch[] {
  if (plan.requests === 0) return [];
  let out: Batch[] = [[]];
  for (const s of plan.splits) out = out.flatMap((b) => s.ranges.map((r): Batch => [...b, r]));
  return out;
}

interface Candidate {
  requests: number;
  /** Pieces per dimension, largest dimension first. */
  pieces: number[];
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.requests !== b.requests) return a.requests < b.requests;
  const splitA = a.pieces.filter((m) => m > 1).length;
  const splitB = b.pieces.filter((m) => m > 1).length;
  if (splitA !== splitB) return splitA < splitB;
  for (let i = 0; i < a.pieces.length; i++) if (a.pieces[i] !== b.pieces[i]) return a.pieces[i] > b.pieces[i];
  return false;
}

/** Distinct (pieces m, largest piece k = ceil(size/m)) pairs, fewest pieces first. */
function pieceOptions(size: number): { m: number; k: number }[] {
  const ms = new Set<number>();
  for (let k = size; k >= 1; k--) ms.add(Math.ceil(size / k));
  return [...ms].sort((a, b) => a - b).map((m) => ({ m, k: Math.ceil(size / m) }));
}

/** Split the largest dimension first, as far as the limit needs; then the next. */
function greedy(sizes: number[], maxCells: number): Candidate {
  let budget = maxCells;
  const pieces = sizes.map((size, i) => {
    const rest = sizes.slice(i + 1).reduce((a, b) => a * b, 1);
    const k = rest <= budget ? Math.min(size, Math.floor(budget / rest)) : 1;
    budget = Math.floor(budget / k);
    return Math.ceil(size / k);
  });
  return { requests: pieces.reduce((a, b) => a * b, 1), pieces };
}

function balancedRanges(size: number, pieces: number): [number, number][] {
  const base = Math.floor(size / pieces);
  const extra = size % pieces;
  const out: [number, number][] = [];
  let start = 0;
  for (let p = 0; p < pieces; p++) {
    const len = base + (p < extra ? 1 : 0);
    out.push([start, start + len]);
    start += len;
  }
  return out;
}

/**
 * The bench's question: population for `kommuner` × `years` × `sexes` × `ageGroups` (one content),
 * split at `maxCells`. Returns the plan and a one-line summary.
 */
export function populationPlanExample(
  opts: { kommuner?: number; years?: number; sexes?: number; ageGroups?: number; maxCells?: number } = {},
): { plan: RequestPlan; summary: string } {
  const { kommuner = 290, years = 10, sexes = 2, ageGroups = 49, maxCells = 150_000 } = opts;
  const plan = planRequests(
    [
      { code: "Region", size: kommuner },
      { code: "Alder", size: ageGroups },
      { code: "Kon", size: sexes },
      { code: "ContentsCode", size: 1 },
      { code: "Tid", size: years },
    ],
    maxCells,
  );
  const split = plan.splits.filter((s) => s.pieces > 1).map((s) => `${s.code} i ${s.pieces} delar`);
  const summary =
    `${kommuner} kommuner × ${years} år × ${sexes} kön × ${ageGroups} åldersgrupper = ${plan.totalCells.toLocaleString("sv-SE")} celler, ` +
    `gräns ${maxCells.toLocaleString("sv-SE")} per anrop: ${plan.requests} anrop (minst möjligt ${plan.minimumRequests})` +
    (split.length ? `; delat: ${split.join(", ")}` : "");
  return { plan, summary };
}
