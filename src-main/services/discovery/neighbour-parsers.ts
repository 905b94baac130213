/**
 * Readers of the operating systems' neighbour (ARP) tables. Each keeps only entries with a usable MAC: a host
 * that did not answer shows up as `(incomplete)`, `FAILED`, `00:00:00:00:00:00` or without a MAC at all, and
 * must never be reported. macOS drops leading zeros (`0:8:7b:1f:57:59`); the MAC reader pads them back.
 */
import { normaliseMac } from '../../shared/identifiers';
import { parseIpv4 } from '../../shared/ipv4';

export interface NeighbourEntry {
  ip: string;
  /** 12 lowercase hex digits. */
  mac: string;
  /** The interface, when the table says. */
  device?: string;
}

function entry(ip: string, mac: string, device: string | undefined): NeighbourEntry | undefined {
  if (parseIpv4(ip) === undefined) return undefined;
  const normalised = normaliseMac(mac);
  if (!normalised.ok) return undefined;
  return device === undefined ? { ip, mac: normalised.value } : { ip, mac: normalised.value, device };
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined;
}

// /proc/net/arp flags: ATF_COM (0x2) marks an entry whose MAC is resolved.
const ATF_COM = 0x2;

/** Linux `/proc/net/arp`: `IP address  HW type  Flags  HW address  Mask  Device`. */
export function parseProcNetArp(text: string): NeighbourEntry[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .map(([ip, , flags, mac, , device]) => {
      if (ip === undefined || flags === undefined || mac === undefined) return undefined;
      if ((Number.parseInt(flags, 16) & ATF_COM) === 0) return undefined;
      return entry(ip, mac, device);
    })
    .filter(present);
}

const UNUSABLE_STATES = new Set(['FAILED', 'INCOMPLETE', 'NONE']);

/** Linux `ip -j neigh`: `[{ "dst", "dev", "lladdr", "state": ["REACHABLE"] }, …]`. */
export function parseIpNeighJson(text: string): NeighbourEntry[] {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(rows)) return [];
  return rows
    .map((row: unknown) => {
      if (typeof row !== 'object' || row === null) return undefined;
      const { dst, dev, lladdr, state } = row as Record<string, unknown>;
      if (typeof dst !== 'string' || typeof lladdr !== 'string') return undefined;
      const states = Array.isArray(state) ? state : [];
      if (states.some((name) => typeof name === 'string' && UNUSABLE_STATES.has(name))) return undefined;
      return entry(dst, lladdr, typeof dev === 'string' ? dev : undefined);
    })
    .filter(present);
}

/** macOS `arp -an`: `? (192.168.1.7) at 0:8:7b:1f:57:59 on en0 ifscope [ethernet]`. */
export function parseArpAnDarwin(text: string): NeighbourEntry[] {
  return text
    .split('\n')
    .map((line) => /\((\d+\.\d+\.\d+\.\d+)\) at (\S+)(?: on (\S+))?/.exec(line))
    .map((match) => (match?.[1] && match[2] ? entry(match[1], match[2], match[3]) : undefined))
    .filter(present);
}

/**
 * Windows `arp -a`: blocks headed `Interface: 192.168.1.54 --- 0xb`, then rows
 * `192.168.1.1  50-67-f0-8c-7a-3f  dynamic`. The device is the interface's address.
 */
export function parseArpWindows(text: string): NeighbourEntry[] {
  const entries: NeighbourEntry[] = [];
  let device: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const header = /^Interface:\s+(\d+\.\d+\.\d+\.\d+)/i.exec(line.trim());
    if (header) {
      device = header[1];
      continue;
    }
    const row = /^(\d+\.\d+\.\d+\.\d+)\s+([0-9a-f]{2}(?:-[0-9a-f]{2}){5})\s+(\w+)/i.exec(line.trim());
    if (!row?.[1] || !row[2] || row[3]?.toLowerCase() === 'invalid') continue;
    const found = entry(row[1], row[2], device);
    if (found) entries.push(found);
  }
  return entries;
}
