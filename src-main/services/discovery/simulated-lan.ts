/**
 * The demo's LAN: the simulator's phones of the chosen site (plus a router, a printer and a NAS) answering a
 * paced, simulated sweep with the same observations a real one makes. No packet is sent. Everything it
 * reports is labelled `simulated` by the service.
 */
import type { DiscoveryEnvironment } from './environment';
import { blockOf, formatIpv4, parseIpv4 } from '../../shared/ipv4';
import { delayUntilDue, probesDue } from './pacing';
import { plannedTargets, type LocalInterface } from './plan';
import type { ScanClock, ScanListener, ScanObservation, Scanner } from './scanner';
import type { ScanPlan } from './types';
import { parseUserAgent } from './user-agent';

/** A phone of the simulator's tenant (structurally the simulator's `SimulatedPhone`). */
export interface SimulatedLanPhone {
  mac?: string;
  kind: string;
  ip: string;
  model: string;
  firmware: string;
  online: boolean;
}

export interface SimulatedHost {
  ip: string;
  mac: string;
  userAgent?: string;
  mdns?: { vendor: string; model: string };
}

const DEFAULT_NETWORK = '198.18.1.0';
const PREFIX = 24;
const LOCAL_HOST = 10;
/** Devices every office has, on the low addresses the simulator leaves free. */
const BACKGROUND_HOSTS: readonly { offset: number; mac: string }[] = [
  { offset: 1, mac: '0c8ddb4e2a01' },
  { offset: 2, mac: '3c2af4b91c02' },
  { offset: 3, mac: '00113226ab03' },
];
export const SIMULATED_INTERFACE = 'demo-lan';

/** The hosts of the simulated LAN for a site: its online phones with a MAC, and the background devices. */
export function simulatedHosts(phones: readonly SimulatedLanPhone[]): {
  network: number;
  hosts: SimulatedHost[];
} {
  const network = blockOf(
    parseIpv4(phones.find((phone) => phone.mac)?.ip ?? DEFAULT_NETWORK) ?? 0,
    PREFIX,
  ).network;
  const hosts: SimulatedHost[] = BACKGROUND_HOSTS.map(({ offset, mac }) => ({
    ip: formatIpv4(network + offset),
    mac,
  }));
  for (const phone of phones) {
    if (!phone.online || phone.mac === undefined || phone.kind === 'dect-handset') continue;
    hosts.push({ ip: phone.ip, mac: phone.mac, ...answersOf(phone, phone.mac) });
  }
  return { network, hosts };
}

function answersOf(phone: SimulatedLanPhone, mac: string): Pick<SimulatedHost, 'userAgent' | 'mdns'> {
  if (phone.kind === 'deskphone') {
    // One phone in three also advertises its admin page over mDNS, as on a real site.
    const advertises = Number.parseInt(mac.slice(-2), 16) % 3 === 0;
    return {
      userAgent: `ALE ${phone.model} ${phone.firmware} ${mac}`,
      ...(advertises ? { mdns: { vendor: 'ALE', model: phone.model } } : {}),
    };
  }
  if (phone.kind === 'dect-base') {
    return { userAgent: `IPDECT-V2/${phone.firmware} (MAC=${mac.toUpperCase()}; SER= 00000; HW=8)` };
  }
  return { userAgent: `${phone.model.replace(/\s+/g, '-')}/${phone.firmware}` };
}

/** What a host says when probed, as the observations a real sweep would make. */
function observationsOf(host: SimulatedHost): ScanObservation[] {
  const observations: ScanObservation[] = [{ source: 'arp', ip: host.ip, mac: host.mac }];
  if (host.userAgent)
    observations.push({ source: 'sip', ip: host.ip, identity: parseUserAgent(host.userAgent) });
  if (host.mdns) {
    observations.push({ source: 'mdns', ip: host.ip, identity: { ...host.mdns, claimedMac: host.mac } });
  }
  return observations;
}

/** A deterministic answer delay of a few milliseconds per host, so rows do not all land at once. */
function latencyOf(ip: string): number {
  return 3 + ((parseIpv4(ip) ?? 0) % 23);
}

function createSimulatedScanner(hostsNow: () => Promise<SimulatedHost[]>, clock: ScanClock): Scanner {
  return {
    async scan(plan: ScanPlan, listener: ScanListener, signal: AbortSignal) {
      const hosts = new Map((await hostsNow()).map((host) => [host.ip, host]));
      const pending = new Map<() => void, () => void>();
      const later = (ms: number, task: () => void): Promise<void> =>
        new Promise((resolve) => {
          if (signal.aborted) return resolve();
          const cancel = clock.setTimeout(() => {
            pending.delete(cancel);
            task();
            resolve();
          }, ms);
          pending.set(cancel, resolve);
        });
      const stopAll = (): void => {
        for (const [cancel, resolve] of pending) {
          cancel();
          resolve();
        }
        pending.clear();
      };
      signal.addEventListener('abort', stopAll, { once: true });

      const targets = plannedTargets(plan);
      const startedAt = clock.now();
      let probed = 0;
      while (probed < plan.addresses && !signal.aborted) {
        const due = probesDue(clock.now() - startedAt, plan.rate, plan.addresses);
        for (; probed < due; probed++) {
          const next = targets.next();
          const host = next.done ? undefined : hosts.get(next.value);
          if (host)
            void later(latencyOf(host.ip), () => observationsOf(host).forEach((o) => listener.observe(o)));
        }
        listener.progress({ probed, total: plan.addresses });
        if (probed < plan.addresses) {
          await later(
            Math.max(1, delayUntilDue(probed, clock.now() - startedAt, plan.rate)),
            () => undefined,
          );
        }
      }
      await later(plan.timeoutMs, () => undefined);
      signal.removeEventListener('abort', stopAll);
      listener.progress({ probed, total: plan.addresses });
      return { problems: [] };
    },
  };
}

/** The demo's discovery environment over the phones the simulator has for the chosen site. */
export function createSimulatedEnvironment(
  phones: () => Promise<readonly SimulatedLanPhone[]>,
  clock: ScanClock,
): DiscoveryEnvironment {
  const lan = async () => simulatedHosts(await phones());
  return {
    simulated: true,
    interfaces: async (): Promise<LocalInterface[]> => {
      const { network } = await lan();
      return [
        {
          name: SIMULATED_INTERFACE,
          internal: false,
          ipv4: [{ address: formatIpv4(network + LOCAL_HOST), prefix: PREFIX }],
          isDefaultRoute: true,
        },
      ];
    },
    scanner: createSimulatedScanner(async () => (await lan()).hosts, clock),
    identifier: {
      identify: async (ip) => {
        const host = (await lan()).hosts.find((candidate) => candidate.ip === ip);
        return host ? observationsOf(host) : [];
      },
    },
  };
}
