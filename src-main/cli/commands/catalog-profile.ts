import { defaultDataDir } from '../../app/data-dir';
import {
  accountCacheKey,
  CatalogService,
  CatalogStore,
  DEMO_CACHE_KEY,
  profileCacheKey,
} from '../../services/catalog';
import { normaliseRainbowHost } from '../../services/rainbow';
import { UsageError, type OptionValues } from '../command';
import { credentialsFromEnv } from '../credentials';

/**
 * The catalogues of the account the command runs as: the --profile's (shared with the app), the demo's, or
 * those of the FIELDKIT_* account. Known without signing in, so offline validation can find them.
 */
export function catalogServiceFor(
  values: OptionValues,
  env: NodeJS.ProcessEnv,
  now: () => number = Date.now,
): CatalogService {
  const store = new CatalogStore(defaultDataDir(env));
  return new CatalogService(store, cacheKeyFor(values, env), now);
}

function cacheKeyFor(values: OptionValues, env: NodeJS.ProcessEnv): string {
  if (values.demo === true) return DEMO_CACHE_KEY;
  if (typeof values.profile === 'string') return profileCacheKey(values.profile);
  const credentials = credentialsFromEnv(env);
  if (credentials !== undefined)
    return accountCacheKey(normaliseRainbowHost(credentials.host).origin, credentials.login);
  throw new UsageError(
    'Catalogues are kept per account: pass --profile NAME, set the FIELDKIT_* variables, or use --demo.',
  );
}
