/**
 * What the devices & subscribers feature answers across the contract (re-exported by src-main/api/types.ts).
 * Wire shapes (Device, Registration, …) stay in services/rainbow/types.ts; these are Fieldkit's own.
 */
import type { FieldkitErrorData } from '../errors';
import type { DeviceIdentifierKind } from '../../shared/identifiers';
import type { Device, DeviceModel, Registration } from '../rainbow/types';

/** Answer of `devices.checkIdentifier`: the identifier as Fieldkit reads it, before anything is created. */
export interface IdentifierCheck {
  /** Canonical form the API stores: 12 lowercase hex digits (MAC) or 10 (IPEI). */
  value: string;
  kind: DeviceIdentifierKind;
  /** As printed on labels: `48:7A:55:00:00:02` for a MAC, `03807E7898` for an IPEI. */
  display: string;
  /** The IPEI's 13-digit decimal form with its check digit (`14343 0948376 *`); IPEIs only. */
  ipeiDecimal?: string;
  /** Models of the CloudPBX this identifier fits: deskphone and uncategorized for a MAC, dectmobile for an IPEI. */
  compatibleModels: DeviceModel[];
  /** The device of this CloudPBX that already has this identifier: registering it again is refused. */
  existing?: Device;
  /** The description `devices.register` would use, when the input named a model (`deviceTypeId`). */
  defaultDescription?: string;
}

/** Answer of reboot, factory reset, device delete and debug revoke: the API's own status sentence. */
export interface DeviceActionResult {
  deviceId: string;
  /** e.g. "Rebooting device …" as the API words it, or Fieldkit's sentence when the API gave none. */
  status: string;
}

/** Answer of `debug.grant`. Never carries the admin password (see `debug.reveal`). */
export interface DebugSession {
  deviceId: string;
  grantedAt: string;
  /**
   * grantedAt + the duration asked for. `null` when none was asked for (the usual case: only a superadmin may
   * choose one): the session then lasts the CloudPBX's configured default, which the API does not tell, or
   * until revoked.
   */
  expiresAt: string | null;
  /** The duration asked for; `null` for the CloudPBX's default. */
  durationSeconds: number | null;
  /** The phone's admin page, when the API gives it; it may be unreachable from this network. */
  adminUrl?: string;
}

/** Answer of `debug.reveal`, the one payload that carries a device's admin password. */
export interface DebugCredentials {
  deviceId: string;
  adminUrl?: string;
  adminPassword: string;
}

/** A Rainbow user an admin may give an internal number to (`users.search`). */
export interface AdminUser {
  id: string;
  loginEmail: string;
  displayName: string;
  firstName?: string;
  lastName?: string;
  companyId?: string;
}

/** Payload of the `registrations.changed` event, and the first snapshot `registrations.watch` answers. */
export interface RegistrationSnapshot {
  watchId: string;
  systemId: string;
  deviceId?: string;
  phoneNumberId?: string;
  registrations: Registration[];
  /** When this answer was fetched (or the fetch failed). */
  fetchedAt: string;
  /** True when `registrations` differ from the previous poll of this watch. */
  changed: boolean;
  /** When Fieldkit started watching this device or subscriber (in this run of the app). */
  watchingSince: string;
  /**
   * Device id → the last time Fieldkit saw it registered. A device absent here was never seen registered since
   * `watchingSince`: "not seen since Fieldkit started watching".
   */
  lastSeen: Record<string, string>;
  paused: boolean;
  /** Delay before the next poll (it grows while nothing changes). */
  nextPollInMs: number;
  /** Why this poll failed; `registrations` are then those of the last good poll. */
  error?: FieldkitErrorData;
}

/** One answer of `devices.listPage`: the devices that arrived since the last one, in list order. */
export interface DevicePage {
  devices: Device[];
  /** Asks for the next devices; absent once the list is complete. */
  cursor?: string;
}

export interface WatchStarted {
  watchId: string;
  snapshot: RegistrationSnapshot;
}

export interface WatchState {
  watchId: string;
  paused: boolean;
}

export type SwapStepName = 'check' | 'update' | 'reboot' | 'wait-registration' | 'rollback';
export type SwapStepStatus = 'pending' | 'running' | 'done' | 'failed' | 'warning' | 'skipped';

export interface SwapStep {
  name: SwapStepName;
  status: SwapStepStatus;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
}

/**
 * - running: steps in progress; succeeded: the new phone registered; timed-out: the identifier was changed but
 *   no registration came in time (rollback offered); failed: a step failed (see `identifierOnServer`);
 * - rolling-back / rolled-back / rollback-failed: after `swaps.rollback`.
 */
export type SwapStatus =
  'running' | 'succeeded' | 'timed-out' | 'failed' | 'rolling-back' | 'rolled-back' | 'rollback-failed';

/** The whole state of one swap (`swaps.start`, `swaps.get`, and in every `swap.progress`). */
export interface SwapState {
  swapId: string;
  systemId: string;
  deviceId: string;
  /** Description and short number of the device, for the screen. */
  deviceLabel: string;
  kind: DeviceIdentifierKind;
  oldIdentifier: string;
  newIdentifier: string;
  status: SwapStatus;
  steps: SwapStep[];
  startedAt: string;
  finishedAt?: string;
  timeoutSeconds: number;
  /** What the CloudPBX holds for this device now, as far as Fieldkit knows; absent when that is unknown. */
  identifierOnServer?: string;
  /** `swaps.rollback` would put the old identifier back. */
  canRollback: boolean;
  /** One sentence saying where things stand and what to do. */
  message: string;
  error?: FieldkitErrorData;
}

/** Payload of the `swap.progress` event: the step that moved, and the whole state after the move. */
export interface SwapProgress {
  swapId: string;
  step: SwapStepName;
  status: SwapStepStatus;
  message: string;
  startedAt?: string;
  finishedAt?: string;
  swap: SwapState;
}
