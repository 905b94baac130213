import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FieldkitError } from '../../errors';
import { IMPORT_WORKER_MEMORY_MB } from '../../../shared/limits';
import type { ImportPlan, PlannedRow } from '../plan';
import type { ImportFileJob } from '../plan-import-file';
import { reportWithRows, type ImportReport, type ReportRow } from '../report';
import type { CatalogReply, FromImportWorker, ImportJobData } from './import-job-messages';
import { decodePlannedRows, reportRowsOf, type RowSlice } from './plan-rows-wire';

export interface ImportValidation {
  plan: ImportPlan;
  report: ImportReport;
}

export interface ImportWorkerPorts {
  /**
   * The catalogue to plan against, as the JSON text of a `CatalogChoice` (the worker parses it). Only called once
   * the worker has read the file and understood its header.
   */
  chooseCatalog: () => Promise<string>;
  now: () => number;
}

/**
 * The built worker, one self-contained file, sits beside the bundle that starts it (the app's build makes it
 * with scripts/import-worker-build.ts). Running from the TypeScript sources (tests, benchmarks), there is no such
 * file: `FIELDKIT_IMPORT_WORKER` names a build of it (test/support/import-worker-build.ts makes one).
 */
function workerScript(): string {
  return process.env.FIELDKIT_IMPORT_WORKER ?? fileURLToPath(new URL('./import-worker.cjs', import.meta.url));
}

/**
 * Runs one import file's reading and planning in a worker thread of its own, with a bounded heap: a file that
 * exhausts it fails with a clear error and the calling process carries on. The catalogue is chosen here, on
 * the calling thread (it may need the network), when the worker asks for it; the report is built here from
 * the plan, so only the plan crosses back. Nothing crosses as row objects: structured cloning 100,000 of them
 * costs seconds of CPU on both threads. The catalogue and the rest of the plan cross as JSON text, the rows by
 * columns (plan-rows-wire.ts).
 */
export function runImportWorker(job: ImportFileJob, ports: ImportWorkerPorts): Promise<ImportValidation> {
  return new Promise((resolve, reject) => {
    // The worker gets its own copy of the bytes, moved rather than cloned; the caller keeps `job.content`.
    // (`new Uint8Array` copies; a Buffer's `slice` would be a view of the caller's, maybe pooled, memory.)
    const content = new Uint8Array(job.content);
    const data: ImportJobData = { job: { ...job, content } };
    const worker = new Worker(workerScript(), {
      workerData: data,
      transferList: [content.buffer],
      // A file's rows are short-lived garbage by the hundred thousand: a roomy young generation collects them
      // in a few scavenges instead of hundreds. 192 MB (64 MB semi-spaces) cut the parsing, mapping and planning
      // of 100,000 lines by a sixth against 64 MB, measured; it is address space, used only as lines need it.
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_WORKER_MEMORY_MB, maxYoungGenerationSizeMb: 192 },
    });
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    // The rows arrive a slice at a time while the worker plans the next: the report's rows are made from each
    // here, on the other core, so little is left to do when the worker is done.
    const slices: RowSlice[] = [];
    const reportRows: ReportRow[] = [];
    worker.on('message', (message: FromImportWorker) => {
      if (message.type === 'rows') {
        slices.push(message.rows);
        for (const row of reportRowsOf(message.rows, job.mode)) reportRows.push(row);
      } else if (message.type === 'done') {
        const plan = withRowsOnDemand(JSON.parse(message.plan) as ImportPlan, slices);
        settle(() => resolve({ plan, report: reportWithRows(plan, job.mode, ports.now(), reportRows) }));
      } else if (message.type === 'failed') settle(() => reject(internalError(job, message.message)));
      else {
        ports.chooseCatalog().then(
          (choice) => {
            if (settled) return;
            const reply: CatalogReply = { type: 'catalog', choice };
            worker.postMessage(reply);
          },
          (error: unknown) => settle(() => reject(error)),
        );
      }
    });
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(job) : internalError(job, error.message),
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(internalError(job, `the worker stopped (exit ${code})`))),
    );
  });
}

/**
 * The plan, its rows read from the slices the first time they are asked for: a validation answers its report,
 * made as the slices came; applying the plan or comparing it with a discovery reads the rows.
 */
function withRowsOnDemand(plan: ImportPlan, slices: readonly RowSlice[]): ImportPlan {
  const keep = (rows: PlannedRow[]): PlannedRow[] => {
    Object.defineProperty(plan, 'rows', {
      value: rows,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    return rows;
  };
  return Object.defineProperty(plan, 'rows', {
    get: () => keep(slices.flatMap((slice) => decodePlannedRows(slice))),
    set: keep,
    enumerable: true,
    configurable: true,
  });
}

function outOfMemory(job: ImportFileJob): FieldkitError {
  return new FieldkitError({
    code: 'invalid-input',
    message:
      `Reading ${job.fileName} took more than the ${IMPORT_WORKER_MEMORY_MB} MB of memory an import file may ` +
      'use, so it was stopped; nothing was changed.',
    hint: 'Split the file, or save the sheet as CSV UTF-8 and import that.',
  });
}

function internalError(job: ImportFileJob, reason: string): FieldkitError {
  return new FieldkitError({
    code: 'internal',
    message: `Reading ${job.fileName} failed unexpectedly (${reason}); nothing was changed.`,
  });
}
