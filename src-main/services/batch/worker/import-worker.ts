import { parentPort, workerData } from 'node:worker_threads';
import type { CatalogChoice } from '../../catalog';
import { planImportFile } from '../plan-import-file';
import type { CatalogReply, FromImportWorker, ImportJobData } from './import-job-messages';

/**
 * The worker thread that reads and plans one import file (see run-import-worker.ts). It asks the thread that
 * started it for the catalogue, which needs the network and the session, and answers the plan and report.
 */
const port = parentPort;
if (port === null) throw new Error('import-worker runs as a worker thread only');
const { job, now: startedAt } = workerData as ImportJobData;
let now = startedAt;

const post = (message: FromImportWorker): void => port.postMessage(message);

const chooseCatalog = (): Promise<CatalogChoice> =>
  new Promise((resolve) => {
    port.once('message', (reply: CatalogReply) => {
      now = reply.now;
      resolve(reply.choice);
    });
    post({ type: 'needs-catalog' });
  });

planImportFile(job, { chooseCatalog, now: () => now }).then(
  (validation) => post({ type: 'done', validation }),
  (error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
