// The real network of this machine, for `fieldkit site-check` and the Site check screen outside the demo.
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { Resolver } from 'node:dns/promises';
import { blockOf, blockSize, formatIpv4, parseIpv4 } from '../../shared/ipv4';
import { probeDhcp } from './dhcp-probe';
import { probeLink } from './link-probe';
import { listenLldp } from './lldp-agent';
import { readOwnLease } from './own-lease';
import { sntpQuery } from './sntp';
import { probeTls } from './tls-probe';
import type { ResolveResult, SiteInterface, SiteNetwork } from './site-network';

const DHCP_LISTEN_MS = 4000; // servers that ping an address before offering it (dnsmasq, Windows) take ~3 s
const DNS_TIMEOUT_MS = 3000;
const NTP_TIMEOUT_MS = 3000;
const TLS_TIMEOUT_MS = 5000;
const LIMITED_BROADCAST = '255.255.255.255';

export interface SystemSiteNetworkOptions {
  /** lldpd's control socket, when not the system's. */
  readonly lldpSocket?: string;
  /** A PEM CA trusted in addition to Node's roots for the TLS check: for the lab's tests only. */
  readonly extraCa?: string;
  /** A dhclient leases file read for the laptop's own lease instead of the system's: for the lab's tests only. */
  readonly dhclientLeaseFile?: string;
}

/** The directed broadcast of the interface's first IPv4 network, so the DISCOVER leaves through this interface. */
function broadcastOf(iface: SiteInterface): string {
  const [address, prefix] = (iface.addresses[0] ?? '').split('/');
  const value = address === undefined ? undefined : parseIpv4(address);
  if (value === undefined || prefix === undefined) return LIMITED_BROADCAST;
  const block = blockOf(value, Number(prefix));
  return formatIpv4(block.network + blockSize(block.prefix) - 1);
}

async function resolveWith(name: string, server: string): Promise<ResolveResult> {
  const resolver = new Resolver({ timeout: DNS_TIMEOUT_MS, tries: 1 });
  resolver.setServers([server]);
  try {
    return { kind: 'resolved', addresses: await resolver.resolve4(name) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') return { kind: 'nxdomain' };
    return { kind: 'failed', reason: code ?? (error as Error).message };
  }
}

export function createSystemSiteNetwork(options: SystemSiteNetworkOptions = {}): SiteNetwork {
  const interfaces = (): SiteInterface[] =>
    Object.entries(networkInterfaces()).flatMap(([name, entries = []]) => {
      if (entries.every((entry) => entry.internal)) return [];
      const ipv4 = entries.filter((entry) => entry.family === 'IPv4');
      return [
        { name, mac: entries[0]?.mac ?? null, addresses: ipv4.map((entry) => entry.cidr ?? entry.address) },
      ];
    });
  return {
    simulated: false,
    interfaces,
    defaultInterface: () => {
      const routes = (() => {
        try {
          return readFileSync('/proc/net/route', 'utf8');
        } catch {
          return '';
        }
      })();
      const viaDefault = routes
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .find((fields) => fields[1] === '00000000')?.[0];
      return viaDefault ?? interfaces().find((iface) => iface.addresses.length > 0)?.name ?? null;
    },
    link: (iface) => probeLink(iface.name, iface.addresses[0]?.split('/')[0] ?? null),
    listenLldp: (iface, listenMs) =>
      listenLldp(iface.name, listenMs, options.lldpSocket ? { socket: options.lldpSocket } : {}, Date.now),
    probeDhcp: (iface) =>
      iface.mac
        ? probeDhcp({ mac: iface.mac, broadcast: broadcastOf(iface), listenMs: DHCP_LISTEN_MS })
        : Promise.resolve({ kind: 'needs-privileges', reason: `${iface.name} has no hardware address` }),
    // A lease file can outlive its lease (or, in a network namespace, belong to the host): only one for an
    // address this interface holds counts.
    ownLease: async (iface) => {
      const lease = await readOwnLease(iface.name, options.dhclientLeaseFile);
      return lease && iface.addresses.some((cidr) => cidr.split('/')[0] === lease.address)
        ? lease
        : undefined;
    },
    systemResolvers: () => new Resolver().getServers().filter((server) => parseIpv4(server) !== undefined),
    resolve: resolveWith,
    sntp: (server) => sntpQuery(server, NTP_TIMEOUT_MS, Date.now),
    tls: (host, address, port) =>
      probeTls({
        host,
        address,
        port,
        timeoutMs: TLS_TIMEOUT_MS,
        ...(options.extraCa ? { extraCa: options.extraCa } : {}),
      }),
    now: Date.now,
  };
}
