import { describe, expect, it } from 'vitest';
import vendorTable from '../../../resources/vendor-prefixes.json';
import {
  classifyMac,
  createVendorClassifier,
  type VendorPrefix,
} from '../../../src-main/services/discovery/vendors';

describe('classifyMac against the generated table', () => {
  it.each([
    ['48:7A:55:00:00:02', 'deskphone', 'ALE International'],
    ['487a.5512.3456', 'deskphone', 'ALE International'],
    ['3c:28:a6:12:34:56', 'deskphone', 'Alcatel-Lucent Enterprise (China)'],
    ['00-80-9F-AB-CD-EF', 'deskphone', 'ALE International'],
    ['0:80:9f:1:2:3', 'deskphone', 'ALE International'],
    ['00:08:7b:12:34:56', 'dect-base', 'RTX Telecom A/S'],
    ['00:e0:b1:12:34:56', 'ale-other', 'Alcatel-Lucent Enterprise'],
    ['dc:08:56:12:34:56', 'ale-other', 'Alcatel-Lucent Enterprise'],
  ])('classifies %s as %s (%s)', (mac, kind, organisation) => {
    expect(classifyMac(mac)).toEqual({ kind, organisation });
  });

  it.each([
    ['an Intel NIC', '00:1b:21:12:34:56'],
    ['a Cisco switch', 'f4:bd:9e:12:34:56'],
    ['a locally administered address', '02:00:00:12:34:56'],
    ['a multicast address in an ALE block', '01:80:9f:12:34:56'],
    ['something unreadable', 'not a mac'],
  ])('classifies %s as other', (_what, mac) => {
    expect(classifyMac(mac)).toEqual({ kind: 'other' });
  });
});

describe('the generated table', () => {
  const prefixes: readonly { prefix: string; length: number; organisation: string; kind: string }[] =
    vendorTable.prefixes;

  it('names its sources and is not empty', () => {
    expect(vendorTable.generatedFrom).toMatch(/oui\.csv/);
    expect(prefixes.length).toBeGreaterThan(10);
  });

  it('holds only well-formed entries', () => {
    for (const entry of prefixes) {
      expect(entry.prefix).toMatch(/^[0-9a-f]{6}$|^[0-9a-f]{7}$|^[0-9a-f]{9}$/);
      expect(entry.length).toBe(entry.prefix.length * 4);
      expect(entry.organisation.trim()).not.toBe('');
      expect(['deskphone', 'dect-base', 'ale-other']).toContain(entry.kind);
    }
  });

  it('is sorted by prefix without duplicates, so regenerating it gives no diff', () => {
    const order = prefixes.map((entry) => entry.prefix);
    expect(order).toEqual([...new Set(order)].sort());
  });

  it('holds ALE, Alcatel-Lucent and RTX prefixes only', () => {
    for (const { organisation } of prefixes) {
      expect(organisation).toMatch(/^(ALE International|Alcatel[- ]Lucent|RTX)/i);
    }
  });
});

describe('createVendorClassifier', () => {
  const table: VendorPrefix[] = [
    { prefix: '70b3d5', length: 24, organisation: 'IEEE Registration Authority', kind: 'other' },
    { prefix: '70b3d5a', length: 28, organisation: 'Some MA-M holder', kind: 'ale-other' },
    { prefix: '70b3d5a12', length: 36, organisation: 'RTX A/S', kind: 'dect-base' },
  ];
  const classify = createVendorClassifier(table);

  it.each([
    ['70:b3:d5:a1:23:45', 'dect-base', 'RTX A/S'],
    ['70:b3:d5:a9:23:45', 'ale-other', 'Some MA-M holder'],
    ['70:b3:d5:f0:00:01', 'other', 'IEEE Registration Authority'],
  ])('answers the longest matching prefix for %s', (mac, kind, organisation) => {
    expect(classify(mac)).toEqual({ kind, organisation });
  });

  it('answers other without an organisation when nothing matches', () => {
    expect(classify('48:7a:55:00:00:02')).toEqual({ kind: 'other' });
  });
});
