import type {
  ApplicationRecord,
  CloudPbxRecord,
  CompanyRecord,
  DeviceModelRecord,
  DevicePatch,
  DeviceRecord,
  NewDevice,
  SubscriberRecord,
  TenantSeed,
  UserRecord,
} from './records';

export type TenantErrorKind = 'not-found' | 'conflict' | 'invalid';

/** A mutation that the state does not allow; routes translate the kind into 404 / 409 / 400. */
export class TenantError extends Error {
  readonly kind: TenantErrorKind;

  constructor(kind: TenantErrorKind, message: string) {
    super(message);
    this.name = 'TenantError';
    this.kind = kind;
  }
}

const ID_LENGTH = 24;

/**
 * The in-memory state of one simulated Rainbow tenant: a company, its CloudPBXs, the device models, users,
 * subscribers and devices. Reads return copies, so callers (routes, tests) change state only through the
 * methods here, which keep the relations consistent.
 */
export class SimulatorTenant {
  readonly company: CompanyRecord;
  readonly #users = new Map<string, UserRecord>();
  readonly #applications = new Map<string, ApplicationRecord>();
  readonly #cloudPbxs = new Map<string, CloudPbxRecord>();
  readonly #deviceModels = new Map<number, DeviceModelRecord>();
  readonly #subscribers = new Map<string, SubscriberRecord>();
  readonly #devices = new Map<string, DeviceRecord>();
  readonly #idPrefix: string;
  readonly #now: () => number;
  #idCounter = 0;

  constructor(seed: TenantSeed) {
    this.company = { ...seed.company };
    this.#idPrefix = seed.idPrefix;
    this.#now = seed.now;
    for (const user of seed.users) this.#users.set(user.id, copy(user));
    for (const application of seed.applications) this.#applications.set(application.id, copy(application));
    for (const cloudPbx of seed.cloudPbxs) this.#cloudPbxs.set(cloudPbx.id, copy(cloudPbx));
    for (const model of seed.deviceModels) this.#deviceModels.set(model.id, copy(model));
    for (const subscriber of seed.subscribers) this.#subscribers.set(subscriber.id, copy(subscriber));
    for (const device of seed.devices) this.#devices.set(device.id, copy(device));
  }

  findUser(userId: string): UserRecord | undefined {
    return copyOrUndefined(this.#users.get(userId));
  }

  findUserByLogin(loginEmail: string): UserRecord | undefined {
    const wanted = loginEmail.toLowerCase();
    return copyOrUndefined(
      [...this.#users.values()].find((user) => user.loginEmail.toLowerCase() === wanted),
    );
  }

  listUsers(): UserRecord[] {
    return [...this.#users.values()].map(copy);
  }

  findApplication(applicationId: string): ApplicationRecord | undefined {
    return copyOrUndefined(this.#applications.get(applicationId));
  }

  listCloudPbxs(): CloudPbxRecord[] {
    return [...this.#cloudPbxs.values()].map(copy);
  }

  findCloudPbx(systemId: string): CloudPbxRecord | undefined {
    return copyOrUndefined(this.#cloudPbxs.get(systemId));
  }

  listDeviceModels(): DeviceModelRecord[] {
    return [...this.#deviceModels.values()].map(copy);
  }

  findDeviceModel(deviceTypeId: number): DeviceModelRecord | undefined {
    return copyOrUndefined(this.#deviceModels.get(deviceTypeId));
  }

  listSubscribers(systemId: string): SubscriberRecord[] {
    return [...this.#subscribers.values()].filter((s) => s.systemId === systemId).map(copy);
  }

  findSubscriber(systemId: string, phoneNumberId: string): SubscriberRecord | undefined {
    const subscriber = this.#subscribers.get(phoneNumberId);
    return subscriber?.systemId === systemId ? copy(subscriber) : undefined;
  }

  listDevices(systemId: string): DeviceRecord[] {
    return [...this.#devices.values()].filter((d) => d.systemId === systemId).map(copy);
  }

  findDevice(systemId: string, deviceId: string): DeviceRecord | undefined {
    const device = this.#devices.get(deviceId);
    return device?.systemId === systemId ? copy(device) : undefined;
  }

  /** Unused internal numbers of the CloudPBX's numbering plan, ascending, as numbers (like the API). */
  freeShortNumbers(systemId: string, options: { startingWith?: string; limit: number }): number[] {
    const settings = this.#requireCloudPbx(systemId).cloudpbx;
    const used = new Set(this.listSubscribers(systemId).map((s) => s.shortNumber));
    const span = 10 ** (settings.numberingDigits - settings.numberingPrefix.length);
    const first = Number(settings.numberingPrefix) * span;
    const free: number[] = [];
    for (let number = first; number < first + span && free.length < options.limit; number += 1) {
      const text = String(number).padStart(settings.numberingDigits, '0');
      if (!used.has(text) && (options.startingWith === undefined || text.startsWith(options.startingWith))) {
        free.push(number);
      }
    }
    return free;
  }

  addUser(input: Omit<UserRecord, 'id'>): UserRecord {
    if (this.findUserByLogin(input.loginEmail) !== undefined) {
      throw new TenantError('conflict', `User ${input.loginEmail} already exists`);
    }
    const user = { ...copy(input), id: this.newId() };
    this.#users.set(user.id, user);
    return copy(user);
  }

  addSubscriber(input: Omit<SubscriberRecord, 'id'>): SubscriberRecord {
    this.#requireCloudPbx(input.systemId);
    if (this.listSubscribers(input.systemId).some((s) => s.shortNumber === input.shortNumber)) {
      throw new TenantError('conflict', `Short number ${input.shortNumber} is already used`);
    }
    if (input.userId !== undefined && this.#users.get(input.userId) === undefined) {
      throw new TenantError('not-found', `User ${input.userId} not found`);
    }
    const subscriber = { ...copy(input), id: this.newId() };
    this.#subscribers.set(subscriber.id, subscriber);
    return copy(subscriber);
  }

  addDevice(input: NewDevice): DeviceRecord {
    const cloudPbx = this.#requireCloudPbx(input.systemId);
    if (this.#deviceModels.get(input.deviceTypeId) === undefined) {
      throw new TenantError('invalid', `Unknown deviceTypeId ${input.deviceTypeId}`);
    }
    this.#assertIdentifiersFree(input);
    if (input.phoneNumberId !== undefined) this.#requireSubscriber(input.systemId, input.phoneNumberId);
    const device: DeviceRecord = {
      mediaTransportProtocol: 'rtp_savp',
      modules: [],
      ...copy(input),
      id: this.newId(),
      companyId: cloudPbx.companyId,
      creationDate: new Date(this.#now()).toISOString(),
    };
    this.#devices.set(device.id, device);
    return copy(device);
  }

  updateDevice(systemId: string, deviceId: string, patch: DevicePatch): DeviceRecord {
    const device = this.#requireDevice(systemId, deviceId);
    if (patch.macAddress !== undefined)
      this.#assertIdentifiersFree({ macAddress: patch.macAddress }, deviceId);
    const updated = { ...device, ...copy(patch) };
    this.#devices.set(deviceId, updated);
    return copy(updated);
  }

  /** Like the API: a device still assigned to a subscriber cannot be removed. */
  removeDevice(systemId: string, deviceId: string): void {
    const device = this.#requireDevice(systemId, deviceId);
    if (device.phoneNumberId !== undefined) {
      throw new TenantError('conflict', `Device ${deviceId} is assigned to a subscriber`);
    }
    this.#devices.delete(deviceId);
  }

  assignDevice(systemId: string, deviceId: string, phoneNumberId: string): DeviceRecord {
    const device = this.#requireDevice(systemId, deviceId);
    this.#requireSubscriber(systemId, phoneNumberId);
    const updated = { ...device, phoneNumberId };
    this.#devices.set(deviceId, updated);
    return copy(updated);
  }

  unassignDevice(systemId: string, deviceId: string): DeviceRecord {
    const { phoneNumberId: _unassigned, ...device } = this.#requireDevice(systemId, deviceId);
    this.#devices.set(deviceId, device);
    return copy(device);
  }

  /** A new 24-hex-digit id; deterministic, so a run can be replayed. */
  newId(): string {
    this.#idCounter += 1;
    const counter = this.#idCounter.toString(16);
    return `${this.#idPrefix}${counter.padStart(ID_LENGTH - this.#idPrefix.length, '0')}`;
  }

  #requireCloudPbx(systemId: string): CloudPbxRecord {
    const cloudPbx = this.#cloudPbxs.get(systemId);
    if (cloudPbx === undefined) throw new TenantError('not-found', `CloudPBX ${systemId} not found`);
    return cloudPbx;
  }

  #requireSubscriber(systemId: string, phoneNumberId: string): SubscriberRecord {
    const subscriber = this.#subscribers.get(phoneNumberId);
    if (subscriber?.systemId !== systemId) {
      throw new TenantError('not-found', `Subscriber ${phoneNumberId} not found in CloudPBX ${systemId}`);
    }
    return subscriber;
  }

  #requireDevice(systemId: string, deviceId: string): DeviceRecord {
    const device = this.#devices.get(deviceId);
    if (device?.systemId !== systemId) {
      throw new TenantError('not-found', `Device ${deviceId} not found in CloudPBX ${systemId}`);
    }
    return device;
  }

  /** A MAC or IPEI identifies one physical device, so it is unique across every CloudPBX. */
  #assertIdentifiersFree(
    identifiers: Pick<DeviceRecord, 'macAddress' | 'ipei'>,
    exceptDeviceId?: string,
  ): void {
    for (const device of this.#devices.values()) {
      if (device.id === exceptDeviceId) continue;
      if (identifiers.macAddress !== undefined && device.macAddress === identifiers.macAddress) {
        throw new TenantError('conflict', `MAC address ${identifiers.macAddress} is already used`);
      }
      if (identifiers.ipei !== undefined && device.ipei === identifiers.ipei) {
        throw new TenantError('conflict', `IPEI ${identifiers.ipei} is already used`);
      }
    }
  }
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

function copyOrUndefined<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : copy(value);
}
