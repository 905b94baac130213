import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  displayIpei,
  displayIpeiDecimal,
  displayMac,
  formatIpeiDecimal,
  formatMac,
} from '../../../../src-main/shared/identifiers';

const hexDigits = (length: number) =>
  fc
    .array(fc.constantFrom(...'0123456789abcdef'), { minLength: length, maxLength: length })
    .map((d) => d.join(''));

describe('identifier display', () => {
  it('writes a stored MAC with colons, like formatMac', () => {
    expect(displayMac('487a550a1b01')).toBe('48:7a:55:0a:1b:01');
    fc.assert(fc.property(hexDigits(12), (mac) => displayMac(mac) === formatMac(mac)));
  });

  it('leaves what is not a stored MAC as it is', () => {
    expect(displayMac('not-a-mac')).toBe('not-a-mac');
    expect(displayMac('not-a-mac', 'upper')).toBe('NOT-A-MAC');
  });

  it('writes any text as the stored form grouped in the case asked for, or as it is', () => {
    const reference = (text: string, displayCase: 'lower' | 'upper'): string => {
      const cased = displayCase === 'upper' ? text.toUpperCase() : text;
      if (!/^[0-9a-f]{12}$/i.test(text)) return cased;
      const digits = displayCase === 'upper' ? cased : text.toLowerCase();
      return [0, 2, 4, 6, 8, 10].map((at) => digits.slice(at, at + 2)).join(':');
    };
    const hex = fc.array(fc.constantFrom(...'0123456789abcdefABCDEF'), { minLength: 12, maxLength: 12 });
    // Stored forms, and stored forms with one character just outside a range of hex digits.
    const nearlyMacs = fc.oneof(
      hex,
      fc
        .tuple(hex, fc.nat(11), fc.constantFrom(...'/:@G`g{ \u0100'))
        .map(([characters, at, other]) =>
          characters.map((character, index) => (index === at ? other : character)),
        ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          nearlyMacs.map((characters) => characters.join('')),
          fc.string(),
        ),
        fc.constantFrom('lower' as const, 'upper' as const),
        (text, displayCase) => displayMac(text, displayCase) === reference(text, displayCase),
      ),
      { numRuns: 2000 },
    );
  });

  it('writes an IPEI in capitals, and in decimal with the same check digit as formatIpeiDecimal', () => {
    expect(displayIpei('03807e7898')).toBe('03807E7898');
    expect(displayIpeiDecimal('03807e7898')).toBe('14343 0948376 *');
    fc.assert(
      fc.property(
        hexDigits(9).filter((rest) => !/^0+$/.test(rest)),
        (rest) => displayIpeiDecimal(`0${rest}`) === formatIpeiDecimal(`0${rest}`),
      ),
    );
  });

  it('has no decimal form for a malformed IPEI', () => {
    expect(displayIpeiDecimal('13807e7898')).toBeUndefined();
    expect(displayIpeiDecimal('0380')).toBeUndefined();
  });
});
