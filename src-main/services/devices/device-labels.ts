import type { Device } from '../rainbow/types';
import { displayIdentifier, identifierOf } from './device-rules';

/** "Reception M5 (48:7A:55:00:00:02)": how audit entries and messages name a device. */
export function deviceLabel(device: Pick<Device, 'description' | 'macAddress' | 'ipei'>): string {
  const identifier = identifierOf(device);
  return identifier === undefined
    ? device.description
    : `${device.description} (${displayIdentifier(identifier)})`;
}

/** "81002 Anna Martin", or "nobody" for a device no subscriber holds. */
export function holderLabel(
  device: Pick<Device, 'shortNumber' | 'userDisplayName' | 'phoneNumberId'>,
): string {
  if (device.phoneNumberId === undefined) return 'nobody';
  return [device.shortNumber ?? device.phoneNumberId, device.userDisplayName].filter(Boolean).join(' ');
}
