import { createHash } from 'node:crypto';

/**
 * Names the folder a profile's catalogues live in. Profile names may hold spaces, @ or accents, so the key is
 * the name reduced to safe characters plus a short hash of the exact name (two names that reduce alike stay
 * apart). The app and the CLI derive the same key for the same profile, so they share the cache.
 */
export function profileCacheKey(profileName: string): string {
  return `profile-${readable(profileName)}-${shortHash(profileName)}`;
}

export const DEMO_CACHE_KEY = 'demo';

/** Credentials given through FIELDKIT_* variables have no profile name: the account identifies the cache. */
export function accountCacheKey(host: string, login: string): string {
  const account = `${host.trim().toLowerCase()}\n${login.trim().toLowerCase()}`;
  return `account-${readable(login.trim().toLowerCase())}-${shortHash(account)}`;
}

function readable(text: string): string {
  const reduced = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^A-Za-z0-9.-]+/g, '_')
    .replace(/^[._]+/, '');
  return reduced.slice(0, 40) || 'unnamed';
}

function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10);
}
