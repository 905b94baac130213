/**
 * The CloudPBX's view of a MAC found on the LAN, as the scan joins it and as the Discover screen updates a row
 * after registering or swapping a phone, without scanning again.
 */
import type { Device, PbxStatus, PbxSubscriber } from '../api/types';

type StatusSource = Pick<Device, 'id' | 'description' | 'deviceType' | 'shortNumber' | 'userDisplayName'>;

/** Who holds the device's number; null when it has none. */
export function subscriberOf(device: Pick<Device, 'shortNumber' | 'userDisplayName'>): PbxSubscriber | null {
  if (device.shortNumber === undefined || device.shortNumber === '') return null;
  return { shortNumber: device.shortNumber, name: device.userDisplayName ?? null };
}

/** The status of a MAC `device` holds; its registration stays unknown (null) unless given. */
export function provisionedStatus(
  device: StatusSource,
  registration: Pick<PbxStatus, 'registered' | 'registeredFrom'> = { registered: null, registeredFrom: null },
): PbxStatus {
  return {
    deviceId: device.id,
    provisioned: true,
    description: device.description,
    model: device.deviceType.model,
    subscriber: subscriberOf(device),
    ...registration,
  };
}

/** The status of a MAC no device on the CloudPBX holds. */
export function unprovisionedStatus(): PbxStatus {
  return {
    deviceId: null,
    provisioned: false,
    description: null,
    model: null,
    subscriber: null,
    registered: false,
    registeredFrom: null,
  };
}
