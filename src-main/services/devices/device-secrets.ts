import type { Redactor } from '../log/redactor';
import type { Device } from '../rainbow/types';

/**
 * Fields of a device answer that are secrets: the phone's admin password during a debug session, and the SIP
 * password and certificate a generic SIP device carries. Only `debug.reveal` ever hands one out.
 */
const SECRET_FIELDS: ReadonlySet<string> = new Set(['adminPassword', 'password', 'cert_sip']);

/** The device without its secrets, after teaching the redactor every one of them (so no log line carries one). */
export function withoutDeviceSecrets(device: Device, redactor: Redactor): Device {
  const kept = Object.entries(device).filter(([field, value]) => {
    if (!SECRET_FIELDS.has(field)) return true;
    if (typeof value === 'string') redactor.add(value);
    return false;
  });
  return Object.fromEntries(kept) as unknown as Device;
}
