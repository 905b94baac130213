import { spawn } from 'node:child_process';
import { existsSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src-main/api/types';
import { accountCacheKey } from '../../../src-main/services/catalog';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import { lyonKeys } from './lyon-keys';
import { cliFixture } from './run-cli';

const root = join(import.meta.dirname, '..', '..', '..');
const out = process.env.FIELDKIT_OUT ?? 'out';
const lyon = DEMO_SYSTEM_IDS.lyon;
const kit = cliFixture();
const { cli } = kit;

beforeAll(() => {
  if (!existsSync(join(root, out, 'main', 'cli.js'))) {
    throw new Error(`No CLI build in ${out}/: run \`FIELDKIT_OUT=${out} npx electron-vite build\` first.`);
  }
});

const { deskphone, keysOf, keyWrites } = lyonKeys(kit);

/** The intents a journal holds on disk so far. */
function intents(journal: string): number {
  if (!existsSync(journal)) return 0;
  return readFileSync(journal, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"type":"intent"')).length;
}

let sheets = 0;
function sheet(lines: string[]): string {
  const path = join(kit.dataDir, `keys-${(sheets += 1)}.csv`);
  writeFileSync(
    path,
    ['MAC Address;Module;Key Num;Key Type;Label;Number;Short number;Group', ...lines].join('\n'),
  );
  return path;
}

describe('fieldkit keys import', () => {
  it('refuses a sheet with invalid lines with exit 2, naming line, column and why, and sends nothing', async () => {
    const director = deskphone('Director office').mac;
    const breakRoom = deskphone('Break room').mac;
    const before = keyWrites();
    const file = sheet([
      `${director};0;10;speeddial;Boss;+33600000001;;`,
      `${breakRoom};;1;forward;Fwd;+33600000002;;`,
      `${director};0;3;speeddial;;+33600000003;;`,
      `${director};0;4;huntgroup;;;;`,
      `${director};0;5;monitor;;+33600000005;;`,
      `${director};2;1;speeddial;X;+33600000006;;`,
      `${director};0;99;speeddial;X;+33600000007;;`,
      `${director};0;6;headset;;;;`,
      `${director};0;6;headset;;;;`,
      `00:00:00:00:00:00;0;1;headset;;;;`,
      `3c:28:a6:ff:ff:fe;0;1;headset;;;;`,
    ]);
    const result = await cli(['keys', 'import', file, '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Nothing was applied');
    const report = JSON.parse(result.stdout) as ImportReport;
    const problem = (line: number) => report.rows.find((row) => row.line === line)?.errors[0];
    expect(problem(2)).toMatchObject({ column: 'C', message: expect.stringContaining('set by a service') });
    expect(problem(3)).toMatchObject({ column: 'D', message: 'The 8018 has no forward keys.' });
    expect(problem(4)).toMatchObject({ column: 'E', message: 'An external speed dial needs a label.' });
    expect(problem(5)?.message).toBe('A hunt-group key needs the group it logs in and out of.');
    expect(problem(6)?.message).toContain('A monitor key watches a user');
    expect(problem(7)).toMatchObject({
      column: 'B',
      message: 'The device has no expansion module at position 2.',
    });
    expect(problem(8)?.message).toContain('has keys 1 to');
    expect(problem(9)?.message).toBe('Line 10 also sets key 6 of this device: keep one line per key.');
    expect(problem(10)?.message).toBe('Line 9 also sets key 6 of this device: keep one line per key.');
    expect(problem(11)).toMatchObject({ column: 'A' });
    expect(problem(12)?.message).toContain('No device with this MAC address is on the CloudPBX');
    expect(report.summary).toMatchObject({ rows: 11, invalid: 11, keysCreated: 0, keysReplaced: 0 });
    expect(keyWrites()).toBe(before);
  });

  it('plans on --dry-run and sends nothing, then creates and replaces; a second run skips every line', async () => {
    const director = deskphone('Director office').mac;
    const file = sheet([
      `${director};0;1;monitor;;;81003;`,
      `${director};0;2;speeddial;Taxi;+33478000000;;`,
      `${director};;3;headset;;;;`,
    ]);
    const before = keyWrites();
    const dry = await cli(['keys', 'import', file, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as ImportReport;
    expect(plan.rows.map((row) => row.action)).toEqual(['replace', 'create', 'create']);
    expect(keyWrites()).toBe(before);

    const applied = await cli(['keys', 'import', file]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/2 key\(s\) created, 1 key\(s\) replaced/);
    expect(keysOf('Director office')).toEqual([
      { keyNum: 1, keyType: 'monitor', keyOwner: 'admin', number: undefined, displayName: undefined },
      { keyNum: 2, keyType: 'speeddial', keyOwner: 'admin', number: '+33478000000', displayName: 'Taxi' },
      { keyNum: 3, keyType: 'headset', keyOwner: 'admin', number: undefined, displayName: undefined },
      { keyNum: 10, keyType: 'monitor', keyOwner: 'service', number: undefined, displayName: undefined },
    ]);

    const writes = keyWrites();
    const again = await cli(['keys', 'import', file, '--json']);
    expect(again.code).toBe(0);
    const rerun = JSON.parse(again.stdout) as ImportReport;
    expect(rerun.rows.map((row) => row.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(keyWrites()).toBe(writes);
  });

  it('settles a key whose answer was lost by reading it back, and a re-run sets the rest without a duplicate', async () => {
    const sales = deskphone('Sales desk').mac;
    const file = sheet([`${sales};0;2;headset;;;;`, `${sales};0;3;speeddial;Hotel;+33478111111;;`]);
    const keysPath = /\/devices\/[^/]+\/keys$/;
    // The first create is made but its answer is lost; the second is refused as the network goes away.
    kit.simulator.setFaults({
      targeted: [
        { method: 'POST', path: keysPath, answer: 'reset', afterActing: true, times: 1 },
        { method: 'POST', path: keysPath, answer: 503, times: 10 },
      ],
    });
    const interrupted = await cli(['keys', 'import', file, '--concurrency', '1', '--json']);
    kit.simulator.setFaults({});
    expect(interrupted.code).toBe(1);
    const first = JSON.parse(interrupted.stdout) as ImportReport;
    expect(first.rows.map((row) => row.status)).toEqual(['done', 'failed']);
    expect(keysOf('Sales desk').map((key) => key.keyNum)).toEqual([1, 2, 7]);

    const resumed = await cli(['keys', 'import', file, '--json']);
    expect(resumed.code).toBe(0);
    const second = JSON.parse(resumed.stdout) as ImportReport;
    expect(second.rows.map((row) => row.action)).toEqual(['skip', 'create']);
    expect(second.summary).toMatchObject({ keysCreated: 1, keysReplaced: 0, skipped: 1 });
    expect(keysOf('Sales desk').map((key) => key.keyNum)).toEqual([1, 2, 3, 7]);
  });

  it('journals a run: killed mid-run, its --journal is refused while held and resumed with no key sent twice', async () => {
    const switchboard = deskphone('Switchboard');
    const lines = Array.from(
      { length: 24 },
      (_, index) => `${switchboard.mac};0;${index + 1};speeddial;Dial ${index + 1};+3347822${1000 + index};;`,
    );
    const file = sheet(lines);
    const journal = join(kit.dataDir, 'switchboard-keys.jsonl');
    const creates = () =>
      kit.simulator
        .requests()
        .filter(
          (request) => request.method === 'POST' && request.path.endsWith(`/devices/${switchboard.id}/keys`),
        ).length;
    const child = spawn(
      process.execPath,
      [join(root, 'scripts', 'fieldkit.mjs'), 'keys', 'import', file, '--system', lyon, '--journal', journal],
      { env: { ...process.env, ...kit.env, FIELDKIT_OUT: out }, cwd: root },
    );
    // Killed once a third of its lines have their intent on disk: some keys are set, the others not yet.
    const watcher = watch(kit.dataDir, () => {
      if (intents(journal) >= 8) child.kill('SIGKILL');
    });
    const signal = await new Promise((resolve) => child.once('close', (_, killed) => resolve(killed)));
    watcher.close();
    expect(signal).toBe('SIGKILL');
    expect(keysOf('Switchboard').length).toBeLessThan(24);

    // The journal is held by a live process: refused, naming it; nothing is sent.
    const killedHolder = readFileSync(`${journal}.lock`, 'utf8');
    writeFileSync(`${journal}.lock`, `${process.pid}\n`);
    const before = keyWrites();
    const refused = await cli(['keys', 'import', file, '--journal', journal, '--resume']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`in use by another Fieldkit (process ${process.pid})`);
    expect(keyWrites()).toBe(before);

    // The killed process's lock is taken over; the lines it did (or may have done) are not sent again.
    writeFileSync(`${journal}.lock`, killedHolder);
    const resumed = await cli(['keys', 'import', file, '--journal', journal, '--resume', '--json']);
    expect(resumed.stderr).not.toContain('Stopped');
    expect(resumed.code).toBe(0);
    const report = JSON.parse(resumed.stdout) as ImportReport;
    expect(report.run?.state).toBe('finished');
    expect(report.rows.every((row) => row.status === 'done' || row.status === 'skipped')).toBe(true);
    expect(keysOf('Switchboard').map((key) => key.keyNum)).toEqual(lines.map((_, index) => index + 1));
    expect(creates()).toBe(24);
    expect(existsSync(`${journal}.lock`)).toBe(false);
  }, 60_000);

  it('checks a sheet offline against the pulled catalogue, sending nothing, and asks an older catalogue to be pulled again', async () => {
    const director = deskphone('Director office').mac;
    const breakRoom = deskphone('Break room').mac;
    const file = sheet([
      `${director};0;12;speeddial;Taxi;+33478000000;;`,
      `${breakRoom};;1;forward;Fwd;+33600000002;;`,
      `${director};0;99;speeddial;X;+33600000007;;`,
      `${director};0;13;monitor;;;81003;`,
    ]);
    expect((await cli(['keys', 'import', file, '--offline'])).code).toBe(2);
    expect((await cli(['catalog', 'pull'])).code).toBe(0);
    const asked = kit.simulator.requests().length;
    const offline = await cli(['keys', 'import', file, '--dry-run', '--offline', '--json']);
    expect(kit.simulator.requests().length).toBe(asked);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain('need the devices’ keys');
    const report = JSON.parse(offline.stdout) as ImportReport;
    expect(report.catalog?.source).toBe('cache');
    expect(report.rows.map((row) => row.status)).toEqual(['valid', 'invalid', 'invalid', 'valid']);
    expect(report.rows[0]?.detail).toContain('needs the device’s keys');
    expect(report.rows[1]?.errors[0]?.message).toBe('The 8018 has no forward keys.');
    expect(report.rows[2]?.errors[0]?.message).toContain('has keys 1 to');

    // A catalogue pulled before keys sheets lacks the models' key capabilities and the devices' modules.
    const cached = join(
      kit.dataDir,
      'catalog',
      accountCacheKey(kit.simulator.url, kit.simulator.credentials.login),
      `${lyon}.json`,
    );
    const catalog = JSON.parse(readFileSync(cached, 'utf8')) as { models: object[]; devices: object[] };
    const older = {
      ...catalog,
      models: catalog.models.map((model) => ({ ...model, keys: undefined })),
      devices: catalog.devices.map((entry) => ({ ...entry, modules: undefined })),
    };
    writeFileSync(cached, JSON.stringify(older));
    const stale = await cli(['keys', 'import', file, '--dry-run', '--offline']);
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toContain('Pull the catalogue again');
    expect(kit.simulator.requests().length).toBe(asked);
  });

  it('writes the keys template', async () => {
    const result = await cli(['keys', 'import', '--template']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('mac,ipei,module,key,type,label,number,subscriber,group');
  });
});
