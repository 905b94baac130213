import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_TEMPLATE, type ImportReport, type RowStatus } from '../../../src-main/services/batch';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { writeXlsx } from '../../unit/batch/support/xlsx-writer';
import { closedPort } from '../rainbow/support';
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

function file(name: string, content: string | Buffer): string {
  const path = join(scratch.path, name);
  writeFileSync(path, content);
  return path;
}

const GOOD = 'mac;model;subscriber\r\n48:7A:55:F2:00:01;8028s;81030\r\n48:7A:55:0A:1B:01;8078s;81001\r\n';
const BAD = 'mac,model\n48:7A:55:F2:00:02,8028s\n4.87055E+11,8028s\n';

/** The documented `--json` shape: a summary and rows with exactly these keys at least. */
function expectReportShape(report: ImportReport, statuses: RowStatus[]): void {
  expect(Object.keys(report.summary)).toEqual(
    expect.arrayContaining(['rows', 'created', 'assigned', 'skipped', 'failed', 'invalid']),
  );
  for (const row of report.rows) {
    expect(row).toEqual(
      expect.objectContaining({
        line: expect.any(Number),
        id: expect.any(String),
        action: expect.any(String),
        status: expect.any(String),
        deviceId: row.deviceId === null ? null : expect.any(String),
        errors: expect.any(Array),
      }),
    );
    for (const error of row.errors)
      expect(error).toEqual(
        expect.objectContaining({ field: expect.any(String), message: expect.any(String) }),
      );
  }
  expect(report.rows.map((row) => row.status)).toEqual(statuses);
}

describe('fieldkit validate', () => {
  it('exits 0 and prints the JSON report when every line is valid or skipped', async () => {
    const { code, stdout, stderr } = await cli(
      ['validate', file('good.csv', GOOD), '--system', lyon, '--json'],
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ImportReport;
    expectReportShape(report, ['valid', 'skipped']);
    expect(report.rows[1]?.deviceId).toMatch(/^[0-9a-f]{24}$/);
  });

  it('exits 2 when a line is invalid, naming its line and column', async () => {
    const { code, stdout } = await cli(['validate', file('bad.csv', BAD), '--system', lyon], env);
    expect(code).toBe(2);
    expect(stdout).toMatch(
      /line 3, column A "mac": The MAC address "4\.87055E\+11" looks like a number a spreadsheet converted/,
    );
    expect(stdout).toMatch(/Summary: 2 lines: 1 valid, 1 invalid\./);
  });

  it('reads an XLSX workbook', async () => {
    const xlsx = writeXlsx([
      {
        name: 'Rollout',
        rows: [
          ['MAC', 'Model', 'Extension'],
          ['48:7A:55:F2:00:03', '8028s', 81031],
        ],
      },
    ]);
    const { code, stdout } = await cli(
      ['validate', file('rollout.xlsx', xlsx), '--system', lyon, '--json'],
      env,
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ImportReport;
    expect(report.file.format).toBe('xlsx');
    expect(report.rows[0]).toMatchObject({
      line: 2,
      action: 'create-assign',
      subscriber: expect.stringMatching(/^81031 /),
    });
  });

  it('offline without a cached catalogue exits 2 and says to pull one; after a pull it works offline', async () => {
    const offlineEnv = { ...env, FIELDKIT_DATA_DIR: join(scratch.path, 'offline-data') };
    const path = file('offline.csv', GOOD);
    const missing = await cli(['validate', path, '--system', lyon, '--offline', '--json'], offlineEnv);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`fieldkit catalog pull --system ${lyon}`);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'not-found' } });

    expect((await cli(['catalog', 'pull', '--system', lyon], offlineEnv)).code).toBe(0);
    const before = simulator.requests().length;
    const offline = await cli(['validate', path, '--system', lyon, '--offline'], offlineEnv);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/the cached catalogue fetched just now .*offline/);
    expect(simulator.requests().length).toBe(before);
    const status = await cli(['catalog', 'status', '--system', lyon, '--json'], offlineEnv);
    expect(JSON.parse(status.stdout)).toMatchObject({ cached: true, systemName: 'Lyon HQ' });
  });

  it('exits 3 when the password is wrong and 4 when the CloudPBX is unreachable, suggesting --offline', async () => {
    const path = file('auth.csv', GOOD);
    const auth = await cli(['validate', path, '--system', lyon], { ...env, FIELDKIT_PASSWORD: 'wrong' });
    expect(auth.code).toBe(3);
    const host = `http://127.0.0.1:${await closedPort()}`;
    const down = await cli(['validate', path, '--system', lyon], { ...env, FIELDKIT_HOST: host });
    expect(down.code).toBe(4);
    expect(down.stderr).toContain('add --offline');
  });

  it('exits 2 for a missing file or option', async () => {
    expect((await cli(['validate', join(scratch.path, 'nope.csv'), '--system', lyon], env)).stderr).toContain(
      'no such file',
    );
    expect((await cli(['validate', file('x.csv', GOOD)], env)).code).toBe(2);
  });
});

describe('fieldkit import', () => {
  it('--dry-run prints the plan with planned, skipped and invalid lines, and exits 2 for the invalid one', async () => {
    const { code, stdout } = await cli(
      ['import', file('plan.csv', `${GOOD}4.87055E+11;8028s;\r\n`), '--system', lyon, '--dry-run', '--json'],
      env,
    );
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as ImportReport;
    expect(report.mode).toBe('dry-run');
    expectReportShape(report, ['planned', 'skipped', 'invalid']);
    expect(report.summary).toMatchObject({
      rows: 3,
      created: 0,
      assigned: 0,
      skipped: 1,
      failed: 0,
      invalid: 1,
      planned: 1,
    });
  });

  it('--dry-run exits 0 when nothing is invalid, and writes a CSV report with formulas escaped', async () => {
    const reportPath = join(scratch.path, 'report.csv');
    const source = file('formula.csv', 'mac,model,description\n48:7A:55:F2:00:04,8028s,=HYPERLINK("x")\n');
    const { code } = await cli(
      ['import', source, '--system', lyon, '--dry-run', '--report', reportPath],
      env,
    );
    expect(code).toBe(0);
    const text = readFileSync(reportPath, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(simulator.tenant.listDevices(lyon).some((device) => device.macAddress === '487a55f20004')).toBe(
      false,
    );
  });

  it('--template prints the template, or writes it without overwriting', async () => {
    const printed = await cli(['import', '--template'], env);
    expect(printed).toMatchObject({ code: 0, stdout: IMPORT_TEMPLATE });
    const target = join(scratch.path, 'template.csv');
    expect((await cli(['import', '--template', target], env)).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(IMPORT_TEMPLATE);
    const again = await cli(['import', '--template', target], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('checks --concurrency', async () => {
    const { code, stderr } = await cli(
      ['import', file('c.csv', GOOD), '--system', lyon, '--dry-run', '--concurrency', '0'],
      env,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--concurrency must be a whole number from 1 to 16');
  });
});
