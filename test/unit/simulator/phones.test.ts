import { describe, expect, it } from 'vitest';
import { LYON_CLOUD_PBX } from '../../../src-main/simulator/seed/cloud-pbxs';
import { createDemoTenant } from '../../../src-main/simulator/seed/demo-seed';
import { DEMO_DEVICE_MODELS, DEVICE_MODEL_IDS } from '../../../src-main/simulator/seed/device-models';
import { DEMO_COMPANY_ID, DEMO_SYSTEM_IDS } from '../../../src-main/simulator/seed/seed-ids';
import { SimulatorTenant } from '../../../src-main/simulator/tenant/tenant';

const { lyon, grenoble } = DEMO_SYSTEM_IDS;
const START = Date.UTC(2025, 5, 2, 8);
const DELAY = 5000;

function setUp(): { tenant: SimulatorTenant; advance: (ms: number) => void } {
  let clock = START;
  const tenant = createDemoTenant(() => clock, { registrationDelayMs: DELAY });
  return { tenant, advance: (ms) => (clock += ms) };
}

function deviceNamed(tenant: SimulatorTenant, systemId: string, description: string) {
  const device = tenant.listDevices(systemId).find((d) => d.description === description);
  if (device === undefined) throw new Error(`seed has no ${description}`);
  return device;
}

const registered = (tenant: SimulatorTenant, systemId: string, deviceId: string): boolean =>
  tenant.registration(systemId, deviceId) !== undefined;

describe('simulated phones', () => {
  it('gives every phone the same address on every run', () => {
    const first = setUp().tenant.simulatedPhones(lyon);
    const second = setUp().tenant.simulatedPhones(lyon);
    expect(second.map((p) => [p.mac ?? p.ipei, p.ip])).toEqual(first.map((p) => [p.mac ?? p.ipei, p.ip]));
  });

  it('lets a new device use a spare phone on the LAN, keeping its address', () => {
    const { tenant } = setUp();
    const spareIp = tenant.simulatedPhones(lyon).find((p) => p.mac === '487a550a1c02')?.ip;
    const device = tenant.addDevice({
      systemId: lyon,
      deviceTypeId: DEVICE_MODEL_IDS.myriadM7,
      macAddress: '487a550a1c02',
      description: 'Now provisioned',
    });

    expect(tenant.simulatedPhones(lyon).find((p) => p.mac === '487a550a1c02')).toMatchObject({
      deviceId: device.id,
      ip: spareIp,
      model: 'M7',
      firmware: '2.13.0.64',
      registered: false,
    });
  });

  it('defaults a phone never seen before to online, and puts it on the site of the device using it', () => {
    const { tenant, advance } = setUp();
    const subscriber = tenant.listSubscribers(grenoble).find((s) => s.shortNumber === '72005');
    const device = tenant.addDevice({
      systemId: grenoble,
      deviceTypeId: DEVICE_MODEL_IDS.ale8058s,
      macAddress: '487a55dd0001',
      description: 'Brand new',
      phoneNumberId: subscriber?.id,
    });
    advance(DELAY);

    expect(tenant.simulatedPhones(grenoble).find((p) => p.deviceId === device.id)).toMatchObject({
      mac: '487a55dd0001',
      kind: 'deskphone',
      online: true,
      registered: true,
    });
    expect(tenant.simulatedPhones(lyon).some((p) => p.mac === '487a55dd0001')).toBe(false);
  });

  it('registers a phone that comes back online only after the delay', () => {
    const { tenant, advance } = setUp();
    const reception = deviceNamed(tenant, lyon, 'Reception desk');
    tenant.setPhoneOnline('487A550A1B01', false);
    advance(60_000);
    tenant.setPhoneOnline('487a550a1b01', true);
    advance(DELAY - 1);
    const booting = registered(tenant, lyon, reception.id);
    advance(1);

    expect(booting).toBe(false);
    expect(registered(tenant, lyon, reception.id)).toBe(true);
  });

  it('takes the DECT handsets of a site down with their base', () => {
    const { tenant, advance } = setUp();
    const handset = deviceNamed(tenant, lyon, 'DECT - Security');
    const base = tenant.simulatedPhones(lyon).find((p) => p.kind === 'dect-base');
    tenant.setPhoneOnline(base?.mac ?? '', false);
    const baseDown = registered(tenant, lyon, handset.id);
    tenant.setPhoneOnline(base?.mac ?? '', true);
    advance(DELAY);

    expect(baseDown).toBe(false);
    expect(registered(tenant, lyon, handset.id)).toBe(true);
    expect(tenant.simulatedPhones(lyon).find((p) => p.deviceId === handset.id)?.ip).toBe(base?.ip);
  });

  it('keeps one DECT base per site when handsets are added', () => {
    const { tenant } = setUp();
    const before = tenant.simulatedPhones(grenoble).filter((p) => p.kind === 'dect-base');
    tenant.addDevice({
      systemId: grenoble,
      deviceTypeId: DEVICE_MODEL_IDS.dect8214,
      ipei: '0328d1f0c1',
      description: 'x',
    });

    expect(before).toHaveLength(1);
    expect(tenant.simulatedPhones(grenoble).filter((p) => p.kind === 'dect-base')).toEqual(before);
  });

  it('gives a site without a DECT base one when its first handset arrives', () => {
    const tenant = new SimulatorTenant({
      company: { id: DEMO_COMPANY_ID, name: 'Bare', country: 'FRA' },
      users: [],
      applications: [],
      cloudPbxs: [LYON_CLOUD_PBX],
      deviceModels: DEMO_DEVICE_MODELS,
      subscribers: [],
      devices: [],
      idPrefix: 'ff',
      now: () => START,
    });
    const handset = tenant.addDevice({
      systemId: lyon,
      deviceTypeId: DEVICE_MODEL_IDS.dect8214,
      ipei: '0328d1f0c2',
      description: 'x',
    });
    const phones = tenant.simulatedPhones(lyon);
    const base = phones.find((p) => p.kind === 'dect-base');

    expect(base).toMatchObject({
      mac: expect.stringMatching(/^00087b[0-9a-f]{6}$/),
      model: '8378 DECT IP-xBS',
    });
    expect(phones.find((p) => p.deviceId === handset.id)?.ip).toBe(base?.ip);
  });

  it('does not register devices without a phone (a Generic SIP softphone without MAC)', () => {
    const { tenant, advance } = setUp();
    const subscriber = tenant.listSubscribers(lyon).find((s) => s.shortNumber === '81040');
    const softphone = tenant.addDevice({
      systemId: lyon,
      deviceTypeId: DEVICE_MODEL_IDS.genericSip,
      description: 'Softphone',
      phoneNumberId: subscriber?.id,
    });
    advance(DELAY);

    expect(registered(tenant, lyon, softphone.id)).toBe(false);
    expect(tenant.simulatedPhones(lyon).some((p) => p.deviceId === softphone.id)).toBe(false);
  });

  it('refuses to re-provision a phone that does not exist', () => {
    expect(() => setUp().tenant.reprovisionPhone('487a55000000')).toThrow(/No simulated phone/);
  });
});
