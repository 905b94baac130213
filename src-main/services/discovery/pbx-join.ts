/**
 * The CloudPBX's side of a scan: is the MAC provisioned on the chosen CloudPBX, assigned to whom, registered
 * from where, plus the DECT handsets it knows by IPEI. The device list is read once per scan; registrations
 * only for the MACs actually found (and for the handsets), a few at a time.
 */
import { normaliseIpei, normaliseMac } from '../../shared/identifiers';
import type { Device, Registration } from '../rainbow/types';
import { provisionedStatus, subscriberOf, unprovisionedStatus } from '../../shared/pbx-status';
import type { DectHandset, PbxStatus } from './types';

/** What the join needs of a signed-in Rainbow client. */
export interface PbxDirectoryClient {
  listDevices(systemId: string): Promise<Device[]>;
  listDeviceRegistrations(systemId: string, deviceId: string): Promise<Registration[]>;
}

const REGISTRATION_CONCURRENCY = 4;

/** `sip:91.161.84.45:19925;transport=tls` → `91.161.84.45:19925`. */
export function registrationSource(registration: Registration): string | null {
  const uri = registration.publicSourceRegistration ?? registration.fullSipURI;
  const match = /^sips?:(?:[^@;]*@)?([^;?>]+)/i.exec(uri ?? '');
  return match?.[1] ?? null;
}

function baseMacOf(registration: Registration): string | null {
  const fromField = registration.macAddress === undefined ? undefined : normaliseMac(registration.macAddress);
  if (fromField?.ok) return fromField.value;
  const fromAgent = /MAC=([0-9A-Fa-f]{12})/.exec(registration.user_agent ?? '')?.[1];
  const parsed = fromAgent === undefined ? undefined : normaliseMac(fromAgent);
  return parsed?.ok ? parsed.value : null;
}

/** Runs tasks with at most `limit` at a time. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      queue.shift()?.();
    }
  };
}

export class PbxJoin {
  readonly #client: PbxDirectoryClient;
  readonly #systemId: string;
  readonly #devices: Promise<Device[]>;
  readonly #registrations = new Map<string, Promise<Registration[] | null>>();
  readonly #limit = limiter(REGISTRATION_CONCURRENCY);
  readonly #problems = new Set<string>();

  constructor(client: PbxDirectoryClient, systemId: string) {
    this.#client = client;
    this.#systemId = systemId;
    this.#devices = client.listDevices(systemId);
    this.#devices.catch(() => undefined);
  }

  get problems(): string[] {
    return [...this.#problems];
  }

  /** The devices; rejects when the CloudPBX could not be read. */
  devices(): Promise<Device[]> {
    return this.#devices;
  }

  /** The CloudPBX's view of one MAC; rejects when the device list could not be read. */
  async statusOf(mac: string): Promise<PbxStatus> {
    const device = (await this.#devices).find((candidate) => candidate.macAddress?.toLowerCase() === mac);
    if (!device) return unprovisionedStatus();
    const registrations = await this.#registrationsOf(device.id);
    return provisionedStatus(device, {
      registered: registrations === null ? null : registrations.length > 0,
      registeredFrom: registrations?.[0] ? registrationSource(registrations[0]) : null,
    });
  }

  /** The DECT handsets of the CloudPBX with what their registrations say. */
  async handsets(): Promise<DectHandset[]> {
    const handsets = (await this.#devices).filter((device) => device.ipei !== undefined);
    return Promise.all(
      handsets.map(async (device) => {
        const registrations = await this.#registrationsOf(device.id);
        const current = registrations?.[0];
        const ipei = normaliseIpei(device.ipei ?? '');
        return {
          deviceId: device.id,
          ipei: ipei.ok ? ipei.value : (device.ipei ?? ''),
          description: device.description,
          model: device.deviceType.model,
          subscriber: subscriberOf(device),
          registered: registrations === null ? null : registrations.length > 0,
          registeredFrom: current ? registrationSource(current) : null,
          dectVersion: current?.dectVersion ?? null,
          baseMac: current ? baseMacOf(current) : null,
        };
      }),
    );
  }

  /** Null when they could not be read (the row then says "registered: unknown"). */
  #registrationsOf(deviceId: string): Promise<Registration[] | null> {
    let pending = this.#registrations.get(deviceId);
    if (!pending) {
      pending = this.#limit(() => this.#client.listDeviceRegistrations(this.#systemId, deviceId)).catch(
        (error: unknown) => {
          this.#problems.add(`SIP registrations could not be read: ${(error as Error).message}`);
          return null;
        },
      );
      this.#registrations.set(deviceId, pending);
    }
    return pending;
  }
}
