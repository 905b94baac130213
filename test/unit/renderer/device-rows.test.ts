import { describe, expect, it } from 'vitest';
import type { Device } from '@api/types';
import {
  buildDeviceRows,
  createDeviceRowBuilder,
  createDeviceRowFilter,
  filterDeviceRows,
  noDeviceFilters,
  type DeviceRow,
  type RegistrationState,
} from '@renderer/features/devices/device-rows';
import { models, subscribers } from './support/fake-api';
import { deskphone, handset } from './support/fake-device-calls';

const people = subscribers(3).map((subscriber, index) => ({
  ...subscriber,
  firstName: ['Camille', 'Lucas', 'Chloé'][index],
  lastName: ['Martin', 'Bernard', 'Dubois'][index],
  loginEmail: `person${index}@demo.invalid`,
}));

function rows(devices: Device[]): DeviceRow[] {
  return buildDeviceRows(devices, people, models);
}

describe('createDeviceRowBuilder', () => {
  it('builds each row once while the list grows, and again when the subscribers change', () => {
    const build = createDeviceRowBuilder();
    const first = deskphone({ phoneNumberId: 'pn-1' });
    const [row] = build([first], people, models);
    const grown = build([first, handset()], people, models);
    expect(grown[0]).toBe(row);
    expect(grown[1]?.identifier).toBe('03807E7898');
    const renamed = people.map((person) => ({ ...person, firstName: 'Renamed' }));
    expect(build([first], renamed, models)[0]?.subscriberName).toBe('Renamed Bernard');
  });

  it('answers the same rows when new subscribers or models change none of them', () => {
    const build = createDeviceRowBuilder();
    const devices = [deskphone({ phoneNumberId: 'pn-1' }), handset()];
    const before = build(devices, people, models);
    expect(build(devices, [...people], [...models])).toBe(before);
    const renamed = people.map((person) => ({ ...person, firstName: 'Renamed' }));
    const after = build(devices, renamed, models);
    expect(after).not.toBe(before);
    expect(after[0]?.subscriberName).toBe('Renamed Bernard');
    expect(after[1]).toBe(before[1]);
  });
});

describe('buildDeviceRows', () => {
  it('shows a MAC with colons, an IPEI in capitals with its decimal form, and joins the subscriber', () => {
    const [phone, dect] = rows([
      deskphone({ phoneNumberId: 'pn-1', userDisplayName: 'Someone else' }),
      handset(),
    ]);
    expect(phone).toMatchObject({
      kind: 'mac',
      identifier: '48:7a:55:0a:1b:01',
      identifierDecimal: '',
      model: 'M5',
      subscriberName: 'Lucas Bernard',
      shortNumber: '800',
      assigned: true,
      category: 'deskphone',
    });
    expect(dect).toMatchObject({
      kind: 'ipei',
      identifier: '03807E7898',
      identifierDecimal: '14343 0948376 *',
      subscriberName: '',
      assigned: false,
      category: 'dectmobile',
    });
  });

  it('falls back to the user on the device when the subscriber is not listed, and to the identifier kind for the category', () => {
    const [row] = rows([
      deskphone({ phoneNumberId: 'pn-unknown', deviceType: { id: 77, vendor: 'X', model: 'Y' } }),
    ]);
    expect(row?.subscriberName).toBe('Camille Martin');
    expect(row?.category).toBe('uncategorized');
  });

  it('puts every searchable text in one lower-case key', () => {
    const [row] = rows([deskphone({ phoneNumberId: 'pn-2', description: 'Reception DESK' })]);
    for (const text of [
      '48:7a:55:0a:1b:01',
      '487a550a1b01',
      'm5',
      'reception desk',
      'chloé dubois',
      '800',
      'person2@demo.invalid',
    ])
      expect(row?.searchKey).toContain(text);
    expect(row?.searchKey).toBe(row?.searchKey.toLocaleLowerCase());
  });
});

describe('filterDeviceRows', () => {
  const list = rows([
    deskphone(),
    deskphone({
      id: 'dev-3',
      macAddress: '3c28a6110204',
      description: 'Open space',
      phoneNumberId: undefined,
      shortNumber: undefined,
      userDisplayName: undefined,
    }),
    handset(),
  ]);
  const ids = (found: DeviceRow[]) => found.map((row) => row.id);

  it('answers the same array when nothing filters, so the table does not re-render for nothing', () => {
    expect(filterDeviceRows(list, noDeviceFilters())).toBe(list);
  });

  it('needs every word, in any field, whatever the case', () => {
    expect(ids(filterDeviceRows(list, { ...noDeviceFilters(), query: 'RECEPTION m5' }))).toEqual(['dev-1']);
    expect(ids(filterDeviceRows(list, { ...noDeviceFilters(), query: 'reception dect' }))).toEqual([]);
  });

  it('finds a MAC typed with dashes, dots or no separator', () => {
    for (const query of ['3c-28-a6', '3C28.A611', '3c28a6110204', '3c:28:a6:11'])
      expect(ids(filterDeviceRows(list, { ...noDeviceFilters(), query })), query).toEqual(['dev-3']);
  });

  it('finds a handset by the digits of its decimal IPEI', () => {
    expect(ids(filterDeviceRows(list, { ...noDeviceFilters(), query: '143430948376' }))).toEqual(['dev-2']);
  });

  it('filters on model, category and assignment', () => {
    expect(ids(filterDeviceRows(list, { ...noDeviceFilters(), modelId: 2 }))).toEqual(['dev-2']);
    expect(ids(filterDeviceRows(list, { ...noDeviceFilters(), category: 'deskphone' }))).toEqual([
      'dev-1',
      'dev-3',
    ]);
    expect(ids(filterDeviceRows(list, { ...noDeviceFilters(), assigned: 'yes' }))).toEqual(['dev-1']);
    expect(ids(filterDeviceRows(list, { ...noDeviceFilters(), assigned: 'no' }))).toEqual(['dev-3', 'dev-2']);
  });

  it('keeps a device of unknown registration out of both "registered" and "not registered"', () => {
    const state = (id: string): RegistrationState =>
      id === 'dev-1' ? 'registered' : id === 'dev-2' ? 'unregistered' : 'unknown';
    expect(ids(filterDeviceRows(list, { ...noDeviceFilters(), registered: 'yes' }, state))).toEqual([
      'dev-1',
    ]);
    expect(ids(filterDeviceRows(list, { ...noDeviceFilters(), registered: 'no' }, state))).toEqual(['dev-2']);
  });
});

describe('createDeviceRowFilter', () => {
  const list = rows([
    deskphone(),
    deskphone({ id: 'dev-3', macAddress: '3c28a6110204', description: 'Reception desk' }),
    handset(),
  ]);
  const ids = (found: DeviceRow[]) => found.map((row) => row.id);
  const typing = (filter: typeof filterDeviceRows, text: string, others = noDeviceFilters()) =>
    Array.from(text, (_, at) => filter(list, { ...others, query: text.slice(0, at + 1) }));

  it('finds, key by key and erasing, what filterDeviceRows finds for each query', () => {
    const filter = createDeviceRowFilter();
    const queries = ['r', 're', 'rec', 'rec d', 'rec de', 'rec d', 'rec', '3c-', '3c-28', '-', '-a', ''];
    for (const others of [noDeviceFilters(), { ...noDeviceFilters(), assigned: 'yes' as const }])
      for (const query of queries)
        expect(ids(filter(list, { ...others, query })), query).toEqual(
          ids(filterDeviceRows(list, { ...others, query })),
        );
  });

  it('answers the rows of an earlier query again when erasing back to it', () => {
    const filter = createDeviceRowFilter();
    const [, second] = typing(filter, 'rec');
    expect(filter(list, { ...noDeviceFilters(), query: 're' })).toBe(second);
    expect(filter(list, noDeviceFilters())).toBe(list);
  });

  it('answers the same rows when a key narrows nothing, so the table is left as it is', () => {
    const filter = createDeviceRowFilter();
    const [first, second] = typing(filter, 'Re');
    expect(second).toBe(first);
  });

  it('searches a new list afresh', () => {
    const filter = createDeviceRowFilter();
    typing(filter, 'desk');
    const grown = [...list, ...rows([deskphone({ id: 'dev-9', description: 'Desk 9' })])];
    expect(ids(filter(grown, { ...noDeviceFilters(), query: 'desk' }))).toContain('dev-9');
  });

  it('asks the registrations again on every call while filtering on them', () => {
    const filter = createDeviceRowFilter();
    const registered = new Set<string>();
    const state = (id: string): RegistrationState => (registered.has(id) ? 'registered' : 'unknown');
    const onlyRegistered = { ...noDeviceFilters(), registered: 'yes' as const };
    expect(filter(list, onlyRegistered, state)).toEqual([]);
    registered.add('dev-2');
    expect(ids(filter(list, onlyRegistered, state))).toEqual(['dev-2']);
  });
});
