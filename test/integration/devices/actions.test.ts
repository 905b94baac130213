import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldkitError } from '../../../src-main/services/errors';
import { DEMO_SYSTEM_IDS, DEVICE_MODEL_IDS } from '../../../src-main/simulator';
import { seededDeviceId, startDeviceHarness, type DeviceHarness } from './support';

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

const calls = (method: string, suffix: string): number =>
  harness.simulator.requests().filter((r) => r.method === method && r.path.endsWith(suffix)).length;

describe('reboot and factory reset', () => {
  it('reboots a deskphone', async () => {
    const deviceId = seededDeviceId(harness.simulator, lyon, '487a550a1b02');
    const result = await harness.feature.devices.reboot(lyon, deviceId);
    expect(result.status).toContain(deviceId);
    expect(calls('POST', `${deviceId}/reboot`)).toBe(1);
  });

  it('refuses a reset whose confirmation does not match the device, without calling Rainbow', async () => {
    const deviceId = seededDeviceId(harness.simulator, lyon, '487a550a1b03');
    const error = await failure(harness.feature.devices.reset(lyon, deviceId, '48:7a:55:0a:1b:02'));
    expect(error.code).toBe('invalid-input');
    expect(error.issues?.[0]?.field).toBe('confirmation');
    expect(error.message).toContain('81003');
    expect(calls('POST', `${deviceId}/reset`)).toBe(0);
  });

  it('resets when the MAC is typed in another notation, or the short number', async () => {
    const deviceId = seededDeviceId(harness.simulator, lyon, '487a550a1b03');
    await harness.feature.devices.reset(lyon, deviceId, '487A.550A.1B03');
    await harness.feature.devices.reset(lyon, deviceId, '81003');
    expect(calls('POST', `${deviceId}/reset`)).toBe(2);
  });
});

describe('debug sessions', () => {
  it('grants for the CloudPBX’s default, reveals the password only on request, and revokes', async () => {
    const deviceId = seededDeviceId(harness.simulator, lyon, '487a550a1b01');
    const session = await harness.feature.debug.grant(lyon, deviceId);
    expect(session).toMatchObject({ expiresAt: null, durationSeconds: null });
    expect(session.adminUrl).toMatch(/^https:\/\//);
    expect(session).not.toHaveProperty('adminPassword');

    const password = harness.simulator.tenant.debugSession(lyon, deviceId)?.adminPassword ?? '';
    expect(password).not.toBe('');
    const listed = await harness.feature.devices.list(lyon);
    const shown = await harness.feature.devices.get(lyon, deviceId);
    expect(JSON.stringify([listed, shown])).not.toContain(password);
    expect(shown).not.toHaveProperty('adminPassword');

    const revealed = await harness.feature.debug.reveal(lyon, deviceId);
    expect(revealed).toEqual({ deviceId, adminUrl: session.adminUrl, adminPassword: password });
    expect(harness.redactor.redact(`password ${password}`)).not.toContain(password);

    await harness.feature.debug.revoke(lyon, deviceId);
    expect(harness.simulator.tenant.debugSession(lyon, deviceId)).toBeUndefined();
    const afterRevoke = await failure(harness.feature.debug.reveal(lyon, deviceId));
    expect(afterRevoke.code).toBe('not-found');

    const audit = readFileSync(harness.auditLog.path, 'utf8');
    expect(audit).toContain('"debug.reveal"');
    expect(audit).not.toContain(password);
  });
});

describe('expansion modules', () => {
  it('adds a module the model supports and refuses one it does not, before calling', async () => {
    const m5 = await harness.feature.devices.register({
      systemId: lyon,
      identifier: '487a550d0001',
      deviceTypeId: DEVICE_MODEL_IDS.myriadM5,
    });
    const other = seededDeviceId(harness.simulator, lyon, '487a550a1b02');

    const updated = await harness.feature.modules.add(lyon, m5.id, {
      moduleId: 1,
      type: 'EM_20',
      name: 'Left',
    });
    expect(updated.modules).toEqual([{ moduleId: 1, type: 'EM_20', name: 'Left' }]);
    expect(harness.simulator.tenant.findDevice(lyon, m5.id)?.modules).toHaveLength(1);

    const refused = await failure(harness.feature.modules.add(lyon, other, { moduleId: 1, type: 'EM_20' }));
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toContain('8068s');
    expect(calls('POST', `${other}/modules`)).toBe(0);

    const removed = await harness.feature.modules.remove(lyon, m5.id, 1);
    expect(removed.modules ?? []).toEqual([]);
  });
});
