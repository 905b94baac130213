/**
 * The real sweep. One UDP socket sends a SIP OPTIONS to every address of the plan at the planned rate; the
 * kernel resolves each address over ARP to send it, so the neighbour table, read while the sweep runs and
 * once after it, lists every host that is up. SIP answers identify phones and DECT bases, mDNS adds what
 * devices advertise, and hosts with an ALE MAC that stay silent on SIP for an answer window get a look at their
 * admin page, while the sweep goes on. The sweep ends one answer window after the last probe instead of
 * waiting for dead addresses to time out, or as soon as every address has answered.
 */
import { FieldkitError } from '../errors';
import type { MdnsBrowserFactory, MdnsBrowsing } from './mdns-browser';
import { sightingAddress, sightingIdentity, type MdnsSighting } from './mdns-sighting';
import type { NeighbourEntry } from './neighbour-parsers';
import { delayUntilDue, probesDue } from './pacing';
import { createPlanMembership, plannedTargets } from './plan';
import type { NeighbourReader, ScanClock, ScanListener, ScanOutcome, Scanner } from './scanner';
import { buildOptionsRequest, parseOptionsAnswer } from './sip-options';
import type { ScanPlan } from './types';
import { parseUserAgent, type DeviceIdentity } from './user-agent';
import { classifyMac } from './vendors';

export interface SipSocket {
  readonly localPort: number;
  /** Sends one datagram to port 5060; rejects with the system's error (EPERM, ENOBUFS, …). */
  send(ip: string, payload: string): Promise<void>;
  close(): void;
}

export interface SweepPorts {
  clock: ScanClock;
  openSipSocket(onDatagram: (ip: string, text: string) => void): Promise<SipSocket>;
  readNeighbours: NeighbourReader;
  browseMdns?: MdnsBrowserFactory;
  identifyByWeb?: (ip: string, timeoutMs: number, signal: AbortSignal) => Promise<DeviceIdentity | undefined>;
  /** Sent as our own User-Agent. */
  userAgent: string;
  /** A fresh random token: the Call-ID prefix that tells our answers from other SIP traffic. */
  newToken(): string;
  platform: NodeJS.Platform;
}

const NEIGHBOUR_POLL_MS = 100;
const PROGRESS_INTERVAL_MS = 100;
const MDNS_REQUERY_MS = 1000;
/**
 * mDNS browsing starts this long after the first probe: loading bonjour-service takes tens of milliseconds of
 * the one thread, which would otherwise fall on the first SIP answers and delay the first phones shown. A
 * responder answers within 120 ms and browsing is re-queried every second, so the shortest scan (one answer
 * window) still hears it.
 */
const MDNS_START_DELAY_MS = 100;
const WEB_CONCURRENCY = 8;
const PRIVILEGE_ERRORS = new Set(['EPERM', 'EACCES']);
/**
 * A probe to a dead address waits in the kernel, charged to its socket's send buffer, until ARP gives up
 * (about 3 s); a full buffer silently holds back every later probe. Probes are spread over enough sockets
 * that those waiting never fill one: each is given at most this many of the probes of that time.
 */
const ARP_GIVE_UP_SECONDS = 3.5;
const PROBES_PER_SOCKET = 64;
const MAX_SOCKETS = 128;

/**
 * How many sockets a sweep of this many addresses at this rate spreads its probes over: enough for the probes
 * that can wait for ARP at once (those of the last 3.5 s, or every address of a small plan), and no more, as
 * each socket costs start-up time.
 */
export function socketPoolSize(ratePerSecond: number, addresses: number): number {
  const waitingAtOnce = Math.min(addresses, ratePerSecond * ARP_GIVE_UP_SECONDS);
  return Math.min(MAX_SOCKETS, Math.max(1, Math.ceil(waitingAtOnce / PROBES_PER_SOCKET)));
}

export function createNetworkScanner(ports: SweepPorts): Scanner {
  return { scan: (plan, listener, signal) => new NetworkSweep(ports, plan, listener, signal).run() };
}

/** The message for a system that refuses to let us send probes. */
export function probesRefused(code: string, platform: NodeJS.Platform): FieldkitError {
  const hint =
    platform === 'darwin'
      ? 'On macOS allow Fieldkit under System Settings > Privacy & Security > Local Network, then scan again.'
      : 'A firewall rule or a sandbox blocks outgoing UDP to port 5060 on this machine; allow it (no root ' +
        'rights are needed otherwise) and scan again.';
  return new FieldkitError({
    code: 'permission-denied',
    message: `The system refused to send discovery probes (${code}): Fieldkit lacks the permission to reach the LAN.`,
    hint,
  });
}

function socketFailure(reason: unknown, platform: NodeJS.Platform): FieldkitError {
  const code = (reason as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (PRIVILEGE_ERRORS.has(code)) return probesRefused(code, platform);
  return new FieldkitError({
    code: 'internal',
    message: `No UDP socket could be opened for the probes: ${(reason as Error | undefined)?.message ?? reason}.`,
  });
}

class NetworkSweep {
  readonly #ports: SweepPorts;
  readonly #plan: ScanPlan;
  readonly #listener: ScanListener;
  readonly #signal: AbortSignal;
  readonly #inScan: (ip: string) => boolean;
  readonly #interfaces: Set<string>;
  readonly #subnets: { localAddress: string; contains: (ip: string) => boolean }[];
  readonly #token: string;
  readonly #problems = new Set<string>();
  readonly #cancels = new Set<() => void>();
  readonly #macOfIp = new Map<string, string>();
  readonly #answered = new Set<string>();
  /** When the sweep first saw each address's MAC: its SIP answer window starts then. */
  readonly #seenAt = new Map<string, number>();
  readonly #webChecked = new Set<string>();
  readonly #webQueue: string[] = [];
  readonly #webChecks = new Set<Promise<void>>();
  #sockets: SipSocket[] = [];
  #mdns: MdnsBrowsing | undefined;
  #sent = 0;
  #sendOk = 0;
  #sendFailures = new Map<string, number>();
  #fatal: FieldkitError | undefined;
  #reading: Promise<void> | undefined;
  #readAgain = false;
  #lastProgressAt = Number.NEGATIVE_INFINITY;
  #wake: (() => void) | undefined;

  constructor(ports: SweepPorts, plan: ScanPlan, listener: ScanListener, signal: AbortSignal) {
    this.#ports = ports;
    this.#plan = plan;
    this.#listener = listener;
    this.#signal = signal;
    this.#inScan = createPlanMembership(plan);
    this.#interfaces = new Set(plan.subnets.flatMap((subnet) => [subnet.interface, subnet.localAddress]));
    this.#subnets = plan.subnets.map((subnet) => ({
      localAddress: subnet.localAddress,
      contains: createPlanMembership({ ...plan, subnets: [subnet] }),
    }));
    this.#token = ports.newToken();
  }

  get #stopped(): boolean {
    return this.#signal.aborted || this.#fatal !== undefined;
  }

  get #allAnswered(): boolean {
    return this.#answered.size === this.#plan.addresses;
  }

  async run(): Promise<ScanOutcome> {
    const onAbort = (): void => this.#shutDown();
    this.#signal.addEventListener('abort', onAbort, { once: true });
    try {
      await this.#openSockets();
      if (this.#stopped) return this.#outcome();
      this.#after(MDNS_START_DELAY_MS, () => this.#startMdns());
      this.#every(NEIGHBOUR_POLL_MS, () => {
        void this.#refreshNeighbours();
        this.#queueWebChecks(
          (ip) => this.#ports.clock.now() - (this.#seenAt.get(ip) ?? 0) >= this.#plan.timeoutMs,
        );
      });
      await this.#sendAll();
      // The answer window; it ends early when every address has answered (#onDatagram wakes it).
      if (!this.#allAnswered) await this.#pause(this.#plan.timeoutMs);
      if (!this.#stopped) await this.#refreshNeighbours();
      await this.#finishWebChecks();
      return this.#outcome();
    } finally {
      this.#signal.removeEventListener('abort', onAbort);
      this.#shutDown();
    }
  }

  #outcome(): ScanOutcome {
    if (this.#fatal) throw this.#fatal;
    this.#reportProgress(true);
    const failures = [...this.#sendFailures].map(
      ([code, count]) => `${count} probe(s) could not be sent (${code})`,
    );
    return { problems: [...failures, ...this.#problems] };
  }

  /** Stops everything at once: no probe, query or look-up starts after this. */
  #shutDown(): void {
    for (const cancel of this.#cancels) cancel();
    this.#cancels.clear();
    for (const socket of this.#sockets) socket.close();
    this.#sockets = [];
    void this.#mdns?.stop();
    this.#mdns = undefined;
    this.#wake?.();
  }

  async #openSockets(): Promise<void> {
    const onDatagram = (ip: string, text: string): void => this.#onDatagram(ip, text);
    const opening = Array.from({ length: socketPoolSize(this.#plan.rate, this.#plan.addresses) }, () =>
      this.#ports.openSipSocket(onDatagram),
    );
    const opened = await Promise.allSettled(opening);
    const sockets = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failure = opened.find((result) => result.status === 'rejected');
    if (failure || this.#stopped) {
      for (const socket of sockets) socket.close();
      if (failure) throw socketFailure((failure as PromiseRejectedResult).reason, this.#ports.platform);
      return;
    }
    this.#sockets = sockets;
  }

  #after(ms: number, task: () => void): void {
    const cancel = this.#ports.clock.setTimeout(() => {
      this.#cancels.delete(cancel);
      if (!this.#stopped) task();
    }, ms);
    this.#cancels.add(cancel);
  }

  #every(ms: number, task: () => void): void {
    this.#after(ms, () => {
      task();
      this.#every(ms, task);
    });
  }

  /** Resolves after `ms`, or at once when the sweep stops. */
  #pause(ms: number): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const cancel = this.#ports.clock.setTimeout(() => {
        this.#cancels.delete(cancel);
        this.#wake = undefined;
        resolve();
      }, ms);
      this.#cancels.add(cancel);
      this.#wake = () => {
        this.#wake = undefined;
        resolve();
      };
    });
  }

  async #sendAll(): Promise<void> {
    const targets = plannedTargets(this.#plan);
    const total = this.#plan.addresses;
    const startedAt = this.#ports.clock.now();
    while (!this.#stopped && this.#sent < total) {
      const elapsed = this.#ports.clock.now() - startedAt;
      const due = probesDue(elapsed, this.#plan.rate, total);
      while (this.#sent < due && !this.#stopped) {
        const next = targets.next();
        if (next.done) return;
        this.#probe(next.value);
      }
      this.#reportProgress(false);
      if (this.#sent < total) {
        const wait = delayUntilDue(this.#sent, this.#ports.clock.now() - startedAt, this.#plan.rate);
        await this.#pause(Math.max(1, wait));
      }
    }
  }

  #probe(ip: string): void {
    const socket = this.#sockets[this.#sent % this.#sockets.length];
    if (!socket || !this.#inScan(ip)) return;
    this.#sent += 1;
    const payload = buildOptionsRequest({
      target: ip,
      localAddress: this.#localAddressFor(ip),
      localPort: socket.localPort,
      callIdPrefix: this.#token,
      userAgent: this.#ports.userAgent,
    });
    socket.send(ip, payload).then(
      () => {
        this.#sendOk += 1;
      },
      (error: NodeJS.ErrnoException) => this.#onSendError(error),
    );
  }

  #onSendError(error: NodeJS.ErrnoException): void {
    if (this.#stopped) return;
    const code = error.code ?? error.message;
    if (PRIVILEGE_ERRORS.has(code) && this.#sendOk === 0) {
      this.#fatal = probesRefused(code, this.#ports.platform);
      this.#shutDown();
      return;
    }
    this.#sendFailures.set(code, (this.#sendFailures.get(code) ?? 0) + 1);
  }

  #localAddressFor(ip: string): string {
    return this.#subnets.find((subnet) => subnet.contains(ip))?.localAddress ?? '0.0.0.0';
  }

  #reportProgress(force: boolean): void {
    const now = this.#ports.clock.now();
    if (!force && now - this.#lastProgressAt < PROGRESS_INTERVAL_MS && this.#sent < this.#plan.addresses)
      return;
    this.#lastProgressAt = now;
    this.#listener.progress({ probed: this.#sent, total: this.#plan.addresses });
  }

  #onDatagram(ip: string, text: string): void {
    if (this.#stopped || !this.#inScan(ip)) return;
    const answer = parseOptionsAnswer(text, this.#token);
    if (!answer) return;
    const first = !this.#answered.has(ip);
    this.#answered.add(ip);
    if (!first) return;
    if (this.#allAnswered) this.#wake?.();
    this.#listener.observe({
      source: 'sip',
      ip,
      identity: answer.userAgent ? parseUserAgent(answer.userAgent) : {},
    });
    // The kernel resolved this address to send the probe: the table has its MAC now, so the row can show.
    if (!this.#macOfIp.has(ip)) void this.#refreshNeighbours();
  }

  /** Reads the neighbour table; overlapping calls share one read and ask for one more afterwards. */
  #refreshNeighbours(): Promise<void> {
    if (this.#reading) {
      this.#readAgain = true;
      return this.#reading;
    }
    this.#reading = (async () => {
      do {
        this.#readAgain = false;
        try {
          this.#applyNeighbours(await this.#ports.readNeighbours());
        } catch (error) {
          this.#problems.add(`The neighbour table could not be read: ${(error as Error).message}`);
        }
      } while (this.#readAgain && !this.#stopped);
    })().finally(() => {
      this.#reading = undefined;
    });
    return this.#reading;
  }

  #applyNeighbours(entries: NeighbourEntry[]): void {
    if (this.#stopped) return;
    for (const entry of entries) {
      if (!this.#inScan(entry.ip)) continue;
      if (entry.device !== undefined && !this.#interfaces.has(entry.device)) continue;
      if (this.#macOfIp.get(entry.ip) === entry.mac) continue;
      this.#macOfIp.set(entry.ip, entry.mac);
      if (!this.#seenAt.has(entry.ip)) this.#seenAt.set(entry.ip, this.#ports.clock.now());
      this.#listener.observe({ source: 'arp', ip: entry.ip, mac: entry.mac });
    }
  }

  #startMdns(): void {
    const browse = this.#ports.browseMdns;
    const localAddress = this.#plan.subnets[0]?.localAddress;
    if (!browse || localAddress === undefined) return;
    try {
      this.#mdns = browse(
        localAddress,
        (sighting) => this.#onSighting(sighting),
        (error) => this.#problems.add(`mDNS: ${error.message}`),
      );
    } catch (error) {
      this.#problems.add(`mDNS browsing could not start: ${(error as Error).message}`);
      return;
    }
    this.#every(MDNS_REQUERY_MS, () => this.#mdns?.requery());
  }

  #onSighting(sighting: MdnsSighting): void {
    if (this.#stopped) return;
    const ip = sightingAddress(sighting, this.#inScan);
    if (ip === undefined) return;
    this.#listener.observe({ source: 'mdns', ip, identity: sightingIdentity(sighting) });
  }

  /**
   * Hosts with an ALE MAC that did not answer SIP: their admin page may name the model. Each is looked at once
   * its own answer window has passed (`due`), during the sweep, so the scan's end waits only for the last ones.
   */
  #queueWebChecks(due: (ip: string) => boolean): void {
    if (!this.#ports.identifyByWeb || this.#stopped) return;
    for (const [ip, mac] of this.#macOfIp) {
      if (this.#answered.has(ip) || this.#webChecked.has(ip) || classifyMac(mac).kind === 'other') continue;
      if (!due(ip)) continue;
      this.#webChecked.add(ip);
      this.#webQueue.push(ip);
    }
    this.#startWebChecks();
  }

  /** Starts queued checks, at most WEB_CONCURRENCY at a time. */
  #startWebChecks(): void {
    const identify = this.#ports.identifyByWeb;
    while (identify && !this.#stopped && this.#webChecks.size < WEB_CONCURRENCY) {
      const ip = this.#webQueue.shift();
      if (ip === undefined) return;
      const check = identify(ip, this.#plan.timeoutMs, this.#signal).then(
        (identity) => {
          if (identity && !this.#stopped) this.#listener.observe({ source: 'http', ip, identity });
        },
        (error: Error) => {
          this.#problems.add(`The admin page of ${ip} could not be read: ${error.message}`);
        },
      );
      this.#webChecks.add(check);
      void check.finally(() => {
        this.#webChecks.delete(check);
        this.#startWebChecks();
      });
    }
  }

  /** After the answer window every silent candidate is due: checks them and waits for every check. */
  async #finishWebChecks(): Promise<void> {
    this.#queueWebChecks(() => true);
    while (this.#webChecks.size > 0) await Promise.all([...this.#webChecks]);
  }
}
