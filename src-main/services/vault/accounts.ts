/**
 * Where a profile's secrets live in the keychain: one entry per secret under the vault's service name, with
 * the account `<profile key>/password` and `<profile key>/app-secret`. The profile key is the name in NFC and
 * lower case, because Windows Credential Manager matches names without regard to case: `Site` and `site` are
 * one profile on every platform. Profile names cannot contain `/`, so an account names exactly one profile.
 */
export type SecretKind = 'password' | 'app-secret';

export const SECRET_KINDS: readonly SecretKind[] = ['password', 'app-secret'];

/** Prefix of the keychain accounts the availability probe writes and deletes; no `/`, so never a profile's. */
export const PROBE_ACCOUNT = 'fieldkit-availability-probe';

export function profileKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

export function sameProfile(a: string, b: string): boolean {
  return profileKey(a) === profileKey(b);
}

export function secretAccount(profileName: string, kind: SecretKind): string {
  return `${profileKey(profileName)}/${kind}`;
}
