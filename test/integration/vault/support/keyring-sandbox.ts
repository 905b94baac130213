import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as KeytarModule from 'keytar';

export const RUN_COMMAND =
  'scripts/with-keyring.sh npx vitest run --project integration test/integration/vault';

/** Read straight from the keychain, bypassing the vault (keytar is CommonJS; require gives all of it). */
export const keytar = createRequire(import.meta.url)('keytar') as typeof KeytarModule;

/**
 * The throw-away keyring that scripts/with-keyring.sh starts. Tests refuse to run without it: they would
 * otherwise fail for want of a keychain, or write into the developer's own.
 */
export function requireKeyringSandbox(): string {
  const sandbox = process.env.FIELDKIT_KEYRING_SANDBOX;
  const home = process.env.HOME ?? '';
  if (!sandbox || !home.startsWith(sandbox) || !process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      `The vault integration tests need the throw-away keyring of scripts/with-keyring.sh. Run them as:\n  ${RUN_COMMAND}`,
    );
  }
  return sandbox;
}

/** A keychain service name of its own for this run, so runs never see each other's entries. */
export function uniqueServiceName(): string {
  return `fieldkit-test-${randomUUID()}`;
}

export async function deleteAllEntries(service: string): Promise<void> {
  for (const { account } of await keytar.findCredentials(service))
    await keytar.deletePassword(service, account);
}

/** A data folder of its own, inside the sandbox (removed with it even if a test forgets). */
export function makeDataDir(sandbox: string): Promise<string> {
  return mkdtemp(join(sandbox, 'vault-data-'));
}

export function removeDir(dir: string | undefined): Promise<void> {
  return dir === undefined ? Promise.resolve() : rm(dir, { recursive: true, force: true });
}
