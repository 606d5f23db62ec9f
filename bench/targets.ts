/**
 * The benchmark's targets (issue 13 and after): each figure measured in this run against its target, printed
 * together at the end of `npm run bench` as met / NOT MET (or "not measured" with the reason).
 */
export interface TargetRow {
  name: string;
  /** The figure as measured, with its unit ("6 syncs", "212 ms"). */
  figure: string;
  /** The target as a reader sees it ("≤ 10 syncs"). */
  target: string;
  /** null: not measured in this run (the figure says why). */
  met: boolean | null;
}

export class Targets {
  readonly rows: TargetRow[] = [];

  /** A figure that must be at most `limit`. */
  atMost(name: string, value: number, limit: number, unit: string, digits = 0): void {
    const f = (n: number) => `${n.toFixed(digits)}${unit === "" ? "" : ` ${unit}`}`;
    this.rows.push({ name, figure: f(value), target: `≤ ${f(limit)}`, met: value <= limit });
  }

  /** A figure judged by the caller (several numbers in one row). */
  judged(name: string, figure: string, target: string, met: boolean): void {
    this.rows.push({ name, figure, target, met });
  }

  /** A target this run could not measure, with the reason in place of the figure. */
  notMeasured(name: string, why: string, target: string): void {
    this.rows.push({ name, figure: why, target, met: null });
  }

  lines(): string[] {
    const mark = (m: boolean | null) => (m === null ? "[not measured]" : m ? "[met]" : "[NOT MET]");
    const width = Math.max(...this.rows.map((r) => mark(r.met).length));
    const lines = this.rows.map((r) => `  ${mark(r.met).padEnd(width)} ${r.name}: ${r.figure} (target ${r.target})`);
    const missed = this.rows.filter((r) => r.met === false).length;
    const open = this.rows.filter((r) => r.met === null).length;
    lines.push(`  ${this.rows.length - missed - open} of ${this.rows.length} met${missed > 0 ? `, ${missed} not met` : ""}${open > 0 ? `, ${open} not measured` : ""}.`);
    return lines;
  }
}
