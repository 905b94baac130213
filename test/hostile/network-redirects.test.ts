// Issue 8: a 3xx from the Rainbow host must never carry the sign-in headers or the bearer token to the origin it
// names. Two real servers on 127.0.0.1: the configured host, which redirects, and a second origin that logs
// whatever reaches it (and would happily sign anyone in, so a followed redirect could not go unnoticed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applicationAuthorization, basicAuthorization } from '../../src-main/services/rainbow/auth-headers';
import { FieldkitError } from '../../src-main/services/errors';
import { signIn } from '../../src-main/services/rainbow';
import { cli as runFieldkit } from '../integration/batch/support';
import { credentialsEnv } from './support/cli';
import { startRecordingServer, type Answer, type RecordingServer } from './support/recording-server';

const credentials = {
  login: 'tech@example.test',
  password: 'pa55-word',
  appId: 'app-1',
  appSecret: 'app-secret-1',
};
const LOGIN_PATH = '/api/rainbow/authentication/v1.0/login';
const signedIn: Answer = {
  status: 200,
  body: {
    token: 'opaque-session-token',
    loggedInUser: { id: 'u1', loginEmail: credentials.login, companyId: 'c1', roles: ['admin'] },
    loggedInApplication: { id: credentials.appId, name: 'Fieldkit' },
  },
};

let elsewhere: RecordingServer;
let host: RecordingServer;
let dataDir: string;

beforeEach(async () => {
  elsewhere = await startRecordingServer(() => signedIn);
  dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-hostile-redirect-'));
});

afterEach(async () => {
  await host.close();
  await elsewhere.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The configured host: answers `status` pointing at the same path on the second origin, except `spare`. */
async function redirectingHost(status: number, spare?: (path: string) => Answer | undefined): Promise<void> {
  host = await startRecordingServer((request) => {
    const path = request.url ?? '/';
    return spare?.(path) ?? { status, headers: { location: `${elsewhere.origin}${path}` } };
  });
}

/** The FieldkitError the promise rejects with (a resolved promise or another error fails the test). */
async function failureOf(promise: Promise<unknown>): Promise<FieldkitError> {
  const error: unknown = await promise.catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(FieldkitError);
  return error as FieldkitError;
}

function credentialHeaders(): string[] {
  const basic = basicAuthorization(credentials.login, credentials.password);
  const appAuth = applicationAuthorization(credentials.appId, credentials.appSecret, credentials.password);
  return [basic, appAuth, basic.slice('Basic '.length), appAuth.slice('Basic '.length)];
}

describe('a redirect from the Rainbow host', () => {
  it.each([301, 302, 303, 307, 308])(
    'answered %i to the sign-in is refused, naming where it pointed',
    async (status) => {
      await redirectingHost(status);

      const error = await failureOf(signIn({ host: host.origin, ...credentials }));

      expect(error.code).toBe('redirected');
      expect(error.message).toContain(`pointing to ${elsewhere.origin}${LOGIN_PATH}`);
      expect(error.message).toContain('Fieldkit never follows redirects');
      for (const secret of credentialHeaders()) expect(error.message).not.toContain(secret);
      expect(host.received.map((request) => request.url)).toEqual([LOGIN_PATH]);
      expect(host.received[0]?.headers['x-rainbow-app-auth']).toBeDefined();
      expect(elsewhere.received).toEqual([]);
    },
  );

  it('never carries the bearer token of a session to the second origin', async () => {
    await redirectingHost(307, (path) => (path === LOGIN_PATH ? signedIn : undefined));
    const client = await signIn({ host: host.origin, ...credentials });
    try {
      const error = await failureOf(client.rebootDevice('system-1', 'device-1'));
      expect(error.code).toBe('redirected');
      expect(error.message).toMatch(/answered 307 to POST \S+\/devices\/device-1\/reboot, pointing to/);
      expect(host.received.filter((request) => request.url.endsWith('/reboot'))).toHaveLength(1);
      expect(elsewhere.received).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('shows an overlong Location cut short, through the CLI (exit 4)', async () => {
    host = await startRecordingServer(() => ({
      status: 302,
      headers: { location: `${elsewhere.origin}/${'x'.repeat(500)}` },
    }));
    const run = await runFieldkit(['systems'], credentialsEnv(host.origin, credentials, dataDir));

    expect(run.code).toBe(4);
    expect(run.stderr).toContain('Fieldkit never follows redirects');
    expect(run.stderr).toContain(`pointing to ${elsewhere.origin}/xxx`);
    expect(run.stderr).not.toContain('x'.repeat(201));
    expect(elsewhere.received).toEqual([]);
  });

  it('shows a Location that is not a URL as it came', async () => {
    host = await startRecordingServer(() => ({ status: 301, headers: { location: 'http://[not a host' } }));
    const error = await failureOf(signIn({ host: host.origin, ...credentials }));
    expect(error.message).toContain('pointing to http://[not a host.');
  });

  it('without a Location still stops there', async () => {
    host = await startRecordingServer(() => ({ status: 302 }));
    const run = await runFieldkit(['systems', '--json'], credentialsEnv(host.origin, credentials, dataDir));

    expect(run.code).toBe(4);
    const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('redirected');
    expect(error.message).toContain('without saying where');
  });
});
