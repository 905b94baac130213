// Issue 8: reboot, factory reset and debug grant are not idempotent. After a lost answer (timeout, cut
// connection, 500, 502, 504) the request must have been sent exactly once and the outcome reported as unknown,
// with how to check; only a refused connection, 429 or 503 (the server surely did not act) is sent again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isFieldkitError } from '../../src-main/services/errors';
import { isOutcomeUnknown, signIn, type RainbowClient } from '../../src-main/services/rainbow';
import {
  DEMO_SYSTEM_IDS,
  startSimulator,
  type RunningSimulator,
  type TargetedFault,
} from '../../src-main/simulator';
import { cli as runFieldkit } from '../integration/batch/support';
import { credentialsEnv } from './support/cli';

const lyon = DEMO_SYSTEM_IDS.lyon;
let simulator: RunningSimulator;
let dataDir: string;
let deviceId: string;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, registrationDelayMs: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-hostile-destructive-'));
});

afterAll(async () => {
  await simulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  simulator.setFaults({});
  // A fresh deskphone each time: a reset earlier in the file must not decide what the next test sees.
  deviceId =
    simulator.tenant.listDevices(lyon).filter((device) => device.macAddress !== undefined)[0]?.id ?? '';
});

interface Action {
  name: string;
  path: RegExp;
  args: string[];
  /** A sentence of the hint saying how to check. */
  check: RegExp;
  send(client: RainbowClient): Promise<unknown>;
}

const ACTIONS: Action[] = [
  {
    name: 'reboot',
    path: /\/devices\/[^/]+\/reboot$/,
    args: ['device', 'reboot', '--yes'],
    check: /registration goes away and comes back/,
    send: (client) => client.rebootDevice(lyon, deviceId),
  },
  {
    name: 'factory reset',
    path: /\/devices\/[^/]+\/reset$/,
    args: ['device', 'reset', '--yes'],
    check: /does not come back until it is provisioned again/,
    send: (client) => client.resetDevice(lyon, deviceId),
  },
  {
    name: 'debug grant',
    path: /\/devices\/[^/]+\/debug$/,
    args: ['device', 'debug-grant'],
    check: /admin page address/,
    send: (client) => client.grantDebugSession(lyon, deviceId),
  },
];

const sent = (path: RegExp): number[] =>
  simulator
    .requests()
    .filter((request) => request.method === 'POST' && path.test(request.path))
    .map((request) => request.status);

function fault(action: Action, answer: TargetedFault['answer'], extra: Partial<TargetedFault> = {}): void {
  simulator.setFaults({ targeted: [{ method: 'POST', path: action.path, answer, ...extra }] });
}

const cli = (action: Action, ...more: string[]) =>
  runFieldkit(
    [...action.args, '--system', lyon, '--device', deviceId, ...more],
    credentialsEnv(simulator.url, simulator.credentials, dataDir),
  );

describe.each(ACTIONS)('$name', (action) => {
  it.each([
    ['500', 500, false],
    ['502', 502, false],
    ['504 after the server acted', 504, true],
    ['a connection cut after sending', 'reset', true],
  ] as const)(
    'after %s: sent once, reported unknown with how to check, exit 1',
    async (_l, answer, acted) => {
      fault(action, answer, { afterActing: acted });
      const before = sent(action.path).length;

      const run = await cli(action);

      expect(run.code).toBe(1);
      expect(run.stderr).toContain('whether the change was made is unknown');
      expect(run.stderr).toContain('did not send it again');
      expect(run.stderr).toMatch(action.check);
      expect(sent(action.path).slice(before)).toEqual([answer === 'reset' ? 0 : answer]);
    },
  );

  it('reports the unknown outcome as such in --json', async () => {
    fault(action, 504);
    const run = await cli(action, '--json');
    expect(run.code).toBe(1);
    const { error } = JSON.parse(run.stdout) as { error: { code: string; status: number; hint: string } };
    expect(error).toMatchObject({ code: 'outcome-unknown', status: 504 });
    expect(error.hint).toMatch(action.check);
  });

  it.each([503, 429])('is sent again after a %i, which the server answers without acting', async (status) => {
    fault(action, status, { times: 1 });
    const before = sent(action.path).length;

    const run = await cli(action);

    expect(run.code).toBe(0);
    expect(sent(action.path).slice(before)).toEqual([status, 200]);
  });

  it('is sent once when the answer never comes (timeout)', async () => {
    const client = await signIn(
      { host: simulator.url, ...simulator.credentials },
      { requestTimeoutMs: 300, retry: { baseDelayMs: 1 } },
    );
    try {
      fault(action, 'timeout');
      const before = sent(action.path).length;
      const error = await action.send(client).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(isOutcomeUnknown(error)).toBe(true);
      expect(isFieldkitError(error, 'outcome-unknown')).toBe(true);
      expect((error as Error).message).toContain('no answer within 300 ms');
      expect(sent(action.path).slice(before)).toEqual([0]);
    } finally {
      client.close();
    }
  });
});

it('reads keep their retries: a registrations look-up answered 504 is simply asked again', async () => {
  const registrations = /\/devices\/[^/]+\/registrations$/;
  simulator.setFaults({ targeted: [{ method: 'GET', path: registrations, answer: 504, times: 1 }] });
  const run = await runFieldkit(
    ['device', 'registrations', '--system', lyon, '--device', deviceId],
    credentialsEnv(simulator.url, simulator.credentials, dataDir),
  );
  expect(run.code).toBe(0);
  const statuses = simulator
    .requests()
    .filter((request) => registrations.test(request.path))
    .map((request) => request.status);
  expect(statuses.slice(-2)).toEqual([504, 200]);
});
