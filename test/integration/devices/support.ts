import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLogs } from '../../../src-main/services/audit/audit-logs';
import type { AuditLog } from '../../../src-main/services/audit/audit-log';
import { AuditTrail } from '../../../src-main/services/audit/audit-trail';
import { createDeviceFeature, type DeviceFeature } from '../../../src-main/services/devices/device-feature';
import type { RegistrationSnapshot, SwapProgress } from '../../../src-main/services/devices/types';
import { silentLogger } from '../../../src-main/services/log/logger';
import { Redactor } from '../../../src-main/services/log/redactor';
import { signIn, type Clock, type RainbowClient } from '../../../src-main/services/rainbow';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { TestClock } from '../rainbow/support';

/**
 * Time for the simulator and the device services together: it moves only when a service sleeps (swap polling)
 * or the test says so, and background timers (registration polling) fire only when the test fires them.
 */
export class SharedTime implements Clock {
  #now = Date.UTC(2025, 5, 2, 8, 0, 0);
  readonly #timers = new Map<number, { callback: () => void; at: number }>();
  #nextTimer = 0;

  now = (): number => this.#now;

  sleep(ms: number): Promise<void> {
    this.#now += ms;
    return Promise.resolve();
  }

  schedule(callback: () => void, ms: number): () => void {
    const id = this.#nextTimer++;
    this.#timers.set(id, { callback, at: this.#now + ms });
    return () => this.#timers.delete(id);
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  /** Delays of the pending timers, from now, soonest first. */
  pending(): number[] {
    return [...this.#timers.values()].map((timer) => timer.at - this.#now).sort((a, b) => a - b);
  }

  /** Jumps to the soonest timer and fires it. */
  fireNext(): void {
    const [id, timer] = [...this.#timers.entries()].sort(([, a], [, b]) => a.at - b.at)[0] ?? [];
    if (id === undefined || timer === undefined) throw new Error('no timer pending');
    this.#timers.delete(id);
    this.#now = Math.max(this.#now, timer.at);
    timer.callback();
  }
}

/** Events in arrival order, with a way to wait for the next one that matches. */
export class EventQueue<T> {
  readonly seen: T[] = [];
  readonly #waiters: { match: (event: T) => boolean; resolve: (event: T) => void }[] = [];

  push = (event: T): void => {
    this.seen.push(event);
    const waiter = this.#waiters.find((candidate) => candidate.match(event));
    if (waiter !== undefined) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  };

  /** The next event (from now on) that matches. */
  next(match: (event: T) => boolean = () => true): Promise<T> {
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }
}

export interface DeviceHarness {
  simulator: RunningSimulator;
  client: RainbowClient;
  feature: DeviceFeature;
  time: SharedTime;
  redactor: Redactor;
  auditLog: AuditLog;
  dataDir: string;
  registrationEvents: EventQueue<RegistrationSnapshot>;
  swapEvents: EventQueue<SwapProgress>;
  close(): Promise<void>;
}

/** A simulator on its own time, a signed-in client, and the device services auditing into a temp folder. */
export async function startDeviceHarness(
  options: { registrationDelayMs?: number } = {},
): Promise<DeviceHarness> {
  const time = new SharedTime();
  const simulator = await startSimulator({
    port: 0,
    now: time.now,
    registrationDelayMs: options.registrationDelayMs ?? 0,
  });
  const client = await signIn({ host: simulator.url, ...simulator.credentials }, { clock: new TestClock() });
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-devices-'));
  const auditLog = new AuditLogs(dataDir).for({ kind: 'profile', name: 'Lyon site' });
  const redactor = new Redactor();
  const registrationEvents = new EventQueue<RegistrationSnapshot>();
  const swapEvents = new EventQueue<SwapProgress>();
  const audit = new AuditTrail({
    scope: () => ({ log: auditLog, actor: client.user.loginEmail, profile: 'Lyon site', source: 'app' }),
    now: time.now,
    redactor,
    logger: silentLogger,
  });
  const feature = createDeviceFeature({
    client: () => client,
    audit,
    redactor,
    clock: time,
    onRegistrations: registrationEvents.push,
    onSwapProgress: swapEvents.push,
  });
  return {
    simulator,
    client,
    feature,
    time,
    redactor,
    auditLog,
    dataDir,
    registrationEvents,
    swapEvents,
    close: async () => {
      feature.registrations.stopAll();
      client.close();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A subscriber of the CloudPBX that holds no device. */
export function freeSubscriberId(simulator: RunningSimulator, systemId: string): string {
  const { tenant } = simulator;
  const holding = new Set(tenant.listDevices(systemId).map((device) => device.phoneNumberId));
  const free = tenant.listSubscribers(systemId).find((subscriber) => !holding.has(subscriber.id));
  if (free === undefined) throw new Error('the seed has no subscriber without a device');
  return free.id;
}

/** Device id of a seeded device by its MAC or IPEI. */
export function seededDeviceId(simulator: RunningSimulator, systemId: string, identifier: string): string {
  const device = simulator.tenant.findDeviceByIdentifier(systemId, identifier);
  if (device === undefined) throw new Error(`no seeded device ${identifier}`);
  return device.id;
}
