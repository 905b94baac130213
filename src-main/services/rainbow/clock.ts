/** Time as the client sees it; injected so tests can drive renewals and retries. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Waits in the foreground: the process stays alive until the wait ends (a retry in progress). */
  sleep(ms: number): Promise<void>;
  /** Runs `callback` later in the background, never keeping the process alive; returns a cancel function. */
  schedule(callback: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  schedule: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
