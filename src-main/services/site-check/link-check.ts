import { checkOf, fail, ok, unknown, warn, type Finding } from './check-result';
import type { LinkFacts } from './link-probe';
import type { SiteInterface } from './site-network';
import type { SiteCheck } from './types';

export function linkCheck(iface: SiteInterface, facts: LinkFacts): SiteCheck {
  const findings: Finding[] = [];
  if (facts.operstate === 'down')
    findings.push(fail(`${iface.name} has no link`, 'Check the cable and the switch port (is it enabled?).'));
  if (iface.addresses.length === 0)
    findings.push(
      fail(
        `${iface.name} has no IPv4 address`,
        'The laptop got no DHCP lease on this port: see the dhcp check.',
      ),
    );
  if (facts.gateway === undefined)
    findings.push(unknown('the default gateway was not read', facts.notes.join('; ') || null));
  else if (facts.gateway === null)
    findings.push(
      fail('no default gateway', 'The DHCP server hands out no router (option 3), or the lease failed.'),
    );
  else if (facts.gatewayAnswers === 'no')
    findings.push(
      warn(
        `the gateway ${facts.gateway} does not answer ping`,
        'Some routers never answer ping; if the phone cannot reach Rainbow either, check the router.',
      ),
    );
  if (facts.duplicateAddress === 'yes')
    findings.push(
      fail(
        `another host answers for ${iface.addresses[0]?.split('/')[0] ?? 'our address'}`,
        "Two devices share this address: fix the static address or the DHCP server's reservations.",
      ),
    );
  if (facts.duplicateAddress === 'unknown' && iface.addresses.length > 0)
    findings.push(unknown('the duplicate-address probe could not run', facts.notes.join('; ') || null));
  if (findings.length === 0)
    findings.push(
      ok(
        `${iface.name} is up with ${iface.addresses.join(', ')}, gateway ${facts.gateway}${facts.gatewayAnswers === 'yes' ? ' answers' : ''}`,
      ),
    );
  return checkOf('link', findings, {
    interface: iface.name,
    operstate: facts.operstate,
    addresses: iface.addresses.join(', ') || null,
    gateway: facts.gateway ?? null,
    gatewayAnswers: facts.gatewayAnswers,
    duplicateAddress: facts.duplicateAddress,
  });
}
