import { ScbApiError } from "../../../src/sources/scb/api/errors";
import { Clock, parseRetryAfter, RateLimiter } from "../../../src/sources/scb/api/rateLimiter";

/** A clock that only moves when someone sleeps: tests run instantly and deterministically. */
function fakeClock(): Clock & { t: number } {
  const c = {
    t: 0,
    now: () => c.t,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw new ScbApiError("avbruten", [{ meddelande: "avbruten" }]);
      c.t += Math.max(0, ms);
      await Promise.resolve();
    },
  };
  return c;
}

function maxInWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i++) {
    let n = 0;
    for (let j = i; j < times.length && times[j] < times[i] + windowMs; j++) n++;
    best = Math.max(best, n);
  }
  return best;
}

describe("RateLimiter (sliding window, fake clock)", () => {
  it("never lets more than N calls start within a window, and waits no longer than needed", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ maxCalls: 30, windowMs: 10_000 }, clock);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 100 }, () => limiter.acquire().then(() => starts.push(clock.now()))));
    expect(starts).toHaveLength(100);
    expect(maxInWindow(starts, 10_000)).toBe(30);
    // 100 calls at 30 per 10 s: the last starts at 30 s.
    expect(Math.max(...starts)).toBe(30_000);
  });

  it("holds everyone after blockUntil (a 429's Retry-After)", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ maxCalls: 5, windowMs: 1000 }, clock);
    await limiter.acquire();
    limiter.blockUntil(4000);
    await limiter.acquire();
    expect(clock.now()).toBe(4000);
  });

  it("applies a new limit from /config", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ maxCalls: 30, windowMs: 10_000 }, clock);
    limiter.configure({ maxCalls: 3, windowMs: 1000 });
    const starts: number[] = [];
    for (let i = 0; i < 7; i++) {
      await limiter.acquire();
      starts.push(clock.now());
    }
    expect(starts).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it("rejects a waiting caller when its signal aborts", async () => {
    const limiter = new RateLimiter({ maxCalls: 1, windowMs: 60_000 });
    await limiter.acquire();
    const ctrl = new AbortController();
    const waiting = limiter.acquire(ctrl.signal);
    ctrl.abort();
    await expect(waiting).rejects.toMatchObject({ kind: "avbruten" });
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2026, 5, 25, 12, 0, 0);
  it("reads seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });
  it("reads an HTTP date", () => {
    expect(parseRetryAfter("Thu, 25 Jun 2026 12:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Thu, 25 Jun 2026 11:59:00 GMT", now)).toBe(0);
  });
  it("gives undefined for a missing or unreadable header", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
