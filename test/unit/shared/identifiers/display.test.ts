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
