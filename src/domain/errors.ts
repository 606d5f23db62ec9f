/** A problem found in user input, located so the user can find it. Messages are Swedish. */
export interface InputProblem {
  /** Where: e.g. "rad 3" (1-based data row), "cell C7", "--total". */
  plats?: string;
  meddelande: string;
}

/** How many problems are listed before the rest are counted ("och 1 234 till"): enough to fix a file by, few enough to read. */
export const LISTED_PROBLEMS_MAX = 30;

/** Thrown when input cannot be used. Nothing has been written when this is thrown. */
export class InputError extends Error {
  constructor(public readonly problems: InputProblem[]) {
    super(listProblems(problems).join("\n"));
    this.name = "InputError";
  }
}

export function formatProblem(p: InputProblem): string {
  return p.plats ? `${p.plats}: ${p.meddelande}` : p.meddelande;
}

/**
 * The lines to show for a list of problems: the first `max`, each worded by `format`, then one line
 * "… och N till" for the rest. Every command and the task pane list problems through this, so a file
 * with a million bad rows gives a readable answer, not a million lines.
 */
export function listProblems(problems: readonly InputProblem[], format: (p: InputProblem) => string = formatProblem, max = LISTED_PROBLEMS_MAX): string[] {
  const shown = problems.length > max + 1 ? max : problems.length;
  const lines: string[] = [];
  for (let i = 0; i < shown; i++) lines.push(format(problems[i]));
  if (shown < problems.length) lines.push(`… och ${formatCount(problems.length - shown)} till.`);
  return lines;
}

/** 1234567 → "1 234 567" (Swedish digit grouping, with a no-break space). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

/**
 * A typed value as a message quotes it: whole when short, else its start and how long it was, so a 200 MB
 * cell is not echoed back to the terminal or the task pane.
 */
export function clipText(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${formatCount(text.length)} tecken)`;
}
