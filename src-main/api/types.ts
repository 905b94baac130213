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
  DevicePage,
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
export type {
  DeviceDiagnosis,
  DeviceFixKind,
  DeviceSubject,
  NumberDiagnosis,
  NumberFixKind,
  NumberSubject,
} from '../services/diagnose/types';
export type {
  Check,
  CheckAction,
  CheckEvidence,
  CheckReport,
  CheckStatus,
  Verdict,
} from '../shared/check-ladder';
export type {
  AllocatedNumber,
  AllocatedNumberKind,
  DdiDestination,
  DdiView,
  EmergencyNumbersView,
  NumberingPlanView,
  TrunkView,
} from '../services/cloudpbx/types';
export type { AuditAction, AuditEntry, AuditExport, AuditFilter, AuditResult } from '../services/audit/types';
export type {
  DectHandset,
  DeviceKind,
  DiscoveredDevice,
  DiscoveryFinishedEvent,
  DiscoveryFoundEvent,
  DiscoveryProgressEvent,
  DiscoverySource,
  IdentifyResult,
  NetworkInterfaceSummary,
  PbxStatus,
  PbxSubscriber,
  PlannedSubnet,
  ScanPlan,
  ScanProgress,
  ScanResults,
  ScanState,
} from '../services/discovery/types';
export type {
  ApplyProgressEvent,
  ApplyRunInfo,
  ApplyRunState,
  ApplyStarted,
  ImportReport,
  PlanChange,
  ReportMode,
  ReportRow,
  ReportSummary,
  RowAction,
  RowProblem,
  RowStatus,
  FileProblem as ImportFileProblem,
  ResumableRun,
  WireReconciliation,
} from '../services/batch/types';
export type { CatalogStatus } from '../services/catalog/types';
export type { SiteCheckReport, SiteCheckSubject } from '../services/site-check/types';

/** A file the window handed to the core: calls name it by this id (see UploadStore). */
export interface UploadedFile {
  fileId: string;
}

/** The import template offered for download: a CSV file's name and text. */
export interface BatchTemplate {
  fileName: string;
  content: string;
}

/** An apply's report as a file to save: CSV (for a spreadsheet) or JSON (the `--json` document). */
export interface ReportFile {
  fileName: string;
  content: string;
}

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
  /** Signed in with the credentials the shell was started with (the CLI's FIELDKIT_* variables). */
  environment?: true;
  host?: string;
  user?: { id: string; loginEmail: string; displayName: string; companyId: string };
  /** Why the last sign-in failed or why the connection is offline. */
  error?: FieldkitErrorData;
}

export interface AppInfo {
  version: string;
  shell: 'electron' | 'browser' | 'cli';
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
