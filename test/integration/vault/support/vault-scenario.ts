import { isFieldkitError, type FieldkitErrorData } from '../../../../src-main/services/errors';
import { CredentialVault, createKeytarKeychain } from '../../../../src-main/services/vault';

/** Run in a child process by run-typescript.mjs: each step of the vault, and how it ended. */
export type StepOutcome = { ok: true; value: unknown } | { ok: false; error: FieldkitErrorData | string };

export const NEW_PROFILE = {
  name: 'Unreachable',
  host: 'openrainbow.com',
  login: 'tech@example.com',
  appId: 'app-unreachable',
  password: 'pw-unreachable-31',
  appSecret: 'as-unreachable-42',
};

/** args: keychain service, data folder, name of a saved profile, then the steps to run in order. */
export async function main([service, dataDir, savedName, ...steps]: string[]): Promise<
  Record<string, StepOutcome>
> {
  if (!service || !dataDir || !savedName)
    throw new Error('usage: <service> <dataDir> <savedName> <steps...>');
  const vault = new CredentialVault({ keychain: createKeytarKeychain(service), dataDir });
  const run: Record<string, () => Promise<unknown>> = {
    check: () => vault.checkAvailable(),
    save: () => vault.save(NEW_PROFILE),
    credentials: () => vault.credentials(savedName),
    remove: () => vault.remove(savedName),
    list: () => vault.list(),
  };
  const outcomes: Record<string, StepOutcome> = {};
  for (const step of steps) {
    const action = run[step];
    if (!action) throw new Error(`unknown step ${step}`);
    outcomes[step] = await action().then(
      (value): StepOutcome => ({ ok: true, value }),
      (error: unknown): StepOutcome => ({
        ok: false,
        error: isFieldkitError(error) ? error.toData() : String(error),
      }),
    );
  }
  return outcomes;
}
