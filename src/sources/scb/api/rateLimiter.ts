import { cancelledError } from "./errors";

/** Time as the client sees it; tests inject a fake one. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with a cancellation error if `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledError());
      const onAbort = () => {
        clearTimeout(t);
        reject(cancelledError());
      };
      const t = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

export interface RateLimit {
  maxCalls: number;
  windowMs: number;
}

/**
 * A queue that never lets more than `maxCalls` calls start within any `windowMs` (a sliding
 * window of start times). Callers `acquire()` before each HTTP call; acquisitions are served in
 * order. `marginMs` widens the window a little, since SCB counts arrivals on its side.
 * `blockUntil(t)` holds every call until `t` (after a 429 with Retry-After).
 */
export class RateLimiter {
  private starts: number[] = [];
  private tail: Promise<void> = Promise.resolve();
  private blockedUntil = 0;

  constructor(
    private limit: RateLimit,
    private readonly clock: Clock = realClock,
    private readonly marginMs = 0,
  ) {}

  configure(limit: RateLimit): void {
    this.limit = limit;
  }

  get current(): RateLimit {
    return this.limit;
  }

  blockUntil(t: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, t);
  }

  /** Resolves when a call may start (and counts it as started). */
  acquire(signal?: AbortSignal): Promise<void> {
    const run = this.tail.then(() => this.waitForSlot(signal));
    // The next caller waits for this one whether it succeeded or was cancelled.
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw cancelledError();
      const now = this.clock.now();
      const window = this.limit.windowMs + this.marginMs;
      while (this.starts.length > 0 && this.starts[0] <= now - window) this.starts.shift();
      let wait = this.blockedUntil - now;
      if (this.starts.length >= this.limit.maxCalls) {
        wait = Math.max(wait, this.starts[this.starts.length - this.limit.maxCalls] + window - now);
      }
      if (wait <= 0) {
        this.starts.push(now);
        return;
      }
      await this.clock.sleep(wait, signal);
    }
  }
}

/**
 * Retry-After as RFC 9110 has it: delay-seconds or an HTTP date. Returns milliseconds to wait
 * (never negative), or undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (header == null) return undefined;
  const s = header.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}
