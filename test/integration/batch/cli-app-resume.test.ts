import { randomUUID } from 'node:crypto';
// One run layout for the app and the CLI: an import the CLI started and was killed during is resumed through the
// app's calls (router dispatch), and one the app left paused when it quit is finished by `fieldkit import
// --resume`; either way every device of the file exists once, assigned. The core signs in with the CLI's
// FIELDKIT_* account, so both work in the same account's folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApplyProgressEvent,
  ApplyStarted,
  ImportReport,
  ResumableRun,
} from '../../../src-main/api/types';
import { createCore, type Core } from '../../../src-main/app/core';
import { accountCacheKey } from '../../../src-main/services/catalog';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { differences, generateImport } from './import-fixture';
import { cli, envFor, scratchDir } from './support';

const root = join(import.meta.dirname, '..', '..', '..');
const out = process.env.FIELDKIT_OUT ?? 'out';
const lyon = DEMO_SYSTEM_IDS.lyon;
const scratch = scratchDir();
const dataDir = join(scratch.path, 'data');
let simulator: RunningSimulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  if (!existsSync(join(root, out, 'main', 'cli.js'))) {
    throw new Error(`No CLI build in ${out}/: run \`FIELDKIT_OUT=${out} npx electron-vite build\` first.`);
  }
  simulator = await startSimulator({ port: 0, faults: { latencyMs: 20 } });
  env = envFor(simulator, dataDir);
});

afterAll(async () => {
  await simulator.close();
  scratch.remove();
});

/** The app's core, signed in as the CLI's FIELDKIT_* account. */
async function appCore(): Promise<Core> {
  const core = createCore({
    dataDir,
    shell: 'electron',
    version: 'test',
    environmentCredentials: { host: simulator.url, ...simulator.credentials },
  });
  await call(core, 'session.signInFromEnvironment');
  return core;
}

async function call<T>(core: Core, name: string, input: unknown = {}): Promise<T> {
  const result = await core.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function progress(core: Core, test: (event: ApplyProgressEvent) => boolean): Promise<ApplyProgressEvent> {
  return new Promise((resolve) => {
    const stop = core.events.subscribe((event, payload) => {
      if (event === 'batch.progress' && test(payload as ApplyProgressEvent)) {
        stop();
        resolve(payload as ApplyProgressEvent);
      }
    });
  });
}

const journals = (): string =>
  join(dataDir, 'journals', accountCacheKey(simulator.url, simulator.credentials.login));

function journalLines(): number {
  if (!existsSync(journals())) return 0;
  return readdirSync(journals())
    .filter((name) => name.endsWith('.jsonl'))
    .reduce((total, name) => total + readFileSync(join(journals(), name), 'utf8').split('\n').length - 1, 0);
}

describe('an import run shared by the CLI and the app', () => {
  it('killed in the CLI, is resumed by the app with no duplicate', async () => {
    const { csv, wanted } = generateImport(simulator.tenant, lyon, 60, 21);
    const file = join(scratch.path, 'cli-first.csv');
    writeFileSync(file, csv);
    mkdirSync(journals(), { recursive: true });
    const child = spawn(
      process.execPath,
      [join(root, 'scripts', 'fieldkit.mjs'), 'import', file, '--system', lyon, '--concurrency', '2'],
      { env: { ...process.env, ...env, FIELDKIT_OUT: out }, cwd: root },
    );
    const watcher = watch(journals(), () => {
      if (journalLines() >= 40) child.kill('SIGKILL');
    });
    const signal = await new Promise((resolve) => child.once('close', (_, killed) => resolve(killed)));
    watcher.close();
    expect(signal).toBe('SIGKILL');

    const core = await appCore();
    try {
      const [run, ...others] = await call<ResumableRun[]>(core, 'batch.resumable', { systemId: lyon });
      expect(others).toEqual([]);
      expect(run).toMatchObject({ fileName: 'cli-first.csv', reason: 'interrupted' });
      const ended = progress(core, (event) => event.runId === run?.runId && event.state === 'finished');
      await call<ApplyStarted>(core, 'batch.resumeRun', { runId: run?.runId });
      await ended;
      expect(differences(simulator.tenant, lyon, wanted)).toEqual([]);
      expect(await call<ResumableRun[]>(core, 'batch.resumable', { systemId: lyon })).toEqual([]);
    } finally {
      await core.close();
    }
  }, 60_000);

  it('left paused by the app, is finished by `fieldkit import --resume` with no duplicate', async () => {
    const { csv, wanted } = generateImport(simulator.tenant, lyon, 40, 22);
    const file = join(scratch.path, 'app-first.csv');
    writeFileSync(file, csv);
    const core = await appCore();
    const { runId } = await call<ApplyStarted>(core, 'batch.apply', {
      runId: randomUUID(),
      systemId: lyon,
      fileName: 'app-first.csv',
      content: csv,
      encoding: 'text',
      concurrency: 2,
    });
    await progress(core, (event) => event.runId === runId && event.done >= 5);
    await call(core, 'batch.pause', { runId });
    await progress(
      core,
      (event) => event.runId === runId && event.state === 'paused' && event.inFlight === 0,
    );
    // The app quits with the run paused: its journal stays, unfinished, in the account's folder.
    await core.close();
    expect(differences(simulator.tenant, lyon, wanted)).not.toEqual([]);

    const resumed = await cli(['import', file, '--system', lyon, '--resume', '--json'], env);
    expect(resumed.stderr).not.toContain('Stopped');
    expect(resumed.code).toBe(0);
    const report = JSON.parse(resumed.stdout) as ImportReport;
    expect(report.run).toMatchObject({ runId, state: 'finished' });
    expect(report.summary).toMatchObject({ rows: 40, failed: 0, invalid: 0 });
    expect(differences(simulator.tenant, lyon, wanted)).toEqual([]);
  }, 60_000);
});
