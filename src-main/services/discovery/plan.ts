/**
 * Turns what the technician asked for (subnets, an interface, a rate) into a scan plan, or refuses it with a
 * message that says exactly what is wrong: an unreadable CIDR, a prefix wider than /16, an interface without
 * IPv4, a subnet this machine is not on. Pure: the interfaces are given.
 */
import { FieldkitError, type InputIssue } from '../errors';
import {
  blockContains,
  blockCovers,
  blockOf,
  blocksOverlap,
  formatBlock,
  formatIpv4,
  hostAddresses,
  hostCount,
  parseIpv4,
  type Ipv4Block,
} from '../../shared/ipv4';
import type { NetworkInterfaceSummary, PlannedSubnet, ScanPlan } from './types';

export const DISCOVERY_LIMITS = {
  /** Nothing wider is scanned: a /16 already takes minutes. */
  widestPrefix: 16,
  /** Anything wider asks first. */
  confirmWiderThan: 22,
  /**
   * The pace of a scan wider than `smallScanAddresses`: its unanswered look-ups (each held about 3 s) stay well
   * under the kernel's neighbour table of 1024 entries, and the LAN sees a trickle.
   */
  defaultRate: 300,
  /**
   * The pace of a scan of at most a /23: all its look-ups fit in the neighbour table at once, and the burst
   * (half a /24's worth of ARP broadcasts per 100 ms at most, for a quarter to half a second) is gentler than
   * arp-scan, which sends the same addresses two to three times.
   */
  smallScanRate: 1000,
  smallScanAddresses: 510,
  minRate: 1,
  /** Above this the kernel's neighbour table (1024 entries by default) overflows with unanswered look-ups. */
  maxRate: 2000,
  defaultTimeoutMs: 400,
  minTimeoutMs: 50,
  maxTimeoutMs: 10_000,
  maxSubnets: 16,
} as const;

export interface LocalInterface {
  name: string;
  /** Loopback and the like: never scanned by default. */
  internal: boolean;
  ipv4: { address: string; prefix: number }[];
  isDefaultRoute: boolean;
}

export interface ScanRequest {
  subnets?: string[];
  interface?: string;
  rate?: number;
  timeoutMs?: number;
}

const EXAMPLE = '192.168.1.0/24';

function invalid(message: string, field: string, hint?: string): FieldkitError {
  const issues: InputIssue[] = [{ field, message }];
  return new FieldkitError({ code: 'invalid-input', message, hint, issues });
}

/** Reads `a.b.c.d/p` (host bits may be set: they are cleared). */
export function parseCidr(text: string, field = 'subnet'): Ipv4Block {
  const trimmed = text.trim();
  const match = /^([^/\s]+)\/(\d{1,2})$/.exec(trimmed);
  const address = match?.[1] === undefined ? undefined : parseIpv4(match[1]);
  const prefix = Number(match?.[2]);
  if (address === undefined || !(prefix >= 0 && prefix <= 32)) {
    throw invalid(
      `"${trimmed}" is not a subnet: write an IPv4 network and its prefix length, e.g. ${EXAMPLE}.`,
      field,
    );
  }
  const block = blockOf(address, prefix);
  if (prefix < DISCOVERY_LIMITS.widestPrefix) {
    throw invalid(
      `${formatBlock(block)} is wider than /${DISCOVERY_LIMITS.widestPrefix} ` +
        `(${hostCount(block).toLocaleString('en')} addresses): scan at most a /${DISCOVERY_LIMITS.widestPrefix} ` +
        'at a time, and preferably the /24 the phones are on.',
      field,
    );
  }
  return block;
}

export function describeInterfaces(interfaces: readonly LocalInterface[]): NetworkInterfaceSummary[] {
  return interfaces
    .filter((entry) => !entry.internal)
    .map((entry) => {
      const [first] = entry.ipv4;
      return {
        name: entry.name,
        addresses: entry.ipv4.map((ip) => ip.address),
        cidr: first ? networkOf(first) : null,
        isDefaultRoute: entry.isDefaultRoute,
      };
    });
}

function networkOf(ip: { address: string; prefix: number }): string {
  return formatBlock(blockOf(parseIpv4(ip.address) ?? 0, ip.prefix));
}

function interfaceNamed(interfaces: readonly LocalInterface[], name: string): LocalInterface {
  const found = interfaces.find((entry) => entry.name === name);
  if (found) return found;
  const names = interfaces.filter((entry) => !entry.internal).map((entry) => entry.name);
  throw invalid(
    `There is no network interface named "${name}"; this machine has: ${names.join(', ') || 'none'}.`,
    'interface',
  );
}

function requireIpv4(entry: LocalInterface): void {
  if (entry.ipv4.length > 0) return;
  throw invalid(
    `Interface "${entry.name}" has no IPv4 address, so there is nothing to scan from it.`,
    'interface',
    'Plug the cable into the customer LAN (or join its Wi-Fi) and wait for an address from DHCP, then scan again.',
  );
}

/** The subnets scanned when none is given: the networks of the chosen interface, or of the default route's. */
function defaultSubnets(interfaces: readonly LocalInterface[], chosen: string | undefined): string[] {
  if (chosen !== undefined) {
    const entry = interfaceNamed(interfaces, chosen);
    requireIpv4(entry);
    return [...new Set(entry.ipv4.map(networkOf))];
  }
  const candidates = interfaces.filter((entry) => !entry.internal && entry.ipv4.length > 0);
  const entry = candidates.find((candidate) => candidate.isDefaultRoute) ?? single(candidates);
  if (!entry) {
    throw invalid(
      candidates.length === 0
        ? 'This machine has no network interface with an IPv4 address: connect it to the customer LAN first.'
        : 'This machine has no default route and several interfaces: choose the interface or the subnet to scan.',
      'subnets',
    );
  }
  return [...new Set(entry.ipv4.map(networkOf))];
}

function single<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

interface Attachment {
  interface: string;
  localAddress: number;
  network: Ipv4Block;
}

/** The interface address whose network holds the whole block; refuses a block this machine is not on. */
function attach(
  block: Ipv4Block,
  interfaces: readonly LocalInterface[],
  chosen: string | undefined,
  field: string,
): Attachment {
  const attachments = interfaces
    .filter((entry) => (chosen === undefined ? !entry.internal : entry.name === chosen))
    .flatMap((entry) =>
      entry.ipv4.map((ip) => {
        const localAddress = parseIpv4(ip.address) ?? 0;
        return { interface: entry.name, localAddress, network: blockOf(localAddress, ip.prefix) };
      }),
    );
  const covering = attachments.find((candidate) => blockCovers(candidate.network, block));
  if (covering) return covering;
  const cidr = formatBlock(block);
  const partial = attachments.find((candidate) => blocksOverlap(candidate.network, block));
  if (partial) {
    const network = formatBlock(partial.network);
    throw invalid(
      `${cidr} is wider than the network of ${partial.interface} (${network}): the addresses outside ` +
        `${network} are behind a router, where a sweep cannot see MAC addresses. Scan ${network} instead.`,
      field,
    );
  }
  const where = chosen === undefined ? 'none of its interfaces' : `interface "${chosen}"`;
  const networks = [...new Set(attachments.map((candidate) => formatBlock(candidate.network)))];
  throw invalid(
    `This machine is not on ${cidr}: ${where} has an address in it` +
      (networks.length > 0 ? ` (it is on ${networks.join(', ')}).` : '.'),
    field,
    'Plug into the LAN the phones are on, or choose a subnet this machine has an address in.',
  );
}

function checkRange(value: number, min: number, max: number, field: string, unit: string): number {
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  throw invalid(`${field} must be a whole number of ${unit} from ${min} to ${max}, not ${value}.`, field);
}

/** The rate of a scan that names none: quick for a /23 or less, gentle for wider scans. */
export function defaultRateFor(addresses: number): number {
  return addresses <= DISCOVERY_LIMITS.smallScanAddresses
    ? DISCOVERY_LIMITS.smallScanRate
    : DISCOVERY_LIMITS.defaultRate;
}

export function estimateDurationMs(addresses: number, rate: number, timeoutMs: number): number {
  return Math.ceil((addresses * 1000) / rate) + timeoutMs;
}

/** Validates a request against this machine's interfaces and answers the plan a scan runs. */
export function planScan(
  request: ScanRequest,
  interfaces: readonly LocalInterface[],
  options: { simulated?: boolean } = {},
): ScanPlan {
  const requestedRate =
    request.rate === undefined
      ? undefined
      : checkRange(
          request.rate,
          DISCOVERY_LIMITS.minRate,
          DISCOVERY_LIMITS.maxRate,
          'rate',
          'probes per second',
        );
  const timeoutMs = checkRange(
    request.timeoutMs ?? DISCOVERY_LIMITS.defaultTimeoutMs,
    DISCOVERY_LIMITS.minTimeoutMs,
    DISCOVERY_LIMITS.maxTimeoutMs,
    'timeoutMs',
    'milliseconds',
  );
  if (request.interface !== undefined) requireIpv4(interfaceNamed(interfaces, request.interface));
  const texts =
    request.subnets && request.subnets.length > 0
      ? request.subnets
      : defaultSubnets(interfaces, request.interface);
  if (texts.length > DISCOVERY_LIMITS.maxSubnets) {
    throw invalid(`At most ${DISCOVERY_LIMITS.maxSubnets} subnets per scan.`, 'subnets');
  }

  const blocks = texts.map((text, index) => parseCidr(text, `subnets.${index}`));
  blocks.forEach((block, index) => {
    const earlier = blocks.slice(0, index).find((other) => blocksOverlap(other, block));
    if (earlier) {
      throw invalid(
        `${formatBlock(block)} overlaps ${formatBlock(earlier)}: give each subnet once.`,
        `subnets.${index}`,
      );
    }
  });
  const subnets: PlannedSubnet[] = blocks.map((block, index) => {
    const attachment = attach(block, interfaces, request.interface, `subnets.${index}`);
    const ownAddressInside = blockContains(block, attachment.localAddress) ? 1 : 0;
    return {
      cidr: formatBlock(block),
      interface: attachment.interface,
      localAddress: formatIpv4(attachment.localAddress),
      addresses: hostCount(block) - ownAddressInside,
    };
  });
  const addresses = subnets.reduce((sum, subnet) => sum + subnet.addresses, 0);
  const rate = requestedRate ?? defaultRateFor(addresses);
  return {
    subnets,
    addresses,
    rate,
    timeoutMs,
    estimatedMs: estimateDurationMs(addresses, rate, timeoutMs),
    needsConfirmation: blocks.some((block) => block.prefix < DISCOVERY_LIMITS.confirmWiderThan),
    simulated: options.simulated ?? false,
  };
}

/** Every address a plan probes, in order; the sweep sends to these and to nothing else. */
export function* plannedTargets(plan: ScanPlan): Generator<string> {
  for (const subnet of plan.subnets) {
    const block = parseCidr(subnet.cidr);
    for (const address of hostAddresses(block)) {
      const text = formatIpv4(address);
      if (text !== subnet.localAddress) yield text;
    }
  }
}

/** Whether an address belongs to one of the plan's subnets (results outside them are never reported). */
export function createPlanMembership(plan: ScanPlan): (ip: string) => boolean {
  const blocks = plan.subnets.map((subnet) => ({ block: parseCidr(subnet.cidr), own: subnet.localAddress }));
  return (ip) => {
    const value = parseIpv4(ip);
    return value !== undefined && blocks.some(({ block, own }) => own !== ip && blockContains(block, value));
  };
}
