import { createHash } from 'node:crypto';
import type { PhoneNumber } from '../../services/rainbow/types';
import type { DeviceRecord, SubscriberRecord, UserRecord } from './records';
import type { SimulatorTenant } from './tenant';
import type { DeviceWire, SubscriberWire, UserWire } from './wire-types';

/**
 * Wire shapes built from the stored records, joined the way the API joins them (a device shows its
 * subscriber's short number and user). Fields left `undefined` are dropped by JSON, as the API omits them.
 */

export function deviceView(tenant: SimulatorTenant, device: Readonly<DeviceRecord>): DeviceWire {
  const model = tenant.findDeviceModel(device.deviceTypeId);
  const subscriber =
    device.phoneNumberId === undefined
      ? undefined
      : tenant.readSubscriber(device.systemId, device.phoneNumberId);
  const user = subscriber?.userId === undefined ? undefined : tenant.readUser(subscriber.userId);
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
    deskphoneFailoverMode: device.deskphoneFailoverMode,
    modules: device.modules,
    bannedDevice: device.bannedDevice,
  };
}

/** The single-device answer carries a little more than the list does. */
export function deviceDetailView(tenant: SimulatorTenant, device: DeviceRecord): DeviceWire {
  return { ...deviceView(tenant, device), currentDevice: device.phoneNumberId !== undefined };
}

/**
 * A record of the admin API's `systems/:systemId/phone-numbers` list, with only the fields rainbow-api-notes.md
 * names: no `loginEmail` and no `isAssignedToUser` (a filter, not a documented field), so that clients cannot
 * come to rely on them.
 */
export function phoneNumberView(
  tenant: SimulatorTenant,
  subscriber: Readonly<SubscriberRecord>,
): PhoneNumber {
  const user = subscriber.userId === undefined ? undefined : tenant.readUser(subscriber.userId);
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
    pbxId: tenant.readCloudPbx(subscriber.systemId)?.pbxId,
  };
}

/** A subscriber of the provisioning API. The XMPP ids and password are fakes derived from its id. */
export function subscriberView(tenant: SimulatorTenant, subscriber: SubscriberRecord): SubscriberWire {
  const cloudPbx = tenant.findCloudPbx(subscriber.systemId);
  const jid = digest(subscriber.id).slice(0, 32);
  const xmppDomain = `xmpp.${cloudPbx?.cloudpbx.domainName ?? 'simulator.invalid'}`;
  return {
    deviceName: subscriber.deviceName,
    type: 'work',
    deviceType: 'landline',
    isFromSystem: true,
    isMonitored: true,
    userId: subscriber.userId,
    shortNumber: subscriber.shortNumber,
    pbxUserId: subscriber.shortNumber,
    systemId: subscriber.systemId,
    jid_im: `${jid}@${xmppDomain}`,
    jid_tel: `tel_${jid}@${xmppDomain}`,
    jid_password: digest(`${subscriber.id}:xmpp`).slice(0, 32),
    pbxId: cloudPbx?.pbxId,
    country: cloudPbx?.country,
    creationDate: subscriber.creationDate,
    internalNumber: subscriber.internalNumber,
    numberE164: subscriber.numberE164,
    id: subscriber.id,
    password: subscriber.sipPassword,
    isRecordingActivated: false,
    recordingProfile: 'none',
    status: 'activated',
    cloudPbxStatus: cloudPbx?.status,
    overflowToVoicemail: subscriber.overflowToVoicemail ?? { value: 'default' },
    barringOptions: subscriber.barringOptions ?? { permissions: 'default', restrictions: 'default' },
    cliOptions: {
      policy: subscriber.cliOptions?.policy ?? 'company_policy',
      ...(subscriber.numberE164 === undefined ? {} : { numberE164: subscriber.numberE164 }),
      userCanManageItsCli: 'company_policy',
      companyNumberCanBeSelectedByUserAsCli: 'company_policy',
    },
  };
}

/** A user of the admin API, with the CloudPBX subscribers it holds (`held`). */
export function userView(
  tenant: SimulatorTenant,
  user: Readonly<UserRecord>,
  held: readonly Readonly<SubscriberRecord>[],
): UserWire {
  return {
    id: user.id,
    loginEmail: user.loginEmail,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName: user.displayName,
    companyId: user.companyId,
    companyName: tenant.company.name,
    isActive: true,
    isTerminated: false,
    roles: user.roles,
    adminType: user.adminType,
    phoneNumbers: held.map((subscriber) => ({
      phoneNumberId: subscriber.id,
      shortNumber: subscriber.shortNumber,
      internalNumber: subscriber.internalNumber,
      numberE164: subscriber.numberE164,
      systemId: subscriber.systemId,
      pbxId: tenant.readCloudPbx(subscriber.systemId)?.pbxId,
      type: 'work',
      deviceType: 'landline',
      isFromSystem: true,
    })),
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
