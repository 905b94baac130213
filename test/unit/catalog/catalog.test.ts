import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accountCacheKey,
  CatalogService,
  CatalogStore,
  describeAge,
  fetchCatalog,
  profileCacheKey,
  type CatalogSource,
} from '../../../src-main/services/catalog';
import { isFieldkitError } from '../../../src-main/services/errors';
import type { Device } from '../../../src-main/services/rainbow/types';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-catalog-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const device = (fields: Partial<Device>): Device => ({
  id: 'd1',
  description: 'Desk',
  systemId: 'sys1',
  deviceType: { id: 14, vendor: 'ALE', model: '8028s' },
  ...fields,
});

/** A canned CloudPBX, as the client would answer it. */
const source: CatalogSource = {
  getSystem: async () => ({ id: 'sys1', name: 'Lyon HQ', jid_pbxagent_password: 'agent-secret' }),
  listDeviceModels: async () => [
    { id: 14, vendor: 'ALE', model: '8028s', category: 'deskphone', programmableKeys: 6 },
  ],
  listPhoneNumbers: async () => [
    {
      id: 'pn1',
      shortNumber: '81001',
      systemId: 'sys1',
      userId: 'u1',
      firstName: 'Camille',
      lastName: 'Martin',
    },
  ],
  listDevices: async () => [
    device({
      macAddress: '487A550A1B01',
      phoneNumberId: 'pn1',
      userLoginEmail: 'camille.martin@demo.test',
      adminPassword: 'debug-secret',
    }),
  ],
};

describe('fetchCatalog', () => {
  it('keeps what validation and key checks need, fills e-mails from devices, and no secret', async () => {
    const catalog = await fetchCatalog(source, 'sys1', () => Date.parse('2024-07-19T06:00:00Z'));
    expect(catalog).toEqual({
      version: 1,
      systemId: 'sys1',
      systemName: 'Lyon HQ',
      fetchedAt: '2024-07-19T06:00:00.000Z',
      models: [
        { id: 14, vendor: 'ALE', model: '8028s', category: 'deskphone', keys: { programmableKeys: 6 } },
      ],
      subscribers: [
        {
          id: 'pn1',
          shortNumber: '81001',
          userId: 'u1',
          firstName: 'Camille',
          lastName: 'Martin',
          loginEmail: 'camille.martin@demo.test',
        },
      ],
      devices: [
        {
          id: 'd1',
          macAddress: '487a550a1b01',
          deviceTypeId: 14,
          model: '8028s',
          description: 'Desk',
          phoneNumberId: 'pn1',
          modules: [],
        },
      ],
    });
    expect(JSON.stringify(catalog)).not.toMatch(/secret/);
  });
});

describe('CatalogService', () => {
  const store = () => new CatalogStore(dataDir);
  let now = Date.parse('2024-07-19T06:00:00Z');
  const service = () => new CatalogService(store(), profileCacheKey('Site A'), () => now);

  it('caches a pulled catalogue per profile, readable by the user only, and tells its age', async () => {
    const pulled = await service().pull(source, 'sys1');
    expect(pulled.source).toBe('live');
    expect(pulled.previous).toBeUndefined();
    const path = store().pathOf(profileCacheKey('Site A'), 'sys1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    now += 3 * 3600 * 1000;
    expect(await service().status('sys1')).toEqual({
      systemId: 'sys1',
      systemName: 'Lyon HQ',
      cached: true,
      fetchedAt: '2024-07-19T06:00:00.000Z',
      ageSeconds: 10_800,
      counts: { models: 1, subscribers: 1, devices: 1 },
    });
    expect(service().describe(pulled.catalog)).toBe('fetched 3 h ago (2024-07-19T06:00:00.000Z)');
    const again = await service().pull(source, 'sys1');
    expect(again.previous?.fetchedAt).toBe('2024-07-19T06:00:00.000Z');
  });

  it('keeps profiles apart', async () => {
    await service().pull(source, 'sys1');
    const other = new CatalogService(store(), profileCacheKey('Site B'), () => now);
    expect((await other.status('sys1')).cached).toBe(false);
  });

  it('says how to fetch a catalogue when none is cached', async () => {
    const error = await service()
      .cached('sys1')
      .catch((caught: unknown) => caught);
    expect(isFieldkitError(error, 'not-found')).toBe(true);
    expect((error as Error & { hint: string }).hint).toContain('fieldkit catalog pull --system sys1');
  });

  it('treats a damaged cache file as no cache', async () => {
    await service().pull(source, 'sys1');
    const path = store().pathOf(profileCacheKey('Site A'), 'sys1');
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 50));
    expect((await service().status('sys1')).cached).toBe(false);
  });

  it('hands over the text it wrote, unparsed, only while its digest vouches for it', async () => {
    const pulled = await service().pull(source, 'sys1');
    const path = store().pathOf(profileCacheKey('Site A'), 'sys1');
    const written = readFileSync(path, 'utf8');
    const asText = async (): Promise<unknown> => JSON.parse(await service().cachedAsText('sys1')) as unknown;
    expect(await store().readText(profileCacheKey('Site A'), 'sys1')).toBe(written);
    expect(await asText()).toEqual({ source: 'cache', catalog: pulled.catalog });

    // Edited by hand, still a catalogue: checked as it is read, and what it now says is handed over.
    const edited = JSON.parse(written) as { devices: { description: string }[] };
    (edited.devices[0] as { description: string }).description = 'Reception';
    writeFileSync(path, JSON.stringify(edited));
    expect(await asText()).toMatchObject({ catalog: { devices: [{ description: 'Reception' }] } });

    // Edited into something that is not a catalogue: never handed over as it is.
    writeFileSync(path, written.replace('"deviceTypeId":14', '"deviceTypeId":"14"'));
    const error = await service()
      .cachedAsText('sys1')
      .catch((caught: unknown) => caught);
    expect(isFieldkitError(error, 'not-found')).toBe(true);

    // Written before digests were kept: checked, and handed over.
    writeFileSync(path, written);
    rmSync(path.replace(/\.json$/, '.digest'));
    expect(await asText()).toEqual({ source: 'cache', catalog: pulled.catalog });
  });

  it('vouches only for a catalogue its schema accepts', async () => {
    const catalog = (await service().pull(source, 'sys1')).catalog;
    const broken = { ...catalog, devices: [{ ...catalog.devices[0], deviceTypeId: '14' }] };
    await store().write(profileCacheKey('Site A'), broken as never);
    expect(await store().readText(profileCacheKey('Site A'), 'sys1')).toBeUndefined();
    expect(await store().read(profileCacheKey('Site A'), 'sys1')).toBeUndefined();
  });

  it('refuses a system id that could leave the cache folder', () => {
    expect(() => store().pathOf('demo', '../../etc')).toThrow(RangeError);
  });
});

describe('cache keys', () => {
  it('are file-safe, stable and distinct', () => {
    expect(profileCacheKey('Site A')).toMatch(/^profile-Site_A-[0-9a-f]{10}$/);
    expect(profileCacheKey('Site A')).toBe(profileCacheKey('Site A'));
    expect(profileCacheKey('Site A')).not.toBe(profileCacheKey('Site_A'));
    expect(profileCacheKey('Chloé @ Lyon')).toMatch(/^profile-Chloe_Lyon-/);
    expect(accountCacheKey('https://openrainbow.com', 'Tech@Demo.test')).toBe(
      accountCacheKey('https://OpenRainbow.com ', 'tech@demo.test'),
    );
  });
});

describe('describeAge', () => {
  it.each([
    [5, 'just now'],
    [300, '5 min ago'],
    [7200, '2 h ago'],
    [86_400, '1 day ago'],
    [3 * 86_400, '3 days ago'],
  ])('%i s → %s', (seconds, text) => expect(describeAge(seconds)).toBe(text));
});
