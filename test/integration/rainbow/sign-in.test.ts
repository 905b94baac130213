import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFieldkitError, type FieldkitError } from '../../../src-main/services/errors';
import { signIn, type ConnectivityState, type HttpTransport } from '../../../src-main/services/rainbow';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { FakeClock } from '../../support/fake-clock';
import { closedPort, QUICK_RETRY, RecordingLogger } from './support';

async function failureOf(promise: Promise<unknown>): Promise<FieldkitError> {
  try {
    await promise;
  } catch (error) {
    if (isFieldkitError(error)) return error;
    throw error;
  }
  throw new Error('expected a FieldkitError');
}

const calls = (simulator: RunningSimulator): string[] =>
  simulator
    .requests()
    .map(({ method, path, status }) => `${method} ${path.split('/').pop() ?? ''} ${status}`);

describe('signing in to the simulator', () => {
  let simulator: RunningSimulator;
  /** The simulator's own time: moving it expires tokens while the client's renewal timer stays pending. */
  let simulatorTime: FakeClock;

  beforeEach(async () => {
    simulatorTime = new FakeClock();
    simulator = await startSimulator({ port: 0, now: simulatorTime.now });
  });

  afterEach(async () => {
    await simulator.close();
  });

  const credentials = () => ({ host: simulator.url, ...simulator.credentials });

  it('signs in and calls with the token', async () => {
    const client = await signIn(credentials(), { clock: new FakeClock() });
    expect(client.host).toBe(simulator.url);
    expect(client.user.loginEmail).toBe(simulator.credentials.login);
    expect(await client.listSystems()).not.toHaveLength(0);
    expect(calls(simulator)).toEqual(['GET login 200', 'GET cloudpbxs 200']);
    client.close();
  });

  it('says the login or password is wrong', async () => {
    const error = await failureOf(signIn({ ...credentials(), password: 'not-the-password' }));
    expect(error.code).toBe('auth-failed');
    expect(error.status).toBe(401);
    expect(error.message).toBe('The login or password is wrong.');
    expect(error.detailsCode).toBeGreaterThanOrEqual(401000);
    expect(calls(simulator)).toEqual(['GET login 401']);
  });

  it('says the application secret is not accepted', async () => {
    const error = await failureOf(signIn({ ...credentials(), appSecret: 'not-the-app-secret' }));
    expect(error.code).toBe('app-auth-failed');
    expect(error.status).toBe(403);
    expect(error.message).toContain('application id or secret is not accepted');
    expect(error.hint).toBeDefined();
  });

  it('says the application id is not accepted', async () => {
    const error = await failureOf(signIn({ ...credentials(), appId: '00000000000000000000000000000000' }));
    expect(error.code).toBe('app-auth-failed');
  });

  it('says a closed port cannot be reached, after retrying, and reports offline', async () => {
    const port = await closedPort();
    const states: ConnectivityState[] = [];
    const error = await failureOf(
      signIn(
        { ...credentials(), host: `http://127.0.0.1:${port}` },
        { retry: { ...QUICK_RETRY, maxAttempts: 3 }, onConnectivity: (state) => states.push(state) },
      ),
    );
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(
      new RegExp(`^Cannot reach 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED.*tried 3 times`),
    );
    expect(error.hint).toMatch(/network/);
    expect(states).toEqual(['offline']);
  });

  it('refuses plain http to a host other than this computer, before sending anything', async () => {
    const sent: string[] = [];
    const recording = (): HttpTransport => (request) => {
      sent.push(request.url.href);
      return Promise.reject(new Error('must not be called'));
    };
    const error = await failureOf(
      signIn({ ...credentials(), host: 'http://openrainbow.com' }, { wrapTransport: recording }),
    );
    expect(error.code).toBe('insecure-host');
    expect(sent).toEqual([]);
  });

  it('renews the token half-way through its lifetime and uses the new one', async () => {
    simulator.setTokenLifetime(120);
    const clock = new FakeClock();
    const logger = new RecordingLogger();
    const bearers: string[] = [];
    const recording =
      (send: HttpTransport): HttpTransport =>
      (request) => {
        const authorization = request.headers.authorization ?? '';
        if (authorization.startsWith('Bearer ')) bearers.push(authorization);
        return send(request);
      };
    const client = await signIn(credentials(), { clock, logger, wrapTransport: recording });
    expect(clock.pending()).toEqual([60_000]);

    await clock.advanceToNext();
    await logger.waitFor(/session renewed/);
    expect(clock.pending()).toEqual([60_000]);
    await client.listSystems();

    expect(calls(simulator)).toEqual(['GET login 200', 'GET renew 200', 'GET cloudpbxs 200']);
    const [renewedWith, calledWith] = bearers;
    expect(calledWith).toBeDefined();
    expect(calledWith).not.toBe(renewedWith);
    client.close();
    expect(clock.pending()).toEqual([]);
  });

  it('signs in again without a word when the token has expired, and replays the call', async () => {
    simulator.setTokenLifetime(60);
    const client = await signIn(credentials(), { clock: new FakeClock() });
    await simulatorTime.advance(61_000);

    expect(await client.listSystems()).not.toHaveLength(0);
    expect(calls(simulator)).toEqual([
      'GET login 200',
      'GET cloudpbxs 401',
      'GET login 200',
      'GET cloudpbxs 200',
    ]);
    client.close();
  });

  it('surfaces a second refusal after signing in again as auth-failed', async () => {
    const client = await signIn(credentials(), { clock: new FakeClock() });
    simulator.setTokenLifetime(0);
    await simulatorTime.advance(3_601_000);

    const error = await failureOf(client.listSystems());
    expect(error.code).toBe('auth-failed');
    expect(error.status).toBe(401);
    expect(error.message).toContain('jwt expired');
    expect(calls(simulator)).toEqual([
      'GET login 200',
      'GET cloudpbxs 401',
      'GET login 200',
      'GET cloudpbxs 401',
    ]);
    client.close();
  });

  it('logs out on the server and stops the session', async () => {
    const clock = new FakeClock();
    const client = await signIn(credentials(), { clock });
    await client.signOut();
    expect(calls(simulator)).toEqual(['GET login 200', 'GET logout 200']);
    expect(clock.pending()).toEqual([]);
    expect((await failureOf(client.getSystem('x'))).code).toBe('not-signed-in');
    expect(calls(simulator)).toHaveLength(2);
  });
});
