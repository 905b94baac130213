import { vi } from 'vitest';
import type { Api, EventName, EventPayload } from '@api/contract';
import type {
  AppInfo,
  CatalogStatus,
  DeviceDiagnosis,
  NumberDiagnosis,
  CloudPbx,
  ConnectionTestResult,
  DdiView,
  EmergencyNumbersView,
  NumberingPlanView,
  TrunkView,
  Device,
  DevicePage,
  DeviceModel,
  ImportReport,
  PhoneNumber,
  ProfileSummary,
  SessionState,
  SiteCheckReport,
} from '@api/types';
import { deviceCalls } from './fake-device-calls';
import { discoveryCalls } from './fake-discovery-calls';
import { importRunCalls } from './fake-import-calls';
import { keyCalls } from './fake-key-calls';

export const numberingPlan: NumberingPlanView = {
  ranges: [{ first: '81000', last: '81999' }],
  allocated: [
    { shortNumber: '81001', kind: 'subscriber', name: 'Camille Martin' },
    { shortNumber: '81100', kind: 'group', name: 'Reception', detail: 'hunting_group' },
  ],
};

export const trunks: TrunkView[] = [
  { id: 't1', name: 'Carrier SIP Trunk', status: 'active', locked: false, inService: true },
  { id: 't2', name: 'Legacy carrier', status: 'new', locked: true, inService: false },
];

export const ddis: DdiView[] = [
  {
    id: 'd1',
    number: '0478980000',
    numberE164: '+33478980000',
    destination: { kind: 'group', id: 'g1', name: 'Reception' },
    trunk: { id: 't1', name: 'Carrier SIP Trunk', inService: true },
    isCloudPbxDefault: true,
  },
  ...Array.from({ length: 30 }, (_, index): DdiView => ({
    id: `d${index + 2}`,
    number: `04789810${String(index).padStart(2, '0')}`,
    numberE164: `+334789810${String(index).padStart(2, '0')}`,
    destination: { kind: 'user', id: `u${index}`, name: `User ${index}` },
    trunk: { id: 't2', name: 'Legacy carrier', inService: false },
    isCloudPbxDefault: false,
  })),
];

export const emergencyNumbers: EmergencyNumbersView = {
  outgoingPrefix: '0',
  numbers: [{ number: '112', description: 'European emergency number' }],
};

/** The id the fake `upload` answers. */
export const UPLOADED_FILE_ID = '11111111-2222-4333-8444-555555555555';

export const signedOut: SessionState = { status: 'signed-out', demo: false };

export const demoOnline: SessionState = {
  status: 'online',
  profile: 'demo',
  demo: true,
  host: 'http://127.0.0.1:4000',
  user: { id: 'u1', loginEmail: 'tech@demo.invalid', displayName: 'Julien Fabre', companyId: 'c1' },
};

export const appInfo = (overrides: Partial<AppInfo> = {}): AppInfo => ({
  version: '0.1.0',
  shell: 'browser',
  startInDemo: false,
  keychain: { available: true },
  ...overrides,
});

export const lyon: CloudPbx = {
  id: 'sys-lyon',
  name: 'Lyon HQ',
  status: 'activated',
  country: 'FRA',
  cloudpbx: { numberingPrefix: '8', numberingDigits: 5, domainName: 'lyon-hq.demo.invalid' },
};

export const grenoble: CloudPbx = {
  id: 'sys-grenoble',
  name: 'Grenoble Warehouse',
  status: 'created',
  country: 'FRA',
  cloudpbx: { numberingPrefix: '7', numberingDigits: 4, domainName: 'grenoble.demo.invalid' },
};

export const models: DeviceModel[] = [
  { id: 1, vendor: 'ALE', model: 'M5', category: 'deskphone', range: 'myriad', programmableKeys: 28 },
  { id: 2, vendor: 'ALE', model: '8214DECT', category: 'dectmobile' },
];

export const profile = (name: string): ProfileSummary => ({
  name,
  host: 'openrainbow.com',
  login: `${name.toLowerCase()}@example.invalid`,
  appId: 'app',
});

export const subscribers = (count: number): PhoneNumber[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `pn-${index}`,
    shortNumber: `80${index}`,
    systemId: lyon.id,
    isAssignedToUser: index % 2 === 0,
  }));

export const emptyImportReport = (systemId: string, fileName: string): ImportReport => ({
  mode: 'validate',
  file: { name: fileName, format: 'csv' },
  system: { id: systemId },
  summary: { rows: 0, created: 0, assigned: 0, skipped: 0, failed: 0, invalid: 0, planned: 0, valid: 0 },
  fileErrors: [],
  fileWarnings: [],
  rows: [],
});

type Listener = (payload: unknown) => void;

/** An in-memory Api for pure UI logic: every call is a `vi.fn` the test can re-program. */
export function createFakeApi() {
  const listeners = new Map<string, Set<Listener>>();
  const feature = deviceCalls();
  const keyFeature = keyCalls();
  const api = {
    app: {
      info: vi.fn(async () => appInfo()),
      openExternal: vi.fn(async ({ url }: { url: string }) => ({ opened: false, url })),
    },
    profiles: {
      list: vi.fn(async (): Promise<ProfileSummary[]> => []),
      save: vi.fn(async (input: { name: string }): Promise<ProfileSummary> => profile(input.name)),
      test: vi.fn(async (): Promise<ConnectionTestResult> => ({ ok: true })),
      remove: vi.fn(async () => ({ removed: true })),
    },
    session: {
      state: vi.fn(async () => signedOut),
      signIn: vi.fn(async ({ profile: name }: { profile: string }) => ({
        ...demoOnline,
        demo: false,
        profile: name,
      })),
      openDemo: vi.fn(async () => demoOnline),
      signInFromEnvironment: vi.fn(async () => signedOut),
      workOffline: vi.fn(async () => signedOut),
      signOut: vi.fn(async () => signedOut),
    },
    systems: {
      list: vi.fn(async () => [lyon, grenoble]),
      get: vi.fn(async ({ systemId }: { systemId: string }) => ({ ...lyon, id: systemId })),
      models: vi.fn(async () => models),
    },
    cloudpbx: {
      numberingPlan: vi.fn(async (): Promise<NumberingPlanView> => numberingPlan),
      ddis: vi.fn(async (): Promise<DdiView[]> => ddis),
      trunks: vi.fn(async (): Promise<TrunkView[]> => trunks),
      emergencyNumbers: vi.fn(async (): Promise<EmergencyNumbersView> => emergencyNumbers),
    },
    subscribers: {
      list: vi.fn(async () => subscribers(3)),
      findByShortNumber: vi.fn(async () => null),
      ...feature.subscribers,
    },
    devices: {
      list: vi.fn(async (): Promise<Device[]> => []),
      listPage: vi.fn(async (): Promise<DevicePage> => ({ devices: [] })),
      findByIdentifier: vi.fn(async (): Promise<Device | null> => null),
      ...feature.devices,
      update: keyFeature.update,
    },
    keys: {
      ...keyFeature.keys,
      importCheck: vi.fn(async (input: { systemId: string; fileName: string }) =>
        emptyImportReport(input.systemId, input.fileName),
      ),
    },
    batch: {
      template: vi.fn(async () => ({ fileName: 'fieldkit-import-template.csv', content: 'mac,model\r\n' })),
      validate: vi.fn(async (input: { systemId: string; fileName: string }) =>
        emptyImportReport(input.systemId, input.fileName),
      ),
      ...importRunCalls(),
    },
    catalog: {
      pull: vi.fn(async (input: { systemId: string }): Promise<CatalogStatus> => ({
        ...input,
        cached: true,
      })),
      status: vi.fn(async (input: { systemId: string }): Promise<CatalogStatus> => ({
        ...input,
        cached: false,
      })),
    },
    diagnose: {
      device: vi.fn(async (input: { systemId: string }): Promise<DeviceDiagnosis> => ({
        subject: { kind: 'device', systemId: input.systemId },
        verdict: 'ok',
        checks: [],
      })),
      number: vi.fn(async (input: { systemId: string; number: string }): Promise<NumberDiagnosis> => ({
        subject: { kind: 'number', ...input },
        verdict: 'ok',
        checks: [],
      })),
    },
    ...feature.namespaces,
    discovery: discoveryCalls(),
    siteCheck: {
      run: vi.fn(async (): Promise<SiteCheckReport> => ({
        subject: { interface: 'sim0', mac: null, addresses: ['192.0.2.23/24'], simulated: true },
        verdict: 'ok',
        checks: [],
      })),
    },
    upload: vi.fn(async (_file: Blob) => ({ fileId: UPLOADED_FILE_ID })),
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
  } satisfies Api;

  return {
    api,
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: (event: EventName): number => listeners.get(event)?.size ?? 0,
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
