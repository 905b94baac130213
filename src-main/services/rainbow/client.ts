import { FieldkitError, type InputIssue } from '../errors';
import { silentLogger, type Logger } from '../log/logger';
import { Redactor } from '../log/redactor';
import { createAuthApi, type RainbowCredentials } from './auth-api';
import { systemClock, type Clock } from './clock';
import { ConnectivityMonitor, type ConnectivityListener } from './connectivity';
import { listDeviceModels, type DeviceModelFilter } from './device-models';
import { addExpansionModule, removeExpansionModule } from './expansion-modules';
import { grantDebugSession, revokeDebugSession } from './debug-sessions';
import {
  createDeviceKey,
  deleteDeviceKey,
  getDeviceKeys,
  replaceModuleKeys,
  type ModuleKey,
} from './programmable-keys';
import type { DeviceKeys, KeyDraft, ProgrammableKey } from '../../shared/keys';
import {
  createDevice,
  deleteDevice,
  getDevice,
  listDevices,
  streamDevices,
  rebootDevice,
  resetDevice,
  updateDevice,
  type ApiStatus,
  type DeviceCreation,
  type DeviceQuery,
  type DeviceUpdate,
} from './devices';
import { listDeviceRegistrations, listSubscriberRegistrations } from './registrations';
import {
  assignDevice,
  createSubscriber,
  listFreeNumbers,
  listSubscriberDevices,
  unassignDevice,
  type Subscriber,
  type SubscriberCreation,
} from './subscribers';
import { listUsers, type RainbowUser, type UserQuery } from './users';
import {
  getEmergencyNumbers,
  getGroupForwards,
  getNumberingPlan,
  getPstnDeviceOptions,
  getSubscriber,
  getSubscriberCliOptions,
  listDdis,
  listExternalTrunks,
  type Ddi,
  type EmergencyNumbers,
  type ExternalTrunk,
  type GroupForwards,
  type NumberingPlan,
  type PstnDeviceOptions,
  type SubscriberCliOptions,
  type SubscriberDetails,
} from './telephony';
import { normaliseRainbowHost } from './host';
import { createHttpTransport, type HttpTransport } from './http-transport';
import { listPhoneNumbers, type PhoneNumberQuery } from './phone-numbers';
import { createRainbowApi, type RainbowApi } from './rainbow-api';
import { RequestRunner } from './request-runner';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { Session } from './session';
import { getSystem, listSystems } from './systems';
import type {
  CloudPbx,
  Device,
  DeviceModel,
  ExpansionModule,
  LoggedInUser,
  PhoneNumber,
  Registration,
} from './types';

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/** The ports of the client; every one has a production default. */
export interface ClientDeps {
  /** Tests watch or disturb the traffic here: given the real transport, returns the one the client uses. */
  wrapTransport?: (transport: HttpTransport) => HttpTransport;
  logger?: Logger;
  /** Receives the password, the app secret and every token; pass the one the logger redacts with. */
  redactor?: Redactor;
  clock?: Clock;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  /** Per attempt: connecting, headers and body. */
  requestTimeoutMs?: number;
  /** Told 'offline' when a request fails below HTTP, 'online' when an answer comes back after that. */
  onConnectivity?: ConnectivityListener;
}

export interface RainbowClient extends RainbowApi {
  /** Origin every request goes to, e.g. `https://openrainbow.com`. */
  readonly host: string;
  /** The signed-in account (refreshed when the client signs in again). */
  readonly user: LoggedInUser;
  listSystems(options?: { pageSize?: number }): Promise<CloudPbx[]>;
  getSystem(systemId: string): Promise<CloudPbx>;
  listDeviceModels(systemId: string, filter?: DeviceModelFilter): Promise<DeviceModel[]>;
  listPhoneNumbers(systemId: string, query?: PhoneNumberQuery): Promise<PhoneNumber[]>;
  listDevices(systemId: string, query?: DeviceQuery): Promise<Device[]>;
  /** The pages of `listDevices`, in its order, as they arrive. */
  streamDevices(systemId: string, query?: DeviceQuery): AsyncGenerator<Device[]>;
  /** During a debug session the answer carries `adminPassword`: strip it before it goes anywhere. */
  getDevice(systemId: string, deviceId: string): Promise<Device>;
  createDevice(systemId: string, device: DeviceCreation): Promise<Device>;
  updateDevice(systemId: string, deviceId: string, update: DeviceUpdate): Promise<Device>;
  deleteDevice(systemId: string, deviceId: string): Promise<ApiStatus>;
  rebootDevice(systemId: string, deviceId: string): Promise<ApiStatus>;
  resetDevice(systemId: string, deviceId: string): Promise<ApiStatus>;
  listDeviceRegistrations(systemId: string, deviceId: string): Promise<Registration[]>;
  grantDebugSession(systemId: string, deviceId: string, durationSeconds?: number): Promise<ApiStatus>;
  revokeDebugSession(systemId: string, deviceId: string): Promise<ApiStatus>;
  addExpansionModule(systemId: string, deviceId: string, module: ExpansionModule): Promise<Device>;
  removeExpansionModule(systemId: string, deviceId: string, moduleId: number): Promise<ApiStatus>;
  getDeviceKeys(systemId: string, deviceId: string, moduleId?: number): Promise<DeviceKeys>;
  /** Key writes are never sent twice unless the server surely did not act (OutcomeUnknownError otherwise). */
  createDeviceKey(systemId: string, deviceId: string, key: KeyDraft): Promise<ProgrammableKey>;
  replaceModuleKeys(
    systemId: string,
    deviceId: string,
    moduleId: number,
    keys: readonly ModuleKey[],
  ): Promise<DeviceKeys>;
  deleteDeviceKey(
    systemId: string,
    deviceId: string,
    moduleId: number,
    keyNum: number,
  ): Promise<ProgrammableKey | undefined>;
  /** The answer carries the subscriber's SIP and XMPP passwords: strip them before it goes anywhere. */
  createSubscriber(systemId: string, subscriber: SubscriberCreation): Promise<Subscriber>;
  listSubscriberDevices(systemId: string, phoneNumberId: string): Promise<Device[]>;
  listSubscriberRegistrations(systemId: string, phoneNumberId: string): Promise<Registration[]>;
  assignDevice(systemId: string, phoneNumberId: string, deviceId: string): Promise<Device>;
  unassignDevice(systemId: string, phoneNumberId: string, deviceId: string): Promise<ApiStatus>;
  listFreeNumbers(systemId: string, options?: { startingWith?: string; limit?: number }): Promise<number[]>;
  listUsers(query: UserQuery): Promise<RainbowUser[]>;
  /** Without the subscriber's SIP and XMPP passwords. */
  getSubscriber(systemId: string, phoneNumberId: string): Promise<SubscriberDetails>;
  getSubscriberCliOptions(systemId: string, phoneNumberId: string): Promise<SubscriberCliOptions>;
  getPstnDeviceOptions(systemId: string, phoneNumberId: string): Promise<PstnDeviceOptions>;
  listDdis(systemId: string): Promise<Ddi[]>;
  getGroupForwards(systemId: string, groupId: string): Promise<GroupForwards>;
  listExternalTrunks(): Promise<ExternalTrunk[]>;
  getNumberingPlan(systemId: string): Promise<NumberingPlan>;
  getEmergencyNumbers(systemId: string): Promise<EmergencyNumbers>;
  /** Logs out on the server (a failure there is only logged) and stops the renewal timer. */
  signOut(): Promise<void>;
  /** Stops the renewal timer without telling the server; later calls fail with 'not-signed-in'. */
  close(): void;
}

function checkCredentials(credentials: RainbowCredentials): void {
  const labels: Record<keyof RainbowCredentials, string> = {
    host: 'Rainbow host',
    login: 'login',
    password: 'password',
    appId: 'application id',
    appSecret: 'application secret',
  };
  const issues: InputIssue[] = [];
  for (const field of Object.keys(labels) as (keyof RainbowCredentials)[]) {
    if (credentials[field].trim() === '') issues.push({ field, message: `Enter the ${labels[field]}.` });
  }
  if (issues.length > 0) {
    throw new FieldkitError({ code: 'invalid-input', message: 'Some sign-in fields are empty.', issues });
  }
}

/** Signs in to Rainbow and returns a client whose session renews itself until `signOut()` or `close()`. */
export async function signIn(credentials: RainbowCredentials, deps: ClientDeps = {}): Promise<RainbowClient> {
  checkCredentials(credentials);
  const origin = normaliseRainbowHost(credentials.host);
  const logger = deps.logger ?? silentLogger;
  const redactor = deps.redactor ?? new Redactor();
  const clock = deps.clock ?? systemClock;
  const timeoutMs = deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const redact = (text: string): string => redactor.redact(text);

  const direct = createHttpTransport({ timeoutMs, clock, logger, redactor });
  const transport = deps.wrapTransport?.(direct) ?? direct;
  const runner = new RequestRunner({
    transport,
    policy: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
    random: deps.random ?? Math.random,
    clock,
    logger,
    connectivity: new ConnectivityMonitor(logger, deps.onConnectivity),
    timeoutMs,
    redact,
  });
  const session = new Session(createAuthApi(origin, credentials, runner, redactor), clock, logger);
  await session.start();
  logger.info(`signed in to ${origin.host} as ${session.user.loginEmail}`);

  const api = createRainbowApi(origin, session, runner);
  return {
    ...api,
    host: origin.origin,
    get user() {
      return session.user;
    },
    listSystems: (options) => listSystems(api, options),
    getSystem: (systemId) => getSystem(api, systemId),
    listDeviceModels: (systemId, filter) => listDeviceModels(api, systemId, filter),
    listPhoneNumbers: (systemId, query = {}) =>
      listPhoneNumbers(
        api,
        systemId,
        query,
        async () => (await getSystem(api, systemId)).companyId ?? session.user.companyId,
      ),
    listDevices: (systemId, query) => listDevices(api, systemId, query),
    streamDevices: (systemId, query) => streamDevices(api, systemId, query),
    getDevice: (systemId, deviceId) => getDevice(api, systemId, deviceId),
    createDevice: (systemId, device) => createDevice(api, systemId, device),
    updateDevice: (systemId, deviceId, update) => updateDevice(api, systemId, deviceId, update),
    deleteDevice: (systemId, deviceId) => deleteDevice(api, systemId, deviceId),
    rebootDevice: (systemId, deviceId) => rebootDevice(api, systemId, deviceId),
    resetDevice: (systemId, deviceId) => resetDevice(api, systemId, deviceId),
    listDeviceRegistrations: (systemId, deviceId) => listDeviceRegistrations(api, systemId, deviceId),
    grantDebugSession: (systemId, deviceId, seconds) => grantDebugSession(api, systemId, deviceId, seconds),
    revokeDebugSession: (systemId, deviceId) => revokeDebugSession(api, systemId, deviceId),
    addExpansionModule: (systemId, deviceId, module) => addExpansionModule(api, systemId, deviceId, module),
    removeExpansionModule: (systemId, deviceId, moduleId) =>
      removeExpansionModule(api, systemId, deviceId, moduleId),
    getDeviceKeys: (systemId, deviceId, moduleId) => getDeviceKeys(api, systemId, deviceId, moduleId),
    createDeviceKey: (systemId, deviceId, key) => createDeviceKey(api, systemId, deviceId, key),
    replaceModuleKeys: (systemId, deviceId, moduleId, keys) =>
      replaceModuleKeys(api, systemId, deviceId, moduleId, keys),
    deleteDeviceKey: (systemId, deviceId, moduleId, keyNum) =>
      deleteDeviceKey(api, systemId, deviceId, moduleId, keyNum),
    createSubscriber: (systemId, subscriber) => createSubscriber(api, systemId, subscriber),
    listSubscriberDevices: (systemId, phoneNumberId) => listSubscriberDevices(api, systemId, phoneNumberId),
    listSubscriberRegistrations: (systemId, phoneNumberId) =>
      listSubscriberRegistrations(api, systemId, phoneNumberId),
    assignDevice: (systemId, phoneNumberId, deviceId) => assignDevice(api, systemId, phoneNumberId, deviceId),
    unassignDevice: (systemId, phoneNumberId, deviceId) =>
      unassignDevice(api, systemId, phoneNumberId, deviceId),
    listFreeNumbers: (systemId, options) => listFreeNumbers(api, systemId, options),
    listUsers: (query) => listUsers(api, query),
    getSubscriber: (systemId, phoneNumberId) => getSubscriber(api, systemId, phoneNumberId),
    getSubscriberCliOptions: (systemId, phoneNumberId) =>
      getSubscriberCliOptions(api, systemId, phoneNumberId),
    getPstnDeviceOptions: (systemId, phoneNumberId) => getPstnDeviceOptions(api, systemId, phoneNumberId),
    listDdis: (systemId) => listDdis(api, systemId),
    getGroupForwards: (systemId, groupId) => getGroupForwards(api, systemId, groupId),
    listExternalTrunks: () => listExternalTrunks(api),
    getNumberingPlan: (systemId) => getNumberingPlan(api, systemId),
    getEmergencyNumbers: (systemId) => getEmergencyNumbers(api, systemId),
    signOut: () => session.signOut(),
    close: () => session.close(),
  };
}
