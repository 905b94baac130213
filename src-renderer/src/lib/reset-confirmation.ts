import type { Device } from '@api/types';
import { formatIpei, formatMac } from './identifiers';

type Confirmable = Pick<Device, 'macAddress' | 'ipei' | 'shortNumber'>;

/** What the technician may type to confirm a factory reset: the MAC (or IPEI), or the short number. */
export function resetConfirmations(device: Confirmable): string[] {
  return [
    device.macAddress ? formatMac(device.macAddress) : undefined,
    device.ipei ? formatIpei(device.ipei) : undefined,
    device.shortNumber,
  ].filter((choice): choice is string => choice !== undefined && choice !== '');
}

const compact = (text: string): string => text.replace(/[\s:.-]/g, '').toLowerCase();

/** True when `typed` is one of them, whatever the case or MAC separators (the core checks it again). */
export function confirmsReset(device: Confirmable, typed: string): boolean {
  const wanted = compact(typed);
  if (wanted === '') return false;
  return resetConfirmations(device).some((choice) => compact(choice) === wanted);
}
