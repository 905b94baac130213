import { describe, expect, it } from 'vitest';
import type { DeviceModel, DiscoveredDevice } from '@api/types';
import { spokenDuration } from '@renderer/features/discover/duration';
import {
  canRegister,
  guessModel,
  ipOrder,
  matchesFilters,
  pbxCategory,
  webAdminUrl,
} from '@renderer/features/discover/rows';

const models: DeviceModel[] = [
  { id: 7, vendor: 'ALE', model: '8028s', category: 'deskphone' },
  { id: 8, vendor: 'ALE', model: 'M5', category: 'deskphone' },
  { id: 9, vendor: 'ALE', model: 'Generic SIP', category: 'uncategorized' },
  { id: 10, vendor: 'ALE', model: '8214DECT', category: 'dectmobile' },
];

const row = (overrides: Partial<DiscoveredDevice> = {}): DiscoveredDevice => ({
  mac: '487a550a1c01',
  ip: '192.168.1.22',
  vendor: 'ALE',
  kind: 'deskphone',
  model: 'M5',
  firmware: '2.13.0.64',
  sources: ['arp', 'sip'],
  ...overrides,
});

const status = (overrides: Partial<NonNullable<DiscoveredDevice['pbx']>> = {}) => ({
  deviceId: 'dev-1',
  provisioned: true,
  description: 'Desk',
  model: 'M5',
  subscriber: null,
  registered: false,
  registeredFrom: null,
  ...overrides,
});

describe('discovered rows', () => {
  it('names the CloudPBX status, the most advanced first', () => {
    expect(pbxCategory(row())).toBe('checking');
    expect(pbxCategory(row({ pbx: status({ deviceId: null, provisioned: false }) }))).toBe('new');
    expect(pbxCategory(row({ pbx: status() }))).toBe('provisioned');
    expect(pbxCategory(row({ pbx: status({ registered: null }) }))).toBe('provisioned');
    const subscriber = { shortNumber: '81001', name: 'Camille Martin' };
    expect(pbxCategory(row({ pbx: status({ subscriber }) }))).toBe('assigned');
    expect(pbxCategory(row({ pbx: status({ subscriber, registered: true }) }))).toBe('registered');
  });

  it('offers Register for new phones and DECT bases only', () => {
    const fresh = status({ deviceId: null, provisioned: false });
    expect(canRegister(row({ pbx: fresh }))).toBe(true);
    expect(canRegister(row({ kind: 'dect-base', pbx: fresh }))).toBe(true);
    expect(canRegister(row({ kind: 'other', pbx: fresh }))).toBe(false);
    expect(canRegister(row({ pbx: status() }))).toBe(false);
    expect(canRegister(row())).toBe(false);
  });

  it('keeps phones and DECT bases unless every host is asked for', () => {
    const filters = { allHosts: false, statuses: [] };
    expect(matchesFilters(row(), filters)).toBe(true);
    expect(matchesFilters(row({ kind: 'dect-base' }), filters)).toBe(true);
    expect(matchesFilters(row({ kind: 'ale-other' }), filters)).toBe(false);
    expect(matchesFilters(row({ kind: 'other' }), { ...filters, allHosts: true })).toBe(true);
    expect(matchesFilters(row(), { allHosts: false, statuses: ['new'] })).toBe(false);
  });

  it('guesses the CloudPBX model a phone announces, by name', () => {
    expect(guessModel('M5', models)?.id).toBe(8);
    expect(guessModel('8028S', models)?.id).toBe(7);
    expect(guessModel('ALE-8028s', models)?.id).toBe(7);
    expect(guessModel('Generic-SIP', models)?.id).toBe(9);
    expect(guessModel('IPDECT-V2', models)).toBeUndefined();
    expect(guessModel('M7', models)).toBeUndefined();
    expect(guessModel(null, models)).toBeUndefined();
    expect(guessModel(' ', models)).toBeUndefined();
  });

  it('orders addresses numerically and opens the web admin over https', () => {
    expect(ipOrder('192.168.1.9')).toBeLessThan(ipOrder('192.168.1.10'));
    expect(ipOrder('10.0.0.255')).toBeLessThan(ipOrder('10.0.1.0'));
    expect(ipOrder('not an address')).toBe(0);
    expect(webAdminUrl('192.168.1.22')).toBe('https://192.168.1.22/');
  });

  it('says durations in seconds, then minutes', () => {
    expect(spokenDuration(0)).toEqual({ unit: 'seconds', count: 0 });
    expect(spokenDuration(1244)).toEqual({ unit: 'seconds', count: 2 });
    expect(spokenDuration(119_000)).toEqual({ unit: 'seconds', count: 119 });
    expect(spokenDuration(14 * 60_000)).toEqual({ unit: 'minutes', count: 14 });
  });
});
