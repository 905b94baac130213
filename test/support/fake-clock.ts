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
 * The one clock tests move by hand, for every clock the code takes: the services' (`sleep`, `schedule`), the
 * scanners' (`setTimeout`) and the renderer's (`after`, `every`); integration tests give the simulator its
 * `now` too. Nothing fires until `advance` (or `tick`) passes a timer's time; a `sleep` is recorded and passes
 * at once, moving the clock. Time never goes back, even when several callers move it at once.
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
    for (let next = this.#nextDue(target); next; next = this.#nextDue(target)) {
      this.#fire(next);
      await settle();
    }
    this.#now = Math.max(this.#now, target);
    await settle();
  }

  /** Moves time to the soonest pending timer and fires it (with any due at the same time). */
  async advanceToNext(): Promise<void> {
    const [soonest] = this.pending();
    if (soonest === undefined) throw new Error('no timer pending');
    await this.advance(soonest);
  }

  /**
   * Moves time forward by `ms` at once and fires what falls due, synchronously: for time the code under test
   * moves itself from many concurrent callers (a request that takes time), where each call adds its own `ms`.
   */
  tick(ms: number): void {
    const target = this.#now + Math.max(0, ms);
    for (let next = this.#nextDue(target); next; next = this.#nextDue(target)) this.#fire(next);
    this.#now = Math.max(this.#now, target);
  }

  #nextDue(target: number): Timer | undefined {
    return [...this.#timers]
      .filter((timer) => timer.at <= target)
      .sort((a, b) => a.at - b.at || a.order - b.order)[0];
  }

  #fire(timer: Timer): void {
    this.#now = Math.max(this.#now, timer.at);
    if (timer.every === undefined) this.#timers.delete(timer);
    else timer.at += timer.every;
    timer.callback();
  }

  #add(callback: () => void, ms: number, every?: number): () => void {
    const timer: Timer = { at: this.#now + Math.max(0, ms), order: this.#order++, callback };
    if (every !== undefined) timer.every = Math.max(1, every);
    this.#timers.add(timer);
    return () => this.#timers.delete(timer);
  }
}
