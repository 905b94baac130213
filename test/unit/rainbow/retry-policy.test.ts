import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  type AttemptOutcome,
  type RetryPolicy,
} from '../../../src-main/services/rainbow/retry-policy';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 3_000, maxRetryAfterMs: 30_000 };
const half = (): number => 0.5;
const status = (code: number, retryAfterMs?: number): AttemptOutcome => ({
  kind: 'status',
  status: code,
  retryAfterMs,
});
const network = (retryable: boolean, notSent: boolean): AttemptOutcome => ({
  kind: 'network',
  retryable,
  notSent,
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 5, 1, 12, 0, 0);

  it.each([
    ['0', 0],
    ['1', 1_000],
    ['120', 120_000],
    [' 3 ', 3_000],
    ['1.5', 1_500],
  ])('reads delay-seconds %j', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:07 GMT', now)).toBe(7_000);
  });

  it('reads an HTTP date in the past as no wait', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:59:00 GMT', now)).toBe(0);
  });

  it.each([null, undefined, '', 'soon', '-5'])('ignores %j', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});

describe('backoffDelayMs (full jitter)', () => {
  it('doubles the ceiling with each attempt up to the maximum', () => {
    const almostOne = (): number => 0.999_999;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, policy, almostOne))).toEqual([
      199, 399, 799, 1_599, 2_999, 2_999,
    ]);
  });

  it('stays within [0, min(max, base * 2^(n-1))) for any random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const delay = backoffDelayMs(n, policy, () => r);
          const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
          return Number.isInteger(delay) && delay >= 0 && delay < ceiling;
        },
      ),
    );
  });

  it('can pick no wait at all (full, not equal, jitter)', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
  });
});

describe('decideRetry', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries an idempotent request answered %i', (code) => {
    expect(decideRetry(status(code), 1, true, policy, half)).toEqual({ retry: true, delayMs: 100 });
  });

  it.each([200, 201, 400, 401, 403, 404, 409, 501])('does not retry an answer %i', (code) => {
    expect(decideRetry(status(code), 1, true, policy, half)).toEqual({ retry: false, reason: 'final' });
  });

  it('waits exactly Retry-After on 429 and 503 instead of the backoff', () => {
    expect(decideRetry(status(429, 2_000), 1, true, policy, half)).toEqual({ retry: true, delayMs: 2_000 });
    expect(decideRetry(status(503, 0), 1, true, policy, half)).toEqual({ retry: true, delayMs: 0 });
  });

  it('ignores Retry-After on other statuses', () => {
    expect(decideRetry(status(502, 9_000), 1, true, policy, half)).toEqual({ retry: true, delayMs: 100 });
  });

  it('gives up when Retry-After is longer than the policy accepts', () => {
    expect(decideRetry(status(429, 30_001), 1, true, policy, half)).toEqual({
      retry: false,
      reason: 'retry-after-too-long',
    });
  });

  it('stops after the last attempt', () => {
    expect(decideRetry(status(503), 4, true, policy, half).retry).toBe(true);
    expect(decideRetry(status(503), 5, true, policy, half)).toEqual({ retry: false, reason: 'exhausted' });
    expect(decideRetry(network(true, false), 5, true, policy, half)).toEqual({
      retry: false,
      reason: 'exhausted',
    });
  });

  it('retries transient network failures, not permanent ones', () => {
    expect(decideRetry(network(true, false), 1, true, policy, half)).toEqual({ retry: true, delayMs: 100 });
    expect(decideRetry(network(false, true), 1, true, policy, half)).toEqual({
      retry: false,
      reason: 'final',
    });
  });

  describe('for a non-idempotent request', () => {
    it('retries when the server certainly did not process it', () => {
      expect(decideRetry(status(429), 1, false, policy, half).retry).toBe(true);
      expect(decideRetry(status(429, 1_000), 1, false, policy, half)).toEqual({
        retry: true,
        delayMs: 1_000,
      });
      expect(decideRetry(status(503, 1_000), 1, false, policy, half)).toEqual({
        retry: true,
        delayMs: 1_000,
      });
      expect(decideRetry(status(503), 1, false, policy, half)).toEqual({ retry: true, delayMs: 100 });
      expect(decideRetry(network(true, true), 1, false, policy, half).retry).toBe(true);
    });

    it.each([
      ['408', status(408)],
      ['500', status(500)],
      ['502', status(502)],
      ['504', status(504)],
      ['a failure after sending', network(true, false)],
    ])('reports an unknown outcome on %s', (_label, outcome) => {
      expect(decideRetry(outcome, 1, false, policy, half)).toEqual({ retry: false, reason: 'unsafe' });
    });
  });

  it('has bounded defaults', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(5);
    expect(DEFAULT_RETRY_POLICY.maxDelayMs).toBeGreaterThan(DEFAULT_RETRY_POLICY.baseDelayMs);
  });
});
