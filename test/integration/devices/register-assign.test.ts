import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFieldkitError, type FieldkitError } from '../../../src-main/services/errors';
import { formatIpeiDecimal } from '../../../src-main/shared/identifiers';
import { DEMO_SYSTEM_IDS, DEVICE_MODEL_IDS } from '../../../src-main/simulator';
import { freeSubscriberId, seededDeviceId, startDeviceHarness, type DeviceHarness } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
let harness: DeviceHarness;

beforeAll(async () => {
  harness = await startDeviceHarness();
});

afterAll(async () => {
  await harness.close();
});

const failure = (promise: Promise<unknown>): Promise<FieldkitError> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as FieldkitError,
  );

const posts = (suffix: string): number =>
  harness.simulator.requests().filter((request) => request.method === 'POST' && request.path.endsWith(suffix))
    .length;

describe('registering a device', () => {
  it('normalises the MAC, defaults the description and creates the device', async () => {
    const device = await harness.feature.devices.register({
      systemId: lyon,
      identifier: '48-7A-55-0C-00-01',
      deviceTypeId: DEVICE_MODEL_IDS.myriadM5,
    });
    expect(device.macAddress).toBe('487a550c0001');
    expect(device.description).toBe('M5 0C0001');
    const stored = harness.simulator.tenant.findDevice(lyon, device.id);
    expect(stored).toMatchObject({ macAddress: '487a550c0001', deviceTypeId: DEVICE_MODEL_IDS.myriadM5 });
    expect(stored?.phoneNumberId).toBeUndefined();
  });

  it('registers a DECT handset from the decimal IPEI and gives it to a subscriber in the same call', async () => {
    const phoneNumberId = freeSubscriberId(harness.simulator, lyon);
    const subscriber = harness.simulator.tenant.findSubscriber(lyon, phoneNumberId);
    const device = await harness.feature.devices.register({
      systemId: lyon,
      identifier: formatIpeiDecimal('0380c00042'),
      deviceTypeId: DEVICE_MODEL_IDS.dect8214,
      phoneNumberId,
    });
    expect(device.ipei).toBe('0380c00042');
    expect(device.description).toBe(`8214DECT ${subscriber?.shortNumber}`);
    expect(harness.simulator.tenant.findDevice(lyon, device.id)?.phoneNumberId).toBe(phoneNumberId);
  });

  it('reports a MAC already on the CloudPBX before creating, with the existing device', async () => {
    const existingId = seededDeviceId(harness.simulator, lyon, '487a550a1b01');
    const check = await harness.feature.devices.checkIdentifier({
      systemId: lyon,
      identifier: '48:7a:55:0a:1b:01',
    });
    expect(check).toMatchObject({ value: '487a550a1b01', kind: 'mac', existing: { id: existingId } });
    expect(check.compatibleModels.every((model) => model.category !== 'dectmobile')).toBe(true);

    const before = posts('/devices');
    const error = await failure(
      harness.feature.devices.register({
        systemId: lyon,
        identifier: '487A550A1B01',
        deviceTypeId: DEVICE_MODEL_IDS.ale8078s,
      }),
    );
    expect(isFieldkitError(error, 'conflict')).toBe(true);
    expect(error.details).toEqual({ deviceId: existingId });
    expect(error.message).toContain(existingId);
    expect(posts('/devices')).toBe(before);
  });

  it('refuses an identifier that does not fit the model, before any call', async () => {
    const before = harness.simulator.requests().length;
    const error = await failure(
      harness.feature.devices.register({
        systemId: lyon,
        identifier: '03807E7899',
        deviceTypeId: DEVICE_MODEL_IDS.myriadM5,
      }),
    );
    expect(isFieldkitError(error, 'invalid-input')).toBe(true);
    expect(error.issues?.[0]?.field).toBe('deviceTypeId');
    expect(
      harness.simulator
        .requests()
        .slice(before)
        .some((request) => request.method === 'POST'),
    ).toBe(false);
  });

  it('refuses an unreadable identifier on its field', async () => {
    const error = await failure(
      harness.feature.devices.register({ systemId: lyon, identifier: '48:7A:55', deviceTypeId: 23 }),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.issues?.[0]?.field).toBe('identifier');
  });
});

describe('assigning and deleting', () => {
  it('assigns, refuses a second assignment, refuses deleting while assigned, then unassigns and deletes', async () => {
    const { tenant } = harness.simulator;
    const device = await harness.feature.devices.register({
      systemId: lyon,
      identifier: '487a550c00aa',
      deviceTypeId: DEVICE_MODEL_IDS.ale8028s,
      description: 'Meeting room',
    });
    const phoneNumberId = freeSubscriberId(harness.simulator, lyon);

    const assigned = await harness.feature.devices.assign(lyon, device.id, phoneNumberId);
    expect(assigned.phoneNumberId).toBe(phoneNumberId);
    expect(tenant.findDevice(lyon, device.id)?.phoneNumberId).toBe(phoneNumberId);
    expect((await harness.feature.subscribers.devices(lyon, phoneNumberId)).map((d) => d.id)).toContain(
      device.id,
    );

    const twice = await failure(harness.feature.devices.assign(lyon, device.id, phoneNumberId));
    expect(twice.code).toBe('conflict');
    expect(twice.details?.deviceId).toBe(device.id);

    const deleteWhileAssigned = await failure(harness.feature.devices.delete(lyon, device.id));
    expect(deleteWhileAssigned.code).toBe('conflict');
    expect(tenant.findDevice(lyon, device.id)).toBeDefined();

    const freed = await harness.feature.devices.unassign(lyon, device.id);
    expect(freed.phoneNumberId).toBeUndefined();
    expect(tenant.findDevice(lyon, device.id)?.phoneNumberId).toBeUndefined();

    await harness.feature.devices.delete(lyon, device.id);
    expect(tenant.findDevice(lyon, device.id)).toBeUndefined();
  });

  it('creates a subscriber for a user found by name, without handing out its passwords', async () => {
    const [shortNumber] = await harness.feature.subscribers.freeNumbers(lyon, { limit: 1 });
    const holders = new Set(harness.simulator.tenant.listSubscribers(lyon).map((s) => s.userId));
    const candidate = harness.simulator.tenant
      .listUsers()
      .find((user) => !holders.has(user.id) && user.companyId === harness.simulator.tenant.company.id);
    if (shortNumber === undefined || candidate === undefined)
      throw new Error('seed has no free user or number');

    const found = await harness.feature.subscribers.searchUsers(lyon, candidate.lastName.toUpperCase());
    expect(found.map((user) => user.id)).toContain(candidate.id);

    const created = await harness.feature.subscribers.create(lyon, candidate.id, shortNumber);
    expect(created).toMatchObject({ shortNumber, userId: candidate.id });
    expect(JSON.stringify(created)).not.toMatch(/password/i);
    expect(harness.simulator.tenant.findSubscriber(lyon, created.id)?.userId).toBe(candidate.id);
  });
});
