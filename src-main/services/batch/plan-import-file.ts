import type { CatalogChoice } from '../catalog';
import { planPrepared, prepareImport } from './import-planner';
import type { ImportPlan } from './plan';
import { readImportFile } from './read-import-file';
import { buildReport, type ImportReport } from './report';

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
  now: () => number;
}

export interface ImportValidation {
  plan: ImportPlan;
  report: ImportReport;
}

/** Reads the file, then (when it is readable) plans every line against the catalogue chosen for it. */
export async function planImportFile(job: ImportFileJob, ports: ImportFilePorts): Promise<ImportValidation> {
  const table = await readImportFile(job.fileName, job.content);
  const prepared = prepareImport(job.fileName, job.systemId, table);
  if (!prepared.readable) {
    return { plan: prepared.plan, report: buildReport(prepared.plan, job.mode, ports.now()) };
  }
  const plan = planPrepared(prepared, await ports.chooseCatalog(), { reassign: job.reassign });
  return { plan, report: buildReport(plan, job.mode, ports.now()) };
}
