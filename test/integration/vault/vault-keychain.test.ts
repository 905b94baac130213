import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFieldkitError } from '../../../src-main/services/errors';
import { Redactor } from '../../../src-main/services/log/redactor';
import { CredentialVault, createKeytarKeychain, type Keychain } from '../../../src-main/services/vault';
import {
  deleteAllEntries,
  keytar,
  makeDataDir,
  removeDir,
  requireKeyringSandbox,
  uniqueServiceName,
} from './support/keyring-sandbox';

const site = {
  name: 'Lyon HQ',
  host: 'openrainbow.com',
  login: 'tech@example.com',
  appId: 'app-lyon-0001',
  password: 'pw-Lyon-5c1f9e',
  appSecret: 'secret-Lyon-77aa01',
};

const service = uniqueServiceName();
const keychain = createKeytarKeychain(service);
let dataDir: string | undefined;

beforeEach(async () => {
  // Checked before each test rather than once, so that outside the sandbox every test fails saying why.
  dataDir = await makeDataDir(requireKeyringSandbox());
});

afterEach(async () => {
  if (dataDir === undefined) return;
  await removeDir(dataDir);
  dataDir = undefined;
  await deleteAllEntries(service);
});

function newVault(options: { keychain?: Keychain; redactor?: Redactor } = {}): CredentialVault {
  if (dataDir === undefined) throw new Error('no data folder');
  return new CredentialVault({ keychain: options.keychain ?? keychain, dataDir, redactor: options.redactor });
}

function profilesFile(): string {
  if (dataDir === undefined) throw new Error('no data folder');
  return join(dataDir, 'profiles.json');
}

describe('CredentialVault on the real keychain', () => {
  it('starts empty when there is no profiles.json', async () => {
    expect(await newVault().list()).toEqual([]);
  });

  it('saves, lists, reads back and removes a profile', async () => {
    const vault = newVault();
    const saved = await vault.save(site);
    expect(saved).toEqual({
      name: 'Lyon HQ',
      host: 'openrainbow.com',
      login: 'tech@example.com',
      appId: 'app-lyon-0001',
    });
    expect(await vault.list()).toEqual([saved]);
    expect(await vault.credentials('Lyon HQ')).toEqual(site);

    // A second vault over the same folder and keychain sees the same thing: nothing lives only in memory.
    expect(await newVault().credentials('lyon hq')).toEqual(site);

    expect(await vault.remove('Lyon HQ')).toBe(true);
    expect(await vault.list()).toEqual([]);
    expect(await vault.remove('Lyon HQ')).toBe(false);
  });

  it('stores the secrets in the keychain under <name>/password and <name>/app-secret', async () => {
    await newVault().save(site);
    const entries = await keytar.findCredentials(service);
    expect(entries.sort((a, b) => a.account.localeCompare(b.account))).toEqual([
      { account: 'lyon hq/app-secret', password: site.appSecret },
      { account: 'lyon hq/password', password: site.password },
    ]);
  });

  it('writes the secrets into the sandbox keyring file on disk', async () => {
    const keyringFile = join(process.env.HOME ?? '', '.local/share/keyrings/login.keyring');
    const before = await readFile(keyringFile);
    await newVault().save(site);
    const after = await readFile(keyringFile);
    expect(after.equals(before)).toBe(false);
  });

  it('never writes a secret into profiles.json, and keeps the file private', async () => {
    await newVault().save(site);
    const text = await readFile(profilesFile(), 'utf8');
    expect(text).not.toContain(site.password);
    expect(text).not.toContain(site.appSecret);
    expect(JSON.parse(text)).toEqual({
      version: 1,
      profiles: [
        { name: 'Lyon HQ', host: 'openrainbow.com', login: 'tech@example.com', appId: 'app-lyon-0001' },
      ],
    });
    expect((await stat(profilesFile())).mode & 0o777).toBe(0o600);
  });

  it('overwrites a profile of the same name, whatever its case, in place', async () => {
    const vault = newVault();
    await vault.save(site);
    await vault.save({ ...site, name: 'Paris', appId: 'app-paris' });
    const changed = {
      ...site,
      name: 'LYON HQ',
      host: 'eu.openrainbow.com',
      password: 'pw-new-8d2c',
      appSecret: 'as-new-19ef',
    };
    await vault.save(changed);

    expect((await vault.list()).map((profile) => [profile.name, profile.host])).toEqual([
      ['LYON HQ', 'eu.openrainbow.com'],
      ['Paris', 'openrainbow.com'],
    ]);
    expect(await vault.credentials('Lyon HQ')).toEqual(changed);
    expect(await keytar.getPassword(service, 'lyon hq/password')).toBe('pw-new-8d2c');
  });

  it('applies saves made at the same time one after the other, losing none', async () => {
    const vault = newVault();
    const names = ['A1', 'B2', 'C3', 'D4', 'E5'];
    await Promise.all(names.map((name) => vault.save({ ...site, name, password: `pw-${name}-xyz` })));
    expect((await vault.list()).map((profile) => profile.name).sort()).toEqual(names);
    expect((await vault.credentials('C3')).password).toBe('pw-C3-xyz');
  });

  it('deletes the secrets from the keychain on remove, and only those of that profile', async () => {
    const vault = newVault();
    await vault.save(site);
    await vault.save({ ...site, name: 'Paris', password: 'pw-paris-1234', appSecret: 'as-paris-5678' });
    expect(await keytar.getPassword(service, 'lyon hq/password')).toBe(site.password);

    await vault.remove('Lyon HQ');

    expect(await keytar.getPassword(service, 'lyon hq/password')).toBeNull();
    expect(await keytar.getPassword(service, 'lyon hq/app-secret')).toBeNull();
    expect(await keytar.getPassword(service, 'paris/password')).toBe('pw-paris-1234');
    expect((await vault.credentials('Paris')).appSecret).toBe('as-paris-5678');
  });

  it('says which profile is unknown', async () => {
    const error = await newVault()
      .credentials('Nowhere')
      .catch((caught: unknown) => caught);
    expect(isFieldkitError(error, 'profile-not-found')).toBe(true);
    expect(error).toMatchObject({ message: 'There is no profile named "Nowhere".' });
  });

  it('says so when the secrets of a profile vanished from the keychain', async () => {
    const vault = newVault();
    await vault.save(site);
    await keytar.deletePassword(service, 'lyon hq/app-secret');

    const error = await vault.credentials('Lyon HQ').catch((caught: unknown) => caught);
    expect(isFieldkitError(error, 'profile-not-found')).toBe(true);
    expect(error).toMatchObject({
      message: 'The app secret of profile "Lyon HQ" is no longer in the system keychain.',
      hint: expect.stringContaining('Save the profile again') as unknown,
    });
  });

  it('teaches the redactor every secret it reads', async () => {
    await newVault().save(site);
    const redactor = new Redactor();
    await newVault({ redactor }).credentials('Lyon HQ');
    expect(redactor.redact(`login ${site.password} / ${site.appSecret}`)).toBe(
      'login [redacted] / [redacted]',
    );
  });

  it('reports the keychain as available', async () => {
    expect(await newVault().checkAvailable()).toEqual({ available: true });
    expect(await keytar.findCredentials(service)).toEqual([]);
  });

  it('answers many availability probes at once (the app and the CLI probe concurrently)', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => newVault().checkAvailable()));
    expect(answers).toEqual(Array.from({ length: 12 }, () => ({ available: true })));
    expect(await keytar.findCredentials(service)).toEqual([]);
  });

  it('rejects a damaged profiles.json with the file named, and leaves it alone', async () => {
    await writeFile(profilesFile(), '{"version":1,"profiles":[{"name":"x"', 'utf8');
    const vault = newVault();
    const error = await vault.list().catch((caught: unknown) => caught);
    expect(isFieldkitError(error, 'internal')).toBe(true);
    expect((error as Error).message).toMatch(
      /^The profile list .*profiles\.json is damaged: it is not valid JSON/,
    );
    await expect(vault.save(site)).rejects.toThrow(/is damaged/);
    expect(await keytar.findCredentials(service)).toEqual([]);
    expect(await readFile(profilesFile(), 'utf8')).toBe('{"version":1,"profiles":[{"name":"x"');
  });
});

describe('CredentialVault saving all or nothing', () => {
  /** The real keychain, except that writing an app secret fails the way an unavailable keychain does. */
  function keychainFailingOn(suffix: string): Keychain {
    return {
      ...keychain,
      set: async (account, secret) => {
        if (account.endsWith(suffix)) throw new Error('simulated failure of the keychain');
        await keychain.set(account, secret);
      },
    };
  }

  it('rolls back the secrets of a new profile and writes no profiles.json', async () => {
    const vault = newVault({ keychain: keychainFailingOn('/app-secret') });
    await expect(vault.save(site)).rejects.toThrow('simulated failure of the keychain');
    expect(await keytar.findCredentials(service)).toEqual([]);
    await expect(stat(profilesFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('puts back the previous secrets and record of a profile being overwritten', async () => {
    await newVault().save(site);
    const vault = newVault({ keychain: keychainFailingOn('/app-secret') });
    await expect(
      vault.save({ ...site, host: 'changed.example.com', password: 'pw-changed-00' }),
    ).rejects.toThrow();
    expect(await vault.credentials('Lyon HQ')).toEqual(site);
  });
});
