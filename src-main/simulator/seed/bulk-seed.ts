import type { SimulatorTenant } from '../tenant/tenant';
import { DEVICE_MODEL_IDS as MODEL } from './device-models';

/** The model mix of a large site, cycled through: mostly deskphones, one DECT handset in eleven. */
const MODEL_CYCLE = [
  MODEL.ale8028s,
  MODEL.ale8058s,
  MODEL.myriadM5,
  MODEL.ale8068s,
  MODEL.ale8018,
  MODEL.myriadM3,
  MODEL.ale8078s,
  MODEL.dect8214,
  MODEL.myriadM7,
  MODEL.ale8008,
  MODEL.myriadM8,
];
/** 7 devices in 10 get a subscriber. */
const ASSIGNED_PER_TEN = 7;
const EMAIL_DOMAIN = 'bench.fieldkit.invalid';
/** Identifier blocks the demo seed does not use. */
const MAC_STEM = 0x487a55c00000;
const IPEI_STEM = 0x0380800000;

export interface BulkSeedResult {
  deviceIds: string[];
  subscriberIds: string[];
}

/**
 * Adds `count` devices to a CloudPBX for the performance benchmark and the e2e tests of large sites: always the
 * same devices for the same tenant state, mixed models, about 70% assigned to new subscribers (each held by a
 * new user) on the free numbers of the numbering plan. Not part of the default demo.
 */
export function seedBulkDevices(tenant: SimulatorTenant, systemId: string, count: number): BulkSeedResult {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError('count must be a whole number, 0 or more');
  const assignedCount = Array.from({ length: count }, (_, index) => isAssigned(index)).filter(Boolean).length;
  const numbers = tenant.freeShortNumbers(systemId, { limit: assignedCount });
  if (numbers.length < assignedCount) {
    throw new RangeError(
      `CloudPBX ${systemId} has ${numbers.length} free numbers, ${assignedCount} are needed`,
    );
  }
  const digits = tenant.findCloudPbx(systemId)?.cloudpbx.numberingDigits ?? 0;
  const result: BulkSeedResult = { deviceIds: [], subscriberIds: [] };
  let nextNumber = 0;
  for (let index = 0; index < count; index += 1) {
    const serial = String(index + 1).padStart(5, '0');
    const deviceTypeId = MODEL_CYCLE[index % MODEL_CYCLE.length] ?? MODEL.ale8028s;
    const handset = deviceTypeId === MODEL.dect8214;
    let phoneNumberId: string | undefined;
    if (isAssigned(index)) {
      const shortNumber = String(numbers[nextNumber] ?? 0).padStart(digits, '0');
      nextNumber += 1;
      const user = tenant.addUser({
        companyId: tenant.company.id,
        loginEmail: `bench.user${serial}@${EMAIL_DOMAIN}`,
        firstName: 'Bench',
        lastName: `User ${serial}`,
        displayName: `Bench User ${serial}`,
        roles: ['user'],
      });
      phoneNumberId = tenant.addSubscriber({
        systemId,
        shortNumber,
        internalNumber: shortNumber,
        userId: user.id,
        deviceName: 'Cloud PBX subscriber',
      }).id;
      result.subscriberIds.push(phoneNumberId);
    }
    const device = tenant.addDevice({
      systemId,
      deviceTypeId,
      description: `Bench ${handset ? 'handset' : 'deskphone'} ${serial}`,
      macAddress: handset ? undefined : (MAC_STEM + index).toString(16).padStart(12, '0'),
      ipei: handset ? (IPEI_STEM + index).toString(16).padStart(10, '0') : undefined,
      phoneNumberId,
    });
    result.deviceIds.push(device.id);
  }
  return result;
}

function isAssigned(index: number): boolean {
  return index % 10 < ASSIGNED_PER_TEN;
}
