import type { ImportFileJob } from '../plan-import-file';
import type { RowSlice } from './plan-rows-wire';

/** What the worker starts with (the file's bytes are transferred, not copied). */
export interface ImportJobData {
  job: ImportFileJob;
}

/**
 * From the worker: it needs the catalogue; a slice of the plan's rows (in order, as plan-rows-wire.ts writes
 * them); it is done (the plan without its rows, as JSON text); or it failed.
 */
export type FromImportWorker =
  | { type: 'needs-catalog' }
  | { type: 'rows'; rows: RowSlice }
  | { type: 'done'; plan: string }
  | { type: 'failed'; message: string };

/** To the worker: the catalogue it asked for (a `CatalogChoice`, as JSON text). */
export interface CatalogReply {
  type: 'catalog';
  choice: string;
}
