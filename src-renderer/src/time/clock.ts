import { inject, onScopeDispose, shallowRef, type InjectionKey, type ShallowRef } from 'vue';

/** Time as the UI reads it; tests provide their own to move it without waiting. */
export interface Clock {
  now(): number;
  /** Calls `callback` once after `milliseconds`; answers a function that cancels it. */
  after(milliseconds: number, callback: () => void): () => void;
  /** Calls `callback` every `milliseconds`; answers a function that stops it. */
  every(milliseconds: number, callback: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(milliseconds, callback) {
    const timer = setTimeout(callback, milliseconds);
    return () => clearTimeout(timer);
  },
  every(milliseconds, callback) {
    const timer = setInterval(callback, milliseconds);
    return () => clearInterval(timer);
  },
};

export const clockKey: InjectionKey<Clock> = Symbol('fieldkit-clock');

/** The current time, ticking every second while the calling component lives (for countdowns). */
export function useNow(intervalMs = 1000): ShallowRef<number> {
  const clock = inject(clockKey, systemClock);
  const now = shallowRef(clock.now());
  const stop = clock.every(intervalMs, () => {
    now.value = clock.now();
  });
  onScopeDispose(stop);
  return now;
}
