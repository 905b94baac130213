import { describe, expect, it } from 'vitest';
import { createDemoTenant } from '../../../src-main/simulator/seed/demo-seed';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator/seed/seed-ids';
import { registrationsOf } from '../../../src-main/simulator/tenant/registration-view';
import type { SimulatorTenant } from '../../../src-main/simulator/tenant/tenant';

const { lyon } = DEMO_SYSTEM_IDS;
const START = Date.UTC(2025, 5, 2, 8);

function setUp(): { tenant: SimulatorTenant; advance: (ms: number) => void } {
  let clock = START;
  const tenant = createDemoTenant(() => clock);
  return { tenant, advance: (ms) => (clock += ms) };
}

function deviceOf(tenant: SimulatorTenant, mac: string) {
  const device = tenant.findDeviceByIdentifier(lyon, mac);
  if (device === undefined) throw new Error(`seed has no ${mac}`);
  return device;
}

/** Seconds from the binding time in the registration id to the expiry. */
function lifetimeSeconds(tenant: SimulatorTenant, mac: string): number {
  const [registration] = registrationsOf(tenant, deviceOf(tenant, mac));
  if (registration === undefined) throw new Error(`${mac} is not registered`);
  const boundAt = Number.parseInt(registration.id.split('-')[1] ?? '', 16);
  return Date.parse(`${registration.expirationDate.replace(' ', 'T')}Z`) / 1000 - boundAt;
}

describe("the demo's diagnosis faults", () => {
  it('a phone re-registering often opens a two-minute binding at each REGISTER, until its site is fixed', () => {
    const { tenant, advance } = setUp();
    advance(47 * 60_000);
    expect(lifetimeSeconds(tenant, '3c28a611020a')).toBe(120);
    expect(lifetimeSeconds(tenant, '487a550a1b01')).toBeGreaterThan(3600);

    tenant.setReRegisteringOften('3C:28:A6:11:02:0A', false);
    expect(lifetimeSeconds(tenant, '3c28a611020a')).toBeGreaterThan(3600);
  });

  it('the misdeclared phone says another model on the LAN than its device declares', () => {
    const { tenant } = setUp();
    const device = deviceOf(tenant, '3c28a6110209');
    expect(tenant.findDeviceModel(device.deviceTypeId)?.model).toBe('M7');
    expect(tenant.simulatedPhones(lyon).find((phone) => phone.mac === '3c28a6110209')?.model).toBe('M5');
  });

  it('rebooting the banned phone lifts its ban', () => {
    const { tenant } = setUp();
    const banned = deviceOf(tenant, '3c28a6110205');
    expect(banned.bannedDevice).toBeDefined();
    tenant.rebootDevice(lyon, banned.id);
    expect(tenant.findDevice(lyon, banned.id)?.bannedDevice).toBeUndefined();
  });
});
