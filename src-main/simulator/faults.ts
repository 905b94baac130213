import type { SimulatorFaults, TargetedFault } from './options';

export type FaultVerdict = 'none' | 'server-error' | 'rate-limit' | 'timeout';
export type TargetedAnswer = TargetedFault['answer'];

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
  for (const fault of faults.targeted ?? []) checkTargetedFault(fault);
  return { ...faults };
}

function checkTargetedFault(fault: TargetedFault): void {
  const { answer, times, path } = fault;
  if (path.global || path.sticky)
    throw new RangeError('a targeted fault path has no g or y flag (test() would skip)');
  if (typeof answer === 'number' && !(Number.isInteger(answer) && answer >= 400 && answer <= 599))
    throw new RangeError(`a targeted fault answers an error status (400 to 599), not ${answer}`);
  if (times !== undefined && !(Number.isInteger(times) && times >= 1))
    throw new RangeError('a targeted fault strikes 1 or more times');
}

/**
 * The first targeted fault matching this request that has strikes left, counted in `strikes` (kept by the
 * caller across requests, per fault).
 */
export function strikeTargetedFault(
  faults: SimulatorFaults,
  method: string,
  path: string,
  strikes: Map<TargetedFault, number>,
): TargetedFault | undefined {
  const fault = faults.targeted?.find(
    (candidate) =>
      candidate.method === method &&
      candidate.path.test(path) &&
      (candidate.times === undefined || (strikes.get(candidate) ?? 0) < candidate.times),
  );
  if (fault !== undefined) strikes.set(fault, (strikes.get(fault) ?? 0) + 1);
  return fault;
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
