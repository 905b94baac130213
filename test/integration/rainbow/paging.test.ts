import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type RainbowClient } from '../../../src-main/services/rainbow';
import {
  DEMO_SYSTEM_IDS,
  seedBulkDevices,
  startSimulator,
  type RunningSimulator,
} from '../../../src-main/simulator';
import { FakeClock } from '../../support/fake-clock';

/** A server whose page cap (37) is smaller than the `limit` the client asks (50). */
describe('paging against a server that caps its pages', () => {
  let simulator: RunningSimulator;
  let client: RainbowClient;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, pageCap: 37 });
    seedBulkDevices(simulator.tenant, DEMO_SYSTEM_IDS.lyon, 200);
    client = await signIn({ host: simulator.url, ...simulator.credentials }, { clock: new FakeClock() });
  });

  afterAll(async () => {
    client.close();
    await simulator.close();
  });

  it('gets every device once, advancing by what each page held', async () => {
    const all = simulator.tenant.listDevices(DEMO_SYSTEM_IDS.lyon);
    const devices = await client.listDevices(DEMO_SYSTEM_IDS.lyon, { pageSize: 50 });

    expect(devices.map((device) => device.id).sort()).toEqual(all.map((device) => device.id).sort());
    // The default list (every device but the DECT handsets) is the long one: its pages show the walk.
    const defaultListLength = all.filter((device) => device.ipei === undefined).length;
    const offsets = simulator
      .requests()
      .filter((request) => request.path.endsWith(`/cloudpbxs/${DEMO_SYSTEM_IDS.lyon}/devices`))
      .map((request) => new URLSearchParams(request.query))
      .filter((query) => !query.has('category'))
      .map((query) => [query.get('limit'), Number(query.get('offset'))] as const);
    expect(offsets.every(([limit]) => limit === '50')).toBe(true);
    expect(offsets.map(([, offset]) => offset).sort((a, b) => a - b)).toEqual(
      Array.from({ length: Math.ceil(defaultListLength / 37) }, (_, page) => page * 37),
    );
  });
});
