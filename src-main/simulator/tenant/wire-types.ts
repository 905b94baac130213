import type { Device } from '../../services/rainbow/types';

/**
 * Wire shapes the simulator answers that Fieldkit's own types (services/rainbow/types.ts) do not describe,
 * field for field as in the reference.
 */

export type DeviceWire = Device & { deskphoneFailoverMode?: string };

/** `GET|POST /cloudpbxs/:systemId/subscribers[/:phoneNumberId]`. */
export interface SubscriberWire {
  deviceName: string;
  type: 'work';
  deviceType: 'landline';
  isFromSystem: boolean;
  isMonitored: boolean;
  userId?: string;
  shortNumber: string;
  pbxUserId: string;
  systemId: string;
  jid_im: string;
  jid_tel: string;
  jid_password: string;
  pbxId?: string;
  country?: string;
  creationDate?: string;
  internalNumber: string;
  numberE164?: string;
  id: string;
  password?: string;
  isRecordingActivated: boolean;
  recordingProfile: string;
  status: string;
  cloudPbxStatus?: string;
  overflowToVoicemail: { value: string; noReplyDelay?: number };
  barringOptions: { permissions: string; restrictions: string };
  cliOptions: {
    policy: string;
    numberE164?: string;
    userCanManageItsCli: string;
    companyNumberCanBeSelectedByUserAsCli: string;
  };
}

/** A user of the admin API's `GET /api/rainbow/admin/v1.0/users` (not in the reference; the usual fields). */
export interface UserWire {
  id: string;
  loginEmail: string;
  firstName: string;
  lastName: string;
  displayName: string;
  companyId: string;
  companyName: string;
  isActive: boolean;
  isTerminated: boolean;
  roles: string[];
  adminType?: string;
  phoneNumbers: UserPhoneNumberWire[];
}

export interface UserPhoneNumberWire {
  phoneNumberId: string;
  shortNumber: string;
  internalNumber: string;
  numberE164?: string;
  systemId: string;
  pbxId?: string;
  type: 'work';
  deviceType: 'landline';
  isFromSystem: boolean;
}
