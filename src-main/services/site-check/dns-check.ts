import type { CheckEvidence } from '../../shared/check-ladder';
import { checkOf, fail, ok, unknown, type Finding } from './check-result';
import type { ResolveResult } from './site-network';
import type { SiteCheck } from './types';

export interface Resolution {
  readonly name: string;
  readonly server: string;
  /** Where the resolver comes from: `dhcp` or `system`. */
  readonly source: 'dhcp' | 'system';
  readonly result: ResolveResult;
}

/** The first address found for `name` by any resolver, for the checks that connect to it. */
export function addressOf(resolutions: readonly Resolution[], name: string): string | undefined {
  for (const resolution of resolutions)
    if (resolution.name === name && resolution.result.kind === 'resolved')
      return resolution.result.addresses[0];
  return undefined;
}

export function dnsCheck(resolutions: readonly Resolution[]): SiteCheck {
  if (resolutions.length === 0)
    return checkOf(
      'dns',
      [
        unknown(
          'no resolver to ask (none from DHCP, none configured)',
          'Give the phones a DNS server with DHCP option 6.',
        ),
      ],
      {},
    );
  const findings: Finding[] = [];
  const evidence: Record<string, string> = {};
  for (const { name, server, source, result } of resolutions) {
    const where = `${name} @${server} (${source})`;
    if (result.kind === 'resolved') evidence[where] = result.addresses.join(', ');
    else if (result.kind === 'nxdomain') {
      evidence[where] = 'NXDOMAIN';
      findings.push(
        fail(
          `${server} says ${name} does not exist`,
          `Fix the resolver ${server}: it must resolve ${name} (a split-DNS zone or a filter hides it).`,
        ),
      );
    } else {
      evidence[where] = result.reason;
      findings.push(
        fail(
          `${server} does not answer for ${name} (${result.reason})`,
          `Check that DNS (UDP/TCP 53) to ${server} is allowed from this VLAN.`,
        ),
      );
    }
  }
  if (findings.length === 0) {
    const names = [...new Set(resolutions.map((resolution) => resolution.name))];
    findings.push(
      ok(
        `${names.join(' and ')} resolve through ${[...new Set(resolutions.map((r) => r.server))].join(', ')}`,
      ),
    );
  }
  return checkOf('dns', findings, evidence satisfies CheckEvidence);
}
