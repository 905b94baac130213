import { randomBytes } from 'node:crypto';
import { PROBE_ACCOUNT } from './accounts';
import { keychainModuleError, keychainUnavailableError, reasonOf } from './keychain-unavailable';

/** The secret store, one service's worth of accounts. Every failure is a FieldkitError('keychain-unavailable'). */
export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when there was an entry to delete. */
  delete(account: string): Promise<boolean>;
  /** Resolves when secrets can be written and deleted right now; rejects with the reason otherwise. */
  probe(): Promise<void>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'fieldkit';

interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Manager, Secret Service on Linux).
 * keytar is a native module, loaded on first use so that a broken build is reported as a clear error
 * instead of stopping the app from starting.
 */
export function createKeytarKeychain(service: string = DEFAULT_KEYCHAIN_SERVICE): Keychain {
  let keytar: Promise<KeytarApi> | undefined;

  const call = async <T>(use: (api: KeytarApi) => Promise<T>): Promise<T> => {
    keytar ??= loadKeytar();
    const api = await keytar;
    try {
      return await use(api);
    } catch (error) {
      throw keychainUnavailableError(reasonOf(error), { cause: error });
    }
  };

  return {
    get: (account) => call((api) => api.getPassword(service, account)),
    set: (account, secret) => call((api) => api.setPassword(service, account, secret)),
    delete: (account) => call((api) => api.deletePassword(service, account)),
    // A read alone is not enough: a Secret Service without an unlocked default collection answers reads
    // (with nothing) but refuses every write.
    probe: () =>
      call(async (api) => {
        // An account of its own per probe: two processes probing at once (the app and the CLI) would otherwise
        // delete the item the other is writing, which the Secret Service reports as an error.
        const account = `${PROBE_ACCOUNT}-${randomBytes(6).toString('hex')}`;
        await api.setPassword(service, account, randomBytes(12).toString('hex'));
        await api.deletePassword(service, account);
      }),
  };
}

async function loadKeytar(): Promise<KeytarApi> {
  let loaded: unknown;
  try {
    loaded = await import('keytar');
  } catch (error) {
    throw keychainModuleError(reasonOf(error), error);
  }
  // keytar is CommonJS: Node's ESM loader puts its functions on `default`; bundlers may not.
  const api = isRecord(loaded) && isRecord(loaded.default) ? loaded.default : loaded;
  if (!isKeytarApi(api))
    throw keychainModuleError('it does not export getPassword, setPassword and deletePassword');
  return api;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isKeytarApi(value: unknown): value is KeytarApi {
  return (
    isRecord(value) &&
    typeof value.getPassword === 'function' &&
    typeof value.setPassword === 'function' &&
    typeof value.deletePassword === 'function'
  );
}
