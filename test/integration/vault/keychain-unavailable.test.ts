import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialVault, createKeytarKeychain } from '../../../src-main/services/vault';
import {
  deleteAllEntries,
  keytar,
  makeDataDir,
  removeDir,
  requireKeyringSandbox,
  uniqueServiceName,
} from './support/keyring-sandbox';
import type { StepOutcome } from './support/vault-scenario';

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const launcher = fileURLToPath(new URL('./support/run-typescript.mjs', import.meta.url));
const scenario = fileURLToPath(new URL('./support/vault-scenario.ts', import.meta.url));

const saved = {
  name: 'Lyon HQ',
  host: 'openrainbow.com',
  login: 'tech@example.com',
  appId: 'app-lyon-0001',
  password: 'pw-Lyon-5c1f9e',
  appSecret: 'secret-Lyon-77aa01',
};
const savedRecord = { name: saved.name, host: saved.host, login: saved.login, appId: saved.appId };

const service = uniqueServiceName();
let sandbox: string;
let dataDir: string | undefined;

beforeEach(async () => {
  // Checked before each test rather than once, so that outside the sandbox every test fails saying why.
  sandbox = requireKeyringSandbox();
  dataDir = await makeDataDir(sandbox);
  await new CredentialVault({ keychain: createKeytarKeychain(service), dataDir }).save(saved);
});

afterEach(async () => {
  if (dataDir === undefined) return;
  await removeDir(dataDir);
  dataDir = undefined;
  await deleteAllEntries(service);
});

/** The environment of this process without any way to reach its keyring (nor a display to prompt on). */
function environmentWithoutKeyring(): NodeJS.ProcessEnv {
  const hidden = new Set(['DBUS_SESSION_BUS_ADDRESS', 'GNOME_KEYRING_CONTROL', 'DISPLAY', 'WAYLAND_DISPLAY']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !hidden.has(name)));
}

async function runVaultInChild(
  command: string[],
  env: NodeJS.ProcessEnv,
  steps: string[],
): Promise<Record<string, StepOutcome>> {
  const [program = process.execPath, ...prefix] = command;
  const args = [...prefix, launcher, scenario, service, dataDir ?? '', saved.name, ...steps];
  const { stdout } = await run(program, args, { env, cwd: projectRoot, timeout: 25_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, StepOutcome>;
}

async function savedSecretsInKeychain(): Promise<Array<string | null>> {
  return [
    await keytar.getPassword(service, 'lyon hq/password'),
    await keytar.getPassword(service, 'lyon hq/app-secret'),
  ];
}

describe('the vault when no keychain is reachable', () => {
  it('says so, why, and how to fix it, and changes nothing (no D-Bus session)', async () => {
    const env = {
      ...environmentWithoutKeyring(),
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${sandbox}/no-such-bus`,
    };
    const outcomes = await runVaultInChild([process.execPath], env, [
      'check',
      'save',
      'credentials',
      'remove',
      'list',
    ]);

    const unavailable = {
      code: 'keychain-unavailable',
      message: 'The system keychain is not reachable: Could not connect: No such file or directory',
      hint: expect.stringMatching(
        /^A Secret Service such as gnome-keyring must be running and unlocked in this D-Bus session/,
      ) as unknown,
    };
    expect(outcomes.check).toEqual({ ok: true, value: { available: false, error: unavailable } });
    expect(outcomes.save).toEqual({ ok: false, error: unavailable });
    expect(outcomes.credentials).toEqual({ ok: false, error: unavailable });
    expect(outcomes.remove).toEqual({ ok: false, error: unavailable });
    expect(outcomes.list).toEqual({ ok: true, value: [savedRecord] });

    const check = outcomes.check as { ok: true; value: { error: { hint: string } } };
    expect(check.value.error.hint).toContain('never stores passwords in plain text');
    expect(await savedSecretsInKeychain()).toEqual([saved.password, saved.appSecret]);
    expect(await keytar.getPassword(service, 'unreachable/password')).toBeNull();
  });

  it('says so when the Secret Service answers but has no unlocked keyring to store into', async () => {
    // A fresh D-Bus session and HOME: gnome-keyring is started on demand but has no login keyring, so reads
    // find nothing and every write is refused. A read-only check would wrongly call that available.
    const home = join(sandbox, `empty-home-${process.pid}`);
    await mkdir(join(home, 'runtime'), { recursive: true, mode: 0o700 });
    const env = {
      ...environmentWithoutKeyring(),
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_RUNTIME_DIR: join(home, 'runtime'),
    };
    try {
      const outcomes = await runVaultInChild(['dbus-run-session', '--', process.execPath], env, [
        'check',
        'save',
        'credentials',
      ]);
      const unavailable = {
        code: 'keychain-unavailable',
        message: expect.stringMatching(/^The system keychain is not reachable: \S/) as unknown,
        hint: expect.stringContaining('gnome-keyring') as unknown,
      };
      expect(outcomes.check).toEqual({ ok: true, value: { available: false, error: unavailable } });
      expect(outcomes.save).toEqual({ ok: false, error: unavailable });
      expect(outcomes.credentials).toEqual({ ok: false, error: unavailable });
      expect(JSON.parse(await readFile(join(dataDir ?? '', 'profiles.json'), 'utf8'))).toEqual({
        version: 1,
        profiles: [savedRecord],
      });
    } finally {
      await removeDir(home);
    }
  });
});
