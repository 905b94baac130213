import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationSnapshot } from '../../../src-main/services/devices/types';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import { seededDeviceId, startDeviceHarness, type DeviceHarness } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
let harness: DeviceHarness;

beforeAll(async () => {
  harness = await startDeviceHarness();
});

afterAll(async () => {
  await harness.close();
});

/** Fires the next poll and waits for the snapshot it emits. */
async function nextPoll(watchId: string): Promise<RegistrationSnapshot> {
  const emitted = harness.registrationEvents.next((snapshot) => snapshot.watchId === watchId);
  await harness.time.advanceToNext();
  return emitted;
}

describe('watching SIP registrations', () => {
  it('polls with back-off, reports changes, and remembers when the device was last seen', async () => {
    const mac = '487a550a1b01';
    const deviceId = seededDeviceId(harness.simulator, lyon, mac);
    const { watchId, snapshot } = await harness.feature.registrations.watch({ systemId: lyon, deviceId });
    expect(snapshot.registrations).toHaveLength(1);
    expect(snapshot.registrations[0]?.deviceId).toBe(deviceId);
    expect(snapshot.lastSeen[deviceId]).toBe(snapshot.fetchedAt);
    expect(harness.time.pending()).toEqual([3_000]);

    const quiet = await nextPoll(watchId);
    expect(quiet.changed).toBe(false);
    expect(quiet.nextPollInMs).toBe(4_500);

    harness.simulator.tenant.setPhoneOnline(mac, false);
    const unplugged = await nextPoll(watchId);
    expect(unplugged.changed).toBe(true);
    expect(unplugged.registrations).toEqual([]);
    expect(unplugged.lastSeen[deviceId]).toBe(quiet.fetchedAt);
    expect(unplugged.nextPollInMs).toBe(3_000);

    expect(harness.feature.registrations.pause(watchId)).toEqual({ watchId, paused: true });
    expect(harness.time.pending()).toEqual([]);
    harness.simulator.tenant.setPhoneOnline(mac, true);
    await harness.time.advance(60_000);
    const resumed = harness.registrationEvents.next((s) => s.watchId === watchId);
    harness.feature.registrations.resume(watchId);
    expect((await resumed).registrations).toHaveLength(1);

    const afterReboot = harness.registrationEvents.next((s) => s.watchId === watchId);
    await harness.feature.devices.reboot(lyon, deviceId);
    expect((await afterReboot).nextPollInMs).toBe(3_000);

    expect(harness.feature.registrations.unwatch(watchId)).toBe(true);
    expect(harness.time.pending()).toEqual([]);
  });

  it('watches a subscriber, and says when a device was never seen', async () => {
    const device = harness.simulator.tenant.listDevices(lyon).find((d) => d.macAddress === '487a550a1b02');
    if (device?.phoneNumberId === undefined) throw new Error('seed device is not assigned');
    harness.simulator.tenant.setPhoneOnline('487a550a1b02', false);
    const { watchId, snapshot } = await harness.feature.registrations.watch({
      systemId: lyon,
      phoneNumberId: device.phoneNumberId,
    });
    expect(snapshot.registrations).toEqual([]);
    expect(snapshot.lastSeen).toEqual({});
    expect(snapshot.watchingSince).toBe(snapshot.fetchedAt);
    expect(await harness.feature.subscribers.registrations(lyon, device.phoneNumberId)).toEqual([]);
    harness.feature.registrations.unwatch(watchId);
  });
});
