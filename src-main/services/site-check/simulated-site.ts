// The demo's site: a LAN port with one fault per check, answered from memory. Nothing is sent on any network;
// the report's subject says `simulated`.
import type { DhcpOffer } from './dhcp-message';
import type { SiteInterface, SiteNetwork } from './site-network';
import { decodeVendorSpecific, voiceVlanHintOf } from './vendor-options';

/** Documentation addresses (RFC 5737): they cannot be mistaken for a real site's. */
const PORT: SiteInterface = { name: 'sim0', mac: '02:00:5e:00:53:17', addresses: ['192.0.2.23/24'] };
const ROUTER = '192.0.2.1';
const HOUR_MS = 3_600_000;
/** A TLS-inspecting firewall's forged certificate, as a FortiGate presents it. */
const FORGED_ISSUER = 'FG100F-DEMO, Fortinet';
/** Option 43 as the demo's DHCP server sends it: sub-option 1, a voice VLAN hint the switch itself does not announce. */
const VENDOR_SPECIFIC = decodeVendorSpecific(Buffer.from([1, 11, ...Buffer.from('VLAN-A:100.', 'latin1')]));

const OFFER: DhcpOffer = {
  transactionId: 1,
  messageType: 2,
  server: ROUTER,
  offeredAddress: '192.0.2.57',
  subnetMask: '255.255.255.0',
  routers: [ROUTER],
  dnsServers: [ROUTER],
  domainName: 'site.example',
  ntpServers: [ROUTER],
  vendorSpecific: VENDOR_SPECIFIC,
  vendorIdentifying: [],
  vlanId: null,
  voiceVlanHint: voiceVlanHintOf(VENDOR_SPECIFIC, null),
  tftpServerName: null, // fault: no option 66
  bootFile: null,
  sipServers: [],
  tftpServers: [],
  provisioningUrl: null,
  leaseSeconds: 86_400,
};

export function createSimulatedSite(now: () => number = Date.now): SiteNetwork {
  return {
    simulated: true,
    interfaces: () => [PORT],
    defaultInterface: () => PORT.name,
    // Fault: another host answers the ARP probe for our address.
    link: () =>
      Promise.resolve({
        operstate: 'up',
        gateway: ROUTER,
        gatewayAnswers: 'yes',
        duplicateAddress: 'yes',
        notes: [],
      }),
    // Fault: the switch is heard but announces no voice VLAN.
    listenLldp: () =>
      Promise.resolve({
        kind: 'heard',
        neighbours: [
          {
            protocol: 'LLDP',
            switchName: 'demo-switch-2f',
            port: 'ge-0/0/17',
            portDescription: 'desk 2.17',
            nativeVlan: 10,
            voiceVlan: null,
            voicePriority: null,
            voiceDscp: null,
            poeClass: 'class 3',
            poeMilliwatts: 15400,
          },
        ],
      }),
    probeDhcp: () => Promise.resolve({ kind: 'heard', offers: [OFFER] }),
    ownLease: () => Promise.resolve({ address: '192.0.2.23', server: ROUTER, source: 'simulated' }),
    // Fault: the laptop's own resolver hides the Rainbow names (a split-DNS zone); DHCP's resolves them.
    systemResolvers: () => ['198.51.100.53'],
    resolve: (_name, server) =>
      Promise.resolve(
        server === ROUTER ? { kind: 'resolved', addresses: ['203.0.113.10'] } : { kind: 'nxdomain' },
      ),
    // Fault: the site's NTP server runs three hours ahead.
    sntp: () => Promise.resolve({ kind: 'answered', offsetMs: 3 * HOUR_MS, stratum: 3, roundTripMs: 4 }),
    // Fault: a TLS-inspecting firewall forges the certificates.
    tls: (host) =>
      Promise.resolve({
        kind: 'handshake',
        protocol: 'TLSv1.3',
        trusted: false,
        trustError: 'SELF_SIGNED_CERT_IN_CHAIN',
        nameMatches: true,
        subject: host,
        issuer: FORGED_ISSUER,
        validFrom: now() - 24 * HOUR_MS,
        validTo: now() + 300 * 24 * HOUR_MS,
      }),
    now,
  };
}
