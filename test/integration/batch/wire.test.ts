import { randomUUID } from 'node:crypto';
// Reconciling an import file with the wire: in the app, with the latest scan of the session (the demo's
// simulated LAN); in the CLI, with the JSON a `fieldkit discover --json` run saved.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApplyProgressEvent,
  ApplyStarted,
  DiscoveryFinishedEvent,
  ImportReport,
} from '../../../src-main/api/types';
import { createCore, type Core } from '../../../src-main/app/core';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { cli, envFor, scratchDir } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
const scratch = scratchDir();

// Phones on the demo's Lyon LAN, not provisioned: 48:7A:55:0A:1C:01 and :02, 3C:28:A6:11:03:01 and :02.
const FILE = [
  'mac,model',
  '48:7A:55:0A:1C:01,M5', // on the LAN
  '48:7A:55:0A:1C:12,M7', // one digit off :1C:02
  '48:7A:55:0B:00:01,8028s', // nowhere on the LAN
].join('\n');

describe('in the app, with the latest scan of the session', () => {
  let core: Core;

  beforeAll(() => {
    core = createCore({
      dataDir: join(scratch.path, 'app'),
      shell: 'browser',
      version: 'test',
      keychainService: 'fieldkit-wire-test',
    });
  });
  afterAll(() => core.close());

  async function call<T>(name: string, input: unknown = {}): Promise<T> {
    const result = await core.router.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }

  function next<T>(event: string, test: (payload: T) => boolean): Promise<T> {
    return new Promise((resolve) => {
      const unsubscribe = core.events.subscribe((name, payload) => {
        if (name === event && test(payload as T)) {
          unsubscribe();
          resolve(payload as T);
        }
      });
    });
  }

  const validate = (): Promise<ImportReport> =>
    call<ImportReport>('batch.validate', {
      systemId: lyon,
      fileName: 'lan.csv',
      content: FILE,
      encoding: 'text',
    });

  it('adds the wire to validation and apply reports once a scan has results, and forgets it on sign-out', async () => {
    await call('session.openDemo');
    expect((await validate()).wire).toBeUndefined();

    const { scanId } = await call<{ scanId: string }>('discovery.start', {
      scanId: randomUUID(),
      systemId: lyon,
    });
    const finished = await next<DiscoveryFinishedEvent>(
      'discovery.finished',
      (event) => event.scanId === scanId,
    );
    expect(finished).toMatchObject({ state: 'finished' });

    const report = await validate();
    expect(report.wire).toMatchObject({
      notSeen: [4],
      probableTypos: [{ line: 3, mac: '48:7A:55:0A:1C:12', discovered: '487a550a1c02' }],
    });
    expect(report.wire?.missingFromFile).toEqual(expect.arrayContaining(['3c28a6110301', '3c28a6110302']));
    expect(report.wire?.missingFromFile).not.toContain('487a550a1c01');
    expect(report.wire?.missingFromFile).not.toContain('487a550a1c02');

    const ended = next<ApplyProgressEvent>('batch.progress', (event) => event.state === 'finished');
    const applied = await call<ApplyStarted>('batch.apply', {
      runId: randomUUID(),
      systemId: lyon,
      fileName: 'lan.csv',
      content: 'mac,model\n48:7A:55:0A:1C:01,M5\n',
      encoding: 'text',
    });
    expect(applied.report.wire).toMatchObject({ notSeen: [], probableTypos: [] });
    await ended;

    await call('session.signOut');
    await call('session.openDemo');
    expect((await validate()).wire).toBeUndefined();
  });
});

describe('fieldkit validate --discovered', () => {
  let simulator: RunningSimulator;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
    env = envFor(simulator, join(scratch.path, 'cli'));
  });
  afterAll(async () => {
    await simulator.close();
    scratch.remove();
  });

  function file(name: string, content: string): string {
    const path = join(scratch.path, name);
    writeFileSync(path, content);
    return path;
  }

  // The shape `fieldkit discover --json` prints (devices listed with more fields than the MAC).
  const discovery = JSON.stringify({
    devices: ['487a550a1c01', '487a550a1c02', '3c28a6110301'].map((mac, index) => ({
      mac,
      ip: `198.18.1.${index + 20}`,
      vendor: 'ALE International',
      kind: 'deskphone',
      model: null,
      firmware: null,
      sources: ['arp'],
    })),
    scanned: { subnets: ['198.18.1.0/24'], addresses: 253, durationMs: 1200 },
  });

  it('adds the wire to the JSON report and prints it for people; the exit code is the validation’s', async () => {
    const source = file('lan.csv', FILE);
    const found = file('discovery.json', discovery);
    const json = await cli(['validate', source, '--system', lyon, '--discovered', found, '--json'], env);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as ImportReport).wire).toEqual({
      notSeen: [4],
      missingFromFile: ['3c28a6110301'],
      probableTypos: [{ line: 3, mac: '48:7A:55:0A:1C:12', discovered: '487a550a1c02' }],
    });
    const text = await cli(['validate', source, '--system', lyon, '--discovered', found], env);
    expect(text.stdout).toContain(
      'line 3: 48:7A:55:0A:1C:12 is probably 48:7A:55:0A:1C:02 (seen on the LAN)',
    );
    expect(text.stdout).toContain('line 4: not seen on the LAN');
    expect(text.stdout).toContain('3C:28:A6:11:03:01: on the LAN, in no line of the file');
  });

  it('refuses a file that is not a discovery, before anything is fetched', async () => {
    const before = simulator.requests().length;
    const run = await cli(
      ['validate', file('x.csv', FILE), '--system', lyon, '--discovered', file('bad.json', '{"rows":[]}')],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not the output of `fieldkit discover --json`');
    expect(simulator.requests().length).toBe(before);
  });
});
