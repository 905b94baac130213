import { FieldkitError, isFieldkitError, type FieldkitErrorData } from '../errors';
import type { Redactor } from '../log/redactor';
import { SECRET_KINDS, sameProfile, secretAccount, type SecretKind } from './accounts';
import type { Keychain } from './keychain';
import { keychainUnavailableError, reasonOf } from './keychain-unavailable';
import { toRecord, validateProfile, type Profile, type ProfileRecord } from './profile-file';
import { ProfileStore } from './profile-store';

export interface CredentialVaultOptions {
  keychain: Keychain;
  /** Folder of `profiles.json`; created on the first save. */
  dataDir: string;
  /** Learns every secret the vault reads or saves, so no log line can show one. */
  redactor?: Redactor;
}

export interface KeychainStatus {
  available: boolean;
  error?: FieldkitErrorData;
}

interface WrittenSecret {
  account: string;
  previous: string | null;
}

/**
 * Named sign-in profiles: host, login and app id in `profiles.json`, password and app secret in the OS
 * keychain, never in a file. Tokens are not the vault's business. Changes are applied one at a time.
 */
export class CredentialVault {
  readonly #keychain: Keychain;
  readonly #store: ProfileStore;
  readonly #redactor: Redactor | undefined;
  #changes: Promise<unknown> = Promise.resolve();

  constructor(options: CredentialVaultOptions) {
    this.#keychain = options.keychain;
    this.#store = new ProfileStore(options.dataDir);
    this.#redactor = options.redactor;
  }

  /** The saved profiles, without secrets, in the order they were first saved. */
  list(): Promise<ProfileRecord[]> {
    return this.#store.read();
  }

  /**
   * Adds the profile, or replaces the one of the same name (names are compared without regard to case).
   * All or nothing: when a secret or the profile list cannot be written, the secrets written so far are put
   * back as they were and the profile list is left untouched.
   */
  async save(input: Profile): Promise<ProfileRecord> {
    const profile = validateProfile(input);
    this.#redactor?.add(profile.password);
    this.#redactor?.add(profile.appSecret);
    return this.#oneAtATime(async () => {
      const records = await this.#store.read();
      const written: WrittenSecret[] = [];
      try {
        for (const [kind, secret] of secretsOf(profile)) {
          const account = secretAccount(profile.name, kind);
          const previous = await this.#keychain.get(account);
          await this.#keychain.set(account, secret);
          written.push({ account, previous });
        }
        const record = toRecord(profile);
        const index = records.findIndex((existing) => sameProfile(existing.name, record.name));
        await this.#store.write(index === -1 ? [...records, record] : records.with(index, record));
        return record;
      } catch (error) {
        await this.#restore(written);
        throw error;
      }
    });
  }

  /** The profile with its secrets, read from the keychain now. */
  async credentials(name: string): Promise<Profile> {
    const record = (await this.#store.read()).find((existing) => sameProfile(existing.name, name));
    if (!record) throw profileNotFound(name);
    const password = await this.#keychain.get(secretAccount(record.name, 'password'));
    const appSecret = await this.#keychain.get(secretAccount(record.name, 'app-secret'));
    if (password === null || appSecret === null) {
      // A keychain that cannot store anything (no unlocked default collection) also finds nothing: say that.
      await this.#keychain.probe();
      throw secretsMissing(record.name, password, appSecret);
    }
    this.#redactor?.add(password);
    this.#redactor?.add(appSecret);
    return { ...record, password, appSecret };
  }

  /** Deletes the profile and its secrets. False when there was nothing of that name. */
  remove(name: string): Promise<boolean> {
    return this.#oneAtATime(async () => {
      const records = await this.#store.read();
      let deletedSecret = false;
      // Secrets first: when the keychain is unavailable, nothing has changed yet.
      for (const kind of SECRET_KINDS) {
        if (await this.#keychain.delete(secretAccount(name, kind))) deletedSecret = true;
      }
      const remaining = records.filter((existing) => !sameProfile(existing.name, name));
      if (remaining.length === records.length) return deletedSecret;
      await this.#store.write(remaining);
      return true;
    });
  }

  /** Whether secrets can be stored right now, and if not, why and how to fix it. */
  async checkAvailable(): Promise<KeychainStatus> {
    try {
      await this.#keychain.probe();
      return { available: true };
    } catch (error) {
      const failure = isFieldkitError(error)
        ? error
        : keychainUnavailableError(reasonOf(error), { cause: error });
      return { available: false, error: failure.toData() };
    }
  }

  async #restore(written: readonly WrittenSecret[]): Promise<void> {
    for (const { account, previous } of [...written].reverse()) {
      try {
        if (previous === null) await this.#keychain.delete(account);
        else await this.#keychain.set(account, previous);
      } catch {
        // The error that made the save fail is the one worth reporting; keep restoring the others.
      }
    }
  }

  #oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const result = this.#changes.then(change);
    this.#changes = result.catch(() => undefined);
    return result;
  }
}

function secretsOf(profile: Profile): Array<[SecretKind, string]> {
  return [
    ['password', profile.password],
    ['app-secret', profile.appSecret],
  ];
}

function profileNotFound(name: string): FieldkitError {
  return new FieldkitError({
    code: 'profile-not-found',
    message: `There is no profile named "${name}".`,
    hint: 'Pick one of the saved profiles, or add this one first.',
  });
}

function secretsMissing(name: string, password: string | null, appSecret: string | null): FieldkitError {
  const both = password === null && appSecret === null;
  const missing = both ? 'password and app secret' : password === null ? 'password' : 'app secret';
  return new FieldkitError({
    code: 'profile-not-found',
    message: `The ${missing} of profile "${name}" ${both ? 'are' : 'is'} no longer in the system keychain.`,
    hint:
      `Something outside Fieldkit removed ${both ? 'them' : 'it'} (a keyring reset or another program). ` +
      'Save the profile again with its password and app secret.',
  });
}
