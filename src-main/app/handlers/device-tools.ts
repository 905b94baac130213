import type { DeviceFeature } from '../../services/devices/device-feature';
import type { NamespaceHandlers } from './handler-types';

/** Debug sessions and expansion modules: tools on one device. */
export function debugHandlers({ debug }: DeviceFeature): NamespaceHandlers<'debug'> {
  return {
    'debug.grant': ({ systemId, deviceId, durationSeconds }) =>
      debug.grant(systemId, deviceId, durationSeconds),
    'debug.reveal': ({ systemId, deviceId }) => debug.reveal(systemId, deviceId),
    'debug.revoke': ({ systemId, deviceId }) => debug.revoke(systemId, deviceId),
  };
}

export function moduleHandlers({ modules }: DeviceFeature): NamespaceHandlers<'modules'> {
  return {
    'modules.add': ({ systemId, deviceId, moduleId, type, name }) =>
      modules.add(systemId, deviceId, { moduleId, type, ...(name ? { name } : {}) }),
    'modules.remove': ({ systemId, deviceId, moduleId }) => modules.remove(systemId, deviceId, moduleId),
  };
}
