import type { DeviceFeature } from '../../services/devices/device-feature';
import { fileBytes, type BatchHandlerDeps } from './batch-access';
import type { NamespaceHandlers } from './handler-types';

/** Programmable keys of one device, copying a layout from one device to another, and keys sheets. */
export function keyHandlers(
  { keys, keyImport }: DeviceFeature,
  files: Pick<BatchHandlerDeps, 'uploads'>,
): NamespaceHandlers<'keys'> {
  return {
    'keys.list': ({ systemId, deviceId, moduleId }) => keys.list(systemId, deviceId, moduleId),
    'keys.set': ({ systemId, deviceId, key }) => keys.set(systemId, deviceId, key),
    'keys.delete': ({ systemId, deviceId, moduleId, keyNum }) =>
      keys.delete(systemId, deviceId, moduleId, keyNum),
    'keys.copy': ({ systemId, deviceId, toDeviceId, moduleId, dryRun }) =>
      keys.copy({ systemId, fromDeviceId: deviceId, toDeviceId, moduleId, dryRun }),
    'keys.importCheck': async (input) =>
      keyImport.check({
        systemId: input.systemId,
        fileName: input.fileName,
        content: await fileBytes(input, files),
      }),
    'keys.importApply': async (input) =>
      keyImport.apply({
        systemId: input.systemId,
        fileName: input.fileName,
        content: await fileBytes(input, files),
        concurrency: input.concurrency,
      }),
  };
}
