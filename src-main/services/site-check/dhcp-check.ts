import type { CheckEvidence } from '../../shared/check-ladder';
import { checkOf, fail, ok, unknown, warn, type Finding } from './check-result';
import type { DhcpOffer } from './dhcp-message';
import type { DhcpProbeResult } from './dhcp-probe';
import type { OwnLease } from './own-lease';
import type { SiteCheck } from './types';
import {
  onlyVoiceVlanHint,
  vendorIdentifyingText,
  vendorSpecificText,
  voiceVlanHintText,
} from './vendor-options';

export const PRIVILEGE_FIX =
  'The DHCP probe needs UDP port 68: on Linux run `sudo fieldkit site-check` or grant the capability once ' +
  '(`sudo setcap \'cap_net_bind_service,cap_net_raw=+ep\' "$(command -v node)"`); on macOS run it with sudo; on ' +
  'Windows run it from an administrator prompt. The other checks ran anyway.';

/**
 * Where a phone would fetch its configuration from: option 66 (+67), else 160, else vendor option 43 (unless all
 * it holds is a voice VLAN hint).
 */
export function provisioningOf(offer: DhcpOffer): string | null {
  if (offer.tftpServerName)
    return offer.bootFile ? `${offer.tftpServerName} ${offer.bootFile}` : offer.tftpServerName;
  if (offer.provisioningUrl) return offer.provisioningUrl;
  const vendor = offer.vendorSpecific;
  return vendor && !onlyVoiceVlanHint(vendor) ? `option 43 (${vendorSpecificText(vendor)})` : null;
}

function offerEvidence(offer: DhcpOffer, prefix: string): CheckEvidence {
  return {
    [`${prefix}offeredAddress`]: offer.offeredAddress,
    [`${prefix}router (3)`]: offer.routers.join(', ') || null,
    [`${prefix}dns (6)`]: offer.dnsServers.join(', ') || null,
    [`${prefix}domain (15)`]: offer.domainName,
    [`${prefix}ntp (42)`]: offer.ntpServers.join(', ') || null,
    [`${prefix}vendor (43)`]: offer.vendorSpecific && vendorSpecificText(offer.vendorSpecific),
    [`${prefix}tftpServer (66)`]: offer.tftpServerName,
    [`${prefix}bootFile (67)`]: offer.bootFile,
    [`${prefix}sip (120)`]: offer.sipServers.join(', ') || null,
    [`${prefix}tftpServers (150)`]: offer.tftpServers.join(', ') || null,
    [`${prefix}provisioning (160)`]: offer.provisioningUrl,
    [`${prefix}vendorIdentifying (125)`]: vendorIdentifyingText(offer.vendorIdentifying) || null,
    [`${prefix}vlan (132)`]: offer.vlanId,
    [`${prefix}voiceVlanHint`]: offer.voiceVlanHint && voiceVlanHintText(offer.voiceVlanHint),
  };
}

/**
 * Judges the OFFERs a phone's DISCOVER drew; the first to answer is the one a phone would take. The laptop's own
 * lease, when one was read, tells whether the server that serves this port answered at all.
 */
export function dhcpCheck(result: DhcpProbeResult, ownLease?: OwnLease): SiteCheck {
  if (result.kind === 'needs-privileges')
    return checkOf('dhcp', [unknown(`the DHCP probe could not run: ${result.reason}`, PRIVILEGE_FIX)], {});
  const [offer, ...others] = result.offers;
  const silentLeaseServer = ownLease && !result.offers.some((answer) => answer.server === ownLease.server);
  const leaseFinding = silentLeaseServer
    ? [
        warn(
          `this laptop's lease is from ${ownLease.server}, which did not answer now`,
          `Check the DHCP server ${ownLease.server} (or the relay towards it) on this VLAN.`,
        ),
      ]
    : [];
  if (!offer)
    return checkOf(
      'dhcp',
      [
        fail(
          "no DHCP server answered a phone's DISCOVER",
          'A phone on this port gets no address: check the DHCP server or the relay (ip helper) for this VLAN.',
        ),
        ...leaseFinding,
      ],
      { servers: 0, ownLeaseServer: ownLease?.server ?? null },
    );
  const findings: Finding[] = [...leaseFinding];
  if (others.length > 0)
    findings.push(
      warn(
        `${result.offers.length} DHCP servers answered (${result.offers.map((o) => o.server).join(', ')})`,
        'Keep the DHCP server that should serve this VLAN and switch off the other (a rogue server): phones take whichever answers first.',
      ),
    );
  const provisioning = provisioningOf(offer);
  if (provisioning === null)
    findings.push(
      fail(
        `${offer.server} gives no provisioning server (no option 66, 160 or 43)`,
        "Add option 66 (the provisioning server address) to the DHCP scope of the phones' VLAN.",
      ),
    );
  if (offer.dnsServers.length === 0)
    findings.push(fail(`${offer.server} gives no DNS server (option 6)`, 'Add option 6 to the DHCP scope.'));
  if (findings.length === 0)
    findings.push(
      ok(
        `${offer.server} offers ${offer.offeredAddress}, provisioning ${provisioning ?? '?'}` +
          (offer.voiceVlanHint ? `, voice VLAN hint ${voiceVlanHintText(offer.voiceVlanHint)}` : ''),
      ),
    );
  const evidence: CheckEvidence = {
    servers: result.offers.length,
    ownLeaseServer: ownLease?.server ?? null,
    server: offer.server,
    ...offerEvidence(offer, ''),
    ...Object.fromEntries(others.map((other, index) => [`otherServer${index + 1}`, other.server])),
  };
  return checkOf('dhcp', findings, evidence);
}
