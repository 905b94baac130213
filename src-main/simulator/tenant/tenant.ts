import type { ExpansionModule } from '../../services/rainbow/types';
import { DebugSessions, type DebugSession } from './debug-sessions';
import { DeviceKeyBoard, type KeyHost } from './device-keys';
import { checkDeskphone, checkIdentifiersFitModel, checkModuleFits } from './device-rules';
import { TenantDirectory, copy } from './directory';
import { compactIdentifier } from './identifier-text';
import { SimulatedPhones, identifierOf, type ActiveRegistration, type SimulatedPhone } from './phones';
import { RevisedMap } from './revised-map';
import { NO_TELEPHONY, Telephony } from './telephony';
import type { DevicePatch, DeviceRecord, KeyRecord, NewDevice, NewKey, TenantSeed } from './records';
import { TenantError } from './tenant-error';

export { TenantError, type TenantErrorKind, type TenantRule } from './tenant-error';

/**
 * The in-memory state of one simulated Rainbow tenant: the directory (company, users, CloudPBXs, models,
 * subscribers), the devices, and the simulated phones behind the devices. Reads return copies, so callers
 * (routes, tests) change state only through the methods here, which keep the relations consistent.
 */
export class SimulatorTenant extends TenantDirectory {
  readonly #devices = new RevisedMap<string, DeviceRecord>();
  /** MAC or IPEI → device id; a MAC or IPEI identifies one physical device, across every CloudPBX. */
  readonly #deviceIdByIdentifier = new Map<string, string>();
  readonly #phones: SimulatedPhones;
  readonly #debugSessions: DebugSessions;
  readonly #behindSipAlg: Set<string>;
  readonly #reRegisteringOften: Set<string>;
  /** DDIs, groups, trunks, emergency numbers: read by the routes, never changed. */
  readonly telephony: Telephony;
  readonly #keys = new DeviceKeyBoard();

  constructor(seed: TenantSeed) {
    super(seed);
    this.#phones = new SimulatedPhones({ now: seed.now, registrationDelayMs: seed.registrationDelayMs ?? 0 });
    this.#debugSessions = new DebugSessions(seed.now);
    this.#behindSipAlg = new Set(seed.phonesBehindSipAlg);
    this.#reRegisteringOften = new Set(seed.phonesReRegisteringOften);
    this.telephony = new Telephony(seed.telephony ?? NO_TELEPHONY);
    for (const phone of seed.lanPhones ?? []) this.#phones.addLanPhone(phone);
    for (const device of seed.devices) {
      this.#storeDevice(copy(device));
      if (device.phoneNumberId !== undefined) this.#phones.provisionAtOnce(device.id);
    }
    for (const [mac, model] of Object.entries(seed.misdeclaredPhones ?? {}))
      this.#phones.setModel(mac, model);
    for (const key of seed.keys ?? []) this.#keys.seed(key);
  }

  /** Changes whenever a device is stored, replaced or removed: list answers cached from the devices check it. */
  get devicesRevision(): number {
    return this.#devices.revision;
  }

  listDevices(systemId: string): DeviceRecord[] {
    return [...this.#devices.values()].filter((d) => d.systemId === systemId).map(copy);
  }

  /** The stored devices themselves, not copies: for building answers, which only read them (10,000 per page). */
  readDevices(systemId: string): readonly Readonly<DeviceRecord>[] {
    return [...this.#devices.values()].filter((d) => d.systemId === systemId);
  }

  findDevice(systemId: string, deviceId: string): DeviceRecord | undefined {
    const device = this.#devices.get(deviceId);
    return device?.systemId === systemId ? copy(device) : undefined;
  }

  /** The device of a CloudPBX holding this MAC or IPEI (12 or 10 lowercase hex digits). */
  findDeviceByIdentifier(systemId: string, identifier: string): DeviceRecord | undefined {
    const deviceId = this.#deviceIdByIdentifier.get(identifier);
    return deviceId === undefined ? undefined : this.findDevice(systemId, deviceId);
  }

  /** Like the API: the subscriber's devices become free for other subscribers. */
  removeSubscriber(systemId: string, phoneNumberId: string): void {
    this.requireSubscriber(systemId, phoneNumberId);
    for (const device of this.#devices.values()) {
      if (device.phoneNumberId === phoneNumberId) this.unassignDevice(systemId, device.id);
    }
    this.deleteSubscriber(phoneNumberId);
  }

  addDevice(input: NewDevice): DeviceRecord {
    const cloudPbx = this.requireCloudPbx(input.systemId);
    checkIdentifiersFitModel(this.requireModel(input.deviceTypeId), input);
    this.#assertIdentifierFree(input.macAddress);
    this.#assertIdentifierFree(input.ipei);
    if (input.phoneNumberId !== undefined) this.requireSubscriber(input.systemId, input.phoneNumberId);
    const device: DeviceRecord = {
      ...copy(input),
      mediaTransportProtocol: input.mediaTransportProtocol ?? 'rtp_savp',
      modules: copy(input.modules ?? []),
      id: this.newId(),
      companyId: cloudPbx.companyId,
      creationDate: new Date(this.now()).toISOString(),
    };
    this.#storeDevice(device);
    if (device.phoneNumberId !== undefined) this.#phones.provision(device.id);
    return copy(device);
  }

  /**
   * A new MAC is the swap workflow: the device keeps its id, subscriber and keys, the old phone loses the
   * registration and the new one registers after the delay, if it is online.
   */
  updateDevice(systemId: string, deviceId: string, patch: DevicePatch): DeviceRecord {
    const device = this.#requireDevice(systemId, deviceId);
    const swapped = patch.macAddress !== undefined && patch.macAddress !== device.macAddress;
    const updated = { ...device, ...copy(patch) };
    if (swapped) {
      checkIdentifiersFitModel(this.requireModel(device.deviceTypeId), updated);
      this.#assertIdentifierFree(patch.macAddress);
      const old = identifierOf(device);
      if (old !== undefined) this.#deviceIdByIdentifier.delete(old);
    }
    this.#storeDevice(updated);
    if (swapped && updated.phoneNumberId !== undefined) this.#phones.provision(deviceId);
    return copy(updated);
  }

  /** Like the API: a device still assigned to a subscriber cannot be removed. */
  removeDevice(systemId: string, deviceId: string): void {
    const device = this.#requireDevice(systemId, deviceId);
    if (device.phoneNumberId !== undefined) {
      throw new TenantError('device-assigned', `Device ${deviceId} is assigned to a subscriber`);
    }
    const identifier = identifierOf(device);
    if (identifier !== undefined) this.#deviceIdByIdentifier.delete(identifier);
    this.#devices.delete(deviceId);
    this.#keys.forget(deviceId);
    this.#phones.deprovision(deviceId);
    this.#debugSessions.revoke(deviceId);
  }

  assignDevice(systemId: string, deviceId: string, phoneNumberId: string): DeviceRecord {
    const device = this.#requireDevice(systemId, deviceId);
    this.requireSubscriber(systemId, phoneNumberId);
    if (device.phoneNumberId !== undefined) {
      throw new TenantError(
        'device-already-assigned',
        `Device ${deviceId} is already assigned to subscriber ${device.phoneNumberId}`,
      );
    }
    const updated = { ...device, phoneNumberId };
    this.#devices.set(deviceId, updated);
    this.#phones.provision(deviceId);
    return copy(updated);
  }

  unassignDevice(systemId: string, deviceId: string): DeviceRecord {
    const { phoneNumberId: _unassigned, ...device } = this.#requireDevice(systemId, deviceId);
    this.#devices.set(deviceId, device);
    this.#phones.deprovision(deviceId);
    return copy(device);
  }

  addModule(systemId: string, deviceId: string, module: ExpansionModule): DeviceRecord {
    const device = this.#requireDevice(systemId, deviceId);
    checkModuleFits(this.requireModel(device.deviceTypeId), device.modules, module);
    const modules = [...device.modules, copy(module)].sort((a, b) => a.moduleId - b.moduleId);
    return this.updateDevice(systemId, deviceId, { modules });
  }

  removeModule(systemId: string, deviceId: string, moduleId: number): DeviceRecord {
    const device = this.#requireDevice(systemId, deviceId);
    if (!device.modules.some((module) => module.moduleId === moduleId)) {
      throw new TenantError('module-not-found', `Device ${deviceId} has no expansion module ${moduleId}`);
    }
    const modules = device.modules.filter((module) => module.moduleId !== moduleId);
    this.#keys.forget(deviceId, moduleId);
    return this.updateDevice(systemId, deviceId, { modules });
  }

  /** The device's programmable keys, of one module (0: the deskphone) or all. */
  listKeys(systemId: string, deviceId: string, moduleId?: number): KeyRecord[] {
    this.#requireDevice(systemId, deviceId);
    return this.#keys.list(deviceId, moduleId);
  }

  createKey(systemId: string, deviceId: string, key: NewKey): KeyRecord {
    return this.#keys.create(this.#keyHost(systemId, deviceId), key);
  }

  /** Replaces the module's admin keys; its service and system keys stay. */
  replaceKeys(systemId: string, deviceId: string, moduleId: number, keys: readonly NewKey[]): KeyRecord[] {
    return this.#keys.replace(this.#keyHost(systemId, deviceId), moduleId, keys);
  }

  deleteKey(systemId: string, deviceId: string, moduleId: number, keyNum: number): KeyRecord {
    this.#requireDevice(systemId, deviceId);
    return this.#keys.remove(deviceId, moduleId, keyNum);
  }

  /**
   * The phone drops its registration and registers again after the delay. A banned phone fetches its
   * configuration and SIP password again, so the simulator lifts its ban (how Rainbow lifts one is not
   * documented: an assumption, the fix the diagnosis offers).
   */
  rebootDevice(systemId: string, deviceId: string): void {
    const { bannedDevice, ...unbanned } = this.#requireDeskphone(systemId, deviceId);
    if (bannedDevice !== undefined) this.#devices.set(deviceId, unbanned);
    this.#phones.reboot(deviceId);
  }

  /** The phone loses its configuration: unregistered until re-provisioned (`reprovisionPhone`). */
  resetDevice(systemId: string, deviceId: string): void {
    const identifier = identifierOf(this.#requireDeskphone(systemId, deviceId));
    if (identifier !== undefined) this.#phones.factoryReset(identifier);
  }

  grantDebugSession(systemId: string, deviceId: string, durationSeconds: number): void {
    this.#requireDeskphone(systemId, deviceId);
    this.#debugSessions.grant(deviceId, durationSeconds);
  }

  revokeDebugSession(systemId: string, deviceId: string): void {
    this.#requireDeskphone(systemId, deviceId);
    this.#debugSessions.revoke(deviceId);
  }

  /** The running debug session of a device, if any, with the address of its phone's admin page. */
  debugSession(systemId: string, deviceId: string): (DebugSession & { adminUrl: string }) | undefined {
    const address = this.#phones.addressOf(this.#requireDevice(systemId, deviceId));
    const session = this.#debugSessions.active(deviceId);
    return session === undefined || address === undefined
      ? undefined
      : { ...session, adminUrl: `https://${address}:443` };
  }

  /** The device's SIP registration right now; none while unassigned, offline, rebooting or reset. */
  registration(systemId: string, deviceId: string): ActiveRegistration | undefined {
    return this.#phones.registration(this.#requireDevice(systemId, deviceId));
  }

  /**
   * Test and demo control: power a phone on or off. Any MAC or IPEI in any notation, provisioned or not; a
   * phone never seen before is on by default.
   */
  setPhoneOnline(identifier: string, online: boolean): void {
    this.#phones.setOnline(compactIdentifier(identifier), online);
  }

  /** Whether the phone's site router rewrites its SIP contact (a SIP ALG); MAC or IPEI, 10 or 12 hex digits. */
  behindSipAlg(identifier: string): boolean {
    return this.#behindSipAlg.has(identifier);
  }

  /** Test and demo control: the technician turns the site router's SIP ALG off (or on) for this phone. */
  setBehindSipAlg(identifier: string, behind: boolean): void {
    const key = compactIdentifier(identifier);
    if (behind) this.#behindSipAlg.add(key);
    else this.#behindSipAlg.delete(key);
  }

  /** Whether the phone re-registers every minute with a new binding; MAC or IPEI, 10 or 12 hex digits. */
  reRegistersOften(identifier: string): boolean {
    return this.#reRegisteringOften.has(identifier);
  }

  /** Test and demo control: the technician fixes what made the phone re-register every minute (or breaks it). */
  setReRegisteringOften(identifier: string, often: boolean): void {
    const key = compactIdentifier(identifier);
    if (often) this.#reRegisteringOften.add(key);
    else this.#reRegisteringOften.delete(key);
  }

  /** Test and demo control: the technician configures a factory-reset phone again. */
  reprovisionPhone(identifier: string): void {
    const key = compactIdentifier(identifier);
    this.#phones.reprovision(key, this.#deviceIdByIdentifier.get(key));
  }

  /** The phones on a CloudPBX site: those of its devices, then the ones not provisioned yet. */
  simulatedPhones(systemId: string): SimulatedPhone[] {
    const devices = [...this.#devices.values()].filter((device) => device.systemId === systemId);
    return this.#phones.list(systemId, devices, (identifier) => this.#deviceIdByIdentifier.has(identifier));
  }

  #storeDevice(device: DeviceRecord): void {
    this.#devices.set(device.id, device);
    const identifier = identifierOf(device);
    if (identifier === undefined) return;
    this.#deviceIdByIdentifier.set(identifier, device.id);
    this.#phones.attach(device, this.requireModel(device.deviceTypeId));
  }

  #requireDevice(systemId: string, deviceId: string): DeviceRecord {
    const device = this.#devices.get(deviceId);
    if (device?.systemId !== systemId) {
      throw new TenantError('device-not-found', `SIP device ${deviceId} not found in CloudPBX ${systemId}`);
    }
    return device;
  }

  #keyHost(systemId: string, deviceId: string): KeyHost {
    const device = this.#requireDevice(systemId, deviceId);
    return {
      deviceId,
      model: this.requireModel(device.deviceTypeId),
      modules: device.modules,
      subscriberHasUser: (phoneNumberId) =>
        this.requireSubscriber(systemId, phoneNumberId).userId !== undefined,
    };
  }

  #requireDeskphone(systemId: string, deviceId: string): DeviceRecord {
    const device = this.#requireDevice(systemId, deviceId);
    checkDeskphone(this.requireModel(device.deviceTypeId), deviceId);
    return device;
  }

  #assertIdentifierFree(identifier: string | undefined): void {
    if (identifier === undefined || !this.#deviceIdByIdentifier.has(identifier)) return;
    const name = identifier.length === 12 ? 'MAC address' : 'IPEI';
    throw new TenantError('identifier-in-use', `${name} ${identifier} is already used by another SIP device`);
  }
}
