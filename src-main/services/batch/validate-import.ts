import type { CatalogService, CatalogSource } from '../catalog';
import { runImportWorker, type ImportValidation } from './worker/run-import-worker';

export type { ImportValidation } from './worker/run-import-worker';

export interface ValidateImportRequest {
  fileName: string;
  content: Uint8Array;
  systemId: string;
  /** Check against the cached catalogue instead of fetching the CloudPBX's current state. */
  offline: boolean;
  /** Plan moving devices that another subscriber holds, instead of flagging them as conflicts. */
  reassign: boolean;
  mode: 'validate' | 'dry-run';
}

export interface ValidateImportDeps {
  catalogs: CatalogService;
  /** The signed-in client; only called when validating online. */
  connect: () => Promise<CatalogSource>;
  now: () => number;
}

/**
 * Reads an import file and plans it against the CloudPBX: fetched live (and cached) unless offline, else the
 * cached catalogue. The file is read and checked in a worker thread with a memory limit of its own, so a
 * hostile file fails its own validation and never the process or its event loop. A file that cannot be read
 * is reported without touching the network.
 */
export function validateImport(
  request: ValidateImportRequest,
  deps: ValidateImportDeps,
): Promise<ImportValidation> {
  // Offline, the cached catalogue is read from disk while the worker reads the file: no network is touched,
  // and a failure to read it only shows if the file turns out to need it.
  const cached = request.offline ? deps.catalogs.cachedAsText(request.systemId) : undefined;
  cached?.catch(() => undefined);
  const chooseCatalog = async (): Promise<string> =>
    cached ?? JSON.stringify(await deps.catalogs.pull(await deps.connect(), request.systemId));
  return runImportWorker(request, { chooseCatalog, now: deps.now });
}
