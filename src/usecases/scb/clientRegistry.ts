/** SCB clients by base URL: every client for one base URL shares one rate-limit queue, since SCB counts calls per IP. */
import { RateLimiter, SCB_DEFAULT_RATE_LIMIT, ScbClient, realClock, type ScbClientOptions } from "../../sources/scb/api";
import { normaliseBaseUrl } from "./fetchSettings";

const limiters = new Map<string, RateLimiter>();

/** The one rate-limit queue for a base URL (created on first use; /config's limits are applied to it). */
export function sharedRateLimiter(baseUrl: string | undefined): RateLimiter {
  const key = normaliseBaseUrl(baseUrl);
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(SCB_DEFAULT_RATE_LIMIT, realClock, 250);
    limiters.set(key, limiter);
  }
  return limiter;
}

/**
 * A PxWebApi 2.0 client for `baseUrl` (default SCB's own) that queues its calls with every other
 * client for the same base URL. Throws InputError (Swedish) if the base URL is not a web address.
 */
export function scbClientFor(baseUrl?: string, opts: Omit<ScbClientOptions, "baseUrl" | "limiter"> = {}): ScbClient {
  const base = normaliseBaseUrl(baseUrl);
  return new ScbClient({ ...opts, baseUrl: base, limiter: sharedRateLimiter(base) });
}
