import { fileBytes, profileKeyOf, runAccess, type BatchHandlerDeps } from './batch-access';
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
    'batch.apply': async (input) =>
      runs.start(
        {
          ...(input.runId === undefined ? {} : { runId: input.runId }),
          systemId: input.systemId,
          fileName: input.fileName,
          content: await fileBytes(input, deps),
          reassign: input.reassign,
          skipInvalid: input.skipInvalid,
          concurrency: input.concurrency,
        },
        runAccess(deps),
      ),
    'batch.pause': ({ runId }) => runs.pause(runId),
    'batch.resume': ({ runId }) => runs.resume(runId),
    'batch.cancel': ({ runId }) => runs.cancel(runId),
    'batch.status': ({ runId }) => runs.status(runId),
    'batch.retryFailed': ({ runId }) => runs.retryFailed(runId, runAccess(deps)),
    'batch.reportFile': ({ runId, format }) => runs.reportFile(runId, format),
    'batch.resumable': ({ systemId }) => runs.resumable(systemId, { profileKey: profileKeyOf(deps) }),
    'batch.resumeRun': ({ runId }) => runs.resumeRun(runId, runAccess(deps)),
  };
}
