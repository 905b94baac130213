import type { ApplyRuns, RunAccess } from '../../services/batch/apply/apply-runs';
import { CatalogService, DEMO_CACHE_KEY, profileCacheKey, type CatalogStore } from '../../services/catalog';
import { FieldkitError } from '../../services/errors';
import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';

export interface BatchHandlerDeps {
  session: SessionService<RainbowClient>;
  catalogs: CatalogStore;
  now: () => number;
  runs: ApplyRuns;
  /** The MAC addresses the latest LAN discovery of the session saw; undefined when there is none. */
  discovered: () => readonly string[] | undefined;
}

export function decodeContent(input: { content: string; encoding: 'base64' | 'text' }): Uint8Array {
  return input.encoding === 'base64'
    ? new Uint8Array(Buffer.from(input.content, 'base64'))
    : new TextEncoder().encode(input.content);
}

/**
 * The key of the profile in use, under which its catalogues and import journals are kept. Offline work needs
 * no live session, only to know the profile: the one signed in, or the last one tried (a technician who lost
 * the network stays on it).
 */
export function profileKeyOf({ session }: Pick<BatchHandlerDeps, 'session'>): string {
  const { demo, profile } = session.state;
  if (demo) return DEMO_CACHE_KEY;
  if (profile === undefined) {
    throw new FieldkitError({
      code: 'not-signed-in',
      message: 'Sign in with a profile first: catalogues and imports are kept per profile.',
    });
  }
  return profileCacheKey(profile);
}

export function catalogsOf(deps: BatchHandlerDeps): CatalogService {
  return new CatalogService(deps.catalogs, profileKeyOf(deps), deps.now);
}

/** Applying needs the live session: its client, its profile's catalogues and journals, its latest scan. */
export function runAccess(deps: BatchHandlerDeps): RunAccess {
  const client = deps.session.client();
  const discovered = deps.discovered();
  return {
    client,
    catalogs: catalogsOf(deps),
    profileKey: profileKeyOf(deps),
    ...(discovered === undefined ? {} : { discovered }),
  };
}
