/**
 * The sweep's rate limit: probe n (0-based) is due `n / rate` seconds after the start. Timers fire late and in
 * bursts; computing what is due from the elapsed time (rather than counting ticks) keeps the average rate
 * exact and never lets a late timer send more than what the rate allows so far.
 */

/** How many probes may have been sent `elapsedMs` after the start (the first one is due at once). */
export function probesDue(elapsedMs: number, ratePerSecond: number, total: number): number {
  if (elapsedMs < 0) return 0;
  return Math.min(total, Math.floor((elapsedMs * ratePerSecond) / 1000) + 1);
}

/** Milliseconds from `elapsedMs` until probe number `sent` (0-based) is due; 0 when it already is. */
export function delayUntilDue(sent: number, elapsedMs: number, ratePerSecond: number): number {
  return Math.max(0, Math.ceil((sent * 1000) / ratePerSecond - elapsedMs));
}
