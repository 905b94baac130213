import type { ImportFileJob } from '../plan-import-file';

/** What the worker starts with (the file's bytes are transferred, not copied). */
export interface ImportJobData {
  job: ImportFileJob;
}

/** From the worker: it needs the catalogue, it is done (the plan, as JSON bytes), or it failed. */
export type FromImportWorker =
  { type: 'needs-catalog' } | { type: 'done'; plan: Uint8Array } | { type: 'failed'; message: string };

/** To the worker: the catalogue it asked for (a `CatalogChoice`, as JSON bytes). */
export interface CatalogReply {
  type: 'catalog';
  choice: Uint8Array;
}
