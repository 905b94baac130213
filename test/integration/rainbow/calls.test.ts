import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFieldkitError } from '../../../src-main/services/errors';
import { PROVISIONING_ROOT, signIn, type RainbowClient } from '../../../src-main/services/rainbow';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { FakeClock } from '../../support/fake-clock';

describe('Rainbow calls against the simulator', () => {
  let simulator: RunningSimulator;
  let client: RainbowClient;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
    client = await signIn({ host: simulator.url, ...simulator.credentials }, { clock: new FakeClock() });
  });

  afterAll(async () => {
    client.close();
    await simulator.close();
  });

  const queriesOf = (path: string): URLSearchParams[] =>
    simulator
      .requests()
      .filter((request) => request.path === path)
      .map((request) => new URLSearchParams(request.query));

  it('lists the CloudPBXs of the company', async () => {
    const systems = await client.listSystems();
    expect(systems.map((system) => system.id).sort()).toEqual(
      simulator.tenant
        .listCloudPbxs()
        .map((system) => system.id)
        .sort(),
    );
  });

  it('fetches every page of the CloudPBX list', async () => {
    const systems = await client.listSystems({ pageSize: 1 });
    expect(systems).toHaveLength(simulator.tenant.listCloudPbxs().length);
    expect(new Set(systems.map((system) => system.id)).size).toBe(systems.length);
  });

  it('gets one CloudPBX', async () => {
    const system = await client.getSystem(DEMO_SYSTEM_IDS.lyon);
    expect(system.id).toBe(DEMO_SYSTEM_IDS.lyon);
    expect(system.name).toBe(simulator.tenant.findCloudPbx(DEMO_SYSTEM_IDS.lyon)?.name);
  });

  it('says when a CloudPBX does not exist', async () => {
    const error = await client.getSystem('0123456789abcdef01234567').catch((caught: unknown) => caught);
    expect(isFieldkitError(error, 'not-found')).toBe(true);
    expect(error).toMatchObject({ status: 404, detailsCode: 404200 });
    expect((error as Error).message).toContain('CloudPBX 0123456789abcdef01234567 not found');
  });

  it('lists the deskphone models by default and every model when asked', async () => {
    const deskphones = await client.listDeviceModels(DEMO_SYSTEM_IDS.lyon);
    expect(new Set(deskphones.map((model) => model.category))).toEqual(
      new Set(['deskphone', 'uncategorized']),
    );

    const all = await client.listDeviceModels(DEMO_SYSTEM_IDS.lyon, {
      category: 'deskphone,dectmobile,uncategorized',
    });
    expect(all).toHaveLength(simulator.tenant.listDeviceModels().length);
    expect(all.some((model) => model.category === 'dectmobile')).toBe(true);

    const myriad = await client.listDeviceModels(DEMO_SYSTEM_IDS.lyon, {
      category: ['deskphone'],
      range: 'myriad',
    });
    expect(myriad.length).toBeGreaterThan(0);
    expect(myriad.every((model) => model.range === 'myriad')).toBe(true);
  });

  it('lists every subscriber across several pages', async () => {
    const expected = simulator.tenant.listSubscribers(DEMO_SYSTEM_IDS.lyon);
    expect(expected.length).toBeGreaterThan(14);

    const phoneNumbers = await client.listPhoneNumbers(DEMO_SYSTEM_IDS.lyon, { pageSize: 7 });

    expect(phoneNumbers.map((phoneNumber) => phoneNumber.id).sort()).toEqual(
      expected.map((subscriber) => subscriber.id).sort(),
    );
    const pages = queriesOf(`/api/rainbow/admin/v1.0/systems/${DEMO_SYSTEM_IDS.lyon}/phone-numbers`);
    expect(pages).toHaveLength(Math.ceil(expected.length / 7));
    // The first page gives the total; the others are fetched a few at a time, in any order.
    const offsets = pages.map((query) => Number(query.get('offset'))).sort((a, b) => a - b);
    expect(offsets).toEqual(pages.map((_, index) => index * 7));
    expect(pages.every((query) => query.get('format') === 'full' && query.get('limit') === '7')).toBe(true);
  });

  it('completes subscriber records that lack loginEmail and isAssignedToUser from documented calls', async () => {
    const records = simulator.requests().length;
    const [camille] = await client.listPhoneNumbers(DEMO_SYSTEM_IDS.lyon, { shortNumber: '81001' });
    const user = simulator.tenant.listUsers().find((candidate) => candidate.id === camille?.userId);

    expect(user).toBeDefined();
    expect(camille).toMatchObject({ isAssignedToUser: true, loginEmail: user?.loginEmail });
    const asked = simulator.requests().slice(records);
    expect(asked.filter((request) => request.path === '/api/rainbow/admin/v1.0/users')).toHaveLength(1);
  });

  it('passes the filters of the subscriber list', async () => {
    const unheld = await client.listPhoneNumbers(DEMO_SYSTEM_IDS.lyon, { isAssignedToUser: false });
    expect(unheld.length).toBeGreaterThan(0);
    expect(unheld.every((phoneNumber) => phoneNumber.userId === undefined)).toBe(true);
  });

  it('lists every device, handsets and uncategorized ones too, asking only the reference’s categories', async () => {
    const devices = await client.listDevices(DEMO_SYSTEM_IDS.lyon);
    const expected = simulator.tenant.listDevices(DEMO_SYSTEM_IDS.lyon).map((device) => device.id);
    expect(devices.map((device) => device.id).sort()).toEqual([...expected].sort());
    const path = `${PROVISIONING_ROOT}/cloudpbxs/${DEMO_SYSTEM_IDS.lyon}/devices`;
    const categories = queriesOf(path).map((query) => query.get('category'));
    expect(new Set(categories)).toEqual(new Set(['dectmobile', null]));
  });

  it('offers a generic request for calls without a module yet', async () => {
    const answer = await client.request<{ data: unknown[]; total: number }>(
      'GET',
      `${PROVISIONING_ROOT}/cloudpbxs/${DEMO_SYSTEM_IDS.lyon}/devices`,
      { query: { limit: 2, category: 'dectmobile' } },
    );
    expect(answer.data.length).toBeLessThanOrEqual(2);
    const handsets = simulator.tenant.listDevices(DEMO_SYSTEM_IDS.lyon).filter((d) => d.ipei !== undefined);
    expect(answer.total).toBe(handsets.length);
  });
});
