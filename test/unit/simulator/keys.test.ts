import { describe, expect, it } from 'vitest';
import { createDemoTenant } from '../../../src-main/simulator/seed/demo-seed';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator/seed/seed-ids';
import { deviceKeysView } from '../../../src-main/simulator/tenant/key-views';
import { TenantError } from '../../../src-main/simulator/tenant/tenant';

const lyon = DEMO_SYSTEM_IDS.lyon;

function demo() {
  const tenant = createDemoTenant(() => 0);
  const device = (description: string) => {
    const found = tenant.listDevices(lyon).find((candidate) => candidate.description === description);
    if (found === undefined) throw new Error(`no ${description}`);
    return found;
  };
  const subscriber = (shortNumber: string) =>
    tenant.listSubscribers(lyon).find((candidate) => candidate.shortNumber === shortNumber)?.id ?? '';
  return { tenant, device, subscriber };
}

function refusal(run: () => unknown): TenantError {
  try {
    run();
  } catch (error) {
    if (error instanceof TenantError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('simulated programmable keys', () => {
  it('seeds a receptionist M7 whose EM_20 is full of monitor keys on users', () => {
    const { tenant, device } = demo();
    const reception = device('Reception - front desk');
    const view = deviceKeysView(tenant, reception, 1);
    expect(view.deviceType.model).toBe('M7');
    expect(view.keys).toHaveLength(20);
    expect(view.availableKeys).toBe(0);
    expect(view.keys.every((key) => key.keyType === 'monitor' && key.userId !== undefined)).toBe(true);
    expect(view.keys[0]).toMatchObject({
      keyNum: 1,
      page: 1,
      number: '81001',
      displayName: 'Camille Martin',
    });
  });

  it('answers 400581 for a key type the model does not support, in the reference’s words', () => {
    const { tenant, device } = demo();
    const breakRoom = device('Break room');
    const error = refusal(() =>
      tenant.createKey(lyon, breakRoom.id, { moduleId: 0, keyNum: 1, keyType: 'forward', number: '+3361' }),
    );
    expect(error.rule).toBe('key-type-not-supported');
    expect(error.message).toBe(
      `Key type forward not supported by device ${breakRoom.id} (vendor: ALE/model: 8018) `,
    );
  });

  it('never deletes or replaces a key a service or the phone owns', () => {
    const { tenant, device, subscriber } = demo();
    const director = device('Director office');
    expect(refusal(() => tenant.deleteKey(lyon, director.id, 0, 10)).rule).toBe('key-locked');
    const after = tenant.replaceKeys(lyon, director.id, 0, [
      { moduleId: 0, keyNum: 2, keyType: 'speeddial', phoneNumberId: subscriber('81003') },
    ]);
    expect(after.map((key) => [key.keyNum, key.keyOwner])).toEqual([
      [2, 'admin'],
      [10, 'service'],
    ]);
    expect(
      refusal(() =>
        tenant.replaceKeys(lyon, director.id, 0, [
          { moduleId: 0, keyNum: 10, keyType: 'speeddial', phoneNumberId: subscriber('81003') },
        ]),
      ).rule,
    ).toBe('key-locked');
  });

  it('refuses a whole replace when one key is wrong, and a key where one already is', () => {
    const { tenant, device, subscriber } = demo();
    const director = device('Director office');
    const before = tenant.listKeys(lyon, director.id);
    const error = refusal(() =>
      tenant.replaceKeys(lyon, director.id, 0, [
        { moduleId: 0, keyNum: 2, keyType: 'speeddial', phoneNumberId: subscriber('81003') },
        { moduleId: 0, keyNum: 41, keyType: 'speeddial', phoneNumberId: subscriber('81003') },
      ]),
    );
    expect(error.rule).toBe('key-out-of-range');
    expect(tenant.listKeys(lyon, director.id)).toEqual(before);
    expect(
      refusal(() => tenant.createKey(lyon, director.id, { moduleId: 0, keyNum: 1, keyType: 'headset' })).rule,
    ).toBe('key-taken');
  });

  it('drops a module’s keys with the module', () => {
    const { tenant, device } = demo();
    const reception = device('Reception - front desk');
    tenant.removeModule(lyon, reception.id, 1);
    expect(tenant.listKeys(lyon, reception.id).some((key) => key.moduleId === 1)).toBe(false);
  });
});
