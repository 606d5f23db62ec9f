import { InputError } from "../errors";
import { apportion } from "../largestRemainder";
import type { AllocationRequest, AllocationResult, ForbundAllocation } from "./types";
import { HUNDRED_PERCENT } from "./types";

/**
 * Nationella rådets fördelningsmodell in whole kronor (Försäkringskassan, "Fördelningsmodell för statens
 * medelstilldelning till samordningsförbunden", 2015-01-22; finsam.se, "Statens fördelningsmodell"):
 *
 * 1. Every förbund gets the base (400 tkr); a line standing for several förbund gets it so many times.
 * 2. The rest is split into two pots by the weights (75 % försörjningsmått, 25 % inhabitants 16–64),
 *    in whole kronor by largest remainder.
 * 3. A förbund's model share is its part of both pots, F × fm / ΣF + P × pop / ΣP, rounded as ONE
 *    quota by largest remainder (ties to the earlier förbund): so the model amounts sum exactly to the
 *    national amount and each is within 1 kr of its exact quota. Its försörjningsdel is its largest-
 *    remainder part of the försörjningsmått pot; its befolkningsdel is the rest of its model share.
 * 4. The cap (spärr): a förbund whose last year is known and whose equity is not above the staircase
 *    gets at least ⌈last year × (100 − cap) %⌉. The shortfall of the förbund the cap holds is taken from
 *    the others in proportion to their model amounts (largest remainder); when that takes another one
 *    below its floor, it is held too, and the round is repeated until no more are held (the rule the
 *    issue adopted: the 2015 document states the cap, not how its cost is shared).
 */
export function computeAllocation(req: AllocationRequest): AllocationResult {
  const order = req.forbund.map((_, i) => i);
  const fm = req.forbund.map((f) => sumOf(req.kommuner.filter((k) => k.forbund === f.namn).map((k) => k.forsorjningsmatt)));
  const pop = req.forbund.map((f) => sumOf(req.kommuner.filter((k) => k.forbund === f.namn).map((k) => k.befolkning)));
  const grund = req.forbund.map((f) => req.grund * BigInt(f.antal));
  const grundSumma = sumOf(grund);
  const attFordela = req.anslag - grundSumma;
  if (attFordela < 0n) {
    throw new InputError([{ plats: "anslaget", meddelande: `Anslaget (${kr(req.anslag)}) räcker inte till grundtilldelningen: ${kr(grundSumma)} för ${sumOf(req.forbund.map((f) => BigInt(f.antal)))} förbund.` }]);
  }
  const [fPot, pPot] = apportion(attFordela, [req.viktForsorjning, req.viktBefolkning], [0, 1]).map((a) => a.part);
  const sumF = sumOf(fm);
  const sumP = sumOf(pop);
  if (fPot > 0n && sumF === 0n) throw new InputError([{ plats: "underlaget", meddelande: "Försörjningsmåttet summerar till 0 för förbunden, så försörjningsdelen kan inte fördelas." }]);
  if (pPot > 0n && sumP === 0n) throw new InputError([{ plats: "underlaget", meddelande: "Invånarna 16–64 år summerar till 0 för förbunden, så befolkningsdelen kan inte fördelas." }]);
  // A key that has no pot to share may sum to 0: its denominator is then taken as 1 (every part is 0).
  const dF = sumF === 0n ? 1n : sumF;
  const dP = sumP === 0n ? 1n : sumP;

  const fParts = apportion(fPot, sumF === 0n ? fm.map(() => 0n) : fm, order);
  // The model share as one quota: (fRest × ΣP + pRest × ΣF) / (ΣF × ΣP) is its fraction beyond the two floors.
  const both = dF * dP;
  const pGolv = pop.map((p) => (pPot * p) / dP);
  const pRest = pop.map((p, i) => pPot * p - pGolv[i] * dP);
  const fGolv = fm.map((f) => (fPot * f) / dF);
  const fRest = fm.map((f, i) => fPot * f - fGolv[i] * dF);
  const sums = order.map((i) => fRest[i] * dP + pRest[i] * dF);
  const carry = sums.map((s) => (s >= both ? 1n : 0n));
  const kGolv = order.map((i) => fGolv[i] + pGolv[i] + carry[i]);
  const kRest = order.map((i) => sums[i] - carry[i] * both);
  const kExtra = extras(kRest, attFordela - sumOf(kGolv), order);
  const modelShare = order.map((i) => kGolv[i] + kExtra[i]);
  const modell = order.map((i) => grund[i] + modelShare[i]);

  const golv = req.forbund.map((f) =>
    req.sparr !== null && f.forraAret !== null && f.forraAret > 0n && !f.overTrappan ? ceilDiv(f.forraAret * (HUNDRED_PERCENT - req.sparr), HUNDRED_PERCENT) : 0n,
  );
  const { held, varv } = capRounds(req.anslag, modell, golv);
  const modellOspärrade = sumOf(modell.filter((_, i) => !held[i]));
  const underskott = sumOf(order.filter((i) => held[i]).map((i) => golv[i] - modell[i]));
  if (underskott > modellOspärrade || (modellOspärrade === 0n && underskott !== 0n)) {
    throw new InputError([
      {
        plats: "spärren",
        meddelande: `Spärren kan inte hållas: förbunden med spärr skulle behöva ${kr(sumOf(golv.filter((_, i) => held[i])))}, mer än anslaget räcker till. Sänk spärren eller kontrollera förra årets tilldelning.`,
      },
    ]);
  }
  const cut = apportion(
    underskott,
    modell.map((m, i) => (held[i] ? 0n : m)),
    order,
  );

  const forbund: ForbundAllocation[] = req.forbund.map((f, i) => ({
    namn: f.namn,
    antal: f.antal,
    befolkning: pop[i],
    forsorjningsmatt: fm[i],
    grund: grund[i],
    forsorjningsdel: fParts[i].part,
    befolkningsdel: modelShare[i] - fParts[i].part,
    modell: modell[i],
    forraAret: f.forraAret,
    overTrappan: f.overTrappan,
    sparrGolv: golv[i],
    sparrGaller: held[i],
    avdrag: held[i] ? 0n : cut[i].part,
    tilldelning: held[i] ? golv[i] : modell[i] - cut[i].part,
    steps: {
      fGolv: fParts[i].floor,
      fRest: fParts[i].rest,
      fExtra: fParts[i].extra,
      pGolv: pGolv[i],
      pRest: pRest[i],
      kGolv: kGolv[i],
      kRest: kRest[i],
      kExtra: kExtra[i],
      cGolv: cut[i].floor,
      cRest: cut[i].rest,
      cExtra: cut[i].extra,
    },
  }));
  return {
    request: req,
    grundSumma,
    attFordela,
    forsorjningsPott: fPot,
    befolkningsPott: pPot,
    forsorjningsSumma: sumF,
    befolkningSumma: sumP,
    underskott,
    modellOspärrade,
    varv,
    forbund,
  };
}

/**
 * Which förbund the cap holds, round by round: with the held ones at their floors, the others share
 * what is left in proportion to their model amounts; any whose exact share is below its floor is held
 * too; repeat until a round holds no new one. (Each round only adds, so it ends within n rounds.)
 */
function capRounds(anslag: bigint, modell: bigint[], golv: bigint[]): { held: boolean[]; varv: number } {
  const held = modell.map(() => false);
  if (golv.every((g) => g === 0n)) return { held, varv: 0 };
  let varv = 0;
  for (;;) {
    const kvar = anslag - sumOf(golv.filter((_, i) => held[i]));
    const ospärrat = sumOf(modell.filter((_, i) => !held[i]));
    // Exact share kvar × modell / ospärrat below the floor ⇔ golv × ospärrat > kvar × modell.
    const newly = modell.map((m, i) => !held[i] && golv[i] > 0n && golv[i] * ospärrat > kvar * m);
    if (!newly.some(Boolean)) return { held, varv };
    varv++;
    newly.forEach((x, i) => (held[i] ||= x));
  }
}

/** 1 for the `leftover` largest remainders (ties to the lower order), else 0. */
function extras(rests: bigint[], leftover: bigint, order: number[]): bigint[] {
  const ranked = [...order].sort((a, b) => (rests[a] === rests[b] ? order[a] - order[b] : rests[a] > rests[b] ? -1 : 1));
  const out = rests.map(() => 0n);
  for (let k = 0; BigInt(k) < leftover; k++) out[ranked[k]] = 1n;
  return out;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

export function sumOf(xs: readonly bigint[]): bigint {
  return xs.reduce((a, b) => a + b, 0n);
}

function kr(x: bigint): string {
  return `${x.toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0")} kr`;
}
