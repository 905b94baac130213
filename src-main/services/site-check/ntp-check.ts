import type { CheckEvidence } from '../../shared/check-ladder';
import { checkOf, fail, ok, warn, type Finding } from './check-result';
import type { ResolveResult } from './site-network';
import type { SntpResult } from './sntp';
import type { SiteCheck } from './types';

/** Beyond this a phone's TLS sees certificates as not yet valid or expired soon enough to matter. */
export const MAX_CLOCK_OFFSET_MS = 10_000;

export interface NtpAnswer {
  readonly server: string;
  readonly result: SntpResult;
}

export interface NtpFindings {
  readonly answers: readonly NtpAnswer[];
  /** Without a server from DHCP: the public pool a phone falls back to, resolved but not queried. */
  readonly pool?: { readonly name: string; readonly result: ResolveResult };
}

const describeResolution = (result: ResolveResult): string =>
  result.kind === 'resolved'
    ? result.addresses.join(', ')
    : result.kind === 'nxdomain'
      ? 'NXDOMAIN'
      : result.reason;

/** The offset of the first server that answered: what a phone would set its clock by. */
export function ntpOffsetOf(answers: readonly NtpAnswer[]): number | undefined {
  for (const { result } of answers) if (result.kind === 'answered') return result.offsetMs;
  return undefined;
}

export function ntpCheck(answers: readonly NtpAnswer[], pool?: NtpFindings['pool']): SiteCheck {
  if (answers.length === 0)
    return checkOf(
      'ntp',
      [
        warn(
          'DHCP hands out no NTP server (option 42)',
          'Add option 42 so phones set their clock from a server you control; otherwise they use a public pool, which the firewall must allow (UDP 123).',
        ),
      ],
      pool ? { [`${pool.name} (resolved, not queried)`]: describeResolution(pool.result) } : {},
    );
  const findings: Finding[] = [];
  const evidence: Record<string, string | number> = {};
  for (const { server, result } of answers) {
    if (result.kind === 'answered') {
      evidence[`${server} offset ms`] = result.offsetMs;
      evidence[`${server} stratum`] = result.stratum;
      if (Math.abs(result.offsetMs) > MAX_CLOCK_OFFSET_MS)
        findings.push(
          fail(
            `${server} is ${Math.round(result.offsetMs / 1000)} s off this laptop's clock`,
            `Fix the time of the NTP server ${server} (or of this laptop): with a clock this far off, phones see certificates as not yet valid or expired and TLS fails.`,
          ),
        );
    } else {
      evidence[server] = result.kind === 'no-answer' ? 'no answer' : result.reason;
      findings.push(
        fail(
          `${server} does not answer NTP`,
          `Allow UDP 123 from the phones' VLAN to ${server}, or check that the NTP service runs.`,
        ),
      );
    }
  }
  if (findings.length === 0)
    findings.push(ok(`time from ${answers.map((a) => a.server).join(', ')} agrees with this laptop`));
  return checkOf('ntp', findings, evidence satisfies CheckEvidence);
}
