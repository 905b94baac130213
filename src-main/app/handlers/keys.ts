import type { DeviceFeature } from '../../services/devices/device-feature';
import type { NamespaceHandlers } from './handler-types';

/** Programmable keys of one device, and copying a layout from one device to another. */
export function keyHandlers({ keys }: DeviceFeature): NamespaceHandlers<'keys'> {
  return {
    'keys.list': ({ systemId, deviceId, moduleId }) => keys.list(systemId, deviceId, moduleId),
    'keys.set': ({ systemId, deviceId, key }) => keys.set(systemId, deviceId, key),
    'keys.delete': ({ systemId, deviceId, moduleId, keyNum }) =>
      keys.delete(systemId, deviceId, moduleId, keyNum),
    'keys.copy': ({ systemId, deviceId, toDeviceId, moduleId, dryRun }) =>
      keys.copy({ systemId, fromDeviceId: deviceId, toDeviceId, moduleId, dryRun }),
  };
}
