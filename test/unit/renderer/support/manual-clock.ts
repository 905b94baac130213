import type { Clock } from '@renderer/lib/clock';

/** A clock tests move by hand: timers fire only when `advance` passes their time. */
export function manualClock(start = Date.UTC(2030, 0, 1, 9, 0, 0)) {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; every?: number; callback: () => void }>();
  const clock: Clock = {
    now: () => now,
    after(milliseconds, callback) {
      const id = (nextId += 1);
      timers.set(id, { at: now + milliseconds, callback });
      return () => timers.delete(id);
    },
    every(milliseconds, callback) {
      const id = (nextId += 1);
      timers.set(id, { at: now + milliseconds, every: milliseconds, callback });
      return () => timers.delete(id);
    },
  };
  function advance(milliseconds: number): void {
    const until = now + milliseconds;
    for (;;) {
      const due = [...timers.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      now = timer.at;
      if (timer.every === undefined) timers.delete(id);
      else timer.at += timer.every;
      timer.callback();
    }
    now = until;
  }
  return { clock, advance, pending: () => timers.size };
}
