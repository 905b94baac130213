import type { CloudPbx, CloudPbxSettings, DeviceModel, ExpansionModule } from '../../services/rainbow/types';
import type { LanPhoneSeed } from './phones';
import type { TelephonySeed } from './telephony';

/**
 * What the simulator stores. Relations are kept by id only (a device knows its `phoneNumberId`, a subscriber
 * its `userId`); the wire views in views.ts join them, so assigning a device is a one-field change.
 */

export interface CompanyRecord {
  id: string;
  name: string;
  country: string;
}

export interface UserRecord {
  id: string;
  companyId: string;
  loginEmail: string;
  firstName: string;
  lastName: string;
  displayName: string;
  roles: string[];
  adminType?: string;
  /** Only accounts that may sign in have one. */
  password?: string;
}

export interface ApplicationRecord {
  id: string;
  name: string;
  secret: string;
}

export interface CloudPbxRecord extends CloudPbx {
  companyId: string;
  siteId: string[];
  pbxId: string;
  cloudpbx: CloudPbxSettings & { numberingPrefix: string; numberingDigits: number; domainName: string };
}

/** Fields the reference lists on device models beyond the ones Fieldkit reads. */
export interface DeviceModelRecord extends DeviceModel {
  has_progKeyHG?: boolean;
  has_progKeyDND?: boolean;
  systemKeys?: unknown[];
}

/** A CloudPBX subscriber: an internal number, usually held by a user. `id` is the phoneNumberId. */
export interface SubscriberRecord {
  id: string;
  systemId: string;
  shortNumber: string;
  internalNumber: string;
  numberE164?: string;
  userId?: string;
  deviceName: string;
  /** SIP username; the short number when not given. */
  sipLogin?: string;
  /** SIP password of the subscriber's devices. */
  sipPassword?: string;
  creationDate?: string;
  /** Reference fields of the subscriber's details; absent means the CloudPBX's defaults. */
  overflowToVoicemail?: { value: 'default' | 'custom' | 'disabled'; noReplyDelay?: number };
  barringOptions?: { permissions: string; restrictions: string };
  cliOptions?: { policy: string; numberE164?: string };
  pstnDeviceOptions?: { policy: string; numberE164: string | null };
}

export type NewSubscriber = Omit<SubscriberRecord, 'id' | 'creationDate'>;

export type MediaTransportProtocol = 'rtp_avp' | 'rtp_savp';

export interface DeviceRecord {
  id: string;
  systemId: string;
  companyId: string;
  description: string;
  deviceTypeId: number;
  /** 12 lowercase hex digits, no separators, as the API stores it. */
  macAddress?: string;
  /** 10 lowercase hex digits (DECT handsets). */
  ipei?: string;
  phoneNumberId?: string;
  mediaTransportProtocol: MediaTransportProtocol;
  transferMode?: string;
  deskphoneFailoverMode?: string;
  modules: ExpansionModule[];
  bannedDevice?: { banId: string; failCount: string; lastAttempt: string };
  creationDate: string;
}

export type NewDevice = Omit<
  DeviceRecord,
  'id' | 'companyId' | 'modules' | 'creationDate' | 'mediaTransportProtocol'
> &
  Partial<Pick<DeviceRecord, 'modules' | 'mediaTransportProtocol'>>;

export type DevicePatch = Partial<
  Pick<
    DeviceRecord,
    | 'description'
    | 'macAddress'
    | 'mediaTransportProtocol'
    | 'transferMode'
    | 'deskphoneFailoverMode'
    | 'modules'
    | 'bannedDevice'
  >
>;

/**
 * A programmable key of a device (module 0: the deskphone itself). Destinations are stored as given; the
 * keys view joins a subscriber's name and number.
 */
export interface KeyRecord {
  deviceId: string;
  moduleId: number;
  keyNum: number;
  keyType: string;
  keyOwner: 'admin' | 'service' | 'system';
  displayName?: string;
  number?: string;
  phoneNumberId?: string;
  groupId?: string;
}

/** A key as an admin creates it: the owner is always `admin`. */
export type NewKey = Omit<KeyRecord, 'deviceId' | 'keyOwner'>;

export interface TenantSeed {
  company: CompanyRecord;
  users: UserRecord[];
  applications: ApplicationRecord[];
  cloudPbxs: CloudPbxRecord[];
  deviceModels: DeviceModelRecord[];
  subscribers: SubscriberRecord[];
  devices: DeviceRecord[];
  /** Ids the tenant generates from now on: 24 lowercase hex digits, this prefix then a counter. */
  idPrefix: string;
  /** Creation dates of new objects, registration and debug-session times. */
  now: () => number;
  /** Phones on the sites' LANs that no device uses yet (DECT bases first: handsets register through them). */
  lanPhones?: LanPhoneSeed[];
  /**
   * MACs or IPEIs of phones whose site router runs a SIP ALG: their REGISTER leaves over UDP and reaches the
   * CloudPBX with its contact rewritten to the router's public address.
   */
  phonesBehindSipAlg?: string[];
  /**
   * MACs or IPEIs of phones that register for two minutes only and open a new binding at each REGISTER (a NAT
   * changing their source port): the CloudPBX sees them re-register every minute.
   */
  phonesReRegisteringOften?: string[];
  /**
   * Phones that are not the model their device declares: MAC → the model the phone says on the LAN (the
   * CloudPBX sends it a configuration for the declared one).
   */
  misdeclaredPhones?: Record<string, string>;
  /** DDIs, groups, trunks and emergency numbers; none when absent. */
  telephony?: TelephonySeed;
  /** Programmable keys of the seeded devices, service and system keys included. */
  keys?: KeyRecord[];
  /** Time from provisioning (assignment, reboot, MAC swap) to SIP registration. Default 0. */
  registrationDelayMs?: number;
}
