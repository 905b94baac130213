import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateImport } from '../../../src-main/services/batch';
import { CatalogService, CatalogStore, profileCacheKey } from '../../../src-main/services/catalog';
import { isFieldkitError } from '../../../src-main/services/errors';
import { signIn, type RainbowClient } from '../../../src-main/services/rainbow';
import {
  DEMO_SYSTEM_IDS,
  DEVICE_MODEL_IDS,
  startSimulator,
  type RunningSimulator,
} from '../../../src-main/simulator';
import { scratchDir } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
let simulator: RunningSimulator;
let client: RainbowClient;
const scratch = scratchDir();

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  client = await signIn({ host: simulator.url, ...simulator.credentials });
});

afterAll(async () => {
  await client.signOut();
  await simulator.close();
  scratch.remove();
});

const catalogs = () => new CatalogService(new CatalogStore(scratch.path), profileCacheKey('it'));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the catalogue over HTTP', () => {
  it('holds every model, subscriber and device of the CloudPBX, beyond the first page', async () => {
    for (let index = 0; index < 120; index += 1) {
      simulator.tenant.addDevice({
        systemId: lyon,
        deviceTypeId: DEVICE_MODEL_IDS.ale8028s,
        description: `Bulk ${index}`,
        macAddress: `487a55f0${index.toString(16).padStart(4, '0')}`,
      });
    }
    const { catalog } = await catalogs().pull(client, lyon);
    expect(catalog.devices).toHaveLength(simulator.tenant.listDevices(lyon).length);
    expect(catalog.devices.length).toBeGreaterThan(120);
    expect(catalog.subscribers).toHaveLength(simulator.tenant.listSubscribers(lyon).length);
    expect(catalog.models.map((model) => model.category)).toEqual(
      expect.arrayContaining(['deskphone', 'dectmobile']),
    );
    expect(catalog.subscribers.find((subscriber) => subscriber.shortNumber === '81001')?.loginEmail).toBe(
      'camille.martin@demo.fieldkit.invalid',
    );
    const devicePages = simulator
      .requests()
      .filter((request) => request.path.endsWith(`/cloudpbxs/${lyon}/devices`));
    expect(devicePages.length).toBeGreaterThan(1);
  });
});

describe('validation online and offline', () => {
  const file = encode('mac,model,subscriber\n48:7A:55:F1:00:01,8028s,81020\n48:7A:55:0A:1B:01,8078s,81001\n');

  it('offline uses the cached catalogue and sends nothing', async () => {
    await catalogs().pull(client, lyon);
    const before = simulator.requests().length;
    const { report } = await validateImport(
      { fileName: 'f.csv', content: file, systemId: lyon, offline: true, reassign: false, mode: 'validate' },
      { catalogs: catalogs(), connect: () => Promise.reject(new Error('must not connect')), now: Date.now },
    );
    expect(simulator.requests().length).toBe(before);
    expect(report.catalog?.source).toBe('cache');
    expect(report.rows.map((row) => [row.line, row.action, row.status])).toEqual([
      [2, 'create-assign', 'valid'],
      [3, 'skip', 'skipped'],
    ]);
  });

  it('leaves the caller its bytes, even in a Buffer, whose slice is a view and not a copy', async () => {
    await catalogs().pull(client, lyon);
    const text = new TextDecoder().decode(file);
    // Buffer.alloc owns its memory (no pool): moving it to the worker would empty the caller's.
    const owned = Buffer.alloc(Buffer.byteLength(text));
    owned.write(text);
    const { report } = await validateImport(
      { fileName: 'f.csv', content: owned, systemId: lyon, offline: true, reassign: false, mode: 'validate' },
      { catalogs: catalogs(), connect: () => Promise.reject(new Error('must not connect')), now: Date.now },
    );
    expect(report.summary.rows).toBe(2);
    expect(owned.toString('utf8')).toBe(text);
  });

  it('online re-checks the live CloudPBX and shows what changed since the cached catalogue', async () => {
    await catalogs().pull(client, lyon);
    simulator.tenant.addDevice({
      systemId: lyon,
      deviceTypeId: DEVICE_MODEL_IDS.ale8028s,
      description: 'Added by someone else',
      macAddress: '487a55f10001',
      phoneNumberId: simulator.tenant.listSubscribers(lyon).find((s) => s.shortNumber === '81021')?.id,
    });
    const { report } = await validateImport(
      { fileName: 'f.csv', content: file, systemId: lyon, offline: false, reassign: false, mode: 'dry-run' },
      { catalogs: catalogs(), connect: async () => client, now: Date.now },
    );
    expect(report.catalog?.source).toBe('live');
    expect(report.rows[0]).toMatchObject({ line: 2, action: 'invalid', status: 'invalid' });
    expect(report.changes?.rows).toEqual([
      expect.objectContaining({
        line: 2,
        before: 'create-assign',
        after: 'invalid',
        message: expect.stringContaining('assigned to 81021'),
      }),
    ]);
  });

  it('offline without a cached catalogue says how to get one', async () => {
    const fresh = new CatalogService(new CatalogStore(scratch.path), profileCacheKey('never-pulled'));
    const error = await validateImport(
      { fileName: 'f.csv', content: file, systemId: lyon, offline: true, reassign: false, mode: 'validate' },
      { catalogs: fresh, connect: async () => client, now: Date.now },
    ).catch((caught: unknown) => caught);
    expect(isFieldkitError(error, 'not-found')).toBe(true);
  });

  it('a file that cannot be read is reported without any request', async () => {
    const before = simulator.requests().length;
    const { report } = await validateImport(
      {
        fileName: 'f.csv',
        content: encode('foo,bar\n1,2\n'),
        systemId: lyon,
        offline: false,
        reassign: false,
        mode: 'validate',
      },
      { catalogs: catalogs(), connect: async () => client, now: Date.now },
    );
    expect(report.fileErrors).toHaveLength(1);
    expect(simulator.requests().length).toBe(before);
  });
});
