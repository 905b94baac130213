/**
 * Wire shapes of the Rainbow APIs, field for field as in shared/reference/rvcp-provisioning-api.txt and
 * rainbow-api-notes.md. Only the fields Fieldkit reads are typed; the rest pass through untouched.
 */

/** Every list answer: `{ data, limit, offset, total }`. */
export interface ApiList<T> {
  data: T[];
  limit: number;
  offset: number;
  total: number;
}

/** Every single-object or action answer: `{ data }`, sometimes with a `status` sentence. */
export interface ApiItem<T> {
  data: T;
  status?: string;
}

/** Every error answer. `errorDetailsCode` starts with the HTTP status. */
export interface ApiErrorBody {
  errorCode: number;
  errorMsg: string;
  errorDetails?: string | Record<string, unknown>;
  errorDetailsCode?: number;
}

export interface LoggedInUser {
  id: string;
  loginEmail: string;
  companyId: string;
  roles: string[];
  adminType?: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
}

export interface LoginAnswer {
  token: string;
  loggedInUser: LoggedInUser;
  loggedInApplication?: { id: string; name?: string };
}

export interface CloudPbxSettings {
  numberingPrefix?: string;
  numberingDigits?: number;
  domainName?: string;
  language?: string;
  installationNumber?: string;
  [key: string]: unknown;
}

export interface CloudPbx {
  id: string;
  name: string;
  type?: string;
  status?: string;
  companyId?: string;
  siteId?: string[];
  bpId?: string | null;
  country?: string;
  pbxId?: string;
  creationDate?: string;
  latin_name?: string;
  cloudpbx?: CloudPbxSettings;
  /** Secrets of the PBX agent that the API returns with a CloudPBX; the client drops them (see systems.ts). */
  jid_pbxagent_password?: string;
  jid_pbxpcg_password?: string;
}

import type { DeviceCategory, ExpansionModuleType } from '../../shared/enums';

export type { DeviceCategory, ExpansionModuleType };

export interface SupportedModule {
  type: ExpansionModuleType;
  programmableKeys: number;
  nbOfSoftKeyPages: number;
}

export interface DeviceModel {
  id: number;
  vendor: string;
  model: string;
  category: DeviceCategory;
  range?: string;
  programmableKeys?: number;
  can_speeddial?: boolean;
  can_monitor?: boolean;
  can_forward?: boolean;
  has_headset?: boolean;
  has_audioHub?: boolean;
  nbOfSoftKeyPages?: number;
  /** Hunt-group keys; not in the keys answer's `modelInfo`. */
  has_progKeyHG?: boolean;
  supportedModules?: SupportedModule[];
}

/** A subscriber as the admin API lists it (`systems/:id/phone-numbers`); `id` is the phoneNumberId. */
export interface PhoneNumber {
  id: string;
  shortNumber: string;
  internalNumber?: string;
  numberE164?: string;
  userId?: string;
  firstName?: string;
  lastName?: string;
  deviceName?: string;
  systemId: string;
  pbxId?: string;
  isAssignedToUser?: boolean;
  loginEmail?: string;
}

export interface DeviceType {
  id: number;
  vendor: string;
  model: string;
}

export interface ExpansionModule {
  moduleId: number;
  type: ExpansionModuleType;
  name?: string;
}

export interface Device {
  id: string;
  description: string;
  companyId?: string;
  systemId: string;
  macAddress?: string;
  ipei?: string;
  deviceType: DeviceType;
  phoneNumberId?: string;
  shortNumber?: string;
  userId?: string;
  userDisplayName?: string;
  userLoginEmail?: string;
  currentDevice?: boolean;
  mediaTransportProtocol?: 'rtp_avp' | 'rtp_savp';
  transferMode?: string;
  modules?: ExpansionModule[];
  bannedDevice?: { banId: string; failCount: string; lastAttempt: string };
  adminUrl?: string;
  adminPassword?: string;
}

export interface Registration {
  id: string;
  fullSipURI: string;
  expirationDate: string;
  user_agent?: string;
  deviceId?: string;
  publicSourceRegistration?: string;
  vendor?: string;
  softwareVersion?: string;
  macAddress?: string;
  ipei?: string;
  dectVersion?: string;
}

/** Answer of `GET /api/rainbow/authentication/v1.0/renew`. */
export interface RenewAnswer {
  token: string;
}
