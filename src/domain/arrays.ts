/**
 * Loops for what `Math.max(...xs)`, `Math.min(...xs)` and `push(...xs)` do: a spread passes every element as an
 * argument, and past roughly 100 000 of them JavaScript throws "Maximum call stack size exceeded". Inputs and
 * sheets reach Excel's 1 048 576 rows, so every list that grows with the input goes through these.
 */

/** The largest of `xs`, or `empty` when there are none. */
export function maxOf(xs: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  let any = false;
  for (const x of xs) {
    if (!any || x > m) m = x;
    any = true;
  }
  return any ? m : empty;
}

/** The smallest of `xs`, or `empty` when there are none. */
export function minOf(xs: Iterable<number>, empty = Infinity): number {
  let m = empty;
  let any = false;
  for (const x of xs) {
    if (!any || x < m) m = x;
    any = true;
  }
  return any ? m : empty;
}

/** Appends every item of `items` to `target` (in order) and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}
