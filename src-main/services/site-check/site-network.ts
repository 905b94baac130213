// The network a site check reads, as one port: the real one (system-site-network.ts) or the demo's simulated
// site (simulated-site.ts), which sends nothing.
import type { DhcpProbeResult } from './dhcp-probe';
import type { LinkFacts } from './link-probe';
import type { LldpListenResult } from './lldp-agent';
import type { OwnLease } from './own-lease';
import type { SntpResult } from './sntp';
import type { TlsProbeResult } from './tls-probe';

export interface SiteInterface {
  readonly name: string;
  readonly mac: string | null;
  /** IPv4 addresses with their prefix, e.g. `192.168.1.20/24`. */
  readonly addresses: readonly string[];
}

export type ResolveResult =
  | { readonly kind: 'resolved'; readonly addresses: readonly string[] }
  | { readonly kind: 'nxdomain' }
  | { readonly kind: 'failed'; readonly reason: string };

export interface SiteNetwork {
  /** True when nothing is sent: the checks say their results are simulated. */
  readonly simulated: boolean;
  interfaces(): SiteInterface[];
  /** The interface a site check uses unless told: the one of the default route. */
  defaultInterface(): string | null;
  link(iface: SiteInterface): Promise<LinkFacts>;
  listenLldp(iface: SiteInterface, listenMs: number): Promise<LldpListenResult>;
  probeDhcp(iface: SiteInterface): Promise<DhcpProbeResult>;
  /** The laptop's own DHCP lease on the interface, when its DHCP client keeps one we can read. */
  ownLease(iface: SiteInterface): Promise<OwnLease | undefined>;
  systemResolvers(): string[];
  resolve(name: string, server: string): Promise<ResolveResult>;
  sntp(server: string): Promise<SntpResult>;
  tls(host: string, address: string, port: number): Promise<TlsProbeResult>;
  now(): number;
}
