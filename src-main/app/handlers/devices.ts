import type { DeviceFeature } from '../../services/devices/device-feature';
import { readIdentifier } from '../../services/devices/device-rules';
import type { NamespaceHandlers } from './handler-types';

export function deviceHandlers({ devices, listings, settings }: DeviceFeature): NamespaceHandlers<'devices'> {
  return {
    'devices.list': ({ systemId }) => devices.list(systemId),
    'devices.listPage': ({ systemId, cursor }) =>
      cursor === undefined ? listings.start(systemId) : listings.next(systemId, cursor),
    'devices.get': ({ systemId, deviceId }) => devices.get(systemId, deviceId),
    'devices.findByIdentifier': async ({ systemId, identifier, kind }) =>
      (await devices.findByIdentifier(systemId, readIdentifier(identifier, 'identifier', kind))) ?? null,
    'devices.checkIdentifier': (input) => devices.checkIdentifier(input),
    'devices.register': (input) => devices.register(input),
    'devices.delete': ({ systemId, deviceId }) => devices.delete(systemId, deviceId),
    'devices.assign': ({ systemId, deviceId, phoneNumberId }) =>
      devices.assign(systemId, deviceId, phoneNumberId),
    'devices.unassign': ({ systemId, deviceId }) => devices.unassign(systemId, deviceId),
    'devices.reboot': ({ systemId, deviceId }) => devices.reboot(systemId, deviceId),
    'devices.reset': ({ systemId, deviceId, confirmation }) =>
      devices.reset(systemId, deviceId, confirmation),
    'devices.registrations': ({ systemId, deviceId }) => devices.registrations(systemId, deviceId),
    'devices.update': ({ systemId, deviceId, ...changes }) => settings.update(systemId, deviceId, changes),
  };
}
