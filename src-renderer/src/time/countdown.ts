/**
 * Time left until a moment, as a technician reads it on a countdown: `4:05`, `1:02:09`; never negative.
 */
export function formatCountdown(milliseconds: number): string {
  const totalSeconds = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** Milliseconds from `now` until `moment` (negative once it has passed); NaN when `moment` is not a date. */
export function millisecondsUntil(moment: string | undefined, now: number): number {
  if (moment === undefined) return Number.NaN;
  return parseApiDate(moment) - now;
}

/**
 * The registration API writes `2024-07-15 15:55:08` (no zone: UTC, like every date it answers) where the rest
 * of the API writes ISO 8601. Both read to epoch milliseconds; NaN when unreadable.
 */
export function parseApiDate(text: string): number {
  const trimmed = text.trim();
  const spaced = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(trimmed);
  return Date.parse(spaced ? `${spaced[1]}T${spaced[2]}Z` : trimmed);
}
