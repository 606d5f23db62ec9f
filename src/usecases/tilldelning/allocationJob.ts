import { z } from "zod";
import { parseDecimal } from "../../domain/amount";
import { InputError, type InputProblem } from "../../domain/errors";
import { computeAllocation } from "../../domain/tilldelning/model";
import { DEFAULT_LOCATIONS, toAllocationRequest, type AllocationLocations, type RawAllocationInput } from "../../domain/tilldelning/request";
import type { AllocationRequest, AllocationResult } from "../../domain/tilldelning/types";
import type { WorkbookHost } from "../../hosts/host";
import { allocationSheetName, buildAllocationSheet } from "../../sheets/tilldelning/allocationSheet";
import { failureOf, withFailure, type JobFailure } from "../failure";
import { EditedSheetDecision, editedSheetProblems, writeSheets } from "../writeSheets";

/** The allocation job's input: the parameters as typed, the underlag per kommun, what is known per förbund. */
export const AllocationInputSchema = z.object({
  ar: z.number().int().min(2000).max(2100),
  /** The user's förbund: its line is highlighted and compared with last year and the decision. */
  forbund: z.string().optional(),
  anslag: z.string(),
  grund: z.string().default("400000"),
  viktForsorjning: z.string().default("75"),
  viktBefolkning: z.string().default("25"),
  /** Largest yearly decrease in %; "" = no cap. */
  sparr: z.string().default("10"),
  kommuner: z.array(
    z.object({
      forbund: z.string(),
      kod: z.string(),
      befolkning: z.string(),
      /** Samkalk's försörjningsmått for the kommun. */
      forsorjningsmatt: z.string(),
      /** The figure from Försäkringskassan's letter, where typed: used instead. */
      forsorjningsmattBrev: z.string().optional(),
    }),
  ),
  forbundInfo: z.array(z.object({ namn: z.string(), antal: z.number().int().optional(), forraAret: z.string().optional(), overTrappan: z.boolean().optional() })).default([]),
  /** What the underlag is (sources, what is synthetic, how the rest of the country is counted), said on the sheet. */
  underlag: z.array(z.string()).default([]),
});
export type AllocationInput = z.input<typeof AllocationInputSchema>;

export interface AllocationJobOptions {
  today?: Date;
  /** Unset: stop and ask when the sheet Samkalk wrote has been edited since (nothing is written). */
  onEdited?: EditedSheetDecision;
  /** Where the inputs are, in the caller's terms (command-line flags and file rows, task-pane fields). */
  locations?: AllocationLocations;
}

export type AllocationJobOutcome =
  | { ok: true; sheetName: string; result: AllocationResult; keptCopies: string[]; syncs: number }
  | { ok: false; problems: InputProblem[]; editedSheets?: string[]; failure?: JobFailure };

/** The input's request: the letter's försörjningsmått where typed, else Samkalk's. Throws InputError. */
export function allocationRequestOf(input: z.output<typeof AllocationInputSchema>, loc: AllocationLocations = DEFAULT_LOCATIONS): AllocationRequest {
  const raw: RawAllocationInput = {
    ar: input.ar,
    anslag: input.anslag,
    grund: input.grund,
    viktForsorjning: input.viktForsorjning,
    viktBefolkning: input.viktBefolkning,
    sparr: input.sparr,
    kommuner: input.kommuner.map((k) => ({ ...k, forsorjningsmatt: k.forsorjningsmattBrev?.trim() ? k.forsorjningsmattBrev : k.forsorjningsmatt })),
    forbund: input.forbundInfo,
  };
  return toAllocationRequest(raw, loc);
}

/** Computes the allocation (no workbook): the command line's output and the use case's first step. Throws InputError. */
export function computeAllocationOf(input: AllocationInput, loc?: AllocationLocations): AllocationResult {
  const parsed = AllocationInputSchema.safeParse(input);
  if (!parsed.success) throw new InputError(parsed.error.issues.map((i) => ({ plats: i.path.join("."), meddelande: i.message })));
  return computeAllocation(allocationRequestOf(parsed.data, loc));
}

const EXACT = 2n ** 53n;

/**
 * Excel computes in doubles, exact for integers below 2^53, and COUNTIF criteria carry 15 digits: the
 * sheet's largest products must stay below those, or the sheet could differ from the domain by a krona.
 */
export function sheetPrecisionProblems(r: AllocationResult): InputProblem[] {
  const problems: InputProblem[] = [];
  const fSd = r.forsorjningsSumma > 0n ? r.forsorjningsSumma : 1n;
  const bSd = r.befolkningSumma > 0n ? r.befolkningSumma : 1n;
  // Remainders of the model share reach ΣF × ΣP and are ranked by COUNTIF, which reads 15 digits.
  if (r.forsorjningsPott * fSd >= EXACT || r.befolkningsPott * bSd >= EXACT || 2n * fSd * bSd >= 10n ** 15n) {
    problems.push({
      plats: "underlaget",
      meddelande: "Försörjningsmåttet och invånarna är för stora för att Excel ska räkna bladet exakt på kronan. Ange försörjningsmåttet utan decimal eller i färre enheter.",
    });
  }
  // The cap compares floor × model sums with model × (anslag − floors): each below 2^53.
  const largest = r.forbund.filter((f) => f.sparrGolv > 0n).reduce((m, f) => [m, f.sparrGolv, f.modell].reduce((a, b) => (b > a ? b : a)), 0n);
  if (largest * r.request.anslag >= EXACT || r.underskott * r.request.anslag >= EXACT) {
    problems.push({
      plats: "förra årets tilldelning",
      meddelande: "Ett förbund med spärr är så stort i förhållande till anslaget att Excel inte kan avgöra spärren exakt på kronan (belopp × anslag över 2^53).",
    });
  }
  return problems;
}

function num(s: string): number | null {
  const d = parseDecimal(s);
  return d ? Number(d.digits) / 10 ** d.decimals : null;
}

/**
 * Writes the sheet "Statlig tilldelning <år>": validates and computes first (bad input writes nothing),
 * then writes by the shared rules (a foreign sheet of that name is refused, an edited one asked about).
 */
export async function runAllocationJob(host: WorkbookHost, input: AllocationInput, opts: AllocationJobOptions = {}): Promise<AllocationJobOutcome> {
  const parsed = AllocationInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ plats: i.path.join("."), meddelande: i.message })) };
  const data = parsed.data;
  let result: AllocationResult;
  try {
    result = computeAllocation(allocationRequestOf(data, opts.locations));
  } catch (e) {
    if (e instanceof InputError) return { ok: false, problems: e.problems };
    throw e;
  }
  const precision = sheetPrecisionProblems(result);
  if (precision.length > 0) return { ok: false, problems: precision };
  const forsorjningsmatt = new Map(
    data.kommuner.map((k) => {
      const kod = /^\d{3}$/.test(k.kod.trim()) ? `0${k.kod.trim()}` : k.kod.trim();
      return [kod, { samkalk: num(k.forsorjningsmatt) ?? 0, brev: k.forsorjningsmattBrev?.trim() ? num(k.forsorjningsmattBrev) : null }] as const;
    }),
  );
  const spec = buildAllocationSheet({ result, forbund: data.forbund, forsorjningsmatt, underlag: data.underlag, today: opts.today ?? new Date() });
  try {
    const written = await writeSheets(host, [spec], new Map(), opts.onEdited);
    if (written.kind === "refused") return { ok: false, problems: written.problems };
    if (written.kind === "ask") return { ok: false, editedSheets: written.edited, problems: editedSheetProblems(written.edited) };
    return { ok: true, sheetName: allocationSheetName(data.ar), result, keptCopies: written.keptCopies, syncs: written.syncs };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, problems: e.problems };
    // Excel refusing the write is a failure, said as the other jobs say it, with what failed.
    return withFailure([{ meddelande: `Bladet kunde inte skrivas: ${(e as Error).message}` }], failureOf(e));
  }
}
