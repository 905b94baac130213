import type { ApplyRuns, RunAccess } from '../../services/batch/apply/apply-runs';
import { CatalogService, DEMO_CACHE_KEY, profileCacheKey, type CatalogStore } from '../../services/catalog';
import { FieldkitError } from '../../services/errors';
import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';
import type { UploadStore } from '../../services/files/upload-store';

export interface BatchHandlerDeps {
  session: SessionService<RainbowClient>;
  catalogs: CatalogStore;
  now: () => number;
  runs: ApplyRuns;
  /** The MAC addresses the latest LAN discovery of the session saw; undefined when there is none. */
  discovered: () => readonly string[] | undefined;
  /** Files the window uploaded, which calls name by `fileId`. */
  uploads: UploadStore;
}

/** The bytes of the file a call names: an upload, or content given inline (the contract allows one of them). */
export async function fileBytes(
  input: { fileId?: string | undefined; content?: string | undefined; encoding: 'base64' | 'text' },
  { uploads }: Pick<BatchHandlerDeps, 'uploads'>,
): Promise<Uint8Array> {
  if (input.fileId !== undefined) return uploads.read(input.fileId);
  const content = input.content ?? '';
  return input.encoding === 'base64'
    ? new Uint8Array(Buffer.from(content, 'base64'))
    : new TextEncoder().encode(content);
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
