import { FieldkitError } from '../../services/errors';
import { fileBytes, runAccess, type BatchHandlerDeps } from './batch-access';
import type { NamespaceHandlers } from './handler-types';

type ApplyCalls =
  | 'batch.apply'
  | 'batch.pause'
  | 'batch.resume'
  | 'batch.cancel'
  | 'batch.status'
  | 'batch.retryFailed'
  | 'batch.reportFile'
  | 'batch.resumable'
  | 'batch.resumeRun';

/** Applying an import from the app: start, follow (`batch.progress`), pause, cancel, retry, resume. */
export function applyHandlers(deps: BatchHandlerDeps): Pick<NamespaceHandlers<'batch'>, ApplyCalls> {
  const { runs } = deps;
  return {
    'batch.apply': async (input) => {
      if (input.journal !== undefined && !deps.explicitJournals) {
        throw new FieldkitError({ code: 'invalid-input', message: 'Only the CLI names journal files.' });
      }
      return runs.start(
        {
          ...(input.runId === undefined ? {} : { runId: input.runId }),
          systemId: input.systemId,
          fileName: input.fileName,
          content: await fileBytes(input, deps),
          reassign: input.reassign,
          skipInvalid: input.skipInvalid,
          concurrency: input.concurrency,
          ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
        },
        runAccess(deps),
        input.journal,
      );
    },
    'batch.pause': ({ runId }) => runs.pause(runId),
    'batch.resume': ({ runId }) => runs.resume(runId),
    'batch.cancel': ({ runId }) => runs.cancel(runId),
    'batch.status': ({ runId }) => runs.status(runId),
    'batch.retryFailed': ({ runId }) => runs.retryFailed(runId, runAccess(deps)),
    'batch.reportFile': ({ runId, format }) => runs.reportFile(runId, format),
    'batch.resumable': ({ systemId }) => runs.resumable(systemId, { profileKey: deps.accountKey() }),
    'batch.resumeRun': ({ runId }) => runs.resumeRun(runId, runAccess(deps)),
  };
}
