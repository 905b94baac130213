/** How often to poll: start fast, slow down while nothing changes, never slower than `maxMs`. */
export interface BackoffSchedule {
  initialMs: number;
  maxMs: number;
  factor: number;
}

/** Registrations on screen: every 3 s at first, growing to 30 s while nothing changes. */
export const REGISTRATION_POLLING: BackoffSchedule = { initialMs: 3_000, maxMs: 30_000, factor: 1.5 };

/** Waiting for a swapped phone to register: every 2 s at first, growing to 15 s. */
export const SWAP_POLLING: BackoffSchedule = { initialMs: 2_000, maxMs: 15_000, factor: 1.5 };

/**
 * The delay before the next poll: back to `initialMs` after a change (or before the first poll), otherwise the
 * previous delay times `factor`, capped at `maxMs`.
 */
export function nextDelay(
  schedule: BackoffSchedule,
  previousMs: number | undefined,
  changed: boolean,
): number {
  if (previousMs === undefined || changed) return schedule.initialMs;
  return Math.min(schedule.maxMs, Math.round(previousMs * schedule.factor));
}
