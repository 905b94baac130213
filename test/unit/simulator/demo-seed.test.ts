import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, createDemoTenant } from '../../../src-main/simulator/seed/demo-seed';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator/seed/seed-ids';

const tenant = createDemoTenant(() => 0);
const { lyon, grenoble } = DEMO_SYSTEM_IDS;
const ALE_PREFIXES = ['487a55', '3c28a6', '00809f'];

describe('demo seed', () => {
  it('holds one company with two CloudPBXs and a company_admin technician who can sign in', () => {
    expect(tenant.company.name).toBe('Fieldkit Demo SA');
    expect(tenant.listCloudPbxs().map((cloudPbx) => [cloudPbx.id, cloudPbx.name])).toEqual([
      [lyon, 'Lyon HQ'],
      [grenoble, 'Grenoble Warehouse'],
    ]);
    expect(tenant.findUserByLogin(DEMO_CREDENTIALS.login)).toMatchObject({
      adminType: 'company_admin',
      password: DEMO_CREDENTIALS.password,
      companyId: tenant.company.id,
    });
  });

  it('gives Lyon 42 staff subscribers on 81001-81042 plus two numbers no user holds', () => {
    const subscribers = tenant.listSubscribers(lyon);
    const staff = subscribers.filter((s) => s.userId !== undefined);

    expect(subscribers).toHaveLength(44);
    expect(staff.map((s) => s.shortNumber)).toEqual(Array.from({ length: 42 }, (_, i) => String(81001 + i)));
    expect(new Set(staff.map((s) => tenant.findUser(s.userId ?? '')?.loginEmail)).size).toBe(42);
    expect(tenant.listSubscribers(grenoble)).toHaveLength(8);
  });

  it('stores deskphone MACs as 12 lowercase hex digits under ALE prefixes and DECT IPEIs as 10', () => {
    const devices = [...tenant.listDevices(lyon), ...tenant.listDevices(grenoble)];
    const deskphones = devices.filter(
      (d) => tenant.findDeviceModel(d.deviceTypeId)?.category === 'deskphone',
    );
    const handsets = devices.filter((d) => tenant.findDeviceModel(d.deviceTypeId)?.category === 'dectmobile');

    expect(devices).toHaveLength(24);
    expect(deskphones.every((d) => /^[0-9a-f]{12}$/.test(d.macAddress ?? ''))).toBe(true);
    expect(deskphones.every((d) => ALE_PREFIXES.some((prefix) => d.macAddress?.startsWith(prefix)))).toBe(
      true,
    );
    expect(handsets.every((d) => /^0[0-9a-f]{9}$/.test(d.ipei ?? '') && d.macAddress === undefined)).toBe(
      true,
    );
    expect(new Set(devices.map((d) => d.macAddress ?? d.ipei)).size).toBe(devices.length);
  });

  it('assigns most devices, each to a subscriber of its own CloudPBX held by a user', () => {
    const devices = tenant.listDevices(lyon);
    const assigned = devices.filter((d) => d.phoneNumberId !== undefined);

    expect(assigned).toHaveLength(15);
    for (const device of assigned) {
      const subscriber = tenant.findSubscriber(lyon, device.phoneNumberId ?? '');
      expect(subscriber?.userId, device.description).toBeDefined();
    }
  });

  it('offers the documented device models, M3 without expansion modules', () => {
    const models = tenant.listDeviceModels();
    expect(models.map((m) => m.model)).toEqual([
      '8008',
      '8018',
      '8028s',
      '8058s',
      '8068s',
      '8078s',
      'M3',
      'M5',
      'M7',
      'M8',
      'Generic SIP',
      '8214DECT',
    ]);
    expect(tenant.findDeviceModel(999999)).toMatchObject({ category: 'uncategorized' });
    expect(tenant.findDeviceModel(999998)).toMatchObject({ category: 'dectmobile' });
    expect(models.find((m) => m.model === 'M3')?.supportedModules).toBeUndefined();
    expect(models.filter((m) => m.range === 'cloud_edition')).toHaveLength(6);
  });

  it('has users without a subscriber, candidates for a new one', () => {
    const held = new Set(
      [...tenant.listSubscribers(lyon), ...tenant.listSubscribers(grenoble)].map((s) => s.userId),
    );
    const free = tenant.listUsers().filter((u) => !held.has(u.id) && u.adminType === undefined);

    expect(free.map((u) => u.displayName)).toEqual([
      'Nora Lemoine',
      'Yanis Carpentier',
      'Agathe Marchal',
      'Samuel Weber',
      'Lou Benoit',
    ]);
  });

  it('puts new ALE phones and a DECT base on the LAN, none of them known to the CloudPBXs', () => {
    const provisioned = new Set(
      [...tenant.listDevices(lyon), ...tenant.listDevices(grenoble)].map((d) => d.macAddress),
    );
    const spare = tenant.simulatedPhones(lyon).filter((p) => p.deviceId === undefined);

    expect(spare.filter((p) => p.kind === 'deskphone')).toHaveLength(4);
    expect(spare.filter((p) => p.kind === 'dect-base').map((p) => p.mac)).toEqual(['00087b1f5759']);
    expect(spare.every((p) => p.mac !== undefined && !provisioned.has(p.mac) && p.online)).toBe(true);
    expect(
      spare.every((p) => ALE_PREFIXES.some((prefix) => p.mac?.startsWith(prefix)) || p.kind === 'dect-base'),
    ).toBe(true);
  });

  it('starts with every assigned device registered', () => {
    const assigned = tenant.listDevices(lyon).filter((d) => d.phoneNumberId !== undefined);
    expect(assigned.every((d) => tenant.registration(lyon, d.id) !== undefined)).toBe(true);
  });
});
