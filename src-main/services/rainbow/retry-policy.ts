/** When and how long to wait before sending a request again. Pure: no clock, no I/O. */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Upper bound of the first backoff; it doubles with every attempt (full jitter picks below it). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error surfaces with the delay in its message. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);
/** Only these answers' `Retry-After` is honoured. */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** `Retry-After` as milliseconds to wait: delay-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  const value = header?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP date always names the day or month; a bare number such as "-5" is not one.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(attempt-1))). */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** How the last attempt ended, as far as retrying is concerned. */
export type AttemptOutcome =
  | { kind: 'status'; status: number; retryAfterMs: number | undefined }
  /** `retryable`: a transient network failure; `notSent`: the request certainly never reached the server. */
  | { kind: 'network'; retryable: boolean; notSent: boolean };

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'final' | 'exhausted' | 'unsafe' | 'retry-after-too-long' };

/**
 * True when the server certainly did not act on the request (no connection, 429, 503: rainbow-api-notes.md,
 * "Paging and retries"), so even a reboot or a create can be sent again.
 */
function certainlyNotProcessed(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'network') return outcome.notSent;
  return outcome.status === 429 || outcome.status === 503;
}

/**
 * `attempt` is the number of the attempt that just ended (1 for the first). A non-idempotent request (a create,
 * a reboot, a factory reset, a debug grant) is only sent again when the server certainly did not process it;
 * otherwise the caller must report an unknown outcome ('unsafe').
 */
export function decideRetry(
  outcome: AttemptOutcome,
  attempt: number,
  idempotent: boolean,
  policy: RetryPolicy,
  random: () => number,
): RetryDecision {
  const transient = outcome.kind === 'network' ? outcome.retryable : RETRYABLE_STATUSES.has(outcome.status);
  if (!transient) return { retry: false, reason: 'final' };
  if (!idempotent && !certainlyNotProcessed(outcome)) return { retry: false, reason: 'unsafe' };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'exhausted' };
  const retryAfterMs =
    outcome.kind === 'status' && RETRY_AFTER_STATUSES.has(outcome.status) ? outcome.retryAfterMs : undefined;
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > policy.maxRetryAfterMs) return { retry: false, reason: 'retry-after-too-long' };
    return { retry: true, delayMs: retryAfterMs };
  }
  return { retry: true, delayMs: backoffDelayMs(attempt, policy, random) };
}
