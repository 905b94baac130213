import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstPositions } from '../../../src-main/services/batch/first-positions';

/** What `claim` answers, by a Map. */
function claimedByMap(values: readonly string[]): number[] {
  const first = new Map<string, number>();
  return values.map((value, position) => {
    const claimed = first.get(value);
    if (claimed !== undefined) return claimed;
    first.set(value, position);
    return position;
  });
}

function claimedByTable(values: readonly string[]): number[] {
  const table = new FirstPositions(values.length);
  return values.map((value, position) => table.claim(value, position));
}

const hexDigits = (length: number) =>
  fc
    .array(fc.constantFrom(...'0123456789abcdef'), { minLength: length, maxLength: length })
    .map((digits) => digits.join(''));

// A few values, so they repeat, with their look-alikes: an IPEI of a MAC's digits and the MAC of an IPEI's
// (00 and its digits: the same two numbers), and a MAC in capitals (not a canonical value).
const related = fc.oneof(
  hexDigits(12).map((mac) => [mac]),
  hexDigits(10).map((ipei) => [ipei, `00${ipei}`]),
  hexDigits(12).map((mac) => [mac, mac.slice(0, 10)]),
  hexDigits(12).map((mac) => [mac, mac.toUpperCase()]),
  fc.string({ maxLength: 13 }).map((text) => [text]),
);

describe('the first position of each identity', () => {
  it('is what a Map answers, for MACs, IPEIs, the same digits as both, and any other text', () => {
    fc.assert(
      fc.property(
        fc
          .array(related, { minLength: 1, maxLength: 6 })
          .chain((groups) => fc.array(fc.constantFrom(...groups.flat()), { maxLength: 60 })),
        (values) => {
          expect(claimedByTable(values)).toEqual(claimedByMap(values));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is found again for a value claimed, and is -1 for a look-alike never claimed', () => {
    fc.assert(
      fc.property(
        fc.array(related, { minLength: 1, maxLength: 6 }).chain((groups) => {
          const value = fc.constantFrom(...groups.flat());
          return fc.tuple(fc.array(value, { maxLength: 30 }), fc.array(value, { maxLength: 30 }));
        }),
        ([claims, probes]) => {
          const table = new FirstPositions(claims.length);
          claims.forEach((value, position) => table.claim(value, position));
          const byMap = new Map<string, number>();
          claims.forEach((value, position) => byMap.has(value) || byMap.set(value, position));
          expect(probes.map((probe) => table.positionOf(probe))).toEqual(
            probes.map((probe) => byMap.get(probe) ?? -1),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('tells apart a file of consecutive MACs and IPEIs, each given twice', () => {
    const macs = Array.from({ length: 5000 }, (_, index) => (0x487a55000000 + index).toString(16));
    const ipeis = macs.map((mac) => mac.slice(2));
    const values = [...macs, ...ipeis, ...ipeis.map((ipei) => `00${ipei}`), ...macs.toReversed(), ...ipeis];
    expect(claimedByTable(values)).toEqual(claimedByMap(values));
  });

  it('refuses more values than it was made for, rather than looking for a free slot forever', () => {
    const table = new FirstPositions(1);
    const values = Array.from({ length: 16 }, (_, index) => (0x487a55000000 + index).toString(16));
    expect(() => values.forEach((value, position) => table.claim(value, position))).toThrow(RangeError);
  });
});
