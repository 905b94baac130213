// Declared here rather than taken from @types/node: the renderer's tests use this clock and compile without them
// (for the same reason the clock interfaces it fits are matched by shape, not imported).
declare function setImmediate(callback: () => void): unknown;

interface Timer {
  at: number;
  order: number;
  every?: number;
  callback: () => void;
}

/**
 * Lets queued promise callbacks run: what a fired timer wakes (and what that awaits in turn) resumes before
 * the test goes on or the next timer fires.
 */
export async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++)
    await new Promise((resolve) => setImmediate(() => resolve(undefined)));
}

/**
 * The one clock unit tests move by hand, for every clock the code takes: the services' (`sleep`, `schedule`),
 * the scanners' (`setTimeout`) and the renderer's (`after`, `every`). Nothing fires until `advance` passes a
 * timer's time; a `sleep` is recorded and passes at once, moving the clock.
 */
export class FakeClock {
  /** Every `sleep` asked for, in order. */
  readonly sleeps: number[] = [];
  #now: number;
  #order = 0;
  readonly #timers = new Set<Timer>();

  constructor(start = Date.UTC(2030, 0, 1, 9, 0, 0)) {
    this.#now = start;
  }

  now = (): number => this.#now;

  sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return this.advance(ms);
  };

  schedule = (callback: () => void, ms: number): (() => void) => this.#add(callback, ms);

  setTimeout = (callback: () => void, ms: number): (() => void) => this.#add(callback, ms);

  after = (ms: number, callback: () => void): (() => void) => this.#add(callback, ms);

  every = (ms: number, callback: () => void): (() => void) => this.#add(callback, ms, ms);

  /** Delays of the timers still pending, from now, soonest first. */
  pending(): number[] {
    return [...this.#timers].map((timer) => timer.at - this.#now).sort((a, b) => a - b);
  }

  /**
   * Moves time forward by `ms`: due timers fire in order, each at its own time, and what they wake runs before
   * the next one fires.
   */
  async advance(ms: number): Promise<void> {
    const target = this.#now + Math.max(0, ms);
    await settle();
    for (;;) {
      const next = [...this.#timers]
        .filter((timer) => timer.at <= target)
        .sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!next) break;
      this.#now = next.at;
      if (next.every === undefined) this.#timers.delete(next);
      else next.at += next.every;
      next.callback();
      await settle();
    }
    this.#now = target;
    await settle();
  }

  #add(callback: () => void, ms: number, every?: number): () => void {
    const timer: Timer = { at: this.#now + Math.max(0, ms), order: this.#order++, callback };
    if (every !== undefined) timer.every = Math.max(1, every);
    this.#timers.add(timer);
    return () => this.#timers.delete(timer);
  }
}
