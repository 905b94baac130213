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
import { signIn, type RainbowClient } from '../../../src-main/services/rainbow';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { FakeClock } from '../../support/fake-clock';

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
  /** Time for the simulator and the device services: it moves when a service sleeps or the test says. */
  time: FakeClock;
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
  const time = new FakeClock(Date.UTC(2025, 5, 2, 8, 0, 0));
  const simulator = await startSimulator({
    port: 0,
    now: time.now,
    registrationDelayMs: options.registrationDelayMs ?? 0,
  });
  // The client's clock never moves, so its renewal timer stays out of the device services' pending timers.
  const client = await signIn({ host: simulator.url, ...simulator.credentials }, { clock: new FakeClock() });
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
