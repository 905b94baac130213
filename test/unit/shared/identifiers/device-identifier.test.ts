import { describe, expect, it } from 'vitest';
import { parseDeviceIdentifier } from '../../../../src-main/shared/identifiers';

describe('parseDeviceIdentifier', () => {
  it.each([
    ['48:7A:55:00:00:02', 'mac', '487a55000002'],
    ['487a.5500.0002', 'mac', '487a55000002'],
    ['487a55000002', 'mac', '487a55000002'],
    // Twelve decimal digits are 12 hex digits: a MAC, never an IPEI without its check digit.
    ['143430948376', 'mac', '143430948376'],
    ['03807E7898', 'ipei', '03807e7898'],
    ['14343 0948376 *', 'ipei', '03807e7898'],
    ['143430948376*', 'ipei', '03807e7898'],
    [' 0380707898 ', 'ipei', '0380707898'],
  ])('reads %j as a %s', (input, kind, value) => {
    expect(parseDeviceIdentifier(input)).toEqual({ ok: true, kind, value });
  });

  it.each([
    ['', 'empty', 'No device identifier was given'],
    ['4.87055E+11', 'scientific-notation', 'The device identifier "4.87055E+11" looks like a number'],
    ['01:00:5e:00:00:fb', 'multicast', 'The MAC address'],
    ['ff:ff:ff:ff:ff:ff', 'multicast', 'broadcast'],
    ['000000000000', 'all-zero', 'The MAC address'],
    ['48:7a-55:00:00:02', 'format', 'mixes the separators'],
    ['80:9f:12:34:56', 'leading-zeros-lost', '00:80:9F:12:34:56'],
    ['14343 0948376 5', 'check-digit', 'The IPEI'],
    ['1434309483765', 'check-digit', 'The IPEI'],
    ['14343 0948376', 'length', 'the check digit'],
    ['487a5500000', 'leading-zeros-lost', 'The MAC address'],
    ['487a55', 'length', 'the length of neither a MAC address nor an IPEI'],
    ['hello', 'format', 'is neither a MAC address nor an IPEI'],
  ])('refuses %j as %s, saying “%s”', (input, code, fragment) => {
    const result = parseDeviceIdentifier(input);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.reason).toContain(fragment);
  });

  it('explains both readings of 10 hex digits that do not start with 0', () => {
    // A MAC 00:11:22:33:44:55 kept as a number, or an IPEI with a wrong first digit.
    const result = parseDeviceIdentifier('1122334455');
    expect(result).toMatchObject({ ok: false, code: 'ambiguous' });
    if (!result.ok) {
      expect(result.reason).toContain('00:11:22:33:44:55');
      expect(result.reason).toContain('does not start with 0');
    }
  });

  it('explains both readings when either kind could have lost its leading zeros', () => {
    // 9 digits: 000380707898 as a MAC, 0380707898 as an IPEI.
    const result = parseDeviceIdentifier('380707898');
    expect(result).toMatchObject({ ok: false, code: 'ambiguous' });
    if (!result.ok) {
      expect(result.reason).toContain('00:03:80:70:78:98');
      expect(result.reason).toContain('0380707898');
    }
  });
});
