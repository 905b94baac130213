import type { ImportReport } from '../../services/batch';
import { IMPORT_TEMPLATE, IMPORT_TEMPLATE_FILE_NAME, validateImport } from '../../services/batch';
import type { ValidateImportInput } from '../../shared/inputs/batch';
import { reconcileWithDiscovery } from '../../services/batch/reconcile-wire';
import { applyHandlers } from './batch-apply';
import { catalogsOf, fileBytes, type BatchHandlerDeps } from './batch-access';
import type { NamespaceHandlers } from './handler-types';

export type { BatchHandlerDeps } from './batch-access';

/** The import screen's calls: the template, validation (the plan a dry run prints), applying, the catalogue. */
export function batchHandlers(deps: BatchHandlerDeps): NamespaceHandlers<'batch'> {
  return {
    'batch.template': () => ({ fileName: IMPORT_TEMPLATE_FILE_NAME, content: IMPORT_TEMPLATE }),
    'batch.validate': (input) => validate(input, deps),
    ...applyHandlers(deps),
  };
}

export function catalogHandlers(deps: BatchHandlerDeps): NamespaceHandlers<'catalog'> {
  return {
    'catalog.pull': async ({ systemId }) => {
      const catalogs = catalogsOf(deps);
      await catalogs.pull(deps.session.client(), systemId);
      return catalogs.status(systemId);
    },
    'catalog.status': ({ systemId }) => catalogsOf(deps).status(systemId),
  };
}

async function validate(input: ValidateImportInput, deps: BatchHandlerDeps): Promise<ImportReport> {
  const { plan, report } = await validateImport(
    {
      fileName: input.fileName,
      content: await fileBytes(input, deps),
      systemId: input.systemId,
      offline: input.offline,
      reassign: input.reassign,
      mode: input.mode,
    },
    { catalogs: catalogsOf(deps), connect: async () => deps.session.client(), now: deps.now },
  );
  const discovered = input.discovered ?? deps.discovered();
  if (discovered === undefined || report.catalog === undefined) return report;
  return { ...report, wire: reconcileWithDiscovery(plan, discovered) };
}
