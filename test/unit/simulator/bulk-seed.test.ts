import { describe, expect, it } from 'vitest';
import { seedBulkDevices } from '../../../src-main/simulator/seed/bulk-seed';
import { createDemoTenant } from '../../../src-main/simulator/seed/demo-seed';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator/seed/seed-ids';

const { lyon, grenoble } = DEMO_SYSTEM_IDS;

describe('seedBulkDevices', () => {
  it('adds 10,000 mixed devices, 70% of them assigned to new subscribers held by new users', () => {
    const tenant = createDemoTenant(() => 0);
    const seededBefore = tenant.listDevices(lyon).length;
    const result = seedBulkDevices(tenant, lyon, 10_000);
    const added = tenant.listDevices(lyon).slice(seededBefore);
    const models = new Set(added.map((d) => tenant.findDeviceModel(d.deviceTypeId)?.model));

    expect(added).toHaveLength(10_000);
    expect(result.deviceIds).toEqual(added.map((d) => d.id));
    expect(result.subscriberIds).toHaveLength(7000);
    expect(added.filter((d) => d.phoneNumberId !== undefined)).toHaveLength(7000);
    expect(models.size).toBeGreaterThanOrEqual(8);
    expect(models.has('8214DECT')).toBe(true);
    expect(new Set(added.map((d) => d.macAddress ?? d.ipei)).size).toBe(10_000);
    const subscriber = tenant.findSubscriber(lyon, result.subscriberIds[0] ?? '');
    expect(tenant.findUser(subscriber?.userId ?? '')?.displayName).toBe('Bench User 00001');
  });

  it('is deterministic', () => {
    const seedOnce = () => {
      const tenant = createDemoTenant(() => 0);
      seedBulkDevices(tenant, lyon, 300);
      return tenant
        .listDevices(lyon)
        .map((d) => [d.id, d.macAddress ?? d.ipei, d.deviceTypeId, d.phoneNumberId]);
    };
    expect(seedOnce()).toEqual(seedOnce());
  });

  it('refuses more assignments than the numbering plan has free numbers', () => {
    const tenant = createDemoTenant(() => 0);
    expect(() => seedBulkDevices(tenant, grenoble, 20_000)).toThrow(/free numbers/);
  });
});
