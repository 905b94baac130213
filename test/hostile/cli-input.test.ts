// CLI input checks (issue 8, item 5): every option is checked before signing in, a `--system` that is not a
// CloudPBX id is refused like the app refuses it, and a scan wider than /22 needs --yes. Each refusal exits 2
// with its own message, without a stack, and sends nothing (the simulator's request log stays as it was).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../lan/lab';
import { cli, simulatorFixture } from '../integration/batch/support';

const RUN_CLI = fileURLToPath(new URL('../integration/discovery/support/run-cli.mjs', import.meta.url));
const fixture = simulatorFixture();
let file: string;

beforeAll(() => {
  file = join(fixture.scratch.path, 'rollout.csv');
  writeFileSync(file, 'mac,model\n48:7A:55:F6:00:01,8028s\n');
});

describe('--system is checked like the app checks a CloudPBX id, before signing in', () => {
  const hostile = '../../x';
  const commands: [string, string[]][] = [
    ['models', ['models']],
    ['subscribers', ['subscribers']],
    ['devices', ['devices']],
    ['device show', ['device', 'show', '--mac', '48:7A:55:0A:1B:01']],
    ['device add', ['device', 'add', '--mac', '48:7A:55:F6:00:02', '--model', 'M5']],
    ['catalog pull', ['catalog', 'pull']],
    ['catalog status', ['catalog', 'status']],
    ['validate', ['validate', '<file>']],
    ['import --dry-run', ['import', '<file>', '--dry-run']],
    ['import', ['import', '<file>']],
    ['discover', ['discover', '--demo']],
  ];
  it.each(commands)('%s exits 2 with a clear message and sends nothing', async (_, args) => {
    const before = fixture.simulator.requests().length;
    const argv = [...args.map((arg) => (arg === '<file>' ? file : arg)), '--system', hostile];
    const run = await cli(argv, fixture.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--system "../../x" is not a CloudPBX id');
    expect(run.stderr).toContain('letters, digits, dashes or underscores');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fixture.simulator.requests().length).toBe(before);
  });

  it.each([
    ['--device', ['device', 'show', '--device', '../x'], '--device "../x" is not a device id'],
    [
      '--subscriber',
      ['device', 'assign', '--mac', '48:7A:55:0A:1B:01', '--subscriber', '81;rm'],
      '--subscriber "81;rm" is not a short number',
    ],
  ])('%s is checked before signing in', async (_, args, message) => {
    const before = fixture.simulator.requests().length;
    const run = await cli([...args, '--system', 'lyon'], fixture.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(fixture.simulator.requests().length).toBe(before);
  });

  it('says so in the --json error too', async () => {
    const run = await cli(['devices', '--system', hostile, '--json'], fixture.env);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'invalid-input' } });
  });
});

describe('discover wider than /22', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ subnet: '198.18.0.0/24', scannerAddress: '198.18.0.1', hosts: [] });
    // The lab's scanner is on a /16 as well, so that a /16 is a subnet this machine is on.
    await lab.exec(['ip', 'address', 'add', '198.18.200.1/16', 'dev', lab.bridge]);
  });

  afterAll(async () => {
    await lab?.teardown();
  });

  function discover(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = lab.spawnIn('lab', process.execPath, [RUN_CLI, 'discover', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Credentials of a host nothing answers on: signing in first would exit 4, not 2.
      env: { ...process.env, ...fixture.env, FIELDKIT_HOST: 'http://127.0.0.1:9' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  }

  it('needs --yes: exit 2 naming the addresses, before signing in and before any probe', async () => {
    const run = await discover(['--subnet', '198.18.0.0/16', '--system', 'lyon', '--progress', 'jsonl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/This scan covers 65,\d{3} addresses \(about \d+ s/);
    expect(run.stderr).toContain('add --yes');
    expect(run.stderr).not.toContain('"event":"progress"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a /22 needs no --yes: it is scanned', async () => {
    const run = await discover(['--subnet', '198.18.0.0/22', '--timeout', '50', '--rate', '2000', '--json']);
    expect(run.stderr).not.toContain('add --yes');
    expect(run.code).not.toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ scanned: { subnets: ['198.18.0.0/22'] } });
  });
});
