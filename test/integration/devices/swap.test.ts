import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldkitError } from '../../../src-main/services/errors';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import { seededDeviceId, startDeviceHarness, type DeviceHarness } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
const REGISTRATION_DELAY_MS = 20_000;
let harness: DeviceHarness;

beforeAll(async () => {
  harness = await startDeviceHarness({ registrationDelayMs: REGISTRATION_DELAY_MS });
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

describe('swapping a broken phone', () => {
  it('moves the device to the new MAC, reboots, and waits until the new phone registers', async () => {
    const deviceId = seededDeviceId(harness.simulator, lyon, '3c28a6110204');
    const startedAt = harness.time.now();
    const started = await harness.feature.swaps.start({
      systemId: lyon,
      deviceId,
      newIdentifier: '48:7A:55:0E:00:01',
    });
    expect(started.status).toBe('running');
    const final = await harness.feature.swaps.whenSettled(started.swapId);

    expect(final.status).toBe('succeeded');
    expect(final.identifierOnServer).toBe('487a550e0001');
    expect(final.steps.map((step) => [step.name, step.status])).toEqual([
      ['check', 'done'],
      ['update', 'done'],
      ['reboot', 'done'],
      ['wait-registration', 'done'],
    ]);
    expect(harness.simulator.tenant.findDevice(lyon, deviceId)?.macAddress).toBe('487a550e0001');
    expect(harness.time.now() - startedAt).toBeGreaterThanOrEqual(REGISTRATION_DELAY_MS);
    expect(harness.time.now() - startedAt).toBeLessThan(180_000);
    expect(harness.feature.swaps.get(started.swapId)).toEqual(final);

    const moves = harness.swapEvents.seen.filter((event) => event.swapId === started.swapId);
    expect(moves.map((event) => `${event.step}:${event.status}`)).toEqual([
      'check:done',
      'update:running',
      'update:done',
      'reboot:running',
      'reboot:done',
      'wait-registration:running',
      'wait-registration:done',
    ]);
    expect(readFileSync(harness.auditLog.path, 'utf8')).toContain('"device.swap"');
  });

  it('times out when the new phone never registers, says what the server holds, and rolls back', async () => {
    const deviceId = seededDeviceId(harness.simulator, lyon, '3c28a6110205');
    harness.simulator.tenant.setPhoneOnline('487a550e0002', false);
    const started = await harness.feature.swaps.start({
      systemId: lyon,
      deviceId,
      newIdentifier: '487a550e0002',
      timeoutSeconds: 60,
    });
    const timedOut = await harness.feature.swaps.whenSettled(started.swapId);

    expect(timedOut).toMatchObject({
      status: 'timed-out',
      canRollback: true,
      identifierOnServer: '487a550e0002',
    });
    expect(timedOut.message).toContain('60 s');
    expect(timedOut.message).toContain('3C:28:A6:11:02:05');
    expect(harness.simulator.tenant.findDevice(lyon, deviceId)?.macAddress).toBe('487a550e0002');

    const rolledBack = await harness.feature.swaps.rollback(started.swapId);
    expect(rolledBack).toMatchObject({
      status: 'rolled-back',
      canRollback: false,
      identifierOnServer: '3c28a6110205',
    });
    expect(rolledBack.steps.find((step) => step.name === 'rollback')?.status).toBe('done');
    expect(harness.simulator.tenant.findDevice(lyon, deviceId)?.macAddress).toBe('3c28a6110205');

    const again = await failure(harness.feature.swaps.rollback(started.swapId));
    expect(again.code).toBe('conflict');
    const actions = (await harness.auditLog.list()).map((entry) => entry.action);
    expect(actions).toContain('device.swap-rollback');
  });

  it('refuses a MAC already on the CloudPBX, and a DECT IPEI swap, leaving the device untouched', async () => {
    const deviceId = seededDeviceId(harness.simulator, lyon, '487a550a1b02');
    const holder = seededDeviceId(harness.simulator, lyon, '487a550a1b03');
    const taken = await failure(
      harness.feature.swaps.start({ systemId: lyon, deviceId, newIdentifier: '487a550a1b03' }),
    );
    expect(taken.code).toBe('conflict');
    expect(taken.details).toEqual({ deviceId: holder });

    const wrongKind = await failure(
      harness.feature.swaps.start({ systemId: lyon, deviceId, newIdentifier: '0380c00099' }),
    );
    expect(wrongKind.code).toBe('invalid-input');
    expect(wrongKind.message).toContain('IPEI cannot replace it');

    const handset = harness.simulator.tenant.listDevices(lyon).find((device) => device.ipei !== undefined);
    if (handset === undefined) throw new Error('seed has no DECT handset');
    const dect = await failure(
      harness.feature.swaps.start({ systemId: lyon, deviceId: handset.id, newIdentifier: '0380c00099' }),
    );
    expect(dect.code).toBe('invalid-input');
    expect(dect.message).toContain('cannot change the IPEI');
    expect(harness.simulator.tenant.findDevice(lyon, deviceId)?.macAddress).toBe('487a550a1b02');
    expect(harness.simulator.tenant.findDevice(lyon, handset.id)?.ipei).toBe(handset.ipei);
  });
});
