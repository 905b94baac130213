/**
 * The contract: every call the renderer may make and every event it may receive. The router, the Electron
 * preload, the browser-shell transport and the renderer's types all derive from this one file, so adding a call
 * is one entry here plus its handler.
 */
import { z } from 'zod';
import { profileNameSchema, profileSchema } from '../shared/inputs/profile';
import { systemId } from '../shared/inputs/ids';
import * as device from '../shared/inputs/devices';
import * as discovery from '../shared/inputs/discovery';
import * as batch from '../shared/inputs/batch';
import * as diagnose from '../shared/inputs/diagnose';
import { runSiteCheckInput } from '../shared/inputs/site-check';
import * as keys from '../shared/inputs/keys';
import type { DeviceKeys, KeyCopyPlan } from '../shared/keys';
import type {
  AdminUser,
  AppInfo,
  ApplyProgressEvent,
  ApplyRunInfo,
  ApplyStarted,
  AuditEntry,
  AuditExport,
  BatchTemplate,
  CatalogStatus,
  CallResult,
  CloudPbx,
  ConnectionTestResult,
  DdiView,
  DebugCredentials,
  DebugSession,
  Device,
  DeviceActionResult,
  DeviceDiagnosis,
  DeviceModel,
  DevicePage,
  DiscoveryFinishedEvent,
  DiscoveryFoundEvent,
  DiscoveryProgressEvent,
  EmergencyNumbersView,
  IdentifierCheck,
  IdentifyResult,
  ImportReport,
  NetworkInterfaceSummary,
  NumberDiagnosis,
  NumberingPlanView,
  PhoneNumber,
  ProfileSummary,
  ReportFile,
  Registration,
  RegistrationSnapshot,
  ResumableRun,
  ScanPlan,
  ScanResults,
  SessionState,
  SiteCheckReport,
  SwapProgress,
  SwapState,
  TrunkView,
  UploadedFile,
  WatchStarted,
  WatchState,
} from './types';

const noInput = z.object({}).strict();

const profileName = profileNameSchema;

/** Declares a call: its input schema, and (as a phantom type) what it answers. */
function defineCall<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

function defineEvent<Payload>() {
  return { payload: undefined as unknown as Payload };
}

export const calls = {
  'app.info': defineCall<AppInfo>()(noInput),
  'app.openExternal': defineCall<{ opened: boolean; url: string }>()(
    z.object({ url: z.string().trim() }).strict(),
  ),
  'profiles.list': defineCall<ProfileSummary[]>()(noInput),
  'profiles.save': defineCall<ProfileSummary>()(profileSchema.strict()),
  'profiles.test': defineCall<ConnectionTestResult>()(z.object({ name: profileName }).strict()),
  'profiles.remove': defineCall<{ removed: boolean }>()(z.object({ name: profileName }).strict()),
  'session.state': defineCall<SessionState>()(noInput),
  'session.signIn': defineCall<SessionState>()(z.object({ profile: profileName }).strict()),
  'session.openDemo': defineCall<SessionState>()(noInput),
  /** Signs in with the shell's own credentials (the CLI's FIELDKIT_* variables); never secrets in the input. */
  'session.signInFromEnvironment': defineCall<SessionState>()(noInput),
  'session.workOffline': defineCall<SessionState>()(
    z.union([
      z.object({ profile: profileName }).strict(),
      z.object({ demo: z.literal(true) }).strict(),
      z.object({ environment: z.literal(true) }).strict(),
    ]),
  ),
  'session.signOut': defineCall<SessionState>()(noInput),
  'systems.list': defineCall<CloudPbx[]>()(noInput),
  'systems.get': defineCall<CloudPbx>()(z.object({ systemId }).strict()),
  'systems.models': defineCall<DeviceModel[]>()(z.object({ systemId }).strict()),
  // Read-only telephony views of a CloudPBX (services/cloudpbx), for the Overview.
  'cloudpbx.numberingPlan': defineCall<NumberingPlanView>()(z.object({ systemId }).strict()),
  'cloudpbx.ddis': defineCall<DdiView[]>()(z.object({ systemId }).strict()),
  'cloudpbx.trunks': defineCall<TrunkView[]>()(z.object({ systemId }).strict()),
  'cloudpbx.emergencyNumbers': defineCall<EmergencyNumbersView>()(z.object({ systemId }).strict()),
  'subscribers.list': defineCall<PhoneNumber[]>()(z.object({ systemId }).strict()),
  'devices.list': defineCall<Device[]>()(z.object({ systemId }).strict()),
  /**
   * `devices.list` as it arrives: without a cursor, the first page as soon as it is there; with the cursor each
   * answer gave, every device that arrived since. No cursor in the answer: the list is complete.
   */
  'devices.listPage': defineCall<DevicePage>()(device.listPageInput),
  // Devices & subscribers (services/devices): inputs in shared/inputs/devices.ts.
  'devices.get': defineCall<Device>()(device.deviceInput),
  'devices.findByIdentifier': defineCall<Device | null>()(device.findByIdentifierInput),
  'devices.checkIdentifier': defineCall<IdentifierCheck>()(device.checkIdentifierInput),
  'devices.register': defineCall<Device>()(device.registerDeviceInput),
  'devices.delete': defineCall<DeviceActionResult>()(device.deviceInput),
  'devices.assign': defineCall<Device>()(device.assignDeviceInput),
  'devices.unassign': defineCall<Device>()(device.deviceInput),
  'devices.reboot': defineCall<DeviceActionResult>()(device.deviceInput),
  'devices.reset': defineCall<DeviceActionResult>()(device.resetDeviceInput),
  'devices.registrations': defineCall<Registration[]>()(device.deviceInput),
  /** Sends only the settings given (description, transferMode, mediaTransportProtocol, deskphoneFailoverMode). */
  'devices.update': defineCall<Device>()(keys.updateDeviceInput),
  'subscribers.findByShortNumber': defineCall<PhoneNumber | null>()(device.shortNumberInput),
  'subscribers.devices': defineCall<Device[]>()(device.subscriberInput),
  'subscribers.registrations': defineCall<Registration[]>()(device.subscriberInput),
  'subscribers.freeNumbers': defineCall<string[]>()(device.freeNumbersInput),
  'subscribers.create': defineCall<PhoneNumber>()(device.createSubscriberInput),
  'users.search': defineCall<AdminUser[]>()(device.searchUsersInput),
  'debug.grant': defineCall<DebugSession>()(device.debugGrantInput),
  'debug.reveal': defineCall<DebugCredentials>()(device.deviceInput),
  'debug.revoke': defineCall<DeviceActionResult>()(device.deviceInput),
  'modules.add': defineCall<Device>()(device.addModuleInput),
  'modules.remove': defineCall<Device>()(device.removeModuleInput),
  // Programmable keys (services/keys): inputs in shared/inputs/keys.ts; checked before any call.
  'keys.list': defineCall<DeviceKeys>()(keys.deviceKeysInput),
  'keys.set': defineCall<DeviceKeys>()(keys.setKeyInput),
  'keys.delete': defineCall<DeviceKeys>()(keys.deleteKeyInput),
  /** A dry run unless `dryRun: false`; then one replace per module that changes. */
  'keys.copy': defineCall<KeyCopyPlan>()(keys.copyKeysInput),
  /** A keys sheet's plan against the devices' keys now (create, replace, skip, invalid); sends nothing. */
  'keys.importCheck': defineCall<ImportReport>()(keys.importKeysInput),
  'registrations.watch': defineCall<WatchStarted>()(device.watchRegistrationsInput),
  'registrations.unwatch': defineCall<{ stopped: boolean }>()(device.watchIdInput),
  'registrations.pause': defineCall<WatchState>()(device.watchIdInput),
  'registrations.resume': defineCall<WatchState>()(device.watchIdInput),
  'swaps.start': defineCall<SwapState>()(device.startSwapInput),
  'swaps.get': defineCall<SwapState>()(device.swapIdInput),
  'swaps.list': defineCall<SwapState[]>()(noInput),
  'swaps.rollback': defineCall<SwapState>()(device.swapIdInput),
  'audit.list': defineCall<AuditEntry[]>()(device.auditFilterInput),
  'audit.exportCsv': defineCall<AuditExport>()(device.auditFilterInput),
  // LAN discovery (services/discovery): inputs in shared/inputs/discovery.ts.
  'discovery.interfaces': defineCall<NetworkInterfaceSummary[]>()(noInput),
  'discovery.plan': defineCall<ScanPlan>()(discovery.planScanInput),
  'discovery.start': defineCall<{ scanId: string; plan: ScanPlan }>()(discovery.startScanInput),
  'discovery.stop': defineCall<{ stopped: boolean }>()(discovery.scanIdInput),
  'discovery.results': defineCall<ScanResults>()(discovery.scanIdInput),
  'discovery.identify': defineCall<IdentifyResult>()(discovery.identifyInput),
  // Batch import (services/batch, services/catalog): inputs in shared/inputs/batch.ts.
  'batch.template': defineCall<BatchTemplate>()(noInput),
  'batch.validate': defineCall<ImportReport>()(batch.validateImportInput),
  'batch.apply': defineCall<ApplyStarted>()(batch.applyImportInput),
  'batch.pause': defineCall<ApplyRunInfo>()(batch.runIdInput),
  'batch.resume': defineCall<ApplyRunInfo>()(batch.runIdInput),
  'batch.cancel': defineCall<ApplyRunInfo>()(batch.runIdInput),
  'batch.status': defineCall<ImportReport>()(batch.runIdInput),
  'batch.retryFailed': defineCall<ApplyStarted>()(batch.runIdInput),
  'batch.reportFile': defineCall<ReportFile>()(batch.reportFileInput),
  'batch.resumable': defineCall<ResumableRun[]>()(batch.systemInput),
  'batch.resumeRun': defineCall<ApplyStarted>()(batch.runIdInput),
  'catalog.pull': defineCall<CatalogStatus>()(batch.systemInput),
  'catalog.status': defineCall<CatalogStatus>()(batch.systemInput),
  // Troubleshooting ladders (services/diagnose): inputs in shared/inputs/diagnose.ts.
  'diagnose.device': defineCall<DeviceDiagnosis>()(diagnose.diagnoseDeviceInput),
  'diagnose.number': defineCall<NumberDiagnosis>()(diagnose.diagnoseNumberInput),
  // Site check (services/site-check): what the LAN gives a phone on this port; the demo's site is simulated.
  'siteCheck.run': defineCall<SiteCheckReport>()(runSiteCheckInput),
};

export const events = {
  'session.changed': defineEvent<SessionState>(),
  'registrations.changed': defineEvent<RegistrationSnapshot>(),
  'swap.progress': defineEvent<SwapProgress>(),
  'discovery.found': defineEvent<DiscoveryFoundEvent>(),
  'discovery.progress': defineEvent<DiscoveryProgressEvent>(),
  'discovery.finished': defineEvent<DiscoveryFinishedEvent>(),
  'batch.progress': defineEvent<ApplyProgressEvent>(),
};

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallInput<C extends CallName> = z.input<(typeof calls)[C]['input']>;
export type ParsedInput<C extends CallName> = z.output<(typeof calls)[C]['input']>;
export type CallOutput<C extends CallName> = (typeof calls)[C]['output'];
export type EventPayload<E extends EventName> = (typeof events)[E]['payload'];

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

type Namespace = CallName extends `${infer NS}.${string}` ? NS : never;
type CallFunction<C extends CallName, R> =
  object extends CallInput<C> ? (input?: CallInput<C>) => Promise<R> : (input: CallInput<C>) => Promise<R>;
type NamespaceOf<NS extends Namespace, R extends 'result' | 'value'> = {
  [C in CallName as C extends `${NS}.${infer Verb}` ? Verb : never]: CallFunction<
    C,
    R extends 'result' ? CallResult<CallOutput<C>> : CallOutput<C>
  >;
};
type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/**
 * `window.fieldkit`: named functions grouped by namespace, each answering a `CallResult` envelope (errors do not
 * survive contextBridge as instances, so they travel as data), plus `on` for events.
 */
export type Bridge = { [NS in Namespace]: NamespaceOf<NS, 'result'> } & {
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
  /** Hands a file's bytes to the core (IPC in Electron, `POST /upload` in the browser shell). */
  upload(bytes: ArrayBuffer): Promise<CallResult<UploadedFile>>;
};

/** What renderer code uses: the same calls, answering values and throwing on errors. */
export type Api = { [NS in Namespace]: NamespaceOf<NS, 'value'> } & {
  on<E extends EventName>(event: E, listener: Listener<E>): () => void;
  /** Uploads a file picked in the window; batch calls then name it by `fileId`. */
  upload(file: Blob): Promise<UploadedFile>;
};

/** `systems.list` → `['systems', 'list']` */
export function splitCallName(name: CallName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
