/** IPv4 addresses as 32-bit numbers, and CIDR blocks: the arithmetic behind subnet plans. */

export interface Ipv4Block {
  /** The network address as a number (host bits zero). */
  network: number;
  prefix: number;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;

/** The 32-bit value of a dotted IPv4 address, or undefined when it is not one (no leading zeros, no spaces). */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => OCTET.test(part) && Number(part) <= 255)) return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The number of addresses in a block of this prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** The block of `address/prefix` with its host bits cleared. */
export function blockOf(address: number, prefix: number): Ipv4Block {
  const size = blockSize(prefix);
  return { network: address - (address % size), prefix };
}

export function formatBlock(block: Ipv4Block): string {
  return `${formatIpv4(block.network)}/${block.prefix}`;
}

export function blockContains(block: Ipv4Block, address: number): boolean {
  return address >= block.network && address < block.network + blockSize(block.prefix);
}

/** Whether every address of `inner` is inside `outer`. */
export function blockCovers(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return outer.prefix <= inner.prefix && blockContains(outer, inner.network);
}

export function blocksOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
  return blockCovers(a, b) || blockCovers(b, a);
}

/**
 * The addresses a sweep may probe: every address of the block but its network and broadcast addresses
 * (a /31 and a /32 have neither, RFC 3021), in ascending order.
 */
export function* hostAddresses(block: Ipv4Block): Generator<number> {
  const size = blockSize(block.prefix);
  const [first, last] = size <= 2 ? [0, size - 1] : [1, size - 2];
  for (let offset = first; offset <= last; offset++) yield block.network + offset;
}

export function hostCount(block: Ipv4Block): number {
  const size = blockSize(block.prefix);
  return size <= 2 ? size : size - 2;
}

/** The prefix length of a dotted netmask such as 255.255.255.0, or undefined when it is not contiguous. */
export function prefixOfNetmask(netmask: string): number | undefined {
  const value = parseIpv4(netmask);
  if (value === undefined) return undefined;
  const bits = value.toString(2).padStart(32, '0');
  if (!/^1*0*$/.test(bits)) return undefined;
  const firstZero = bits.indexOf('0');
  return firstZero === -1 ? 32 : firstZero;
}

/**
 * Blocks that never appear as a source on the public internet: RFC 1918, carrier-grade NAT, loopback, link-local,
 * and 198.18.0.0/15 (RFC 2544 benchmarking, which test labs and the simulator use as their LAN).
 */
const NON_PUBLIC_BLOCKS: readonly Ipv4Block[] = [
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
].map(([address, prefix]) => ({ network: parseIpv4(address as string) ?? 0, prefix: prefix as number }));

/** Whether a dotted IPv4 address is a public one; undefined when the text is not an IPv4 address. */
export function isPublicIpv4(text: string): boolean | undefined {
  const address = parseIpv4(text);
  if (address === undefined) return undefined;
  return !NON_PUBLIC_BLOCKS.some((block) => blockContains(block, address));
}
