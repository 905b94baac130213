import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../src-main/api/types';
import { FieldkitError } from '../../../src-main/services/errors';
import {
  SessionService,
  type Connectivity,
  type Credentials,
  type SessionClient,
} from '../../../src-main/services/session/session-service';

const credentials = (login: string): Credentials => ({
  host: 'https://openrainbow.com',
  login,
  password: 'pw',
  appId: 'app',
  appSecret: 'secret',
});

class FakeClient implements SessionClient {
  signedOut = false;
  constructor(readonly user: SessionClient['user']) {}
  async signOut(): Promise<void> {
    this.signedOut = true;
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup(
  connect: (creds: Credentials, onConnectivity: (state: Connectivity) => void) => Promise<FakeClient>,
) {
  const states: SessionState[] = [];
  const service = new SessionService<FakeClient>({
    credentialsFor: async (profile) => {
      if (profile === 'missing')
        throw new FieldkitError({ code: 'profile-not-found', message: 'No profile missing' });
      return credentials(`${profile}@example.com`);
    },
    demoCredentials: async () => credentials('demo@example.com'),
    connect,
    onChange: (state) => states.push(state),
  });
  return { service, states };
}

const userFor = (login: string) => ({
  id: login,
  loginEmail: login,
  companyId: 'c1',
  roles: ['admin'],
  firstName: 'Ada',
  lastName: 'Tech',
});

describe('SessionService', () => {
  it('publishes signing-in then online, with the user and profile', async () => {
    const { service, states } = setup(async (creds) => new FakeClient(userFor(creds.login)));
    await service.signIn('office');
    expect(states.map((state) => state.status)).toEqual(['signing-in', 'online']);
    expect(service.state).toMatchObject({
      status: 'online',
      profile: 'office',
      demo: false,
      user: { loginEmail: 'office@example.com', displayName: 'Ada Tech' },
    });
    expect(service.client().user.loginEmail).toBe('office@example.com');
  });

  it('says what to do when nobody is signed in', () => {
    const { service } = setup(async (creds) => new FakeClient(userFor(creds.login)));
    expect(() => service.client()).toThrow(expect.objectContaining({ code: 'not-signed-in' }));
  });

  it('reports a failed sign-in in the state and rethrows it', async () => {
    const { service, states } = setup(async () => {
      throw new FieldkitError({ code: 'auth-failed', message: 'The login or password is wrong.' });
    });
    await expect(service.signIn('office')).rejects.toMatchObject({ code: 'auth-failed' });
    expect(states.at(-1)).toMatchObject({ status: 'signed-out', error: { code: 'auth-failed' } });
  });

  it('follows connectivity: offline, then online again', async () => {
    let report: (state: Connectivity) => void = () => undefined;
    const { service, states } = setup(async (creds, onConnectivity) => {
      report = onConnectivity;
      return new FakeClient(userFor(creds.login));
    });
    await service.openDemo();
    report('offline');
    report('offline');
    report('online');
    expect(states.map((state) => state.status)).toEqual(['signing-in', 'online', 'offline', 'online']);
    expect(service.state.demo).toBe(true);
  });

  it('lets the last of two overlapping sign-ins win and signs the loser out', async () => {
    const first = deferred<FakeClient>();
    const clients: FakeClient[] = [];
    let calls = 0;
    const { service } = setup(async (creds) => {
      calls += 1;
      const client = new FakeClient(userFor(creds.login));
      clients.push(client);
      if (calls === 1) return first.promise.then(() => client);
      return client;
    });
    const slow = service.signIn('first');
    await service.signIn('second');
    first.resolve(clients[0] as FakeClient);
    await slow;
    expect(service.state.profile).toBe('second');
    expect(service.client().user.loginEmail).toBe('second@example.com');
    expect(clients[0]?.signedOut).toBe(true);
  });

  it('signs out locally even when the server does not answer', async () => {
    const { service } = setup(async (creds) => {
      const client = new FakeClient(userFor(creds.login));
      client.signOut = async () => {
        throw new FieldkitError({ code: 'unreachable', message: 'down' });
      };
      return client;
    });
    await service.signIn('office');
    const state = await service.signOut();
    expect(state.status).toBe('signed-out');
    expect(() => service.client()).toThrow();
  });

  it('fails cleanly for an unknown profile', async () => {
    const { service } = setup(async (creds) => new FakeClient(userFor(creds.login)));
    await expect(service.signIn('missing')).rejects.toMatchObject({ code: 'profile-not-found' });
    expect(service.state.status).toBe('signed-out');
  });
});
