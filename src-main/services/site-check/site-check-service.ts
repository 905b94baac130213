// Runs the ladder of a site check: link, LLDP and DHCP at once, then DNS and NTP (they ask the servers DHCP
// hands out), then TLS (it connects to what DNS found and judges dates by both clocks).
import { FieldkitError } from '../errors';
import { checkReport, type Check } from '../../shared/check-ladder';
import { dhcpCheck } from './dhcp-check';
import type { DhcpOffer } from './dhcp-message';
import type { DhcpProbeResult } from './dhcp-probe';
import { addressOf, dnsCheck, type Resolution } from './dns-check';
import { linkCheck } from './link-check';
import { lldpCheck } from './lldp-check';
import { ntpCheck, ntpOffsetOf, type NtpAnswer, type NtpFindings } from './ntp-check';
import type { SiteInterface, SiteNetwork } from './site-network';
import { tlsCheck, type TlsTarget } from './tls-check';
import { DEFAULT_LLDP_LISTEN_SECONDS } from '../../shared/inputs/site-check';
import {
  SITE_CHECK_IDS,
  type SiteCheck,
  type SiteCheckId,
  type SiteCheckReport,
  type SiteCheckRequest,
  type SiteCheckSubject,
  type SiteCheckTargets,
} from './types';

const RAINBOW_PORT = 443;
const PUBLIC_NTP_POOL = 'pool.ntp.org';
const NOT_ASKED: NtpFindings = { answers: [] };
const SIP_TLS_PORT = 5061;

/** What each check needs run first, whether or not it is shown. */
const PREREQUISITES: Record<SiteCheckId, readonly SiteCheckId[]> = {
  link: [],
  lldp: [],
  dhcp: [],
  dns: ['dhcp'],
  ntp: ['dhcp'],
  tls: ['dhcp', 'dns', 'ntp'],
};

/** `host:port` → its parts; the port defaults to `port`. */
function hostAndPort(target: string, port: number): { host: string; port: number } {
  const match = /^(.+):(\d{1,5})$/.exec(target);
  return match?.[1] && match[2] ? { host: match[1], port: Number(match[2]) } : { host: target, port };
}

/** The names the DNS and TLS checks look at: the Rainbow host, and the SIP proxy of the CloudPBX when known. */
function namedTargets(targets: SiteCheckTargets): { host: string; port: number }[] {
  return [
    { host: targets.rainbowHost, port: RAINBOW_PORT },
    ...(targets.sipProxy ? [hostAndPort(targets.sipProxy, SIP_TLS_PORT)] : []),
  ];
}

/**
 * What the CloudPBX sees of the phones on this port (issue 12, item 2: `diagnose` of the phones found on this
 * port or VLAN), given the LAN ladder, so one report can say "LAN fine, phone not declared" or "CloudPBX fine,
 * DHCP gives no option 66". Its checks follow the LAN's in the report.
 */
export interface CloudPbxSide {
  checks(
    systemId: string,
    lan: { subject: SiteCheckSubject; checks: readonly Check[] },
  ): Promise<readonly Check[]>;
}

export class SiteCheckService {
  constructor(
    private readonly network: () => SiteNetwork,
    private readonly cloudPbx?: CloudPbxSide,
  ) {}

  async run(request: SiteCheckRequest): Promise<SiteCheckReport> {
    const network = this.network();
    const iface = this.chooseInterface(network, request.interface);
    const shown = new Set(request.only ?? SITE_CHECK_IDS);
    const needed = new Set([...shown].flatMap((id) => [id, ...PREREQUISITES[id]]));
    const listenMs = (request.listenLldpSeconds ?? DEFAULT_LLDP_LISTEN_SECONDS) * 1000;
    const checks: Partial<Record<SiteCheckId, SiteCheck>> = {};

    const [link, lldp, dhcp, ownLease] = await Promise.all([
      needed.has('link') ? network.link(iface) : undefined,
      needed.has('lldp') ? network.listenLldp(iface, listenMs) : undefined,
      needed.has('dhcp') ? network.probeDhcp(iface) : undefined,
      needed.has('dhcp') ? network.ownLease(iface) : undefined,
    ]);
    if (link) checks.link = linkCheck(iface, link);
    if (lldp) checks.lldp = lldpCheck(lldp);
    if (dhcp) checks.dhcp = dhcpCheck(dhcp, ownLease);

    const offer = firstOffer(dhcp);
    const targets = namedTargets(request.targets);
    const [resolutions, time] = await Promise.all([
      needed.has('dns') ? this.resolveAll(network, targets, offer) : [],
      needed.has('ntp') ? this.askTime(network, offer) : NOT_ASKED,
    ]);
    const ntpAnswers = time.answers;
    if (needed.has('dns')) checks.dns = dnsCheck(resolutions);
    if (needed.has('ntp')) checks.ntp = ntpCheck(ntpAnswers, time.pool);

    if (needed.has('tls')) {
      const tlsTargets = await Promise.all(
        targets.map(async ({ host, port }): Promise<TlsTarget> => {
          const address = addressOf(resolutions, host);
          return {
            host,
            port,
            address,
            result: address === undefined ? undefined : await network.tls(host, address, port),
          };
        }),
      );
      const local = network.now();
      const offset = ntpOffsetOf(ntpAnswers);
      checks.tls = tlsCheck(tlsTargets, { local, ntp: offset === undefined ? undefined : local + offset });
    }

    const ladder: Check[] = SITE_CHECK_IDS.filter((id) => shown.has(id)).flatMap((id) => checks[id] ?? []);
    const subject = {
      interface: iface.name,
      mac: iface.mac,
      addresses: iface.addresses,
      simulated: network.simulated,
    };
    if (this.cloudPbx && request.systemId !== undefined)
      ladder.push(...(await this.cloudPbx.checks(request.systemId, { subject, checks: ladder })));
    return checkReport(subject, ladder);
  }

  private chooseInterface(network: SiteNetwork, name: string | undefined): SiteInterface {
    const interfaces = network.interfaces();
    const wanted = name ?? network.defaultInterface();
    const found = interfaces.find((iface) => iface.name === wanted);
    if (found) return found;
    const known = interfaces.map((iface) => iface.name).join(', ') || 'none';
    throw new FieldkitError({
      code: 'invalid-input',
      message:
        wanted === null
          ? 'This machine has no network interface to check from.'
          : `There is no interface "${wanted}" here.`,
      hint: `Interfaces: ${known}.`,
    });
  }

  /**
   * One SNTP exchange with each NTP server DHCP hands out. Without any, a phone falls back to a public pool: its
   * name is only resolved, never queried, so nothing leaves for the internet's NTP servers unasked.
   */
  private async askTime(network: SiteNetwork, offer: DhcpOffer | undefined): Promise<NtpFindings> {
    const servers = offer?.ntpServers ?? [];
    if (servers.length > 0)
      return {
        answers: await Promise.all(
          servers.map(async (server): Promise<NtpAnswer> => ({ server, result: await network.sntp(server) })),
        ),
      };
    const resolver = offer?.dnsServers[0] ?? network.systemResolvers()[0];
    if (resolver === undefined) return { answers: [] };
    return {
      answers: [],
      pool: { name: PUBLIC_NTP_POOL, result: await network.resolve(PUBLIC_NTP_POOL, resolver) },
    };
  }

  /** Each name through each resolver DHCP hands out and each of the system's, all at once. */
  private resolveAll(
    network: SiteNetwork,
    targets: readonly { host: string }[],
    offer: DhcpOffer | undefined,
  ): Promise<Resolution[]> {
    const servers = [
      ...(offer?.dnsServers ?? []).map((server) => ({ server, source: 'dhcp' as const })),
      ...network
        .systemResolvers()
        .filter((server) => !offer?.dnsServers.includes(server))
        .map((server) => ({ server, source: 'system' as const })),
    ];
    const names = [...new Set(targets.map((target) => target.host))];
    return Promise.all(
      names.flatMap((name) =>
        servers.map(async ({ server, source }) => ({
          name,
          server,
          source,
          result: await network.resolve(name, server),
        })),
      ),
    );
  }
}

function firstOffer(result: DhcpProbeResult | undefined): DhcpOffer | undefined {
  return result?.kind === 'heard' ? result.offers[0] : undefined;
}
