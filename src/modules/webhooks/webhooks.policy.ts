/**
 * How deliveries are retried and which URLs are acceptable: pure rules, no I/O.
 *
 * Retry schedule with the defaults: after the 1st failed attempt wait ~30 s, then ~2 min, ~8 min,
 * ~32 min, ~2 h 8 min, then 6 h between the last attempts (8 in all, over about 15 hours). Each
 * delay is jittered by ±20 % so endpoints that failed together are not retried together.
 */
export type DeliveryPolicy = {
  /** Requests per delivery, the first included. */
  maxAttempts: number;
  /** Wait after the first failed attempt; each later wait is `factor` times the previous one. */
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Fraction of each wait added or removed at random (0 = exact waits). */
  jitter: number;
  /** A request (connect, send, response headers and the body excerpt) that takes longer fails. */
  timeoutMs: number;
  /** Bytes of the response body kept in the delivery log. */
  responseExcerptBytes: number;
  /** A due delivery with no job picking it up for this long is queued again by the sweep. */
  staleAfterMs: number;
  /** Events older than this, with every delivery finished, are deleted by the daily prune. */
  retentionDays: number;
};

export const defaultDeliveryPolicy: DeliveryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  factor: 4,
  maxDelayMs: 6 * 3600_000,
  jitter: 0.2,
  timeoutMs: 10_000,
  responseExcerptBytes: 1024,
  staleAfterMs: 5 * 60_000,
  retentionDays: 30,
};

/** The wait before attempt `failedAttempts + 1`, given that `failedAttempts` (≥ 1) have failed. */
export function retryDelayMs(
  failedAttempts: number,
  policy: DeliveryPolicy,
  random: () => number = Math.random,
): number {
  const exact = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * policy.factor ** Math.max(0, failedAttempts - 1),
  );
  const spread = exact * policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(exact + spread));
}

export type AttemptResult =
  | { kind: 'response'; status: number; retryAfter?: string | null }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string }
  | { kind: 'refused'; message: string };

export type Verdict = 'succeeded' | 'retry' | 'failed';

/**
 * 2xx succeeds. Network errors, timeouts, 5xx, 408 (request timeout) and 429 (too many requests)
 * are worth another try. Any other answer (3xx, since redirects are not followed; 4xx) is the
 * receiver's considered "no", and a refused URL never reaches the network: both fail at once.
 */
export function verdictOf(result: AttemptResult): Verdict {
  if (result.kind === 'timeout' || result.kind === 'network') return 'retry';
  if (result.kind === 'refused') return 'failed';
  const { status } = result;
  if (status >= 200 && status < 300) return 'succeeded';
  if (status >= 500 || status === 408 || status === 429) return 'retry';
  return 'failed';
}

/**
 * When the next attempt is due after a retryable failure, or null when the attempts are used up.
 * A Retry-After header (seconds or an HTTP date) lengthens the wait, never beyond `maxDelayMs`.
 */
export function nextAttemptAt(
  attempts: number,
  maxAttempts: number,
  result: AttemptResult,
  policy: DeliveryPolicy,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  if (attempts >= maxAttempts) return null;
  let wait = retryDelayMs(attempts, policy, random);
  const asked = result.kind === 'response' ? retryAfterMs(result.retryAfter, now) : null;
  if (asked !== null) wait = Math.min(policy.maxDelayMs, Math.max(wait, asked));
  return new Date(now.getTime() + wait);
}

export function retryAfterMs(header: string | null | undefined, now: Date): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its weekday ("Sun, 01 Mar 2026 11:00:00 GMT"); anything else is ignored.
  if (!/^[A-Za-z]{3}, /.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export const MAX_URL_LENGTH = 2048;

/**
 * Why a URL cannot receive webhooks, or null when it can: absolute http(s) with a host, and no
 * credentials in it (the URL is shown to everyone who manages webhooks; receivers authenticate
 * Keel by the signature instead).
 */
export function urlProblem(raw: string): string | null {
  if (raw.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must use http or https';
  if (!url.hostname) return 'must name a host';
  if (url.username || url.password)
    return 'must not hold credentials; verify the X-Keel-Signature header instead';
  return null;
}
