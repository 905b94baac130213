import { parentPort, workerData } from 'node:worker_threads';
import type { CatalogChoice } from '../../catalog';
import { planImportFile } from '../plan-import-file';
import type { CatalogReply, FromImportWorker, ImportJobData } from './import-job-messages';

/**
 * The worker thread that reads and plans one import file (see run-import-worker.ts). It asks the thread that
 * started it for the catalogue, which needs the network and the session, and sends the plan's rows a slice at
 * a time as it plans them, then the rest of the plan.
 */
const port = parentPort;
if (port === null) throw new Error('import-worker runs as a worker thread only');
const { job } = workerData as ImportJobData;

const post = (message: FromImportWorker): void => port.postMessage(message);

const chooseCatalog = (): Promise<CatalogChoice> =>
  new Promise((resolve) => {
    port.once('message', (reply: CatalogReply) => resolve(JSON.parse(reply.choice) as CatalogChoice));
    post({ type: 'needs-catalog' });
  });

planImportFile(job, {
  chooseCatalog,
  onRows: (rows) => {
    // Copied, not transferred (1.4 MB a slice, well under a millisecond): V8 assumes no ArrayBuffer of a thread
    // is ever detached until one is, and the first transfer threw away every optimised function of the worker
    // that reads or writes a typed array (the row writer, the identity table), seen with --trace-opt.
    port.postMessage({ type: 'rows', rows } satisfies FromImportWorker);
  },
}).then(
  (plan) => post({ type: 'done', plan: JSON.stringify(plan) }),
  (error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
