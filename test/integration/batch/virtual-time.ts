import type { Clock } from '../../../src-main/services/rainbow';

/** A reproducible random source (mulberry32) for fault draws and jitter: the same seed, the same draws. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Time that moves only when told: by `advance`, and by every `sleep` (a retry's wait passes at once, having
 * moved the clock). Scheduled callbacks (a token renewal) run when the time they wait for is reached. Shared
 * by the simulator (token expiry) and the client (renewals, Retry-After), so tokens expire without waiting.
 */
export class VirtualClock implements Clock {
  #now: number;
  #timers: { at: number; callback: () => void }[] = [];

  constructor(start: number) {
    this.#now = start;
  }

  now = (): number => this.#now;

  sleep = (ms: number): Promise<void> => {
    this.advance(ms);
    return Promise.resolve();
  };

  schedule = (callback: () => void, ms: number): (() => void) => {
    const timer = { at: this.#now + ms, callback };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((candidate) => candidate !== timer);
    };
  };

  advance(ms: number): void {
    this.#now += Math.max(0, ms);
    const due = this.#timers.filter((timer) => timer.at <= this.#now).sort((a, b) => a.at - b.at);
    this.#timers = this.#timers.filter((timer) => timer.at > this.#now);
    for (const timer of due) timer.callback();
  }
}
