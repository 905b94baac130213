import type { CheckEvidence } from '../../shared/check-ladder';
import { checkOf, ok, warn } from './check-result';
import type { LldpListenResult } from './lldp-agent';
import type { SiteCheck } from './types';

const AGENT_FIX =
  'Hearing the switch needs the OS LLDP agent: on Linux `sudo apt install lldpd` (it listens to LLDP and, with ' +
  '`-c`, CDP); on macOS `brew install lldpd` and run it with sudo; on Windows use the switch console instead.';

export function lldpCheck(result: LldpListenResult): SiteCheck {
  if (result.kind === 'no-agent')
    return checkOf('lldp', [warn(`no LLDP agent to ask (${result.reason})`, AGENT_FIX)], {});
  if (result.kind === 'nothing-heard')
    return checkOf(
      'lldp',
      [
        warn(
          `nothing heard in ${Math.round(result.listenedMs / 1000)} s`,
          'The switch sends no LLDP/CDP on this port (unmanaged switch, or LLDP disabled): the phone will not learn its voice VLAN that way; check the VLAN in the DHCP options or on the switch.',
        ),
      ],
      {},
    );
  const neighbour = result.neighbours[0];
  if (!neighbour) return checkOf('lldp', [], {});
  const evidence: CheckEvidence = {
    protocol: neighbour.protocol,
    switch: neighbour.switchName,
    port: neighbour.port,
    portDescription: neighbour.portDescription,
    nativeVlan: neighbour.nativeVlan,
    voiceVlan: neighbour.voiceVlan,
    voicePriority: neighbour.voicePriority,
    voiceDscp: neighbour.voiceDscp,
    poeClass: neighbour.poeClass,
    poeMilliwatts: neighbour.poeMilliwatts,
  };
  const where = `${neighbour.switchName ?? 'the switch'} port ${neighbour.portDescription ?? neighbour.port ?? '?'}`;
  if (neighbour.voiceVlan === null)
    return checkOf(
      'lldp',
      [
        warn(
          `${where} announces no voice VLAN`,
          'Configure an LLDP-MED voice network policy on the switch port (voice VLAN, priority 5, DSCP 46), or give the VLAN through DHCP.',
        ),
      ],
      evidence,
    );
  return checkOf(
    'lldp',
    [
      ok(
        `${where}: voice VLAN ${neighbour.voiceVlan}, priority ${neighbour.voicePriority ?? '?'}, DSCP ${neighbour.voiceDscp ?? '?'}`,
      ),
    ],
    evidence,
  );
}
