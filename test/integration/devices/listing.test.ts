import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../../src-main/services/rainbow/types';
import { DEMO_SYSTEM_IDS, seedBulkDevices } from '../../../src-main/simulator';
import { startDeviceHarness, type DeviceHarness } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
let harness: DeviceHarness;

beforeAll(async () => {
  harness = await startDeviceHarness();
  seedBulkDevices(harness.simulator.tenant, lyon, 1_000);
});

afterAll(async () => {
  await harness.close();
});

describe('the device list handed out as it arrives', () => {
  it('answers the same devices in the same order as the whole list, the first page on its own', async () => {
    const { listings, devices } = harness.feature;
    const pieces: Device[][] = [];
    let page = await listings.start(lyon);
    pieces.push(page.devices);
    while (page.cursor !== undefined) {
      page = await listings.next(lyon, page.cursor);
      pieces.push(page.devices);
    }
    const whole = await devices.list(lyon);
    expect(pieces.flat().map((device) => device.id)).toEqual(whole.map((device) => device.id));
    expect(whole.length).toBeGreaterThan(1_000);
    expect(pieces[0]?.length).toBeLessThanOrEqual(100);
  });
});
