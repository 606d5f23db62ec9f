/** Deterministic helpers for the synthetic cubes: no Math.random, same numbers on every run. */

/** FNV-1a of a string, as a number in [0, 1). */
export function hash01(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/** A value in [lo, hi) fixed by the key. */
export function between(key: string, lo: number, hi: number): number {
  return lo + (hi - lo) * hash01(key);
}

export const SYNTHETIC_NOTE =
  "SYNTETISKA DATA: värdena är genererade av Samkalks replay-server (test/scb/replay) för tester. De är inte SCB:s siffror.";
