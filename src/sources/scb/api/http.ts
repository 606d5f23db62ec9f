import { z } from "zod";
import {
  cancelledError,
  errorForStatus,
  formatSeconds,
  invalidJsonError,
  invalidShapeError,
  networkError,
  ScbApiError,
  Target,
  timeoutError,
} from "./errors";
import { Clock, parseRetryAfter, RateLimiter, realClock } from "./rateLimiter";
import { Problem, ProblemSchema } from "./schemas";

export interface HttpOptions {
  fetch?: typeof fetch;
  clock?: Clock;
  /** Per attempt, including reading the body. Default 30 s. */
  timeoutMs?: number;
  /** Extra attempts after a 5xx, a timeout or a network error. Default 3 (4 attempts in all). */
  retries?: number;
  /** First backoff; doubles per attempt. Default 1 s. */
  backoffMs?: number;
  /** How many 429s in a row one call accepts (waiting as told each time). Default 5. */
  max429?: number;
  /** A Retry-After longer than this is not waited for: the call fails at once. Default 120 s. */
  maxRetryAfterMs?: number;
  /** Jitter source for backoff, 0 ≤ x < 1. Default Math.random. */
  random?: () => number;
}

export interface CallContext {
  target: Target;
  signal?: AbortSignal;
  /** For the "too many cells" message. */
  cells?: number;
  maxDataCells?: number;
}

export interface CallStats {
  calls: number;
  retries: number;
  rateLimited: number;
  waitedMs: number;
}

/**
 * One HTTP layer for every SCB call: the rate-limit queue, a timeout per attempt, retries with
 * exponential backoff for 5xx/timeouts/network errors, 429 honoured with Retry-After, the
 * caller's AbortSignal, and RFC 7807 problems mapped to Swedish errors. Bodies are parsed as
 * JSON and validated with a zod schema; nothing unvalidated leaves this module.
 */
export class HttpTransport {
  readonly clock: Clock;
  readonly stats: CallStats = { calls: 0, retries: 0, rateLimited: 0, waitedMs: 0 };
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly max429: number;
  private readonly maxRetryAfterMs: number;
  private readonly random: () => number;

  constructor(
    readonly limiter: RateLimiter,
    opts: HttpOptions = {},
  ) {
    this.fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
    this.clock = opts.clock ?? realClock;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.retries = opts.retries ?? 3;
    this.backoffMs = opts.backoffMs ?? 1000;
    this.max429 = opts.max429 ?? 5;
    this.maxRetryAfterMs = opts.maxRetryAfterMs ?? 120_000;
    this.random = opts.random ?? Math.random;
  }

  async getJson<T extends z.ZodTypeAny>(url: string, schema: T, what: string, ctx: CallContext): Promise<z.infer<T>> {
    return this.call(url, { method: "GET", headers: { accept: "application/json" } }, schema, what, ctx);
  }

  async postJson<T extends z.ZodTypeAny>(url: string, body: unknown, schema: T, what: string, ctx: CallContext): Promise<z.infer<T>> {
    return this.call(
      url,
      { method: "POST", headers: { accept: "application/json", "content-type": "application/json" }, body: JSON.stringify(body) },
      schema,
      what,
      ctx,
    );
  }

  private async call<T extends z.ZodTypeAny>(url: string, init: RequestInit, schema: T, what: string, ctx: CallContext): Promise<z.infer<T>> {
    const text = await this.fetchText(url, init, ctx);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw invalidJsonError(ctx.target, url, text.length, e);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw invalidShapeError(ctx.target, url, what, parsed.error);
    return parsed.data;
  }

  /** The body of a 2xx answer, after queueing, retries and waits; throws ScbApiError otherwise. */
  private async fetchText(url: string, init: RequestInit, ctx: CallContext): Promise<string> {
    const { signal, target } = ctx;
    let failures = 0;
    let tooMany = 0;
    for (;;) {
      if (signal?.aborted) throw cancelledError();
      const t0 = this.clock.now();
      await this.limiter.acquire(signal);
      this.stats.waitedMs += this.clock.now() - t0;
      this.stats.calls++;
      const attempt = await this.attempt(url, init, signal);
      if (attempt.kind === "ok") return attempt.text;
      if (attempt.kind === "cancelled") throw cancelledError();

      if (attempt.kind === "status" && attempt.status === 429) {
        tooMany++;
        this.stats.rateLimited++;
        const { maxCalls, windowMs } = this.limiter.current;
        const wait = parseRetryAfter(attempt.retryAfter, this.clock.now()) ?? windowMs;
        if (tooMany > this.max429 || wait > this.maxRetryAfterMs) {
          throw errorForStatus(429, target, attempt.problem, attempt.text, url, {
            attempts: tooMany,
            window: `högst ${maxCalls} anrop per ${formatSeconds(windowMs)}${wait > this.maxRetryAfterMs ? `; SCB bad oss vänta ${formatSeconds(wait)}` : ""}`,
          });
        }
        // Everyone waits: SCB counts calls per IP, not per request.
        this.limiter.blockUntil(this.clock.now() + wait);
        continue;
      }

      const retryable = attempt.kind === "timeout" || attempt.kind === "network" || (attempt.kind === "status" && attempt.status >= 500);
      if (!retryable) {
        if (attempt.kind !== "status") throw new Error("unreachable");
        throw errorForStatus(attempt.status, target, attempt.problem, attempt.text, url, { cells: ctx.cells, maxDataCells: ctx.maxDataCells });
      }
      failures++;
      if (failures > this.retries) {
        const attempts = failures;
        if (attempt.kind === "timeout") throw timeoutError(target, url, this.timeoutMs, attempts);
        if (attempt.kind === "network") throw networkError(target, url, attempt.error, attempts);
        throw errorForStatus(attempt.status, target, attempt.problem, attempt.text, url, { attempts });
      }
      this.stats.retries++;
      const told = attempt.kind === "status" ? parseRetryAfter(attempt.retryAfter, this.clock.now()) : undefined;
      const backoff = this.backoffMs * 2 ** (failures - 1) * (1 + 0.25 * this.random());
      const wait = Math.min(Math.max(backoff, told ?? 0), this.maxRetryAfterMs);
      await this.clock.sleep(wait, signal);
    }
  }

  private async attempt(url: string, init: RequestInit, signal?: AbortSignal): Promise<Attempt> {
    const ctrl = new AbortController();
    let timedOut = false;
    const onAbort = () => ctrl.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, this.timeoutMs);
    try {
      const res = await this.fetchFn(url, { ...init, signal: ctrl.signal });
      const text = await res.text();
      if (res.ok) return { kind: "ok", text };
      let problem: Problem | undefined;
      try {
        const p = ProblemSchema.safeParse(JSON.parse(text));
        problem = p.success ? p.data : undefined;
      } catch {
        problem = undefined;
      }
      return { kind: "status", status: res.status, problem, text, retryAfter: res.headers.get("retry-after") };
    } catch (error) {
      if (signal?.aborted) return { kind: "cancelled" };
      if (timedOut) return { kind: "timeout" };
      if (error instanceof ScbApiError) throw error;
      return { kind: "network", error };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }
}

type Attempt =
  | { kind: "ok"; text: string }
  | { kind: "status"; status: number; problem: Problem | undefined; text: string; retryAfter: string | null }
  | { kind: "timeout" }
  | { kind: "network"; error: unknown }
  | { kind: "cancelled" };
