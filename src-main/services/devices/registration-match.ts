import type { Registration } from '../rainbow/types';
import type { DeviceIdentifier } from './device-rules';

/** Hex runs of 5 or 6 octets, bare or with `:` `-` `.` between pairs: MACs and IPEIs inside a user agent. */
const HEX_IDENTIFIER = /[0-9a-f]{2}(?:[:.-]?[0-9a-f]{2}){4,5}/gi;

function hexOnly(text: string): string {
  return text.toLowerCase().replace(/[^0-9a-f]/g, '');
}

/**
 * Whether a SIP registration comes from the phone with this identifier: by the registration's `macAddress` or
 * `ipei` when the API gives them (any case, any separators), else by the identifier in its user agent.
 */
export function registrationFrom(registration: Registration, identifier: DeviceIdentifier): boolean {
  const field = identifier.kind === 'mac' ? registration.macAddress : registration.ipei;
  if (field !== undefined && hexOnly(field) === identifier.value) return true;
  const found = registration.user_agent?.match(HEX_IDENTIFIER) ?? [];
  return found.some((candidate) => hexOnly(candidate) === identifier.value);
}

/** What makes two polls "the same": which registrations exist and where from, not their refreshed expiry. */
export function registrationsKey(registrations: readonly Registration[]): string {
  return registrations
    .map((registration) => `${registration.id}|${registration.deviceId ?? ''}|${registration.fullSipURI}`)
    .sort()
    .join('\n');
}
