import type { CatalogChoice, CatalogService, CatalogSource } from '../catalog';
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
  const chooseCatalog = async (): Promise<CatalogChoice> =>
    request.offline
      ? deps.catalogs.cached(request.systemId)
      : deps.catalogs.pull(await deps.connect(), request.systemId);
  return runImportWorker(request, { chooseCatalog, now: deps.now });
}
