import { DECT_BASE, firmwareOf, phoneKindOf, type PhoneKind } from './phone-catalogue';
import type { DeviceModelRecord, DeviceRecord } from './records';

/** A simulated phone as a test or the simulated LAN sees it. */
export interface SimulatedPhone {
  /** The provisioned device using this phone, if any. */
  deviceId?: string;
  /** 12 lowercase hex digits; absent on DECT handsets. */
  mac?: string;
  /** 10 lowercase hex digits, DECT handsets only. */
  ipei?: string;
  kind: PhoneKind;
  /** In 198.18.0.0/15 (data only, never used for traffic). A DECT handset has its base's address. */
  ip: string;
  model: string;
  firmware: string;
  /** Powered and plugged. */
  online: boolean;
  /** Holds a SIP registration right now. */
  registered: boolean;
}

/** A phone on a CloudPBX site's LAN that no device uses yet. */
export interface LanPhoneSeed {
  systemId: string;
  kind: PhoneKind;
  macAddress?: string;
  ipei?: string;
  model: string;
  firmware: string;
}

/** Where a registered phone's REGISTER comes from. */
export interface ActiveRegistration {
  registeredAt: number;
  /** The clock when this was read. */
  observedAt: number;
  kind: PhoneKind;
  identifier: string;
  ip: string;
  sipPort: number;
  model: string;
  firmware: string;
  /** DECT handsets: the MAC of the base they register through. */
  baseMac?: string;
}

interface PhoneRecord {
  identifier: string;
  kind: PhoneKind;
  /** Allocation order: gives the IP address and the SIP port. */
  index: number;
  systemId?: string;
  model?: string;
  firmware?: string;
  online: boolean;
  /** -Infinity for a phone that has always been on. */
  onlineSince: number;
  /** A factory reset phone has lost its provisioning URL: it stays unregistered until re-provisioned. */
  factoryReset: boolean;
}

const IPEI_LENGTH = 10;
const ADDRESSES_PER_SUBNET = 200;
const FIRST_HOST = 20;
const EPHEMERAL_PORTS = { first: 32_768, count: 28_000 };

/**
 * The physical phones behind the devices, keyed by MAC or IPEI, and the SIP registration of each device.
 * Registration state is derived from the clock, never from timers: an event (assignment, reboot, MAC swap,
 * re-provisioning) sets the time the line registers, `registrationDelayMs` after it, and a phone that was
 * offline registers that long after it comes back.
 */
export class SimulatedPhones {
  readonly #now: () => number;
  readonly #delayMs: number;
  readonly #phones = new Map<string, PhoneRecord>();
  /** deviceId → the time its line registers (or registered). No entry: not provisioned. */
  readonly #lines = new Map<string, number>();
  /** systemId → the DECT base its handsets register through. */
  readonly #bases = new Map<string, PhoneRecord>();

  constructor(options: { now: () => number; registrationDelayMs: number }) {
    if (!(options.registrationDelayMs >= 0)) throw new RangeError('registrationDelayMs must be 0 or more');
    this.#now = options.now;
    this.#delayMs = options.registrationDelayMs;
  }

  addLanPhone(seed: LanPhoneSeed): void {
    const identifier = seed.macAddress ?? seed.ipei;
    if (identifier === undefined) throw new RangeError('A LAN phone needs a MAC or an IPEI');
    if (this.#phones.has(identifier)) throw new RangeError(`Phone ${identifier} already exists`);
    const phone = this.#create(identifier, seed.kind);
    phone.systemId = seed.systemId;
    phone.model = seed.model;
    phone.firmware = seed.firmware;
    if (seed.kind === 'dect-base' && !this.#bases.has(seed.systemId)) this.#bases.set(seed.systemId, phone);
  }

  /** Makes sure the phone a device names exists and sits on the device's site (phones move with devices). */
  attach(device: DeviceRecord, model: DeviceModelRecord): void {
    const identifier = identifierOf(device);
    if (identifier === undefined) return;
    const kind = phoneKindOf(model.category);
    const phone = this.#phones.get(identifier) ?? this.#create(identifier, kind);
    // A LAN phone keeps the kind it was seeded with; one only seen through setOnline learns it here.
    if (phone.systemId === undefined) phone.kind = kind;
    phone.systemId = device.systemId;
    phone.model ??= model.model;
    phone.firmware ??= firmwareOf(kind, model.range);
    if (kind === 'dect-handset') this.#ensureBase(device.systemId);
  }

  /** The phone is another model than the one its device declares (seeded after the devices). */
  setModel(identifier: string, model: string): void {
    this.#require(identifier).model = model;
  }

  /** The device's configuration reaches its phone now: it registers after the delay. */
  provision(deviceId: string): void {
    this.#lines.set(deviceId, this.#now() + this.#delayMs);
  }

  /** A seeded line, registered from the start. */
  provisionAtOnce(deviceId: string): void {
    this.#lines.set(deviceId, this.#now());
  }

  deprovision(deviceId: string): void {
    this.#lines.delete(deviceId);
  }

  /** Drops the registration; a provisioned line comes back after the delay. */
  reboot(deviceId: string): void {
    if (this.#lines.has(deviceId)) this.provision(deviceId);
  }

  factoryReset(identifier: string): void {
    const phone = this.#phones.get(identifier);
    if (phone !== undefined) phone.factoryReset = true;
  }

  /** The technician re-enters the provisioning URL on a reset phone; `deviceId` is the device using it. */
  reprovision(identifier: string, deviceId: string | undefined): void {
    this.#require(identifier).factoryReset = false;
    if (deviceId !== undefined && this.#lines.has(deviceId)) this.provision(deviceId);
  }

  /** Unknown identifiers get a phone that is not on any site until a device uses it. */
  setOnline(identifier: string, online: boolean): void {
    const phone =
      this.#phones.get(identifier) ??
      this.#create(identifier, identifier.length === IPEI_LENGTH ? 'dect-handset' : 'deskphone');
    if (online && !phone.online) phone.onlineSince = this.#now();
    phone.online = online;
  }

  /** The IP address of the device's phone (a handset's base), if it has one. */
  addressOf(device: DeviceRecord): string | undefined {
    const identifier = identifierOf(device);
    const phone = identifier === undefined ? undefined : this.#phones.get(identifier);
    return phone === undefined ? undefined : this.#ipOf(phone);
  }

  registration(device: DeviceRecord): ActiveRegistration | undefined {
    const identifier = identifierOf(device);
    const registersAt = this.#lines.get(device.id);
    const phone = identifier === undefined ? undefined : this.#phones.get(identifier);
    if (device.phoneNumberId === undefined || registersAt === undefined || phone === undefined)
      return undefined;
    if (!phone.online || phone.factoryReset) return undefined;
    const base = phone.kind === 'dect-handset' ? this.#baseOf(phone) : undefined;
    if (phone.kind === 'dect-handset' && base?.online !== true) return undefined;
    const registeredAt = Math.max(
      registersAt,
      phone.onlineSince + this.#delayMs,
      (base?.onlineSince ?? Number.NEGATIVE_INFINITY) + this.#delayMs,
    );
    const now = this.#now();
    if (now < registeredAt) return undefined;
    return {
      registeredAt,
      observedAt: now,
      kind: phone.kind,
      identifier: phone.identifier,
      ip: ipAt((base ?? phone).index),
      sipPort: sipPortAt(phone.index),
      model: phone.model ?? '',
      firmware: phone.firmware ?? '',
      baseMac: base?.identifier,
    };
  }

  /**
   * Every phone on a site: those of the given devices, then the ones no device uses (`inUse` says which
   * identifiers some device holds, on any site).
   */
  list(
    systemId: string,
    devices: readonly DeviceRecord[],
    inUse: (identifier: string) => boolean,
  ): SimulatedPhone[] {
    const provisioned = devices.flatMap((device) => {
      const identifier = identifierOf(device);
      const phone = identifier === undefined ? undefined : this.#phones.get(identifier);
      return phone === undefined ? [] : [this.#describe(phone, device)];
    });
    const spare = [...this.#phones.values()]
      .filter((phone) => phone.systemId === systemId && !inUse(phone.identifier))
      .map((phone) => this.#describe(phone, undefined));
    return [...provisioned, ...spare];
  }

  #describe(phone: PhoneRecord, device: DeviceRecord | undefined): SimulatedPhone {
    const handset = phone.kind === 'dect-handset';
    return {
      deviceId: device?.id,
      mac: handset ? undefined : phone.identifier,
      ipei: handset ? phone.identifier : undefined,
      kind: phone.kind,
      ip: this.#ipOf(phone),
      model: phone.model ?? '',
      firmware: phone.firmware ?? '',
      online: phone.online,
      registered: device !== undefined && this.registration(device) !== undefined,
    };
  }

  #ipOf(phone: PhoneRecord): string {
    const base = phone.kind === 'dect-handset' ? this.#baseOf(phone) : undefined;
    return ipAt((base ?? phone).index);
  }

  #create(identifier: string, kind: PhoneKind): PhoneRecord {
    const phone: PhoneRecord = {
      identifier,
      kind,
      index: this.#phones.size,
      online: true,
      onlineSince: Number.NEGATIVE_INFINITY,
      factoryReset: false,
    };
    this.#phones.set(identifier, phone);
    return phone;
  }

  #require(identifier: string): PhoneRecord {
    const phone = this.#phones.get(identifier);
    if (phone === undefined) throw new RangeError(`No simulated phone ${identifier}`);
    return phone;
  }

  #baseOf(handset: PhoneRecord): PhoneRecord | undefined {
    return handset.systemId === undefined ? undefined : this.#bases.get(handset.systemId);
  }

  /** A site with DECT handsets gets a base if the seed gave it none. */
  #ensureBase(systemId: string): void {
    if (this.#bases.has(systemId)) return;
    this.addLanPhone({
      systemId,
      kind: 'dect-base',
      macAddress: `00087b${this.#phones.size.toString(16).padStart(6, '0')}`,
      model: DECT_BASE.model,
      firmware: DECT_BASE.firmware,
    });
  }
}

export function identifierOf(device: Pick<DeviceRecord, 'macAddress' | 'ipei'>): string | undefined {
  return device.macAddress ?? device.ipei;
}

/** 198.18.1.20, 198.18.1.21, … 200 hosts per /24, continuing into 198.19.x.y. */
function ipAt(index: number): string {
  const subnet = Math.floor(index / ADDRESSES_PER_SUBNET);
  const second = 18 + Math.floor(subnet / 255);
  return `198.${second}.${(subnet % 255) + 1}.${FIRST_HOST + (index % ADDRESSES_PER_SUBNET)}`;
}

function sipPortAt(index: number): number {
  return EPHEMERAL_PORTS.first + ((index * 7919) % EPHEMERAL_PORTS.count);
}
