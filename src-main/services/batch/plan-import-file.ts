import type { CatalogChoice } from '../catalog';
import { planPreparedInSlices, prepareImport } from './import-planner';
import { readLineIdentities } from './plan-rows';
import type { ImportPlan } from './plan';
import { readImportFile } from './read-import-file';
import type { RowSlice } from './worker/plan-rows-wire';

export interface ImportFileJob {
  fileName: string;
  content: Uint8Array;
  systemId: string;
  reassign: boolean;
  mode: 'validate' | 'dry-run';
}

export interface ImportFilePorts {
  /** Only called once the file has been read and its header understood. */
  chooseCatalog: () => Promise<CatalogChoice>;
  /** Each slice of the plan's rows, in order, as soon as it is planned (the plan answered holds none). */
  onRows: (rows: RowSlice) => void;
}

/**
 * Reads the file, then (when it is readable) plans every line against the catalogue chosen for it; the rows go
 * to `onRows`, the rest of the plan is answered.
 */
export async function planImportFile(job: ImportFileJob, ports: ImportFilePorts): Promise<ImportPlan> {
  const table = await readImportFile(job.fileName, job.content, { cellsOnDemand: true });
  const prepared = prepareImport(job.fileName, job.systemId, table);
  if (!prepared.readable) return prepared.plan;
  // The catalogue is asked for first (it may be fetched), and every line's identifier read while it comes.
  const choice = ports.chooseCatalog();
  const identities = readLineIdentities(prepared);
  return planPreparedInSlices(prepared, await choice, { reassign: job.reassign }, ports.onRows, identities);
}
