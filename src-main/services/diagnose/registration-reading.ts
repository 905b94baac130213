import { isPublicIpv4 } from '../../shared/ipv4';
import { parseSipUri, type SipAddress } from '../../shared/sip-uri';
import type { Registration } from '../rainbow/types';

/** One SIP registration as the checks read it. */
export interface RegistrationReading {
  registration: Registration;
  /** `fullSipURI`: the contact the phone registered (or the one a router rewrote it to). */
  contact: SipAddress | undefined;
  /** `publicSourceRegistration`: the address the CloudPBX saw the REGISTER come from. */
  source: SipAddress | undefined;
  /** UDP, TCP, TLS… from the contact, else from the source. */
  transport: string | undefined;
  /** Epoch ms the registration expires, when `expirationDate` is readable. */
  expiresAt: number | undefined;
  /** Epoch ms the line registered, when the registration id tells it. */
  since: number | undefined;
}

/** `2020-01-24 10:33:28` (the reference's format, UTC assumed) or an ISO date. */
function parseApiDate(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? undefined : value;
}

/**
 * The reference's registration ids look like `uloc-5e2062fb-67c1-2a82`: the first group is the registration time
 * in hex epoch seconds (5e2062fb is January 2020, days before the example's expiry). An assumption, kept here.
 */
function registeredSince(id: string): number | undefined {
  const hex = /^uloc-([0-9a-f]{8})-/i.exec(id)?.[1];
  return hex === undefined ? undefined : Number.parseInt(hex, 16) * 1000;
}

export function readRegistration(registration: Registration): RegistrationReading {
  const contact = parseSipUri(registration.fullSipURI);
  const source = parseSipUri(registration.publicSourceRegistration);
  return {
    registration,
    contact,
    source,
    transport: contact?.transport ?? source?.transport,
    expiresAt: parseApiDate(registration.expirationDate),
    since: registeredSince(registration.id),
  };
}

/** Whether a parsed SIP address names a public IPv4 host; undefined for a name or IPv6. */
export function isPublicAddress(address: SipAddress | undefined): boolean | undefined {
  return address === undefined ? undefined : isPublicIpv4(address.host);
}
