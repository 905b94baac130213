import { randomUUID } from 'node:crypto';
// Applying an import from the app, through the contract: a profile signed in to a simulator of the test's own
// (real HTTP, real keychain), outcomes checked on the simulator's tenant, progress followed on the core's events.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-main/api/contract';
import type {
  ApplyProgressEvent,
  ApplyRunInfo,
  ApplyStarted,
  ImportReport,
  ReportFile,
  ResumableRun,
} from '../../../src-main/api/types';
import { createCore, type Core } from '../../../src-main/app/core';
import { profileCacheKey } from '../../../src-main/services/catalog';
import {
  DEMO_SYSTEM_IDS,
  DEVICE_MODEL_IDS,
  startSimulator,
  type RunningSimulator,
} from '../../../src-main/simulator';
import { differences, generateImport } from './import-fixture';
import { scratchDir } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
const KEYCHAIN = 'fieldkit-apply-app-test';
const scratch = scratchDir();
let simulator: RunningSimulator;
let core: Core;
let events: ApplyProgressEvent[];

function startCore(): Core {
  const started = createCore({
    dataDir: scratch.path,
    shell: 'browser',
    version: 'test',
    keychainService: KEYCHAIN,
  });
  events = [];
  started.events.subscribe((event: EventName, payload) => {
    if (event === 'batch.progress') events.push(payload as ApplyProgressEvent);
  });
  return started;
}

async function call<T>(name: string, input: unknown = {}, on: Core = core): Promise<T> {
  const result = await on.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The first progress event of the run (emitted already, or to come) that satisfies `test`. */
function progress(
  on: Core,
  runId: string,
  test: (event: ApplyProgressEvent) => boolean,
): Promise<ApplyProgressEvent> {
  const mine = (event: ApplyProgressEvent): boolean => event.runId === runId && test(event);
  const seen = events.find(mine);
  if (seen !== undefined) return Promise.resolve(seen);
  return new Promise((resolve) => {
    const unsubscribe = on.events.subscribe((event, payload) => {
      if (event === 'batch.progress' && mine(payload as ApplyProgressEvent)) {
        unsubscribe();
        resolve(payload as ApplyProgressEvent);
      }
    });
  });
}

const ended = (event: ApplyProgressEvent): boolean =>
  ['finished', 'cancelled', 'failed'].includes(event.state);

async function signIn(on: Core): Promise<void> {
  await call('session.signIn', { profile: 'apply' }, on);
}

function apply(csv: string, extra: Record<string, unknown> = {}): Promise<ApplyStarted> {
  return call<ApplyStarted>('batch.apply', {
    runId: randomUUID(),
    systemId: lyon,
    fileName: 'rollout.csv',
    content: csv,
    encoding: 'text',
    ...extra,
  });
}

const creates = (): number =>
  simulator.requests().filter((r) => r.method === 'POST' && r.path.endsWith(`/cloudpbxs/${lyon}/devices`))
    .length;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  core = startCore();
  await call('profiles.save', { name: 'apply', host: simulator.url, ...simulator.credentials });
  await signIn(core);
});

afterAll(async () => {
  await call('profiles.remove', { name: 'apply' });
  await core.close();
  await simulator.close();
  scratch.remove();
});

describe('batch.apply', () => {
  it('refuses a file with an invalid line and applies nothing, unless told to skip it', async () => {
    const csv = 'mac,model\n48:7A:55:E9:00:01,8028s\n48:7A:55:E9:00:02,8026s\n';
    const refused = await core.router.dispatch('batch.apply', {
      runId: randomUUID(),
      systemId: lyon,
      fileName: 'mixed.csv',
      content: csv,
      encoding: 'text',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        issues: [{ field: 'line 3', message: expect.stringContaining('8026s') }],
      },
    });
    expect(simulator.tenant.findDeviceByIdentifier(lyon, '487a55e90001')).toBeUndefined();

    const { runId } = await apply(csv, { skipInvalid: true });
    await progress(core, runId, ended);
    expect(simulator.tenant.findDeviceByIdentifier(lyon, '487a55e90001')).toBeDefined();
    expect((await call<ImportReport>('batch.status', { runId })).rows.map((row) => row.status)).toEqual([
      'done',
      'invalid',
    ]);
  });

  it('runs under the id the caller chose, and refuses a second start with that id', async () => {
    const runId = '5d0c3a4e-8b1f-4e2a-9c6d-7f3e1a2b4c5d';
    const csv = 'mac,model\n48:7A:55:E9:01:01,8028s\n';
    expect((await apply(csv, { runId })).runId).toBe(runId);
    const end = await progress(core, runId, ended);
    expect(end.state).toBe('finished');
    const again = await core.router.dispatch('batch.apply', {
      runId,
      systemId: lyon,
      fileName: 'again.csv',
      content: 'mac,model\n48:7A:55:E9:01:02,8028s\n',
      encoding: 'text',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(simulator.tenant.findDeviceByIdentifier(lyon, '487a55e90102')).toBeUndefined();
  });

  it('applies, streams each line, tells what changed since the cached catalogue, and gives the report files', async () => {
    const { csv, wanted } = generateImport(simulator.tenant, lyon, 20, 1);
    // A spare phone already on the CloudPBX, for the last line; after the catalogue is cached, someone assigns
    // it as the file wants: the apply sees it on the live CloudPBX and skips the line.
    const spare = simulator.tenant.addDevice({
      systemId: lyon,
      deviceTypeId: DEVICE_MODEL_IDS.ale8028s,
      description: 'Spare',
      macAddress: '487a55e9ff01',
    });
    const holder = [...wanted.values()][0] ?? '';
    const holderNumber = simulator.tenant.findSubscriber(lyon, holder)?.shortNumber;
    const file = `${csv}48:7A:55:E9:FF:01,8028s,,${holderNumber}\n`;
    await call('catalog.pull', { systemId: lyon });
    simulator.tenant.assignDevice(lyon, spare.id, holder);

    const started = await apply(file, { concurrency: 4 });
    expect(started.report).toMatchObject({
      mode: 'apply',
      catalog: { source: 'live' },
      run: { runId: started.runId, state: 'running', total: 20, done: 0 },
      changes: { rows: [{ line: 22, before: 'assign', after: 'skip' }] },
    });
    const last = await progress(core, started.runId, ended);
    expect(last).toMatchObject({ state: 'finished', done: 20, total: 20, inFlight: 0 });
    expect(last.summary).toMatchObject({
      rows: 21,
      created: 20,
      assigned: 20,
      skipped: 1,
      failed: 0,
      planned: 0,
    });

    const rowEvents = events.filter((event) => event.runId === started.runId && event.row !== undefined);
    expect(rowEvents.map((event) => event.row?.line).sort((a = 0, b = 0) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 2),
    );
    expect(rowEvents.map((event) => event.done)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(differences(simulator.tenant, lyon, wanted)).toEqual([]);

    const report = await call<ImportReport>('batch.status', { runId: started.runId });
    expect(report.run).toMatchObject({ state: 'finished', done: 20, notStarted: [] });
    expect(report.rows.find((row) => row.line === 5)).toMatchObject({
      status: 'done',
      deviceId: simulator.tenant.findDeviceByIdentifier(lyon, [...wanted.keys()][3] ?? '')?.id,
    });
    const csvFile = await call<ReportFile>('batch.reportFile', { runId: started.runId, format: 'csv' });
    expect(csvFile.fileName).toBe('rollout-report.csv');
    expect(csvFile.content.split('\r\n').filter((line) => line.includes('"done"'))).toHaveLength(20);
    const jsonFile = await call<ReportFile>('batch.reportFile', { runId: started.runId, format: 'json' });
    expect(JSON.parse(jsonFile.content)).toEqual(report);
    // The journal stays in the profile's folder; the copy of the file kept for a resumption goes with the run.
    const journals = join(scratch.path, 'journals', profileCacheKey('apply'));
    expect(existsSync(join(journals, `${started.runId}.jsonl`))).toBe(true);
    expect(existsSync(join(journals, `${started.runId}.source`))).toBe(false);
  });

  it('retries only the failed lines, with the same journal, creating nothing twice', async () => {
    const { csv, wanted } = generateImport(simulator.tenant, lyon, 6, 2);
    const [blocked] = [...wanted.keys()];
    const squatter = simulator.tenant.addDevice({
      systemId: DEMO_SYSTEM_IDS.grenoble,
      deviceTypeId: DEVICE_MODEL_IDS.ale8028s,
      description: 'Borrowed',
      macAddress: blocked,
    });
    const { runId } = await apply(csv);
    const first = await progress(core, runId, ended);
    expect(first.summary).toMatchObject({ created: 5, failed: 1 });
    const failed = (await call<ImportReport>('batch.status', { runId })).rows.filter(
      (row) => row.status === 'failed',
    );
    expect(failed.map((row) => [row.line, row.errors.at(-1)?.message])).toEqual([
      [2, expect.stringMatching(/not on this CloudPBX/)],
    ]);

    simulator.tenant.removeDevice(DEMO_SYSTEM_IDS.grenoble, squatter.id);
    const before = creates();
    events = [];
    const retried = await call<ApplyStarted>('batch.retryFailed', { runId });
    expect(retried).toMatchObject({ runId, report: { run: { state: 'running', total: 1 } } });
    const second = await progress(core, runId, ended);
    expect(second).toMatchObject({ state: 'finished', done: 1, total: 1 });
    expect(creates() - before).toBe(1);
    expect(differences(simulator.tenant, lyon, wanted)).toEqual([]);
    const report = await call<ImportReport>('batch.status', { runId });
    expect(report.rows.map((row) => row.status)).toEqual(Array(6).fill('done'));
    expect(report.summary).toMatchObject({ created: 6, assigned: 6, failed: 0 });
    await expect(call('batch.retryFailed', { runId })).rejects.toThrow(/No line of this run failed/);
  });

  it('pauses for real, refuses a second run meanwhile, and resumes after an app restart from the journal', async () => {
    const { csv, wanted } = generateImport(simulator.tenant, lyon, 30, 3);
    const macs = [...wanted.keys()];
    const { runId } = await apply(csv, { concurrency: 2 });
    await progress(core, runId, (event) => event.done >= 4);
    expect((await call<ApplyRunInfo>('batch.pause', { runId })).state).toBe('paused');
    const quiet = await progress(core, runId, (event) => event.state === 'paused' && event.inFlight === 0);
    const present = (): number =>
      macs.filter((mac) => simulator.tenant.findDeviceByIdentifier(lyon, mac) !== undefined).length;
    expect(present()).toBe(quiet.done);
    expect(quiet.done).toBeLessThan(30);
    const status = await call<ImportReport>('batch.status', { runId });
    expect(status.run).toMatchObject({ state: 'paused', done: quiet.done, inFlight: 0 });
    expect(present()).toBe(quiet.done);

    const second = await core.router.dispatch('batch.apply', {
      runId: randomUUID(),
      systemId: lyon,
      fileName: 'other.csv',
      content: 'mac,model\n48:7A:55:E9:00:99,8028s\n',
      encoding: 'text',
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', details: { runId } } });
    expect(await call<ResumableRun[]>('batch.resumable', { systemId: lyon })).toEqual([]);

    expect(existsSync(join(scratch.path, 'journals', profileCacheKey('apply'), `${runId}.source`))).toBe(
      true,
    );
    // The app stops while the run is paused; it starts again on the same data folder.
    await core.close();
    core = startCore();
    await signIn(core);
    const resumable = await call<ResumableRun[]>('batch.resumable', { systemId: lyon });
    expect(resumable).toEqual([
      expect.objectContaining({
        runId,
        fileName: 'rollout.csv',
        reason: 'interrupted',
        linesTouched: quiet.done,
        concurrency: 2,
        skipInvalid: false,
      }),
    ]);
    expect(await call<ResumableRun[]>('batch.resumable', { systemId: DEMO_SYSTEM_IDS.grenoble })).toEqual([]);

    const before = creates();
    const resumed = await call<ApplyStarted>('batch.resumeRun', { runId });
    expect(resumed.report.run).toMatchObject({ state: 'running', total: 30 - quiet.done });
    const last = await progress(core, runId, ended);
    expect(last).toMatchObject({ state: 'finished', done: 30 - quiet.done });
    expect(creates() - before).toBe(30 - quiet.done);
    expect(differences(simulator.tenant, lyon, wanted)).toEqual([]);
    const report = await call<ImportReport>('batch.status', { runId });
    expect(report.rows.map((row) => row.status)).toEqual(Array(30).fill('done'));
    expect(report.summary).toMatchObject({ created: 30, assigned: 30 });
    expect(await call<ResumableRun[]>('batch.resumable', { systemId: lyon })).toEqual([]);
  });

  it('cancels: the lines not started are reported, and nothing of them reaches the CloudPBX', async () => {
    const { csv, wanted } = generateImport(simulator.tenant, lyon, 12, 4);
    const { runId } = await apply(csv, { concurrency: 1 });
    await progress(core, runId, (event) => event.done >= 2);
    await call<ApplyRunInfo>('batch.cancel', { runId });
    const last = await progress(core, runId, ended);
    expect(last.state).toBe('cancelled');
    const report = await call<ImportReport>('batch.status', { runId });
    const notStarted = report.rows.filter((row) => row.status === 'not-started').map((row) => row.line);
    expect(report.run?.notStarted).toEqual(notStarted);
    expect(notStarted.length + last.done).toBe(12);
    const macs = [...wanted.keys()];
    for (const line of notStarted) {
      expect(simulator.tenant.findDeviceByIdentifier(lyon, macs[line - 2] ?? '')).toBeUndefined();
    }
    expect(await call<ResumableRun[]>('batch.resumable', { systemId: lyon })).toEqual([]);
  });

  it('knows no other run, and refuses a malformed run id', async () => {
    const unknown = await core.router.dispatch('batch.status', {
      runId: '00000000-0000-4000-8000-00000000beef',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const malformed = await core.router.dispatch('batch.reportFile', { runId: '../x', format: 'csv' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
