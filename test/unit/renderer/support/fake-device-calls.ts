import { vi } from 'vitest';
import type {
  AdminUser,
  AuditEntry,
  AuditExport,
  DebugCredentials,
  DebugSession,
  Device,
  DeviceActionResult,
  IdentifierCheck,
  PhoneNumber,
  Registration,
  RegistrationSnapshot,
  SwapState,
  WatchStarted,
  WatchState,
} from '@api/types';

const SYSTEM = 'sys-lyon';

export const deskphone = (overrides: Partial<Device> = {}): Device => ({
  id: 'dev-1',
  description: 'Reception desk',
  systemId: SYSTEM,
  macAddress: '487a550a1b01',
  deviceType: { id: 1, vendor: 'ALE', model: 'M5' },
  phoneNumberId: 'pn-0',
  shortNumber: '800',
  userDisplayName: 'Camille Martin',
  modules: [],
  ...overrides,
});

export const handset = (overrides: Partial<Device> = {}): Device => ({
  id: 'dev-2',
  description: 'DECT - Maintenance',
  systemId: SYSTEM,
  ipei: '03807e7898',
  deviceType: { id: 2, vendor: 'ALE', model: '8214DECT' },
  ...overrides,
});

export const registration = (overrides: Partial<Registration> = {}): Registration => ({
  id: 'uloc-1',
  fullSipURI: 'sip:800@192.168.1.20:5061;transport=tls',
  expirationDate: '2030-01-01 10:00:00',
  user_agent: 'ALE M5 2.1.0',
  deviceId: 'dev-1',
  publicSourceRegistration: 'sip:195.128.146.194:40000;transport=tls',
  softwareVersion: '2.1.0',
  macAddress: '487a550a1b01',
  ...overrides,
});

export const snapshot = (overrides: Partial<RegistrationSnapshot> = {}): RegistrationSnapshot => ({
  watchId: 'watch-1',
  systemId: SYSTEM,
  deviceId: 'dev-1',
  registrations: [registration()],
  fetchedAt: '2030-01-01T09:00:00.000Z',
  changed: true,
  watchingSince: '2030-01-01T09:00:00.000Z',
  lastSeen: { 'dev-1': '2030-01-01T09:00:00.000Z' },
  paused: false,
  nextPollInMs: 2000,
  ...overrides,
});

export const swapState = (overrides: Partial<SwapState> = {}): SwapState => ({
  swapId: 'swap-1',
  systemId: SYSTEM,
  deviceId: 'dev-1',
  deviceLabel: 'Reception desk · 800',
  kind: 'mac',
  oldIdentifier: '487a550a1b01',
  newIdentifier: '487a550a1bff',
  status: 'running',
  steps: [
    { name: 'check', status: 'done' },
    { name: 'update', status: 'running' },
    { name: 'reboot', status: 'pending' },
    { name: 'wait-registration', status: 'pending' },
  ],
  startedAt: '2030-01-01T09:00:00.000Z',
  timeoutSeconds: 180,
  canRollback: false,
  message: 'Changing the MAC address on the CloudPBX…',
  ...overrides,
});

export const auditEntry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  at: '2030-01-01T09:00:00.000Z',
  actor: 'tech@demo.invalid',
  profile: 'demo',
  source: 'app',
  systemId: SYSTEM,
  object: { type: 'device', id: 'dev-1', label: '48:7a:55:0a:1b:01' },
  action: 'device.reboot',
  result: 'ok',
  ...overrides,
});

const action = (deviceId: string, status: string): DeviceActionResult => ({ deviceId, status });

/** The devices & subscribers calls of the fake Api (see fake-api.ts), each a `vi.fn` with a plausible answer. */
export function deviceCalls() {
  return {
    devices: {
      get: vi.fn(async ({ deviceId }: { deviceId: string }): Promise<Device> => deskphone({ id: deviceId })),
      checkIdentifier: vi.fn(async (): Promise<IdentifierCheck> => ({
        value: '487a550a1bff',
        kind: 'mac',
        display: '48:7A:55:0A:1B:FF',
        compatibleModels: [],
      })),
      register: vi.fn(async (): Promise<Device> => deskphone({ id: 'dev-new', macAddress: '487a550a1bff' })),
      delete: vi.fn(async ({ deviceId }: { deviceId: string }) => action(deviceId, 'Deleted')),
      assign: vi.fn(
        async ({ deviceId, phoneNumberId }: { deviceId: string; phoneNumberId: string }): Promise<Device> =>
          deskphone({ id: deviceId, phoneNumberId }),
      ),
      unassign: vi.fn(async ({ deviceId }: { deviceId: string }): Promise<Device> =>
        deskphone({
          id: deviceId,
          phoneNumberId: undefined,
          shortNumber: undefined,
          userDisplayName: undefined,
        }),
      ),
      reboot: vi.fn(async ({ deviceId }: { deviceId: string }) => action(deviceId, 'Rebooting device')),
      reset: vi.fn(async ({ deviceId }: { deviceId: string }) => action(deviceId, 'Resetting device')),
      registrations: vi.fn(
        async (_input: { systemId: string; deviceId: string }): Promise<Registration[]> => [registration()],
      ),
    },
    subscribers: {
      devices: vi.fn(async (): Promise<Device[]> => []),
      registrations: vi.fn(async (): Promise<Registration[]> => []),
      freeNumbers: vi.fn(async (): Promise<string[]> => ['81050', '81051']),
      create: vi.fn(
        async ({ shortNumber, userId }: { shortNumber: string; userId: string }): Promise<PhoneNumber> => ({
          id: 'pn-new',
          shortNumber,
          systemId: SYSTEM,
          userId,
          isAssignedToUser: true,
        }),
      ),
    },
    namespaces: {
      users: {
        search: vi.fn(async (): Promise<AdminUser[]> => [
          { id: 'u-9', loginEmail: 'new.hire@demo.invalid', displayName: 'New Hire' },
        ]),
      },
      debug: {
        grant: vi.fn(
          async ({
            deviceId,
            durationSeconds,
          }: {
            deviceId: string;
            durationSeconds?: number;
          }): Promise<DebugSession> => ({
            deviceId,
            grantedAt: '2030-01-01T09:00:00.000Z',
            expiresAt:
              durationSeconds === undefined
                ? null
                : new Date(Date.parse('2030-01-01T09:00:00.000Z') + durationSeconds * 1000).toISOString(),
            durationSeconds: durationSeconds ?? null,
            adminUrl: 'https://192.168.1.20/admin',
          }),
        ),
        reveal: vi.fn(async ({ deviceId }: { deviceId: string }): Promise<DebugCredentials> => ({
          deviceId,
          adminUrl: 'https://192.168.1.20/admin',
          adminPassword: 'S3cret-admin',
        })),
        revoke: vi.fn(async ({ deviceId }: { deviceId: string }) => action(deviceId, 'Revoked')),
      },
      modules: {
        add: vi.fn(
          async ({
            deviceId,
            moduleId,
            type,
          }: {
            deviceId: string;
            moduleId: 1 | 2 | 3;
            type: 'EM_20' | 'EM_200';
          }) => deskphone({ id: deviceId, modules: [{ moduleId, type }] }),
        ),
        remove: vi.fn(async ({ deviceId }: { deviceId: string }) => deskphone({ id: deviceId, modules: [] })),
      },
      registrations: {
        watch: vi.fn(async (): Promise<WatchStarted> => ({ watchId: 'watch-1', snapshot: snapshot() })),
        unwatch: vi.fn(async () => ({ stopped: true })),
        pause: vi.fn(async ({ watchId }: { watchId: string }): Promise<WatchState> => ({
          watchId,
          paused: true,
        })),
        resume: vi.fn(async ({ watchId }: { watchId: string }): Promise<WatchState> => ({
          watchId,
          paused: false,
        })),
      },
      swaps: {
        start: vi.fn(async (): Promise<SwapState> => swapState()),
        get: vi.fn(async (): Promise<SwapState> => swapState()),
        list: vi.fn(async (): Promise<SwapState[]> => []),
        rollback: vi.fn(async (): Promise<SwapState> => swapState({ status: 'rolling-back' })),
      },
      audit: {
        list: vi.fn(async (): Promise<AuditEntry[]> => [auditEntry()]),
        exportCsv: vi.fn(async (): Promise<AuditExport> => ({
          csv: 'at,action\n2030-01-01T09:00:00.000Z,device.reboot\n',
          fileName: 'fieldkit-activity-2030-01-01.csv',
          count: 1,
        })),
      },
    },
  };
}
