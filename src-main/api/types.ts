/** Everything that crosses the renderer boundary. The renderer imports these as types only. */
export type {
  CloudPbx,
  Device,
  DeviceCategory,
  DeviceModel,
  LoggedInUser,
  PhoneNumber,
  Registration,
} from '../services/rainbow/types';
export type { ErrorCode, FieldkitErrorData, InputIssue } from '../services/errors';
export type {
  AdminUser,
  DebugCredentials,
  DebugSession,
  DeviceActionResult,
  IdentifierCheck,
  RegistrationSnapshot,
  SwapProgress,
  SwapState,
  SwapStatus,
  SwapStep,
  SwapStepName,
  SwapStepStatus,
  WatchStarted,
  WatchState,
} from '../services/devices/types';
export type { AuditAction, AuditEntry, AuditExport, AuditFilter, AuditResult } from '../services/audit/types';

import type { FieldkitErrorData } from '../services/errors';

/** A saved sign-in profile as the renderer may see it: never a password, app secret or token. */
export interface ProfileSummary {
  name: string;
  host: string;
  login: string;
  appId: string;
}

export type ConnectionStatus = 'signed-out' | 'signing-in' | 'online' | 'offline';

export interface SessionState {
  status: ConnectionStatus;
  /** Profile name, or `demo` for the built-in demo. */
  profile?: string;
  demo: boolean;
  host?: string;
  user?: { id: string; loginEmail: string; displayName: string; companyId: string };
  /** Why the last sign-in failed or why the connection is offline. */
  error?: FieldkitErrorData;
}

export interface AppInfo {
  version: string;
  shell: 'electron' | 'browser';
  /** Set when the app was started with `--demo`: the renderer opens the demo straight away. */
  startInDemo: boolean;
  keychain: { available: boolean; error?: FieldkitErrorData };
}

export interface ConnectionTestResult {
  ok: boolean;
  user?: { loginEmail: string; displayName: string };
  error?: FieldkitErrorData;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: FieldkitErrorData };
