import { Amount, MAX_DECIMALS, formatAmount, rescale } from "../amount";
import { apportion } from "../largestRemainder";
import { InputError, InputProblem } from "../errors";
import { kommunByCode } from "../kommuner";
import { appendAll, maxOf } from "../arrays";

/**
 * The member fee split (medlemsavgifter). By law the member funding is split state 50 %,
 * region 25 %, kommuner 25 %; the förbundsordning sets how the kommuner share their 25 %:
 * by working-age population (an age band and a reference year) or by fixed percentages.
 */

export type Enhet = "kr" | "tkr";
/** What the entered amount is: the whole member funding, the state's half, or the kommuner's quarter. */
export type BeloppAvser = "total" | "stat" | "kommuner";

export type FeeKey =
  | { kind: "befolkning"; aldersFran: number; aldersTill: number; referensAr: number }
  | { kind: "andel" };

/** A kommun with its key figure: population (integer) or fixed share in percent (exact decimal). */
export interface MemberKey {
  kod: string;
  namn: string;
  /** Where the user entered this kommun (e.g. "rad 3", "medlemmar.csv, rad 4"); default "rad N". */
  plats?: string;
  /** Population (befolkning mode) — a whole number ≥ 0. */
  befolkning?: bigint;
  /** Fixed share in percent (andel mode), as exact decimal digits: 82,9 % = { digits: 829n, decimals: 1 }. */
  andel?: { digits: bigint; decimals: number };
}

export interface FeeSplitRequest {
  forbund: string;
  region: string;
  ar: number;
  belopp: Amount;
  avser: BeloppAvser;
  enhet: Enhet;
  nyckel: FeeKey;
  kommuner: MemberKey[];
}

export interface FeeShare {
  kod: string;
  namn: string;
  /** Integer weight used in the split: population, or the share × 10 000. */
  vikt: bigint;
  /** Share of the kommuner's part, 0–1 (for display; money never goes through it). */
  andel: number;
  avgift: Amount;
  /** Largest-remainder details, also written as helper columns in the sheet. */
  golv: bigint;
  rest: bigint;
  tillagg: bigint;
}

export interface FeeSplitResult {
  request: FeeSplitRequest;
  /** Decimals of every amount in the result (0 = whole kr/tkr, 2 = öre). */
  decimals: number;
  total: Amount;
  stat: Amount;
  region: Amount;
  kommunerTotal: Amount;
  /** Split of the total between state, region and kommuner, with its largest-remainder details. */
  huvuddelar: { golv: bigint; rest: bigint; tillagg: bigint }[];
  kommuner: FeeShare[];
  /** Weight sum of the kommuner (Σ vikt). */
  viktSumma: bigint;
  varningar: string[];
}

/** Share weights are percentages scaled to this many decimals. */
export const ANDEL_DECIMALS = 4;
const ANDEL_SCALE = 10n ** BigInt(ANDEL_DECIMALS);
/** Excel computes the split in doubles: amount (minor units) × Σ weights must stay below 2^53 to be exact. */
export const EXCEL_EXACT_LIMIT = 2n ** 53n;
/** State, region and kommuner: 50/25/25 as integer weights. */
export const HUVUDVIKTER = [2n, 1n, 1n] as const;

export function shareWeight(a: { digits: bigint; decimals: number }): bigint {
  return a.digits * 10n ** BigInt(ANDEL_DECIMALS - a.decimals);
}

export function formatPercent(digits: bigint, decimals: number): string {
  return formatAmount({ minor: digits, decimals });
}

/** Checks the member list; every problem names the row (1-based, as in the user's table). */
export function validateMembers(req: FeeSplitRequest): { problems: InputProblem[]; varningar: string[] } {
  const problems: InputProblem[] = [];
  const varningar: string[] = [];
  if (req.kommuner.length === 0) problems.push({ meddelande: "Inga kommuner är valda. Välj minst en kommun." });
  const seen = new Map<string, number>();
  req.kommuner.forEach((k, i) => {
    const plats = k.plats ?? `rad ${i + 1}`;
    if (!kommunByCode(k.kod)) {
      problems.push({ plats, meddelande: `Okänd kommunkod "${k.kod}". Koden ska vara SCB:s fyrsiffriga kod, t.ex. 2480 för Umeå.` });
    }
    const first = seen.get(k.kod);
    if (first !== undefined) {
      problems.push({
        plats,
        meddelande: `${k.namn || k.kod} (${k.kod}) finns redan på ${req.kommuner[first].plats ?? `rad ${first + 1}`}. Varje kommun får bara finnas en gång.`,
      });
    } else seen.set(k.kod, i);
    if (req.nyckel.kind === "befolkning") {
      if (k.befolkning === undefined) problems.push({ plats, meddelande: `Befolkning saknas för ${k.namn || k.kod}.` });
      else if (k.befolkning < 0n) problems.push({ plats, meddelande: `Befolkningen för ${k.namn || k.kod} är negativ.` });
    } else {
      if (k.andel === undefined) problems.push({ plats, meddelande: `Andel saknas för ${k.namn || k.kod}.` });
      else if (k.andel.digits < 0n) problems.push({ plats, meddelande: `Andelen för ${k.namn || k.kod} är negativ.` });
      else if (k.andel.decimals > ANDEL_DECIMALS)
        problems.push({ plats, meddelande: `Andelen för ${k.namn || k.kod} har fler än ${ANDEL_DECIMALS} decimaler.` });
    }
  });
  if (problems.length > 0) return { problems, varningar };

  if (req.nyckel.kind === "andel") {
    // Shares printed with d decimals can each be off by half a unit in the last place: n shares can miss
    // 100 % by n × 0.5 × 10^-d without anyone having made a mistake. Within that we normalise and warn.
    const d = maxOf(req.kommuner.map((k) => k.andel!.decimals));
    const sum = req.kommuner.reduce((s, k) => s + shareWeight(k.andel!), 0n);
    const hundred = 100n * ANDEL_SCALE;
    const gap = sum > hundred ? sum - hundred : hundred - sum;
    const n = BigInt(req.kommuner.length);
    const toleranceTwice = n * 10n ** BigInt(ANDEL_DECIMALS - d); // 2 × n × 0.5 × 10^-d, in weight units
    const sumText = formatPercent(sum, ANDEL_DECIMALS).replace(/,?0+$/, "");
    if (gap * 2n > toleranceTwice) {
      problems.push({
        meddelande: `Andelarna summerar till ${sumText} % i stället för 100 %. Skillnaden är större än avrundningen kan förklara; kontrollera andelarna i förbundsordningen.`,
      });
    } else if (gap !== 0n) {
      varningar.push(
        `Andelarna summerar till ${sumText} % (avrundade värden). De har räknats om i proportion så att kommunernas delar blir exakt 100 %.`,
      );
    }
  }
  if (req.nyckel.kind === "befolkning" && req.kommuner.length > 0 && req.kommuner.every((k) => k.befolkning === 0n)) {
    problems.push({ meddelande: "Alla valda kommuner har befolkningen 0, så det finns inget att fördela efter." });
  }
  return { problems, varningar };
}

/** Computes the split; throws InputError (with every problem found) when the input cannot be used. */
export function computeFeeSplit(req: FeeSplitRequest): FeeSplitResult {
  const problems: InputProblem[] = [];
  if (!Number.isInteger(req.ar) || req.ar < 2000 || req.ar > 2100) problems.push({ plats: "år", meddelande: `Året ${req.ar} är inte ett giltigt budgetår.` });
  if (req.belopp.minor < 0n) problems.push({ plats: "belopp", meddelande: "Beloppet får inte vara negativt." });
  if (req.belopp.decimals > MAX_DECIMALS) problems.push({ plats: "belopp", meddelande: "Beloppet får ha högst två decimaler (öre)." });
  const checked = validateMembers(req);
  appendAll(problems, checked.problems);
  if (problems.length > 0) throw new InputError(problems);

  const decimals = req.belopp.decimals;
  const factor = req.avser === "total" ? 1n : req.avser === "stat" ? 2n : 4n;
  const totalMinor = req.belopp.minor * factor;
  const top = apportion(totalMinor, [...HUVUDVIKTER], [1, 2, 3]);
  const kommunerMinor = top[2].part;

  const weights = req.kommuner.map((k) => (req.nyckel.kind === "befolkning" ? k.befolkning! : shareWeight(k.andel!)));
  const viktSumma = weights.reduce((a, b) => a + b, 0n);
  if (totalMinor * 2n >= EXCEL_EXACT_LIMIT || kommunerMinor * viktSumma >= EXCEL_EXACT_LIMIT) {
    throw new InputError([
      {
        plats: "belopp",
        meddelande:
          "Beloppet är för stort för att Excel ska kunna fördela det exakt med formler (belopp × summan av nyckeltalen måste vara under 9 007 199 254 740 992). Ange beloppet i tkr eller utan öre.",
      },
    ]);
  }
  // Ties go to the lowest kommun code, so reordering the kommuner changes no fee.
  const parts = apportion(kommunerMinor, weights, req.kommuner.map((k) => Number(k.kod)));
  const amount = (minor: bigint): Amount => ({ minor, decimals });
  return {
    request: req,
    decimals,
    total: amount(totalMinor),
    stat: amount(top[0].part),
    region: amount(top[1].part),
    kommunerTotal: amount(kommunerMinor),
    huvuddelar: top.map((p) => ({ golv: p.floor, rest: p.rest, tillagg: p.extra })),
    kommuner: req.kommuner.map((k, i) => ({
      kod: k.kod,
      namn: k.namn || kommunByCode(k.kod)!.namn,
      vikt: weights[i],
      andel: viktSumma === 0n ? 0 : Number((weights[i] * 10n ** 12n) / viktSumma) / 1e12,
      avgift: amount(parts[i].part),
      golv: parts[i].floor,
      rest: parts[i].rest,
      tillagg: parts[i].extra,
    })),
    viktSumma,
    varningar: checked.varningar,
  };
}

export function describeKey(key: FeeKey, lang: "sv" | "en" = "sv"): string {
  if (key.kind === "andel") return lang === "sv" ? "Fasta andelar enligt förbundsordningen" : "Fixed shares per the statutes";
  return lang === "sv"
    ? `Befolkning ${key.aldersFran}–${key.aldersTill} år, 31 december ${key.referensAr}`
    : `Population aged ${key.aldersFran}–${key.aldersTill}, 31 December ${key.referensAr}`;
}

export { rescale };
