import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import type { CliIo } from '../../../src-main/cli/io';
import type { CloudPbx, DeviceModel, PhoneNumber } from '../../../src-main/services/rainbow/types';
import { CredentialVault, createKeytarKeychain } from '../../../src-main/services/vault';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { requireKeyringSandbox, uniqueServiceName } from '../vault/support/keyring-sandbox';
import { closedPort } from '../../support/ports';

let simulator: RunningSimulator;
let dataDir: string;
const keychainService = uniqueServiceName();

beforeAll(async () => {
  requireKeyringSandbox();
  simulator = await startSimulator({ port: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-cli-'));
});

afterAll(async () => {
  await simulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function envFor(overrides: Partial<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return {
    FIELDKIT_DATA_DIR: dataDir,
    FIELDKIT_HOST: simulator.url,
    FIELDKIT_LOGIN: simulator.credentials.login,
    FIELDKIT_PASSWORD: simulator.credentials.password,
    FIELDKIT_APP_ID: simulator.credentials.appId,
    FIELDKIT_APP_SECRET: simulator.credentials.appSecret,
    ...overrides,
  };
}

async function cli(args: string[], env: NodeJS.ProcessEnv = envFor()) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    untilInterrupted: () => new Promise<void>(() => undefined),
  };
  const code = await runCli(args, io, { keychainService });
  return { code, stdout, stderr };
}

const lyon = DEMO_SYSTEM_IDS.lyon;

describe('fieldkit CLI against the simulator', () => {
  it('lists CloudPBXs as one JSON document', async () => {
    const { code, stdout, stderr } = await cli(['systems', '--json']);
    expect(code).toBe(0);
    const systems = JSON.parse(stdout) as CloudPbx[];
    expect(systems.map((system) => system.name)).toEqual(
      expect.arrayContaining(['Lyon HQ', 'Grenoble Warehouse']),
    );
    expect(stderr).toBe('');
  });

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await cli(['systems']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+COUNTRY/);
    expect(stdout).toContain('Lyon HQ');
  });

  it('lists every model of a CloudPBX, deskphones and DECT', async () => {
    const { code, stdout } = await cli(['models', '--system', lyon, '--json']);
    expect(code).toBe(0);
    const names = (JSON.parse(stdout) as DeviceModel[]).map((model) => model.model);
    expect(names).toEqual(expect.arrayContaining(['M3', 'M5', 'M7', 'M8', '8028s', '8214DECT']));
  });

  it('filters models by category', async () => {
    const { stdout } = await cli(['models', '--system', lyon, '--category', 'dectmobile', '--json']);
    expect((JSON.parse(stdout) as DeviceModel[]).map((model) => model.category)).toEqual(['dectmobile']);
  });

  it('lists all subscribers, beyond the first page', async () => {
    const { code, stdout } = await cli(['subscribers', '--system', lyon, '--json']);
    expect(code).toBe(0);
    const subscribers = JSON.parse(stdout) as PhoneNumber[];
    expect(subscribers.length).toBe(simulator.tenant.listSubscribers(lyon).length);
    expect(subscribers.length).toBeGreaterThanOrEqual(40);
  });

  it('exits 2 when a required option is missing, saying which', async () => {
    const { code, stderr } = await cli(['models', '--json']);
    expect(code).toBe(2);
    expect(stderr).toContain('--system is required');
  });

  it('exits 2 for an unknown option or command', async () => {
    expect((await cli(['systems', '--colour'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });

  it('exits 2 without credentials and says where they come from', async () => {
    const { code, stderr } = await cli(['systems'], { FIELDKIT_DATA_DIR: dataDir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--profile NAME.*FIELDKIT_HOST/s);
  });

  it('exits 3 when the password is wrong, with a JSON error on stdout', async () => {
    const { code, stdout, stderr } = await cli(
      ['systems', '--json'],
      envFor({ FIELDKIT_PASSWORD: 'wrong-password' }),
    );
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'auth-failed' } });
    expect(stderr).not.toContain('wrong-password');
  });

  it('exits 4 when the service is unreachable', async () => {
    const port = await closedPort();
    const { code, stderr } = await cli(['systems'], envFor({ FIELDKIT_HOST: `http://127.0.0.1:${port}` }));
    expect(code).toBe(4);
    expect(stderr).toContain('127.0.0.1');
  });

  it('signs in with a profile saved in the keychain', async () => {
    const vault = new CredentialVault({ keychain: createKeytarKeychain(keychainService), dataDir });
    await vault.save({ name: 'Lyon site', host: simulator.url, ...simulator.credentials });
    const { code, stdout } = await cli(
      ['subscribers', '--system', lyon, '--profile', 'Lyon site', '--json'],
      {
        FIELDKIT_DATA_DIR: dataDir,
      },
    );
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as PhoneNumber[]).length).toBeGreaterThanOrEqual(40);
  });

  it('exits 2 for a profile that does not exist', async () => {
    const { code, stderr } = await cli(['systems', '--profile', 'nowhere'], { FIELDKIT_DATA_DIR: dataDir });
    expect(code).toBe(2);
    expect(stderr).toContain('There is no profile named "nowhere"');
  });

  it('answers --help with the commands and exit codes', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of ['systems', 'models', 'subscribers', 'simulator'])
      expect(stdout).toContain(command);
    expect(stdout).toContain('3 authentication failed');
  });

  it('refuses a simulator page cap that is not a whole number of at least 1', async () => {
    const { code, stderr } = await cli(['simulator', '--page-cap', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('--page-cap must be a whole number from 1 to 10000, not "0"');
  });

  it("discovers on the demo's simulated LAN with --demo, sending nothing on the real network", async () => {
    const { code, stdout } = await cli(['discover', '--demo', '--system', lyon, '--json'], {
      FIELDKIT_DATA_DIR: dataDir,
    });
    expect(code).toBe(0);
    const { devices } = JSON.parse(stdout) as { devices: { ip: string; kind: string; pbx?: unknown }[] };
    expect(devices.length).toBeGreaterThan(5);
    expect(devices.every((device) => device.ip.startsWith('198.18.'))).toBe(true);
    expect(new Set(devices.map((device) => device.kind))).toEqual(new Set(['deskphone', 'dect-base']));
    expect(devices.every((device) => device.pbx !== undefined)).toBe(true);
  });

  it('runs as the built `fieldkit` command with the built-in demo', () => {
    const result = spawnSync(process.execPath, ['scripts/fieldkit.mjs', 'systems', '--demo', '--json'], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, FIELDKIT_DATA_DIR: dataDir },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as CloudPbx[]).length).toBe(2);
  });
});
