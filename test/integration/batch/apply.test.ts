import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  planPrepared,
  prepareImport,
  readImportFile,
  type ImportReport,
} from '../../../src-main/services/batch';
import { applyPlan } from '../../../src-main/services/batch/apply/apply-plan';
import { ImportJournal, type JournalEntry } from '../../../src-main/services/batch/apply/journal';
import { CatalogService, CatalogStore, profileCacheKey } from '../../../src-main/services/catalog';
import { signIn } from '../../../src-main/services/rainbow';
import {
  DEMO_SYSTEM_IDS,
  DEVICE_MODEL_IDS,
  startSimulator,
  type RunningSimulator,
} from '../../../src-main/simulator';
import { cli, envFor, scratchDir } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
let simulator: RunningSimulator;
const scratch = scratchDir();
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  env = envFor(simulator, join(scratch.path, 'data'));
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

const deviceByMac = (mac: string) =>
  simulator.tenant.listDevices(lyon).find((device) => device.macAddress === mac);
const subscriberId = (shortNumber: string) =>
  simulator.tenant.listSubscribers(lyon).find((subscriber) => subscriber.shortNumber === shortNumber)?.id;

describe('fieldkit import (apply)', () => {
  it('creates and assigns, reports each line, and a second run skips everything', async () => {
    const path = file(
      'rollout.csv',
      'mac,ipei,model,description,subscriber,transferMode\n' +
        '48:7A:55:F4:00:01,,8028s,Desk 1,81032,blind_transfer\n' +
        '48:7A:55:F4:00:02,,M5,,,\n' +
        ',03807E7A01,8214DECT,,81033,\n',
    );
    const reportPath = join(scratch.path, 'apply-report.json');
    const first = await cli(
      ['import', path, '--system', lyon, '--json', '--report', reportPath, '--concurrency', '2'],
      env,
    );
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as ImportReport;
    expect(report.mode).toBe('apply');
    expect(report.rows.map((row) => [row.line, row.action, row.status])).toEqual([
      [2, 'create-assign', 'done'],
      [3, 'create', 'done'],
      [4, 'create-assign', 'done'],
    ]);
    expect(report.summary).toMatchObject({ rows: 3, created: 3, assigned: 2, failed: 0, invalid: 0 });
    expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toEqual(report);

    const desk = deviceByMac('487a55f40001');
    expect(desk).toMatchObject({
      deviceTypeId: DEVICE_MODEL_IDS.ale8028s,
      description: 'Desk 1',
      transferMode: 'blind_transfer',
    });
    expect(desk?.phoneNumberId).toBe(subscriberId('81032'));
    expect(report.rows[0]?.deviceId).toBe(desk?.id);
    const handset = simulator.tenant.listDevices(lyon).find((device) => device.ipei === '03807e7a01');
    expect(handset?.phoneNumberId).toBe(subscriberId('81033'));

    const count = simulator.tenant.listDevices(lyon).length;
    const second = await cli(['import', path, '--system', lyon, '--json'], env);
    expect(second.code).toBe(0);
    expect((JSON.parse(second.stdout) as ImportReport).rows.map((row) => row.status)).toEqual([
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(simulator.tenant.listDevices(lyon).length).toBe(count);
  });

  it('applies nothing while a line is invalid, and the valid lines with --skip-invalid', async () => {
    const path = file('mixed.csv', 'mac,model\n48:7A:55:F4:00:10,8028s\n48:7A:55:F4:00:11,8026s\n');
    const refused = await cli(['import', path, '--system', lyon], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Nothing was applied');
    expect(deviceByMac('487a55f40010')).toBeUndefined();

    const skipped = await cli(['import', path, '--system', lyon, '--skip-invalid', '--json'], env);
    expect(skipped.code).toBe(0);
    expect((JSON.parse(skipped.stdout) as ImportReport).rows.map((row) => row.status)).toEqual([
      'done',
      'invalid',
    ]);
    expect(deviceByMac('487a55f40010')).toBeDefined();
  });

  it('moves a device from its subscriber only with --reassign', async () => {
    const path = file('move.csv', 'mac,model,subscriber\n48:7A:55:0A:1B:02,8068s,81034\n');
    expect((await cli(['import', path, '--system', lyon], env)).code).toBe(2);
    const moved = await cli(['import', path, '--system', lyon, '--reassign', '--json'], env);
    expect(moved.code).toBe(0);
    expect((JSON.parse(moved.stdout) as ImportReport).rows[0]).toMatchObject({
      action: 'reassign',
      status: 'done',
    });
    expect(deviceByMac('487a550a1b02')?.phoneNumberId).toBe(subscriberId('81034'));
  });

  it('reports a line the CloudPBX refuses as failed (exit 1) and goes on with the others', async () => {
    const elsewhere = DEMO_SYSTEM_IDS.grenoble;
    simulator.tenant.addDevice({
      systemId: elsewhere,
      deviceTypeId: DEVICE_MODEL_IDS.ale8028s,
      description: 'x',
      macAddress: '487a55f40020',
    });
    const path = file('refused.csv', 'mac,model\n48:7A:55:F4:00:20,8028s\n48:7A:55:F4:00:21,8028s\n');
    const run = await cli(['import', path, '--system', lyon, '--json'], env);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ImportReport;
    expect(report.rows.map((row) => row.status)).toEqual(['failed', 'done']);
    expect(report.rows[0]?.errors[0]?.message).toMatch(/not on this CloudPBX/);
  });

  it('--resume needs a journal', async () => {
    const path = file('resume.csv', 'mac,model\n48:7A:55:F4:00:30,8028s\n');
    const run = await cli(
      ['import', path, '--system', lyon, '--resume', '--journal', join(scratch.path, 'none.jsonl')],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('there is no journal');
  });
});

describe('unknown outcomes', () => {
  it('a create whose answer is lost is looked up, not sent again, and the journal says what happened', async () => {
    const client = await signIn({ host: simulator.url, ...simulator.credentials });
    const catalogs = new CatalogService(
      new CatalogStore(join(scratch.path, 'lost')),
      profileCacheKey('lost'),
    );
    const content = new TextEncoder().encode('mac,model,subscriber\n48:7A:55:F4:00:40,8028s,81035\n');
    const prepared = prepareImport('lost.csv', lyon, await readImportFile('lost.csv', content));
    const plan = planPrepared(prepared, await catalogs.pull(client, lyon), { reassign: false });
    const journalPath = join(scratch.path, 'lost.jsonl');
    const journal = await ImportJournal.open(journalPath);
    const createsPath = `/cloudpbxs/${lyon}/devices`;
    const createStatuses = () =>
      simulator
        .requests()
        .filter((r) => r.method === 'POST' && r.path.endsWith(createsPath))
        .map((r) => r.status);
    const before = createStatuses().length;
    // The create is made, then the connection is cut before its answer (status 0 in the simulator's log).
    simulator.setFaults({
      targeted: [
        { method: 'POST', path: new RegExp(`${createsPath}$`), answer: 'reset', afterActing: true, times: 1 },
      ],
    });

    const result = await applyPlan(plan, { client, journal, concurrency: 4 }).finally(() =>
      simulator.setFaults({}),
    );
    await journal.close();
    await client.signOut();

    expect(createStatuses().slice(before)).toEqual([0]);
    const created = simulator.tenant
      .listDevices(lyon)
      .filter((device) => device.macAddress === '487a55f40040');
    expect(created).toHaveLength(1);
    expect(created[0]?.phoneNumberId).toBe(subscriberId('81035'));
    expect(result.outcomes.get(2)).toMatchObject({
      status: 'done',
      created: true,
      assigned: true,
      deviceId: created[0]?.id,
    });
    const entries = readFileSync(journalPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as JournalEntry);
    expect(
      entries.map((entry) =>
        entry.type === 'result'
          ? `${entry.step}:${entry.outcome}`
          : `${entry.type}:${'step' in entry ? entry.step : ''}`,
      ),
    ).toEqual(['intent:create', 'intent:assign', 'create:unknown', 'create:ok', 'assign:ok']);
  });

  it('a resumed run looks up a step a crashed run left without result, and does not create again', async () => {
    const path = file('crash.csv', 'mac,model\n48:7A:55:F4:00:50,8028s\n');
    const journalPath = join(scratch.path, 'crash.jsonl');
    writeFileSync(
      journalPath,
      `${JSON.stringify({ type: 'intent', at: new Date().toISOString(), line: 2, identifier: '487a55f40050', step: 'create' })}\n{"type":"res`,
    );
    const run = await cli(
      ['import', path, '--system', lyon, '--resume', '--journal', journalPath, '--json'],
      env,
    );
    expect(run.stderr).toContain('1 step(s) with an unknown outcome');
    expect(run.code).toBe(0);
    expect(
      simulator.tenant.listDevices(lyon).filter((device) => device.macAddress === '487a55f40050'),
    ).toHaveLength(1);
  });
});
