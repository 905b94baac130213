import type { ApplyRuns, RunAccess } from '../../services/batch/apply/apply-runs';
import { CatalogService, type CatalogStore } from '../../services/catalog';
import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';
import type { UploadStore } from '../../services/files/upload-store';

export interface BatchHandlerDeps {
  session: SessionService<RainbowClient>;
  catalogs: CatalogStore;
  now: () => number;
  runs: ApplyRuns;
  /**
   * The key of the account in use, under which its catalogues and import journals are kept (the signed-in
   * profile, or the last one tried: offline work needs no live session); `not-signed-in` when there is none.
   */
  accountKey: () => string;
  /** The CLI may name a run's journal file (`--journal PATH`); a renderer never names paths. */
  explicitJournals: boolean;
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

export function catalogsOf(deps: BatchHandlerDeps): CatalogService {
  return new CatalogService(deps.catalogs, deps.accountKey(), deps.now);
}

/** Applying needs the live session: its client, its profile's catalogues and journals, its latest scan. */
export function runAccess(deps: BatchHandlerDeps): RunAccess {
  const client = deps.session.client();
  const discovered = deps.discovered();
  return {
    client,
    catalogs: catalogsOf(deps),
    profileKey: deps.accountKey(),
    ...(discovered === undefined ? {} : { discovered }),
  };
}
