import { describe, expect, it } from 'vitest';
import { formatIpeiDecimal, normaliseIpei } from '../../../../src-main/shared/identifiers';

describe('normaliseIpei', () => {
  it.each([
    ['hex, lower case', '03807e7898'],
    ['hex, upper case', '03807E7898'],
    ['hex with surrounding whitespace', ' 03807E7898 \n'],
    ['decimal with spaces', '14343 0948376 *'],
    ['decimal without spaces', '143430948376*'],
    ['decimal with the check digit joined', '14343 0948376*'],
    ['decimal with doubled spaces', '  14343  0948376  *  '],
  ])('reads the worked example in %s (%j)', (_form, input) => {
    expect(normaliseIpei(input)).toEqual({ ok: true, value: '03807e7898' });
  });

  it.each([
    // Check digits worked by hand; 65535 1048575 is the largest manufacturer code and serial number.
    ['00000 0000001 1', '0000000001'],
    ['65535 1048575 2', '0fffffffff'],
    ['00001 0000000 5', '0000100000'],
  ])('reads %j as %s', (input, hex) => {
    expect(normaliseIpei(input)).toEqual({ ok: true, value: hex });
  });

  it.each([
    ['', 'empty', 'No IPEI was given'],
    ['13807e7898', 'format', 'does not start with 0'],
    ['03807e789g', 'format', 'contains "g"'],
    ['14343-0948376-*', 'format', 'contains "-"'],
    ['14343 09*8376 *', 'format', '* can only be the last character'],
    ['14343 0948a76 *', 'format', 'holds only the digits 0-9'],
    ['14343 0948376 5', 'check-digit', 'ends in the check digit 5, but its other 12 digits give *'],
    ['14343 0948377 *', 'check-digit', 'its other 12 digits give 0'],
    ['65536 0000000 7', 'out-of-range', 'at most 65535'],
    ['00000 1048576 1', 'out-of-range', 'at most 1048575'],
    ['14343 0948376', 'length', 'the check digit (0-9 or *, the last character on the label) is missing'],
    ['03807e78', 'length', 'has 8 characters'],
    ['03807e789812', 'length', 'has 12 characters'],
    ['0000000000', 'all-zero', 'is all zeros'],
    ['00000 0000000 0', 'all-zero', 'is all zeros'],
    ['1.43431E+12', 'scientific-notation', 'spreadsheet converted to scientific notation'],
  ])('refuses %j as %s, saying “%s”', (input, code, fragment) => {
    const result = normaliseIpei(input);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.reason).toContain(fragment);
  });

  it.each([
    // A hex IPEI kept as a number loses its leading 0.
    ['380707898', '0380707898', '0380707898'],
    // 01234 0000001 8 (check digit: 1·0 + 2·1 + 3·2 + 4·3 + 5·4 + 12·1 = 52 → 8) kept as a number.
    ['123400000018', '004d200001', '01234 0000001 8'],
  ])('explains that %j probably lost its leading zeros', (input, suggestion, shown) => {
    const result = normaliseIpei(input);
    expect(result).toMatchObject({ ok: false, code: 'leading-zeros-lost', suggestion });
    if (!result.ok) expect(result.reason).toContain(`It is probably ${shown}`);
  });
});

describe('formatIpeiDecimal', () => {
  it('writes the worked example in decimal', () => {
    expect(formatIpeiDecimal('03807e7898')).toBe('14343 0948376 *');
  });

  it('zero-pads the manufacturer code and the serial number', () => {
    expect(formatIpeiDecimal('0000100001')).toBe('00001 0000001 6');
  });

  it('accepts any form normaliseIpei reads', () => {
    expect(formatIpeiDecimal('143430948376*')).toBe('14343 0948376 *');
  });

  it('refuses something that is not an IPEI', () => {
    expect(() => formatIpeiDecimal('13807e7898')).toThrow(RangeError);
  });
});
