import { ApiError } from '../http/responses';
import { compactIdentifier } from '../tenant/identifier-text';

/** MAC and IPEI fields of request bodies, in any common notation (see compactIdentifier). */
export function readMacAddress(value: string, field: string): string {
  const mac = compactIdentifier(value);
  if (!/^[0-9a-f]{12}$/.test(mac)) {
    throw ApiError.badRequest(`Field '${field}' must be a MAC address of 12 hex digits, not '${value}'`);
  }
  return mac;
}

export function readIpei(value: string, field: string): string {
  const ipei = compactIdentifier(value);
  if (!/^[0-9a-f]{10}$/.test(ipei)) {
    throw ApiError.badRequest(`Field '${field}' must be an IPEI of 10 hex digits, not '${value}'`);
  }
  return ipei;
}
