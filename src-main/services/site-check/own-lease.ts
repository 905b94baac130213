// The laptop's own DHCP lease on an interface, read from the files Linux DHCP clients keep: systemd-networkd
// and NetworkManager's internal client (KEY=VALUE files), and ISC dhclient (`lease { … }` blocks).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface OwnLease {
  readonly address: string | null;
  readonly server: string;
  /** The file it was read from. */
  readonly source: string;
}

/** A systemd-style lease file (`ADDRESS=…`, `SERVER_ADDRESS=…`). */
export function parseKeyValueLease(text: string, source: string): OwnLease | undefined {
  const values = new Map(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => !line.startsWith('#') && line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );
  const server = values.get('SERVER_ADDRESS');
  return server ? { address: values.get('ADDRESS') ?? null, server, source } : undefined;
}

/** The last lease of `interfaceName` in an ISC dhclient leases file. */
export function parseDhclientLeases(
  text: string,
  interfaceName: string,
  source: string,
): OwnLease | undefined {
  const leases = [...text.matchAll(/lease\s*\{([^}]*)\}/g)].map((match) => match[1] ?? '');
  const own = leases.filter((lease) => /interface\s+"([^"]*)"/.exec(lease)?.[1] === interfaceName).at(-1);
  const server = own && /option\s+dhcp-server-identifier\s+([\d.]+)\s*;/.exec(own)?.[1];
  if (!own || !server) return undefined;
  return { address: /fixed-address\s+([\d.]+)\s*;/.exec(own)?.[1] ?? null, server, source };
}

const readIfPresent = (path: string): Promise<string | undefined> =>
  readFile(path, 'utf8').catch(() => undefined);
const listIfPresent = (folder: string): Promise<string[]> => readdir(folder).catch(() => []);

/**
 * The lease of the first client that has one for this interface, or undefined (static address, other OS).
 * `dhclientLeaseFile` reads that dhclient file instead of the system's (a lab's client keeps its own).
 */
export async function readOwnLease(
  interfaceName: string,
  dhclientLeaseFile?: string,
): Promise<OwnLease | undefined> {
  if (dhclientLeaseFile !== undefined) return readDhclientLease(dhclientLeaseFile, interfaceName);
  const ifindex = (await readIfPresent(`/sys/class/net/${interfaceName}/ifindex`))?.trim();
  const keyValueFiles = [
    ...(ifindex ? [`/run/systemd/netif/leases/${ifindex}`] : []),
    ...(await listIfPresent('/var/lib/NetworkManager'))
      .filter((name) => name.startsWith('internal-') && name.endsWith(`-${interfaceName}.lease`))
      .map((name) => join('/var/lib/NetworkManager', name)),
  ];
  for (const file of keyValueFiles) {
    const text = await readIfPresent(file);
    const lease = text === undefined ? undefined : parseKeyValueLease(text, file);
    if (lease) return lease;
  }
  for (const file of [`/var/lib/dhcp/dhclient.${interfaceName}.leases`, '/var/lib/dhcp/dhclient.leases']) {
    const lease = await readDhclientLease(file, interfaceName);
    if (lease) return lease;
  }
  return undefined;
}

async function readDhclientLease(file: string, interfaceName: string): Promise<OwnLease | undefined> {
  const text = await readIfPresent(file);
  return text === undefined ? undefined : parseDhclientLeases(text, interfaceName, file);
}
