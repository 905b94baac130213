import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiList, Device, PhoneNumber } from '../../../src-main/services/rainbow/types';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { ADMIN_BASE, RVCP_BASE, getJson, signIn } from './http-helpers';

const { lyon } = DEMO_SYSTEM_IDS;
const DEVICES = `${RVCP_BASE}/cloudpbxs/${lyon}/devices?category=deskphone,dectmobile`;

/** Paging reuses one sorted listing while its records do not change: it must never answer a stale one. */
describe('simulator device and subscriber paging', () => {
  let simulator: RunningSimulator;
  let token: string;
  const page = async (offset: number, limit = 2): Promise<ApiList<Device>> =>
    (await getJson<ApiList<Device>>(simulator, `${DEVICES}&limit=${limit}&offset=${offset}`, { token })).body;
  const allIds = async (): Promise<string[]> => (await page(0, 1000)).data.map((device) => device.id);

  beforeAll(async () => {
    simulator = await startSimulator();
    token = await signIn(simulator);
  });
  afterAll(async () => {
    await simulator.close();
  });

  it('walks every device once, in MAC order, page after page', async () => {
    const ids: string[] = [];
    const first = await page(0);
    for (let offset = 0; offset < first.total; offset += 2)
      ids.push(...(await page(offset)).data.map((d) => d.id));

    expect(ids).toEqual(await allIds());
    expect(new Set(ids).size).toBe(first.total);
  });

  it('answers a device added, changed or removed between two pages', async () => {
    const before = await page(0);
    const added = simulator.tenant.addDevice({
      systemId: lyon,
      deviceTypeId: simulator.tenant.listDevices(lyon)[0]?.deviceTypeId ?? 0,
      description: 'first by MAC',
      macAddress: '000000000001',
    });

    const afterAdding = await page(0);
    expect(afterAdding.total).toBe(before.total + 1);
    expect(afterAdding.data[0]?.id).toBe(added.id);

    simulator.tenant.updateDevice(lyon, added.id, { macAddress: 'fffffffffff0' });
    expect((await page(0)).data[0]?.id).not.toBe(added.id);
    expect((await allIds()).at(-1)).toBe(added.id);

    simulator.tenant.removeDevice(lyon, added.id);
    expect(await allIds()).not.toContain(added.id);
    expect((await page(0)).total).toBe(before.total);
  });

  it('answers a subscriber added or removed between two pages', async () => {
    const phoneNumbers = `${ADMIN_BASE}/systems/${lyon}/phone-numbers?limit=1&offset=0`;
    const firstPage = async () =>
      (await getJson<ApiList<PhoneNumber>>(simulator, phoneNumbers, { token })).body;
    const before = await firstPage();
    const template = simulator.tenant.listSubscribers(lyon)[0];
    if (template === undefined) throw new Error('the demo has subscribers');
    const { id: _id, creationDate: _created, userId: _user, ...fields } = template;
    const added = simulator.tenant.addSubscriber({
      ...fields,
      shortNumber: '80000',
      internalNumber: '80000',
    });

    const afterAdding = await firstPage();
    expect(afterAdding.total).toBe(before.total + 1);
    expect(afterAdding.data[0]?.id).toBe(added.id);

    simulator.tenant.removeSubscriber(lyon, added.id);
    expect(await firstPage()).toEqual(before);
  });
});
