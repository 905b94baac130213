import type { Device } from '@api/types';
import { displayIpei, displayMac } from '@shared/identifiers';

type Confirmable = Pick<Device, 'macAddress' | 'ipei' | 'shortNumber'>;

/** What the technician may type to confirm a factory reset: the MAC (or IPEI), or the short number. */
export function resetConfirmations(device: Confirmable): string[] {
  return [
    device.macAddress ? displayMac(device.macAddress) : undefined,
    device.ipei ? displayIpei(device.ipei) : undefined,
    device.shortNumber,
  ].filter((choice): choice is string => choice !== undefined && choice !== '');
}
