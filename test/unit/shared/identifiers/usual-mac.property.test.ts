import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayMac, normaliseMac } from '../../../../src-main/shared/identifiers';
import {
  displayMacHalves,
  macDigits,
  readStoredMac,
  readUsualMac,
  readUsualMacHalves,
  type MacHalves,
} from '../../../../src-main/shared/identifiers/usual-mac';

/** The full reader's rule for this notation, written with its regular expressions: what the fast path must match. */
function bySlowRule(text: string): string | undefined {
  const usual = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i.exec(text);
  if (usual === null) return undefined;
  const digits = text.replaceAll(usual[1] as string, '').toLowerCase();
  if (/^0+$/.test(digits) || (Number.parseInt(digits.slice(0, 2), 16) & 1) === 1) return undefined;
  return digits;
}

const octet = fc.integer({ min: 0, max: 255 });
/** Any 6 octets (multicast, broadcast and all-zero included), with colons, hyphens or a mix, in any case. */
const written = fc
  .record({
    octets: fc.array(fc.oneof(octet, fc.constant(0)), { minLength: 6, maxLength: 6 }),
    separators: fc.array(fc.constantFrom(':', '-', '.', ' '), { minLength: 5, maxLength: 5 }),
    sameSeparator: fc.boolean(),
    upper: fc.boolean(),
  })
  .map(({ octets, separators, sameSeparator, upper }) => {
    const pairs = octets.map((value) => value.toString(16).padStart(2, '0'));
    const text = pairs.reduce((joined, pair, index) =>
      index === 0 ? pair : `${joined}${sameSeparator ? separators[0] : separators[index - 1]}${pair}`,
    );
    return upper ? text.toUpperCase() : text;
  });
/** A written MAC with one character replaced by any other, or spaces around it. */
const damaged = fc
  .tuple(written, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), fc.boolean())
  .map(([text, position, character, padded]) => {
    const at = position % text.length;
    const changed = `${text.slice(0, at)}${character}${text.slice(at + 1)}`;
    return padded ? ` ${changed} ` : changed;
  });

describe('the usual MAC notation read by character codes', () => {
  it('gives exactly the answers of the full rule, and the full reader agrees whenever it answers', () => {
    fc.assert(
      fc.property(fc.oneof(written, damaged, fc.string({ minLength: 17, maxLength: 17 })), (text) => {
        const fast = readUsualMac(text);
        expect(fast).toBe(bySlowRule(text));
        if (fast !== undefined) expect(normaliseMac(text)).toEqual({ ok: true, value: fast });
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the same MAC where it stands in a longer text, as two numbers that give it back', () => {
    fc.assert(
      fc.property(
        written,
        fc.string({ maxLength: 3 }),
        fc.string({ maxLength: 3 }),
        (text, before, after) => {
          const halves: MacHalves = { high: -1, low: -1 };
          const line = `${before}${text}${after}`;
          const read = readUsualMacHalves(line, before.length, before.length + text.length, halves);
          const digits = readUsualMac(text);
          expect(read).toBe(digits !== undefined);
          if (digits === undefined) return;
          expect(macDigits(halves.high, halves.low)).toBe(digits);
          expect(displayMacHalves(halves.high, halves.low)).toBe(displayMac(digits, 'upper'));
        },
      ),
      { numRuns: 3000 },
    );
    const halves: MacHalves = { high: -1, low: -1 };
    expect(readUsualMacHalves('x48:7A:55:0A:BC:02', 1, 17, halves)).toBe(false);
  });

  it('takes a MAC in the stored form as it is, exactly when the full reader reads it so', () => {
    const hexDigit = fc.constantFrom(...'0123456789abcdefABCDEF0g:'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(
          written.map((text) => text.replace(/[^0-9a-f]/gi, '')),
          fc.array(hexDigit, { minLength: 11, maxLength: 13 }).map((digits) => digits.join('')),
        ),
        (text) => {
          const full = normaliseMac(` ${text} `);
          expect(readStoredMac(text)).toBe(full.ok && full.value === text ? text : undefined);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads every device MAC written with colons or hyphens', () => {
    expect(readUsualMac('48:7A:55:00:00:02')).toBe('487a55000002');
    expect(readUsualMac('48-7a-55-0a-bC-02')).toBe('487a550abc02');
    expect(readUsualMac('49:7A:55:00:00:02')).toBeUndefined();
    expect(readUsualMac('00:00:00:00:00:00')).toBeUndefined();
    expect(readUsualMac('48:7A:55-00:00:02')).toBeUndefined();
  });
});
