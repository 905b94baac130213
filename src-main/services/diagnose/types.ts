/**
 * What the diagnose feature answers across the contract (re-exported by src-main/api/types.ts): the shared
 * ladder shape (shared/check-ladder.ts) with the subjects and the fixes of a device and of a number.
 */
import type { CheckReport } from '../../shared/check-ladder';

/** Fixes a device diagnosis can offer as a button; the screen showing the ladder carries them out. */
export type DeviceFixKind = 'register' | 'assign' | 'swap' | 'reboot' | 'grant-debug';

/** The device a diagnosis is about, as far as it was found. */
export interface DeviceSubject {
  kind: 'device';
  systemId: string;
  /** Absent when the device is not declared on this CloudPBX. */
  deviceId?: string;
  /** 12 (MAC) or 10 (IPEI) lowercase hex digits, when known. */
  identifier?: string;
  description?: string;
  model?: string;
  shortNumber?: string;
  /** The model the phone says on the LAN in the session's latest discovery, when it saw the phone. */
  lanModel?: string;
}

export type DeviceDiagnosis = CheckReport<DeviceSubject, DeviceFixKind>;

/** The one fix a number diagnosis offers as a button: give the number a device. */
export type NumberFixKind = 'assign';

/** The number a diagnosis is about: what was asked, and the subscriber it reaches, if any. */
export interface NumberSubject {
  kind: 'number';
  systemId: string;
  /** As asked: a short number or an E.164 number. */
  number: string;
  phoneNumberId?: string;
  shortNumber?: string;
  numberE164?: string;
  displayName?: string;
}

export type NumberDiagnosis = CheckReport<NumberSubject, NumberFixKind>;
