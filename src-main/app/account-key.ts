import type { SessionState } from '../api/types';
import { accountCacheKey, DEMO_CACHE_KEY, profileCacheKey } from '../services/catalog';
import { FieldkitError } from '../services/errors';
import { normaliseRainbowHost } from '../services/rainbow';
import type { Credentials } from '../services/session/session-service';

/**
 * The folder name of the account a session works as: a profile's (shared by the app and the CLI), the demo's,
 * or, for the CLI's FIELDKIT_* credentials, which have no profile name, the account's host and login.
 */
export function accountKeyOf(state: SessionState, environment: Credentials | undefined): string {
  if (state.demo) return DEMO_CACHE_KEY;
  if (state.environment && environment !== undefined) {
    return accountCacheKey(normaliseRainbowHost(environment.host).origin, environment.login);
  }
  if (state.profile !== undefined) return profileCacheKey(state.profile);
  throw new FieldkitError({
    code: 'not-signed-in',
    message: 'Sign in with a profile first: catalogues and imports are kept per profile.',
  });
}
