import type { CheckEvidence } from '../../shared/check-ladder';
import { checkOf, fail, ok, unknown, type Finding } from './check-result';
import type { TlsProbeResult } from './tls-probe';
import type { SiteCheck } from './types';

/** Issuers of TLS-inspecting firewalls and proxies, as they name themselves in the certificates they forge. */
const INTERCEPTORS = [
  'Fortinet',
  'FortiGate',
  'Zscaler',
  'Palo Alto',
  'Sophos',
  'Cisco Umbrella',
  'Blue Coat',
  'Symantec Web',
  'Check Point',
  'Netskope',
  'WatchGuard',
  'SonicWall',
  'Barracuda',
  'Kaspersky',
  'ESET',
  'Avast',
  'Bitdefender',
  'Forcepoint',
  'McAfee Web Gateway',
  'Untangle',
  'pfSense',
  'Smoothwall',
  'Lightspeed',
];

export interface TlsTarget {
  readonly host: string;
  readonly port: number;
  /** The address DNS gave, or undefined when the name did not resolve. */
  readonly address: string | undefined;
  readonly result: TlsProbeResult | undefined;
}

export interface Clocks {
  readonly local: number;
  /** The NTP server's time, when one answered. */
  readonly ntp: number | undefined;
}

const DATE_ERRORS = new Set(['CERT_NOT_YET_VALID', 'CERT_HAS_EXPIRED']);

function judge(target: TlsTarget, clocks: Clocks): Finding[] {
  const where = `${target.host}:${target.port}`;
  const { result } = target;
  if (target.address === undefined || result === undefined)
    return [unknown(`${where} not tried: the name did not resolve`, 'See the dns check.')];
  if (result.kind !== 'handshake') {
    if (result.kind === 'failed')
      return [
        fail(
          `no TLS handshake with ${where} (${result.reason})`,
          `Something on the path breaks TLS to ${target.host}: check the firewall's TLS inspection and allow the port.`,
        ),
      ];
    return [
      fail(
        `${where} is blocked (${result.kind === 'refused' ? 'connection refused' : 'no answer'})`,
        `Allow TCP ${target.port} from the phones' VLAN to ${target.host} (${target.address}) on the firewall.`,
      ),
    ];
  }
  const findings: Finding[] = [];
  const clockList: [string, number | undefined][] = [
    ['this laptop', clocks.local],
    ['the NTP server', clocks.ntp],
  ];
  for (const [clock, now] of clockList) {
    if (now === undefined) continue;
    if (now < result.validFrom)
      findings.push(
        fail(
          `${where}'s certificate is not yet valid by ${clock}'s clock (valid from ${new Date(result.validFrom).toISOString()})`,
          clock === 'this laptop'
            ? "Set this laptop's clock right, or replace the server certificate whose start date lies in the future."
            : "Fix the NTP server's time: phones set their clock from it and then refuse this certificate.",
        ),
      );
    else if (now > result.validTo)
      findings.push(
        fail(
          `${where}'s certificate has expired by ${clock}'s clock (valid until ${new Date(result.validTo).toISOString()})`,
          'Check the clock; if it is right, the server certificate must be renewed.',
        ),
      );
  }
  if (!result.trusted && !DATE_ERRORS.has(result.trustError ?? '')) {
    const interceptor = INTERCEPTORS.find((name) => result.issuer.toLowerCase().includes(name.toLowerCase()));
    findings.push(
      interceptor
        ? fail(
            `${where} is intercepted by a ${interceptor} TLS-inspecting proxy (issuer ${result.issuer})`,
            `Exempt ${target.host} from TLS inspection on the ${interceptor} device: phones do not trust its certificates.`,
          )
        : fail(
            `${where} presents a certificate from an untrusted issuer (${result.issuer}; ${result.trustError ?? 'untrusted'}), likely a TLS-intercepting proxy`,
            `Exempt ${target.host} from TLS inspection on the firewall or proxy.`,
          ),
    );
  }
  if (!result.nameMatches)
    findings.push(
      fail(
        `${where}'s certificate is not for ${target.host} (subject ${result.subject})`,
        `Something answers for ${target.host} that is not it: check DNS and any transparent proxy.`,
      ),
    );
  return findings.length > 0 ? findings : [ok(`${where} ${result.protocol ?? 'TLS'}, certificate valid`)];
}

export function tlsCheck(targets: readonly TlsTarget[], clocks: Clocks): SiteCheck {
  const evidence: Record<string, string> = {};
  for (const target of targets) {
    const where = `${target.host}:${target.port}`;
    const { result } = target;
    evidence[where] =
      result === undefined
        ? 'not resolved'
        : result.kind === 'handshake'
          ? `${result.protocol ?? 'TLS'}, issuer ${result.issuer}, ${new Date(result.validFrom).toISOString()} – ${new Date(result.validTo).toISOString()}`
          : result.reason;
  }
  return checkOf(
    'tls',
    targets.flatMap((target) => judge(target, clocks)),
    evidence satisfies CheckEvidence,
  );
}
