import { describe, expect, it } from 'vitest';
import { nextDelay, REGISTRATION_POLLING } from '../../../src-main/services/devices/backoff';

describe('polling back-off', () => {
  it('starts at 3 s, grows by half while nothing changes, and stops growing at 30 s', () => {
    const delays: number[] = [];
    let delay: number | undefined;
    for (let poll = 0; poll < 9; poll += 1) {
      delay = nextDelay(REGISTRATION_POLLING, delay, false);
      delays.push(delay);
    }
    expect(delays).toEqual([3_000, 4_500, 6_750, 10_125, 15_188, 22_782, 30_000, 30_000, 30_000]);
  });

  it('goes back to fast after a change', () => {
    expect(nextDelay(REGISTRATION_POLLING, 30_000, true)).toBe(3_000);
  });
});
