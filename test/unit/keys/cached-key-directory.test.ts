import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src-main/services/catalog';
import { hasKeyChecks } from '../../../src-main/services/catalog';
import { isFieldkitError } from '../../../src-main/services/errors';
import { cachedKeySheetDirectory } from '../../../src-main/services/keys/import/cached-key-directory';

const M5_KEYS = {
  programmableKeys: 28,
  can_speeddial: true,
  can_monitor: true,
  supportedModules: [{ type: 'EM_20' as const, programmableKeys: 20, nbOfSoftKeyPages: 1 }],
};

const catalog: Catalog = {
  version: 1,
  systemId: 'sys1',
  fetchedAt: '2026-12-05T00:00:00.000Z',
  models: [{ id: 7, vendor: 'ALE', model: 'M5', category: 'deskphone', keys: M5_KEYS }],
  subscribers: [
    { id: 'pn-user', shortNumber: '81001', userId: 'u1' },
    { id: 'pn-free', shortNumber: '81002' },
  ],
  devices: [
    {
      id: 'd1',
      macAddress: '3c28a6110208',
      deviceTypeId: 7,
      model: 'M5',
      description: 'Sales desk',
      modules: [{ moduleId: 1, type: 'EM_20' }],
    },
  ],
};

describe('cachedKeySheetDirectory', () => {
  it('answers a device with its model capabilities and modules, and no key (those are only known online)', () => {
    const directory = cachedKeySheetDirectory(catalog);
    const device = directory.device('mac', '3c28a6110208');
    expect(device?.deviceId).toBe('d1');
    expect(device?.target).toMatchObject({
      modelName: 'M5',
      modelInfo: M5_KEYS,
      modules: [{ moduleId: 1, type: 'EM_20' }],
      existing: [],
    });
    expect(device?.target.subscriberIsUser('pn-user')).toBe(true);
    expect(device?.target.subscriberIsUser('pn-free')).toBe(false);
    expect(device?.target.subscriberIsUser('pn-unknown')).toBeUndefined();
    expect(directory.device('mac', '000000000000')).toBeUndefined();
    expect(directory.subscriber(' 81002 ')).toEqual({ phoneNumberId: 'pn-free' });
  });

  it('asks for the catalogue to be pulled again when it predates key checks', () => {
    const older: Catalog = {
      ...catalog,
      models: catalog.models.map(({ keys: _keys, ...model }) => model),
    };
    expect(hasKeyChecks(catalog)).toBe(true);
    expect(hasKeyChecks(older)).toBe(false);
    expect(hasKeyChecks({ ...catalog, devices: catalog.devices.map(({ modules: _m, ...d }) => d) })).toBe(
      false,
    );
    let caught: unknown;
    try {
      cachedKeySheetDirectory(older);
    } catch (error) {
      caught = error;
    }
    expect(isFieldkitError(caught) && caught.code).toBe('not-found');
    expect(isFieldkitError(caught) && caught.hint).toContain('Pull the catalogue again');
  });
});
