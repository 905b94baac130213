import { describe, expect, it } from 'vitest';
import {
  checkFaults,
  pickFault,
  retryAfterSeconds,
  strikeTargetedFault,
} from '../../../src-main/simulator/faults';
import type { TargetedFault } from '../../../src-main/simulator/options';

const fixed = (value: number) => () => value;

describe('pickFault', () => {
  it('maps one draw onto consecutive bands: error, rate limit, timeout', () => {
    const faults = { errorRate: 0.2, rateLimitRate: 0.3, timeoutRate: 0.1 };
    expect(pickFault(faults, fixed(0.1))).toBe('server-error');
    expect(pickFault(faults, fixed(0.2))).toBe('rate-limit');
    expect(pickFault(faults, fixed(0.55))).toBe('timeout');
    expect(pickFault(faults, fixed(0.6))).toBe('none');
  });

  it('always faults at rate 1 and never draws when every rate is zero', () => {
    expect(pickFault({ rateLimitRate: 1 }, fixed(0.999))).toBe('rate-limit');
    expect(
      pickFault({ latencyMs: 10 }, () => {
        throw new Error('drew');
      }),
    ).toBe('none');
  });
});

describe('checkFaults', () => {
  it('refuses rates outside 0..1 and negative delays', () => {
    expect(() => checkFaults({ errorRate: -0.1 })).toThrow(RangeError);
    expect(() => checkFaults({ timeoutRate: Number.NaN })).toThrow(RangeError);
    expect(() => checkFaults({ latencyMs: -1 })).toThrow(RangeError);
    expect(checkFaults({ errorRate: 1, latencyMs: 0 })).toEqual({ errorRate: 1, latencyMs: 0 });
  });

  it('defaults Retry-After to 1 second and rounds up', () => {
    expect(retryAfterSeconds({})).toBe(1);
    expect(retryAfterSeconds({ retryAfterSeconds: 2.2 })).toBe(3);
  });
});

describe('strikeTargetedFault', () => {
  const reboot: TargetedFault = { method: 'POST', path: /\/reboot$/, answer: 504, times: 2 };
  const reset: TargetedFault = { method: 'POST', path: /\/reset$/, answer: 'reset' };

  it('strikes only its method and path, as many times as it says', () => {
    const strikes = new Map<TargetedFault, number>();
    const faults = { targeted: [reboot, reset] };
    expect(strikeTargetedFault(faults, 'GET', '/d/1/reboot', strikes)).toBeUndefined();
    expect(strikeTargetedFault(faults, 'POST', '/d/1/reboot', strikes)).toBe(reboot);
    expect(strikeTargetedFault(faults, 'POST', '/d/2/reboot', strikes)).toBe(reboot);
    expect(strikeTargetedFault(faults, 'POST', '/d/1/reboot', strikes)).toBeUndefined();
    for (let i = 0; i < 3; i += 1)
      expect(strikeTargetedFault(faults, 'POST', '/d/1/reset', strikes)).toBe(reset);
  });

  it('refuses a fault that could not be meant', () => {
    expect(() => checkFaults({ targeted: [{ ...reboot, answer: 302 }] })).toThrow(/400 to 599/);
    expect(() => checkFaults({ targeted: [{ ...reboot, times: 0 }] })).toThrow(/1 or more/);
    expect(() => checkFaults({ targeted: [{ ...reboot, path: /reboot/g }] })).toThrow(/no g or y flag/);
  });
});
