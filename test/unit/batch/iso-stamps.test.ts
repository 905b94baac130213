import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoStamps } from '../../../src-main/services/batch/apply/iso-stamps';

const YEAR_10000 = 253_402_300_800_000;

describe('IsoStamps', () => {
  it('answers what Date#toISOString does, for times in any order, before 1970 and with fractions', () => {
    const stamps = new IsoStamps();
    fc.assert(
      fc.property(fc.double({ min: -YEAR_10000, max: YEAR_10000, noNaN: true }), (time) => {
        expect(stamps.at(time)).toBe(new Date(time).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('answers each millisecond of a second, and the next second, as Date#toISOString does', () => {
    const stamps = new IsoStamps();
    const start = Date.UTC(2026, 11, 31, 23, 59, 59);
    for (let time = start - 5; time < start + 1005; time += 1) {
      expect(stamps.at(time)).toBe(new Date(time).toISOString());
    }
  });

  it('refuses a time Date cannot show, as Date#toISOString does', () => {
    expect(() => new IsoStamps().at(Number.NaN)).toThrow(RangeError);
  });
});
