import { FieldkitError } from '../../services/errors';
import type { DeviceFeature } from '../../services/devices/device-feature';
import type { WatchTarget } from '../../services/devices/registration-watcher';
import type { NamespaceHandlers } from './handler-types';

export function registrationHandlers({ registrations }: DeviceFeature): NamespaceHandlers<'registrations'> {
  return {
    'registrations.watch': (input) => registrations.watch(targetOf(input)),
    'registrations.unwatch': ({ watchId }) => ({ stopped: registrations.unwatch(watchId) }),
    'registrations.pause': ({ watchId }) => registrations.pause(watchId),
    'registrations.resume': ({ watchId }) => registrations.resume(watchId),
  };
}

function targetOf(input: { systemId: string; deviceId?: string; phoneNumberId?: string }): WatchTarget {
  const { systemId, deviceId, phoneNumberId } = input;
  if (deviceId !== undefined) return { systemId, deviceId };
  if (phoneNumberId !== undefined) return { systemId, phoneNumberId };
  throw new FieldkitError({ code: 'invalid-input', message: 'Name the device or the subscriber to watch.' });
}
