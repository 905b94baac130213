import type { DeviceFeature } from '../../services/devices/device-feature';
import { catalogsOf, fileBytes, type BatchHandlerDeps } from './batch-access';
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
  };
}
