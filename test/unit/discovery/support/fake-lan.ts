import type { MdnsBrowserFactory } from '../../../../src-main/services/discovery/mdns-browser';
import type { MdnsSighting } from '../../../../src-main/services/discovery/mdns-sighting';
import type { NeighbourEntry } from '../../../../src-main/services/discovery/neighbour-parsers';
import type { SipSocket, SweepPorts } from '../../../../src-main/services/discovery/network-sweep';
import type { DeviceIdentity } from '../../../../src-main/services/discovery/user-agent';
import type { FakeClock } from '../../../support/fake-clock';

export interface FakeHost {
  ip: string;
  mac: string;
  /** Answers SIP OPTIONS with this user agent. */
  userAgent?: string;
  /** Answers ARP (false: a host that is down). */
  up?: boolean;
  web?: DeviceIdentity;
}

export interface SentProbe {
  at: number;
  ip: string;
  payload: string;
}

/**
 * A pretend LAN behind the sweep's ports: probing an address that is up puts it in the neighbour table (as
 * the kernel's ARP would) and, for a SIP host, answers a few milliseconds later.
 */
export class FakeLan {
  readonly sent: SentProbe[] = [];
  readonly neighbours = new Map<string, NeighbourEntry>();
  readonly webChecked: string[] = [];
  socketsOpen = 0;
  socketsOpened = 0;
  /** The local port each probe left from. */
  readonly sentFrom: number[] = [];
  openError: NodeJS.ErrnoException | undefined;
  mdnsQueries = 0;
  mdnsStopped = 0;
  sendError: ((ip: string) => NodeJS.ErrnoException | undefined) | undefined;
  #onSighting: ((sighting: MdnsSighting) => void) | undefined;
  readonly #hosts: Map<string, FakeHost>;
  readonly #clock: FakeClock;

  constructor(clock: FakeClock, hosts: FakeHost[]) {
    this.#clock = clock;
    this.#hosts = new Map(hosts.map((host) => [host.ip, host]));
  }

  advertise(sighting: MdnsSighting): void {
    this.#onSighting?.(sighting);
  }

  ports(overrides: Partial<SweepPorts> = {}): SweepPorts {
    const browseMdns: MdnsBrowserFactory = (_local, onSighting) => {
      this.#onSighting = onSighting;
      this.mdnsQueries += 1;
      return {
        requery: () => {
          this.mdnsQueries += 1;
        },
        stop: async () => {
          this.mdnsStopped += 1;
          this.#onSighting = undefined;
        },
      };
    };
    return {
      clock: this.#clock,
      openSipSocket: async (onDatagram) => {
        if (this.openError) throw this.openError;
        return this.#socket(onDatagram);
      },
      readNeighbours: async () => [...this.neighbours.values()],
      browseMdns,
      identifyByWeb: async (ip) => {
        this.webChecked.push(ip);
        return this.#hosts.get(ip)?.web;
      },
      userAgent: 'Fieldkit/test',
      newToken: () => 'tok',
      platform: 'linux',
      ...overrides,
    };
  }

  #socket(onDatagram: (ip: string, text: string) => void): SipSocket {
    this.socketsOpen += 1;
    this.socketsOpened += 1;
    const localPort = 40_000 + this.socketsOpened;
    let open = true;
    return {
      localPort,
      send: async (ip, payload) => {
        if (!open) throw Object.assign(new Error('closed'), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
        const error = this.sendError?.(ip);
        if (error) throw error;
        this.sent.push({ at: this.#clock.now(), ip, payload });
        this.sentFrom.push(localPort);
        const host = this.#hosts.get(ip);
        if (!host || host.up === false) return;
        this.neighbours.set(ip, { ip, mac: host.mac, device: 'br0' });
        if (host.userAgent === undefined) return;
        const callId = /^Call-ID: (.*)$/m.exec(payload)?.[1]?.trim() ?? '';
        const answer = [
          'SIP/2.0 200 OK',
          `Call-ID: ${callId}`,
          'CSeq: 1 OPTIONS',
          `User-Agent: ${host.userAgent}`,
          '',
          '',
        ].join('\r\n');
        this.#clock.setTimeout(() => {
          if (open) onDatagram(ip, answer);
        }, 3);
      },
      close: () => {
        if (open) this.socketsOpen -= 1;
        open = false;
      },
    };
  }
}
