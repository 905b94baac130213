import type { CatalogChoice } from '../../catalog';
import type { ImportFileJob, ImportValidation } from '../plan-import-file';

/** What the worker starts with. */
export interface ImportJobData {
  job: ImportFileJob;
  now: number;
}

/** From the worker: it needs the catalogue, it is done, or it failed. */
export type FromImportWorker =
  | { type: 'needs-catalog' }
  | { type: 'done'; validation: ImportValidation }
  | { type: 'failed'; message: string };

/** To the worker: the catalogue it asked for, with the time it was chosen. */
export interface CatalogReply {
  type: 'catalog';
  choice: CatalogChoice;
  now: number;
}
