// What a LAN lab is made of, and the checks that keep every lab inside 198.18.0.0/15 (RFC 2544 benchmarking
// space), which is never routed anywhere real.

/**
 * - `phone`: an ALE deskphone: answers SIP OPTIONS with its user agent, serves an admin page unless
 *   `adminPage: false`, advertises over mDNS when `mdns: true`.
 * - `dect-base`: an IP-DECT base station: answers SIP OPTIONS, admin page like a phone.
 * - `web`: some non-ALE device with a web page on port 80 and nothing else.
 * - `silent`: answers ARP and ping (the kernel does) and nothing else.
 * - `down`: its namespace, MAC and address exist but its link is down: it answers nothing, not even ARP.
 */
export type HostRole = 'phone' | 'dect-base' | 'silent' | 'web' | 'down';

export interface HostSpec {
  /** Unique in the lab; `[a-z0-9-]`, and not `lab` (that names the scanner's namespace). */
  name: string;
  /** `aa:bb:cc:dd:ee:ff`, lower case, unicast. */
  mac: string;
  /** An address inside the lab's subnet, not the scanner's, network or broadcast address. */
  ip: string;
  role: HostRole;
  /** SIP user agent for `phone` / `dect-base` (required for those roles). */
  userAgent?: string;
  /** The SIP header that carries `userAgent` in the OPTIONS answer; `User-Agent` unless told. */
  sipHeader?: 'User-Agent' | 'Server';
  /** Model shown in the admin page title and mDNS TXT; taken from an `ALE <model> ...` user agent otherwise. */
  model?: string;
  /** Advertise `_http._tcp` over mDNS (phones and DECT bases). */
  mdns?: boolean;
  /** Serve the admin page on port 80; true unless told for phones and DECT bases. */
  adminPage?: boolean;
}

export interface LabSpec {
  /** A /24 or /23 inside 198.18.0.0/15, e.g. `198.18.0.0/24`. */
  subnet: string;
  /** The lab namespace's own address on its bridge, inside `subnet`, e.g. `198.18.0.1`. */
  scannerAddress: string;
  hosts: HostSpec[];
}

export const LAB_TARGET = 'lab';
const MAC_PATTERN = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,30}$/;
const MAX_HOSTS = 509; // a /23 has 510 host addresses, one of them the scanner's
/** A lab is a /24 or a /23 (the benchmark's second layout). */
const LAB_PREFIXES = new Set(['23', '24']);

/** The 32-bit value of a dotted IPv4 address, or undefined when it is not one. */
export function ipv4ToNumber(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255)) {
    return undefined;
  }
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

const BENCHMARK_NET = ipv4ToNumber('198.18.0.0') ?? 0;
const BENCHMARK_MASK_SIZE = 2 ** 17; // 198.18.0.0/15

/** Throws a message naming every problem of the spec at once. */
export function validateLabSpec(spec: LabSpec): void {
  const problems: string[] = [];
  const [network = '', prefix] = spec.subnet.split('/');
  const base = ipv4ToNumber(network);
  const size = 2 ** (32 - Number(prefix));
  if (base === undefined || prefix === undefined || !LAB_PREFIXES.has(prefix) || base % size !== 0) {
    problems.push(`subnet ${spec.subnet} must be a /24 or a /23 such as 198.18.0.0/24`);
  } else if (base < BENCHMARK_NET || base + size > BENCHMARK_NET + BENCHMARK_MASK_SIZE) {
    problems.push(`subnet ${spec.subnet} is outside 198.18.0.0/15, the only range a lab may use`);
  }
  const inSubnet = (address: string): boolean => {
    const value = ipv4ToNumber(address);
    return base !== undefined && value !== undefined && value > base && value < base + size - 1;
  };
  if (!inSubnet(spec.scannerAddress))
    problems.push(`scanner address ${spec.scannerAddress} is not a host of ${spec.subnet}`);
  if (spec.hosts.length > MAX_HOSTS) problems.push(`at most ${MAX_HOSTS} hosts, got ${spec.hosts.length}`);

  const seen = {
    name: new Set<string>(),
    mac: new Set<string>(),
    ip: new Set<string>([spec.scannerAddress]),
  };
  for (const host of spec.hosts) {
    const label = `host "${host.name}"`;
    if (!NAME_PATTERN.test(host.name) || host.name === LAB_TARGET) problems.push(`${label}: bad name`);
    if (!MAC_PATTERN.test(host.mac)) problems.push(`${label}: MAC ${host.mac} is not aa:bb:cc:dd:ee:ff`);
    else if (parseInt(host.mac.slice(0, 2), 16) % 2 === 1)
      problems.push(`${label}: MAC ${host.mac} is multicast`);
    if (!inSubnet(host.ip)) problems.push(`${label}: ${host.ip} is not a host address of ${spec.subnet}`);
    if ((host.role === 'phone' || host.role === 'dect-base') && !host.userAgent) {
      problems.push(`${label}: a ${host.role} needs a userAgent`);
    }
    for (const key of ['name', 'mac', 'ip'] as const) {
      if (seen[key].has(host[key])) problems.push(`${label}: ${key} ${host[key]} is used twice`);
      seen[key].add(host[key]);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid lab spec:\n  ${problems.join('\n  ')}`);
}

/** The model an admin page and mDNS advertisement show: the spec's, or the second word of `ALE <model> ...`. */
export function modelOf(host: HostSpec): string {
  if (host.model) return host.model;
  const ale = /^ALE (\S+)/.exec(host.userAgent ?? '');
  if (ale?.[1]) return ale[1];
  return host.role === 'dect-base' ? 'IP-DECT base' : host.name;
}

/** The hosts that answer ARP: every one but the `down` ones. */
export function liveHosts<T extends HostSpec>(hosts: readonly T[]): T[] {
  return hosts.filter((host) => host.role !== 'down');
}
