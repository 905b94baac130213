import type { CatalogService, CatalogSource } from '../catalog';
import { planPrepared, prepareImport } from './import-planner';
import type { ImportPlan } from './plan';
import { readImportFile } from './read-import-file';
import { buildReport, type ImportReport } from './report';

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

export interface ImportValidation {
  plan: ImportPlan;
  report: ImportReport;
}

/**
 * Reads an import file and plans it against the CloudPBX: fetched live (and cached) unless offline, else the
 * cached catalogue. A file that cannot be read is reported without touching the network.
 */
export async function validateImport(
  request: ValidateImportRequest,
  deps: ValidateImportDeps,
): Promise<ImportValidation> {
  const table = await readImportFile(request.fileName, request.content);
  const prepared = prepareImport(request.fileName, request.systemId, table);
  if (!prepared.readable) {
    return { plan: prepared.plan, report: buildReport(prepared.plan, request.mode, deps.now()) };
  }
  const choice = request.offline
    ? await deps.catalogs.cached(request.systemId)
    : await deps.catalogs.pull(await deps.connect(), request.systemId);
  const plan = planPrepared(prepared, choice, { reassign: request.reassign });
  return { plan, report: buildReport(plan, request.mode, deps.now()) };
}
