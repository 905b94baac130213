// Issue 8: untrusted text (a device description typed into a spreadsheet, a server's error message) must not
// reach the terminal raw: an ESC sequence in it would clear the screen or retitle the window. The human output
// shows it escaped; --json keeps the exact value.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../src-main/services/rainbow/types';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { cli as runFieldkit } from '../integration/batch/support';
import { credentialsEnv } from './support/cli';
import { startRecordingServer } from './support/recording-server';

const lyon = DEMO_SYSTEM_IDS.lyon;
const HOSTILE = 'Desk\u001b[2J\u001b]0;pwned\u0007\u009b31m\r\u007f';
const SHOWN = 'Desk\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m\\u000d\\u007f';
let simulator: RunningSimulator;
let dataDir: string;

/** Nothing a terminal acts on: no C0 but tab and line feed, no DEL, no C1. */
function isInert(text: string): boolean {
  return [...text].every((character) => {
    const code = character.charCodeAt(0);
    return code === 0x09 || code === 0x0a || (code > 0x1f && code < 0x7f) || code > 0x9f;
  });
}

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, registrationDelayMs: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-hostile-terminal-'));
});

afterAll(async () => {
  await simulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('untrusted text in the terminal', () => {
  it('comes out escaped in a table, and --json keeps the exact value', async () => {
    const device = simulator.tenant.listDevices(lyon).find((candidate) => candidate.macAddress !== undefined);
    simulator.tenant.updateDevice(lyon, device?.id ?? '', { description: HOSTILE });
    const env = credentialsEnv(simulator.url, simulator.credentials, dataDir);

    const run = await runFieldkit(['devices', '--system', lyon], env);

    expect(run.code).toBe(0);
    expect(isInert(run.stdout)).toBe(true);
    expect(isInert(run.stderr)).toBe(true);
    expect(run.stdout).toContain(SHOWN);

    const json = await runFieldkit(['devices', '--system', lyon, '--json'], env);
    const devices = JSON.parse(json.stdout) as Device[];
    expect(devices.find((candidate) => candidate.id === device?.id)?.description).toBe(HOSTILE);
  });

  it('comes out escaped in an error message the server wrote', async () => {
    const server = await startRecordingServer((request) =>
      request.url?.endsWith('/login')
        ? {
            status: 200,
            body: { token: 't', loggedInUser: { id: 'u', loginEmail: 'tech@example.test', roles: [] } },
          }
        : { status: 400, body: { errorCode: 400, errorMsg: 'Bad Request', errorDetails: HOSTILE } },
    );
    try {
      const credentials = { login: 'tech@example.test', password: 'p', appId: 'a', appSecret: 's' };
      const run = await runFieldkit(['systems'], credentialsEnv(server.origin, credentials, dataDir));

      expect(run.code).toBe(1);
      expect(isInert(run.stderr)).toBe(true);
      expect(run.stderr).toContain(SHOWN);
    } finally {
      await server.close();
    }
  });
});
