/**
 * Programmable keys as the provisioning API has them (reference: "Retrieve all programmable keys of a SIP
 * deskphone device", "Creation of a programmable key"). Shared so the core, the CLI and the screens read one
 * shape; only the fields Fieldkit reads are typed.
 */
import type { ExpansionModuleType } from '../enums';

/** Types an admin may create (the reference's `keyType` enum of the creation body). */
export const KEY_TYPES = ['speeddial', 'monitor', 'forward', 'headset', 'huntgroup', 'audio_hub'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

/**
 * `admin`: created through the API, may be changed; `service`: created by a service (e.g. manager-assistant),
 * `system`: reserved by the phone. The last two are shown, never sent or removed.
 */
export const KEY_OWNERS = ['admin', 'service', 'system'] as const;
export type KeyOwner = (typeof KEY_OWNERS)[number];

/** Module 0 is the deskphone itself; expansion modules are 1 to 3. */
export const DESKPHONE_MODULE = 0;

/** One key as the API lists it. `keyNum` is a number or a numeric string in the reference's own example. */
export interface ProgrammableKey {
  /** A KeyType, or e.g. `reserved` on a system key. */
  keyType: string;
  keyNum: number | string;
  page?: number;
  keyOwner: KeyOwner | string;
  moduleId?: number;
  displayName?: string;
  number?: string;
  phoneNumberId?: string;
  userId?: string;
  groupId?: string;
}

export interface KeyModuleCapacity {
  type: ExpansionModuleType;
  programmableKeys: number;
  nbOfSoftKeyPages: number;
}

/** `modelInfo` of the keys answer; device models of the catalogue carry the same fields. */
export interface KeyModelInfo {
  programmableKeys?: number;
  nbOfSoftKeyPages?: number;
  can_speeddial?: boolean;
  can_monitor?: boolean;
  can_forward?: boolean;
  has_headset?: boolean;
  has_audioHub?: boolean;
  /** Not in the reference's `modelInfo`; the catalogue's device models carry it. Absent: hunt-group keys allowed. */
  has_progKeyHG?: boolean;
  supportedModules?: KeyModuleCapacity[];
}

/** `GET …/devices/:deviceId/keys`: `data` of the answer, as `device keys --json` prints it. */
export interface DeviceKeys {
  deviceId: string;
  deviceType: { id: number; vendor: string; model: string };
  modelInfo: KeyModelInfo;
  availableKeys: number;
  keys: ProgrammableKey[];
}

/** A key to create: the creation body of the reference, `moduleId` always given. */
export interface KeyDraft {
  keyNum: number;
  keyType: KeyType;
  moduleId: number;
  displayName?: string;
  /** External number (speed dial, forward). */
  number?: string;
  /** A subscriber's (user's or group's) phone number id. */
  phoneNumberId?: string;
  groupId?: string;
}

export function keyNumber(key: Pick<ProgrammableKey, 'keyNum'>): number {
  return Number(key.keyNum);
}

export function moduleOf(key: Pick<ProgrammableKey, 'moduleId'>): number {
  return key.moduleId ?? DESKPHONE_MODULE;
}

/** Service and system keys belong to something else than the admin: Fieldkit never sends or removes them. */
export function isLockedKey(key: Pick<ProgrammableKey, 'keyOwner'>): boolean {
  return key.keyOwner !== 'admin';
}

/** A key's destination as the phone shows it: its label and number (a group key shows its group instead). */
export function destinationText(key: Pick<ProgrammableKey, 'displayName' | 'number'>): string {
  return [key.displayName, key.number].filter(Boolean).join(' ');
}
