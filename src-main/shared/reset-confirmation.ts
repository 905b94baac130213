import type { Device } from '../api/types';
import { normaliseIpei, normaliseMac } from './identifiers';

/**
 * A factory reset is confirmed by typing the device's MAC address (any notation), its IPEI (DECT), or the short
 * number of its subscriber. The reset dialog enables its button with this rule; the core checks it again.
 */
export function confirmsReset(
  device: Pick<Device, 'macAddress' | 'ipei' | 'shortNumber'>,
  confirmation: string,
): boolean {
  const typed = confirmation.trim();
  if (typed === '') return false;
  if (device.shortNumber !== undefined && typed === device.shortNumber) return true;
  const mac = normaliseMac(typed);
  if (mac.ok && device.macAddress !== undefined && mac.value === device.macAddress.toLowerCase()) return true;
  const ipei = normaliseIpei(typed);
  return ipei.ok && device.ipei !== undefined && ipei.value === device.ipei.toLowerCase();
}
