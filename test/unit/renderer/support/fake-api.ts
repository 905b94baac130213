import { vi } from 'vitest';
import type { Api, EventName, EventPayload } from '@api/contract';
import type {
  AppInfo,
  CloudPbx,
  ConnectionTestResult,
  Device,
  DeviceModel,
  PhoneNumber,
  ProfileSummary,
  SessionState,
} from '@api/types';

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

type Listener = (payload: unknown) => void;

/** An in-memory Api for pure UI logic: every call is a `vi.fn` the test can re-program. */
export function createFakeApi() {
  const listeners = new Map<string, Set<Listener>>();
  const api = {
    app: { info: vi.fn(async () => appInfo()) },
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
      signOut: vi.fn(async () => signedOut),
    },
    systems: {
      list: vi.fn(async () => [lyon, grenoble]),
      get: vi.fn(async ({ systemId }: { systemId: string }) => ({ ...lyon, id: systemId })),
      models: vi.fn(async () => models),
    },
    subscribers: { list: vi.fn(async () => subscribers(3)) },
    devices: { list: vi.fn(async (): Promise<Device[]> => []) },
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
