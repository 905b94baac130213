import type { Clock } from '../../../src-main/services/rainbow/clock';

interface Timer {
  at: number;
  callback: () => void;
}

/** A clock that only moves when the test says so; sleeps are recorded and end at once. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  #now: number;
  #timers = new Set<Timer>();

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.#now += ms;
    return Promise.resolve();
  }

  schedule(callback: () => void, ms: number): () => void {
    const timer = { at: this.#now + ms, callback };
    this.#timers.add(timer);
    return () => this.#timers.delete(timer);
  }

  /** Delays of the background timers still pending, from now. */
  pending(): number[] {
    return [...this.#timers].map((timer) => timer.at - this.#now).sort((a, b) => a - b);
  }

  /** Moves time forward, firing the timers that fall due. */
  advance(ms: number): void {
    this.#now += ms;
    for (const timer of [...this.#timers].sort((a, b) => a.at - b.at)) {
      if (timer.at <= this.#now) {
        this.#timers.delete(timer);
        timer.callback();
      }
    }
  }
}
