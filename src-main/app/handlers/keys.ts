import type { DeviceFeature } from '../../services/devices/device-feature';
import { FieldkitError } from '../../services/errors';
import { catalogsOf, fileBytes, runAccess, type BatchHandlerDeps } from './batch-access';
import type { NamespaceHandlers } from './handler-types';

/** Programmable keys of one device, copying a layout from one device to another, and keys sheets. */
export function keyHandlers(
  { keys, keyImport }: DeviceFeature,
  batch: BatchHandlerDeps,
): NamespaceHandlers<'keys'> {
  return {
    'keys.list': ({ systemId, deviceId, moduleId }) => keys.list(systemId, deviceId, moduleId),
    'keys.set': ({ systemId, deviceId, key }) => keys.set(systemId, deviceId, key),
    'keys.delete': ({ systemId, deviceId, moduleId, keyNum }) =>
      keys.delete(systemId, deviceId, moduleId, keyNum),
    'keys.copy': ({ systemId, deviceId, toDeviceId, moduleId, dryRun }) =>
      keys.copy({ systemId, fromDeviceId: deviceId, toDeviceId, moduleId, dryRun }),
    'keys.importCheck': async (input) => {
      const sheet = {
        systemId: input.systemId,
        fileName: input.fileName,
        content: await fileBytes(input, batch),
      };
      if (!input.offline) return keyImport.check(sheet);
      const { catalog } = await catalogsOf(batch).cached(input.systemId);
      return keyImport.checkOffline(sheet, catalog);
    },
    // A run of the import engine (journalled in the profile's folder), answered once it has ended.
    'keys.importApply': async (input) => {
      const { runId } = await batch.runs.start(
        {
          systemId: input.systemId,
          fileName: input.fileName,
          content: await fileBytes(input, batch),
          reassign: false,
          skipInvalid: false,
          concurrency: input.concurrency,
          sheet: 'keys',
        },
        runAccess(batch),
      );
      await batch.runs.settled(runId);
      const report = batch.runs.status(runId);
      if (report.run?.state === 'failed' && report.run.error !== undefined) {
        throw new FieldkitError(report.run.error);
      }
      return report;
    },
  };
}
