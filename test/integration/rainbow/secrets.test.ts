import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldkitError } from '../../../src-main/services/errors';
import { Redactor } from '../../../src-main/services/log/redactor';
import { signIn, type ClientDeps, type HttpTransport } from '../../../src-main/services/rainbow';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { FakeClock } from '../../support/fake-clock';
import { draws, QUICK_RETRY, RecordingLogger } from './support';

/** Wraps the transport to learn every secret that crosses the wire: credential headers and the tokens handed out. */
function secretRecording(secrets: Set<string>): (send: HttpTransport) => HttpTransport {
  return (send) => async (request) => {
    for (const name of ['authorization', 'x-rainbow-app-auth']) {
      const value = request.headers[name];
      if (value !== undefined) {
        secrets.add(value);
        secrets.add(value.replace(/^(Basic|Bearer) /, ''));
      }
    }
    const response = await send(request);
    const { body } = response;
    if (
      typeof body === 'object' &&
      body !== null &&
      typeof (body as { token?: unknown }).token === 'string'
    ) {
      secrets.add((body as { token: string }).token);
    }
    return response;
  };
}

describe('secrets in log lines and error messages', () => {
  let simulator: RunningSimulator;
  /** The simulator's own time: moving it expires tokens while the client's renewal timer stays pending. */
  let simulatorTime: FakeClock;

  beforeEach(async () => {
    simulatorTime = new FakeClock();
    simulator = await startSimulator({ port: 0, now: simulatorTime.now, random: draws(0.1, 0.1) });
  });

  afterEach(async () => {
    await simulator.close();
  });

  it('never carry the password, the app secret or a token', async () => {
    const secrets = new Set([simulator.credentials.password, simulator.credentials.appSecret]);
    // Raw lines, not redacted: the client must not write secrets in the first place.
    const logger = new RecordingLogger();
    const clock = new FakeClock();
    const deps: ClientDeps = {
      logger,
      clock,
      redactor: new Redactor(),
      wrapTransport: secretRecording(secrets),
      retry: QUICK_RETRY,
    };
    const credentials = { host: simulator.url, ...simulator.credentials };
    const errors: unknown[] = [];
    const collect = (promise: Promise<unknown>): Promise<unknown> =>
      promise.catch((error) => errors.push(error));

    await collect(signIn({ ...credentials, password: `${credentials.password}-wrong` }, deps));
    await collect(signIn({ ...credentials, appSecret: `${credentials.appSecret}-wrong` }, deps));

    simulator.setTokenLifetime(60);
    const client = await signIn(credentials, deps);
    await clock.advanceToNext();
    await logger.waitFor(/session renewed/);
    await simulatorTime.advance(61_000);
    await client.listSystems();
    simulator.setFaults({ errorRate: 0.5 });
    await client.listPhoneNumbers(DEMO_SYSTEM_IDS.lyon, { pageSize: 10 });
    simulator.setFaults({});
    await collect(client.getSystem('0123456789abcdef01234567'));
    simulator.setTokenLifetime(0);
    await simulatorTime.advance(61_000);
    await collect(client.listSystems());
    await client.signOut();

    expect(errors.map((error) => (error as FieldkitError).code)).toEqual([
      'auth-failed',
      'app-auth-failed',
      'not-found',
      'auth-failed',
    ]);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^DEBUG GET \/api\/rainbow\/rvcpprovisioning\/v1\.0\/cloudpbxs\?limit=100&offset=0 → 200 \(\d+ ms\)$/,
      ),
    );
    expect(logger.lines.some((line) => line.includes('→ 503'))).toBe(true);
    // Several tokens were issued (sign-ins, renewal, re-sign-ins) and every one was recorded.
    expect(secrets.size).toBeGreaterThan(10);

    const texts = [
      ...logger.lines,
      ...errors.map((error) => {
        if (!(error instanceof FieldkitError)) throw error;
        return JSON.stringify({ ...error.toData(), stack: error.stack });
      }),
    ];
    for (const text of texts) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
