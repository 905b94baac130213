import { describe, expect, it } from 'vitest';
import { formatMac, normaliseMac } from '../../../../src-main/shared/identifiers';

describe('normaliseMac', () => {
  it.each([
    ['colons, upper case', '48:7A:55:00:00:02'],
    ['colons, lower case', '48:7a:55:00:00:02'],
    ['hyphens', '48-7a-55-00-00-02'],
    ['hyphens, upper case', '48-7A-55-00-00-02'],
    ['Cisco dots', '487a.5500.0002'],
    ['Cisco dots, upper case', '487A.5500.0002'],
    ['no separator', '487a55000002'],
    ['no separator, mixed case', '487A55000002'],
    ['macOS unpadded octets', '48:7a:55:0:0:2'],
    ['unpadded octets with hyphens', '48-7a-55-0-0-2'],
    ['surrounding whitespace', '  48:7A:55:00:00:02\t\n'],
  ])('reads %s (%j)', (_notation, input) => {
    expect(normaliseMac(input)).toEqual({ ok: true, value: '487a55000002' });
  });

  it('pads every unpadded octet, not only the trailing ones', () => {
    expect(normaliseMac('0:80:9f:a:b:c')).toEqual({ ok: true, value: '00809f0a0b0c' });
  });

  it('accepts an all-decimal MAC', () => {
    expect(normaliseMac('001122334455')).toEqual({ ok: true, value: '001122334455' });
  });

  it.each([
    ['', 'empty', 'No MAC address was given'],
    ['   ', 'empty', 'No MAC address was given'],
    ['48:7a:55:00:00:0g', 'format', 'contains "g", which is neither a hex digit'],
    ['48 7a 55 00 00 02', 'format', 'contains a space'],
    ['48:7a:55\u00a000:00:02', 'format', 'contains an invisible character'],
    ['48:7a:55\t00:00:02', 'format', 'contains an invisible character'],
    ['48:7a-55:00:00:02', 'format', 'mixes the separators : -'],
    ['487a.5500:0002', 'format', 'mixes the separators . :'],
    ['48::7a:55:00:00', 'format', '6 octets of 1 or 2 hex digits'],
    ['48:7a:55:00:00:02:', 'format', '6 octets of 1 or 2 hex digits'],
    ['487:a55:000:002', 'format', '6 octets of 1 or 2 hex digits'],
    ['487a.55000.002', 'format', '3 groups of 4 hex digits'],
    ['487a.5500.0002.0000', 'format', '3 groups of 4 hex digits'],
    ['487a5500000', 'leading-zeros-lost', 'If the label starts with zeros it is 04:87:A5:50:00:00'],
    ['487a550000020', 'length', 'has 13 hex digits but a MAC has exactly 12'],
    ['487a55', 'length', 'has 6 hex digits but a MAC has exactly 12'],
    ['48:7a:55:00:00:02:03', 'length', 'has 7 octets but a MAC has exactly 6'],
    ['48:7a:55', 'length', 'has 3 octets but a MAC has exactly 6'],
    ['000000000000', 'all-zero', 'is all zeros'],
    ['00:00:00:00:00:00', 'all-zero', 'is all zeros'],
    ['0:0:0:0:0:0', 'all-zero', 'is all zeros'],
    ['ff:ff:ff:ff:ff:ff', 'multicast', 'is the broadcast address'],
    ['FFFF.FFFF.FFFF', 'multicast', 'is the broadcast address'],
    ['01:00:5e:00:00:fb', 'multicast', 'is a multicast address (its first octet is odd)'],
    ['33-33-00-00-00-01', 'multicast', 'is a multicast address'],
    ['4.87055E+11', 'scientific-notation', 'spreadsheet converted to scientific notation'],
    ['4,87055E+11', 'scientific-notation', 'format the column as text and re-enter it'],
    ['1E+11', 'scientific-notation', 'scientific notation'],
  ])('refuses %j as %s, saying “%s”', (input, code, fragment) => {
    const result = normaliseMac(input);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.reason).toContain(fragment);
  });

  it.each([
    ['80:9f:12:34:56', '00809f123456', '00:80:9F:12:34:56'],
    ['80-9f-12-34-56', '00809f123456', '00:80:9F:12:34:56'],
    ['8:7b:12:34:56', '00087b123456', '00:08:7B:12:34:56'],
    ['809f123456', '00809f123456', '00:80:9F:12:34:56'],
    ['87b123456', '00087b123456', '00:08:7B:12:34:56'],
  ])('explains that %j probably lost its leading zeros', (input, suggestion, shown) => {
    const result = normaliseMac(input);
    expect(result).toMatchObject({ ok: false, code: 'leading-zeros-lost', suggestion });
    if (!result.ok) {
      expect(result.reason).toContain('leading zeros were probably lost');
      expect(result.reason).toContain(shown);
    }
  });

  it('does not suggest restoring zeros when the padded address would be multicast', () => {
    // Padded to 01:23:45:67:89:ab, whose first octet is odd: no device has it, so it is only a length problem.
    expect(normaliseMac('123456789ab')).toMatchObject({ ok: false, code: 'length' });
  });

  it('keeps a huge input out of the reason', () => {
    const result = normaliseMac('g'.repeat(10_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThan(300);
  });

  it('takes a 12-hex-digit string that only resembles scientific notation as a MAC', () => {
    expect(normaliseMac('487055e11000')).toEqual({ ok: true, value: '487055e11000' });
  });
});

describe('formatMac', () => {
  it.each([
    ['487a55000002', 'lower', '48:7a:55:00:00:02'],
    ['487a55000002', 'upper', '48:7A:55:00:00:02'],
    ['487A.5500.0002', 'lower', '48:7a:55:00:00:02'],
    ['48:7a:55:0:0:2', 'upper', '48:7A:55:00:00:02'],
  ] as const)('formats %s in %s case as %s', (mac, displayCase, expected) => {
    expect(formatMac(mac, displayCase)).toBe(expected);
  });

  it('uses lower case by default', () => {
    expect(formatMac('487A55000002')).toBe('48:7a:55:00:00:02');
  });

  it('formats addresses that are not a device’s own, such as multicast ones seen on the LAN', () => {
    expect(formatMac('01005e0000fb', 'upper')).toBe('01:00:5E:00:00:FB');
  });

  it('refuses something that is not 48 bits', () => {
    expect(() => formatMac('487a55')).toThrow(RangeError);
  });
});
