/**
 * What an mDNS advertisement tells about a device: its address (from its A records, or else the source of
 * the packet that carried it) and, from its TXT record or instance name, its vendor, model and MAC.
 */
import { normaliseMac } from '../../shared/identifiers';
import { parseIpv4 } from '../../shared/ipv4';
import type { DeviceIdentity } from './user-agent';

/** The service types browsed: phones and DECT bases advertise their admin page, some their SIP service. */
export const MDNS_SERVICE_TYPES: readonly { type: string; protocol: 'tcp' | 'udp' }[] = [
  { type: 'http', protocol: 'tcp' },
  { type: 'https', protocol: 'tcp' },
  { type: 'sip', protocol: 'udp' },
];

export interface MdnsSighting {
  /** The service instance name, e.g. `ALE-M5-CE-487a55000003`. */
  name: string;
  addresses: string[];
  /** The address the answer came from. */
  sourceAddress?: string;
  txt: Record<string, string>;
}

/**
 * The IPv4 address to report: the first advertised one the scan covers, else the packet's source when the
 * record gives none. Undefined when neither is in the scanned subnets (such a device is not reported).
 */
export function sightingAddress(sighting: MdnsSighting, inScan: (ip: string) => boolean): string | undefined {
  const advertised = sighting.addresses.filter((address) => parseIpv4(address) !== undefined);
  if (advertised.length > 0) return advertised.find(inScan);
  const source = sighting.sourceAddress;
  return source !== undefined && parseIpv4(source) !== undefined && inScan(source) ? source : undefined;
}

function validMac(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const result = normaliseMac(text);
  return result.ok ? result.value : undefined;
}

export function sightingIdentity(sighting: MdnsSighting): DeviceIdentity {
  const txt = Object.fromEntries(
    Object.entries(sighting.txt).map(([key, value]) => [key.toLowerCase(), value]),
  );
  const macInName = /([0-9a-f]{12})$/i.exec(sighting.name)?.[1];
  const identity: DeviceIdentity = {};
  const vendor = txt.vendor?.trim();
  const model = (txt.model ?? txt.md)?.trim();
  const claimedMac = validMac(txt.mac) ?? validMac(macInName);
  if (vendor) identity.vendor = vendor;
  if (model) identity.model = model;
  if (claimedMac) identity.claimedMac = claimedMac;
  return identity;
}

/** TXT values as text, whatever shape the mDNS library hands them in. */
export function txtAsStrings(txt: unknown): Record<string, string> {
  if (typeof txt !== 'object' || txt === null) return {};
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(txt)) {
    if (typeof value === 'string') entries.push([key, value]);
    else if (Buffer.isBuffer(value)) entries.push([key, value.toString('utf8')]);
    else if (typeof value === 'number' || typeof value === 'boolean') entries.push([key, String(value)]);
  }
  return Object.fromEntries(entries);
}
