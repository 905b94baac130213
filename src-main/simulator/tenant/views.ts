import type { Device, PhoneNumber } from '../../services/rainbow/types';
import type { DeviceRecord, SubscriberRecord } from './records';
import type { SimulatorTenant } from './tenant';

/**
 * Wire shapes built from the stored records, joined the way the API joins them (a device shows its
 * subscriber's short number and user). Fields left `undefined` are dropped by JSON, as the API omits them.
 */

export function deviceView(tenant: SimulatorTenant, device: DeviceRecord): Device {
  const model = tenant.findDeviceModel(device.deviceTypeId);
  const subscriber =
    device.phoneNumberId === undefined
      ? undefined
      : tenant.findSubscriber(device.systemId, device.phoneNumberId);
  const user = subscriber?.userId === undefined ? undefined : tenant.findUser(subscriber.userId);
  return {
    id: device.id,
    description: device.description,
    companyId: device.companyId,
    systemId: device.systemId,
    macAddress: device.macAddress,
    ipei: device.ipei,
    deviceType: { id: device.deviceTypeId, vendor: model?.vendor ?? 'ALE', model: model?.model ?? 'unknown' },
    phoneNumberId: device.phoneNumberId,
    shortNumber: subscriber?.shortNumber,
    userId: user?.id,
    userDisplayName: user?.displayName,
    userLoginEmail: user?.loginEmail,
    mediaTransportProtocol: device.mediaTransportProtocol,
    transferMode: device.transferMode,
    modules: device.modules,
    bannedDevice: device.bannedDevice,
  };
}

/** The single-device answer carries a little more than the list does. */
export function deviceDetailView(tenant: SimulatorTenant, device: DeviceRecord): Device {
  return { ...deviceView(tenant, device), currentDevice: device.phoneNumberId !== undefined };
}

/** A record of the admin API's `systems/:systemId/phone-numbers` list. */
export function phoneNumberView(tenant: SimulatorTenant, subscriber: SubscriberRecord): PhoneNumber {
  const user = subscriber.userId === undefined ? undefined : tenant.findUser(subscriber.userId);
  return {
    id: subscriber.id,
    shortNumber: subscriber.shortNumber,
    internalNumber: subscriber.internalNumber,
    numberE164: subscriber.numberE164,
    userId: user?.id,
    firstName: user?.firstName ?? '',
    lastName: user?.lastName ?? '',
    deviceName: subscriber.deviceName,
    systemId: subscriber.systemId,
    pbxId: tenant.findCloudPbx(subscriber.systemId)?.pbxId,
    isAssignedToUser: user !== undefined,
    loginEmail: user?.loginEmail,
  };
}
