import { describe, expect, it } from 'vitest';
import { createDemoTenant } from '../../../src-main/simulator/seed/demo-seed';
import { DEVICE_MODEL_IDS } from '../../../src-main/simulator/seed/device-models';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator/seed/seed-ids';
import { TenantError, type SimulatorTenant } from '../../../src-main/simulator/tenant/tenant';
import { deviceView, phoneNumberView } from '../../../src-main/simulator/tenant/views';

const { lyon, grenoble } = DEMO_SYSTEM_IDS;
const NOW = Date.UTC(2025, 5, 1);

function tenantError(action: () => unknown): TenantError {
  try {
    action();
  } catch (error) {
    if (error instanceof TenantError) return error;
    throw error;
  }
  throw new Error('expected a TenantError');
}

function subscriberId(tenant: SimulatorTenant, shortNumber: string): string {
  return tenant.listSubscribers(lyon).find((s) => s.shortNumber === shortNumber)?.id ?? '';
}

describe('SimulatorTenant', () => {
  it('lists free short numbers of the numbering plan, skipping used ones', () => {
    const tenant = createDemoTenant(() => NOW);

    expect(tenant.freeShortNumbers(lyon, { limit: 3 })).toEqual([80000, 80001, 80002]);
    expect(tenant.freeShortNumbers(lyon, { startingWith: '8104', limit: 4 })).toEqual([
      81043, 81044, 81045, 81046,
    ]);
    expect(tenant.freeShortNumbers(lyon, { startingWith: '7', limit: 5 })).toEqual([]);
    expect(tenant.freeShortNumbers(grenoble, { startingWith: '7200', limit: 2 })).toEqual([72000, 72009]);
  });

  it('adds a device with defaults, a fresh id and a creation date from its clock', () => {
    const tenant = createDemoTenant(() => NOW);
    const device = tenant.addDevice({
      systemId: lyon,
      deviceTypeId: DEVICE_MODEL_IDS.dect8214,
      ipei: '0328d1f0ff',
      description: 'New handset',
    });
    const next = tenant.addDevice({
      systemId: lyon,
      deviceTypeId: DEVICE_MODEL_IDS.genericSip,
      description: 'Softphone',
    });

    expect(device).toMatchObject({
      mediaTransportProtocol: 'rtp_savp',
      modules: [],
      creationDate: '2025-06-01T00:00:00.000Z',
    });
    expect(device.id).toMatch(/^[0-9a-f]{24}$/);
    expect(next.id).not.toBe(device.id);
    expect(tenant.findDevice(lyon, device.id)).toEqual(device);
    expect(tenant.findDevice(grenoble, device.id)).toBeUndefined();
  });

  it('assigns and unassigns, and the views follow', () => {
    const tenant = createDemoTenant(() => NOW);
    const spare = tenant.listDevices(lyon).find((d) => d.description === 'Spare stock - box 3');
    if (spare === undefined) throw new Error('seed changed');

    const assigned = tenant.assignDevice(lyon, spare.id, subscriberId(tenant, '81030'));
    expect(deviceView(tenant, assigned)).toMatchObject({
      shortNumber: '81030',
      userDisplayName: 'Victor Fontaine',
    });

    const unassigned = tenant.unassignDevice(lyon, spare.id);
    expect(unassigned.phoneNumberId).toBeUndefined();
    expect(deviceView(tenant, unassigned).userDisplayName).toBeUndefined();
    tenant.removeDevice(lyon, spare.id);
    expect(tenant.findDevice(lyon, spare.id)).toBeUndefined();
  });

  it('reports missing objects, conflicts and invalid input as typed errors', () => {
    const tenant = createDemoTenant(() => NOW);
    const [first, second] = tenant.listDevices(lyon);

    expect(tenantError(() => tenant.assignDevice(lyon, 'missing', subscriberId(tenant, '81001'))).kind).toBe(
      'not-found',
    );
    expect(tenantError(() => tenant.assignDevice(grenoble, first?.id ?? '', 'x')).kind).toBe('not-found');
    expect(
      tenantError(() => tenant.updateDevice(lyon, second?.id ?? '', { macAddress: first?.macAddress })).kind,
    ).toBe('conflict');
    expect(
      tenantError(() => tenant.addDevice({ systemId: lyon, deviceTypeId: 4, description: 'x' })).kind,
    ).toBe('invalid');
    expect(
      tenantError(() =>
        tenant.addSubscriber({
          systemId: lyon,
          shortNumber: '81001',
          internalNumber: '81001',
          deviceName: 'x',
        }),
      ).kind,
    ).toBe('conflict');
  });

  it('adds users and subscribers that the phone-number view joins', () => {
    const tenant = createDemoTenant(() => NOW);
    const user = tenant.addUser({
      companyId: tenant.company.id,
      loginEmail: 'nina.keller@demo.fieldkit.invalid',
      firstName: 'Nina',
      lastName: 'Keller',
      displayName: 'Nina Keller',
      roles: ['user'],
    });
    const subscriber = tenant.addSubscriber({
      systemId: lyon,
      shortNumber: '81043',
      internalNumber: '81043',
      userId: user.id,
      deviceName: 'Cloud PBX subscriber',
    });

    const view = phoneNumberView(tenant, subscriber);
    expect(view).toMatchObject({ shortNumber: '81043', firstName: 'Nina', userId: user.id });
    // Only the fields rainbow-api-notes.md names: the client must not come to rely on others.
    expect(view).not.toHaveProperty('loginEmail');
    expect(view).not.toHaveProperty('isAssignedToUser');
    expect(tenantError(() => tenant.addUser({ ...user })).kind).toBe('conflict');
  });

  it('refuses to assign an assigned device, and frees devices when their subscriber goes', () => {
    const tenant = createDemoTenant(() => NOW);
    const reception = tenant.listDevices(lyon).find((d) => d.description === 'Reception desk');
    const owner = subscriberId(tenant, '81001');

    expect(
      tenantError(() => tenant.assignDevice(lyon, reception?.id ?? '', subscriberId(tenant, '81030'))),
    ).toMatchObject({
      kind: 'conflict',
      rule: 'device-already-assigned',
    });
    tenant.removeSubscriber(lyon, owner);
    expect(tenant.findSubscriber(lyon, owner)).toBeUndefined();
    expect(tenant.findDevice(lyon, reception?.id ?? '')?.phoneNumberId).toBeUndefined();
    expect(tenant.registration(lyon, reception?.id ?? '')).toBeUndefined();
  });

  it('frees the short number and the user of a removed subscriber for a new one', () => {
    const tenant = createDemoTenant(() => NOW);
    const old = tenant.findSubscriber(lyon, subscriberId(tenant, '81005'));
    tenant.removeSubscriber(lyon, old?.id ?? '');
    const again = tenant.addSubscriber({
      systemId: lyon,
      shortNumber: '81005',
      internalNumber: '81005',
      userId: old?.userId,
      deviceName: 'RVCP Subscriber',
    });

    expect(again).toMatchObject({
      shortNumber: '81005',
      userId: old?.userId,
      creationDate: '2025-06-01T00:00:00.000Z',
    });
    expect(again.sipPassword).toMatch(/^[0-9a-z]{8}$/);
  });

  it('checks the numbering plan and the user of a new subscriber', () => {
    const tenant = createDemoTenant(() => NOW);
    const add = (shortNumber: string, userId?: string) => () =>
      tenant.addSubscriber({
        systemId: lyon,
        shortNumber,
        internalNumber: shortNumber,
        userId,
        deviceName: 'x',
      });

    expect(tenantError(add('8104a')).rule).toBe('outside-numbering-plan');
    expect(tenantError(add('810431')).rule).toBe('outside-numbering-plan');
    expect(tenantError(add('71043')).rule).toBe('outside-numbering-plan');
    expect(tenantError(add('81043', 'nobody')).rule).toBe('user-not-found');
    expect(tenantError(add('81043', tenant.listSubscribers(lyon)[0]?.userId)).rule).toBe(
      'user-has-subscriber',
    );
  });
});
