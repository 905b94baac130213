import type { SimulatorFaults } from './options';

export type FaultVerdict = 'none' | 'server-error' | 'rate-limit' | 'timeout';

const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Throws on a rate outside [0, 1] or a negative delay, so a typo in a test fails loudly. */
export function checkFaults(faults: SimulatorFaults): SimulatorFaults {
  for (const name of ['errorRate', 'rateLimitRate', 'timeoutRate'] as const) {
    const rate = faults[name];
    if (rate !== undefined && !(rate >= 0 && rate <= 1))
      throw new RangeError(`${name} must be between 0 and 1`);
  }
  for (const name of ['latencyMs', 'retryAfterSeconds'] as const) {
    const value = faults[name];
    if (value !== undefined && !(value >= 0)) throw new RangeError(`${name} must be 0 or more`);
  }
  return { ...faults };
}

/**
 * One draw per request decides its fate: [0, errorRate) → 503, then rateLimitRate → 429, then timeoutRate →
 * held. No draw at all when every rate is zero, so `random` is consumed only by faulty runs.
 */
export function pickFault(faults: SimulatorFaults, random: () => number): FaultVerdict {
  const bands: [FaultVerdict, number][] = [
    ['server-error', faults.errorRate ?? 0],
    ['rate-limit', faults.rateLimitRate ?? 0],
    ['timeout', faults.timeoutRate ?? 0],
  ];
  if (bands.every(([, rate]) => rate === 0)) return 'none';
  const draw = random();
  let ceiling = 0;
  for (const [verdict, rate] of bands) {
    ceiling += rate;
    if (draw < ceiling) return verdict;
  }
  return 'none';
}

export function retryAfterSeconds(faults: SimulatorFaults): number {
  return Math.ceil(faults.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
}
