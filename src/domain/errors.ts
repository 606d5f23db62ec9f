/** A problem found in user input, located so the user can find it. Messages are Swedish. */
export interface InputProblem {
  /** Where: e.g. "rad 3" (1-based data row), "cell C7", "--total". */
  plats?: string;
  meddelande: string;
}

/** Thrown when input cannot be used. Nothing has been written when this is thrown. */
export class InputError extends Error {
  constructor(public readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "InputError";
  }
}

export function formatProblem(p: InputProblem): string {
  return p.plats ? `${p.plats}: ${p.meddelande}` : p.meddelande;
}
