import { DEVICE_CATEGORIES } from '../../shared/enums';
import type { AuditTrail } from '../audit/audit-trail';
import { FieldkitError } from '../errors';
import type { Redactor } from '../log/redactor';
import type { RainbowClient } from '../rainbow';
import type { Device, DeviceModel, PhoneNumber, Registration } from '../rainbow/types';
import { deviceLabel, holderLabel } from './device-labels';
import {
  assertModelFits,
  defaultDescription,
  displayIdentifier,
  ipeiDecimalOf,
  modelsFitting,
  readIdentifier,
  resetConfirmationHint,
  type DeviceIdentifier,
} from './device-rules';
import { confirmsReset } from '../../shared/reset-confirmation';
import { withoutDeviceSecrets } from './device-secrets';
import { createDeviceOnce } from './register-device';
import type { DeviceActionResult, IdentifierCheck } from './types';

export type DeviceClient = Pick<
  RainbowClient,
  | 'listDevices'
  | 'streamDevices'
  | 'getDevice'
  | 'createDevice'
  | 'deleteDevice'
  | 'rebootDevice'
  | 'resetDevice'
  | 'listDeviceRegistrations'
  | 'listDeviceModels'
  | 'listPhoneNumbers'
  | 'assignDevice'
  | 'unassignDevice'
>;

export interface DeviceServiceDeps {
  /** The signed-in client (throws `not-signed-in` otherwise). */
  client: () => DeviceClient;
  audit: AuditTrail;
  redactor: Redactor;
  /** Told after every change to a device, so registration watchers poll it again soon. */
  onDeviceActivity?: (systemId: string, deviceId: string) => void;
}

export interface IdentifierCheckRequest {
  systemId: string;
  identifier: string;
  deviceTypeId?: number;
  phoneNumberId?: string;
}

export interface RegisterDeviceRequest {
  systemId: string;
  identifier: string;
  deviceTypeId: number;
  description?: string;
  phoneNumberId?: string;
}

/** Devices of a CloudPBX: look-ups, registration, assignment, reboot, reset, delete. Every change is audited. */
export class DeviceService {
  readonly #deps: DeviceServiceDeps;

  constructor(deps: DeviceServiceDeps) {
    this.#deps = deps;
  }

  async list(systemId: string): Promise<Device[]> {
    return (await this.#client().listDevices(systemId)).map((device) => this.#clean(device));
  }

  /** The pages of `list`, in its order, as they arrive. */
  async *pages(systemId: string): AsyncGenerator<Device[]> {
    for await (const page of this.#client().streamDevices(systemId))
      yield page.map((device) => this.#clean(device));
  }

  async get(systemId: string, deviceId: string): Promise<Device> {
    return this.#clean(await this.#client().getDevice(systemId, deviceId));
  }

  /** The device of this CloudPBX holding the MAC or IPEI (looked up with the list's `macAddress` filter). */
  async findByIdentifier(systemId: string, identifier: DeviceIdentifier): Promise<Device | undefined> {
    const matches = await this.#client().listDevices(systemId, { macAddress: identifier.value });
    const device = matches.find(
      (candidate) =>
        candidate.macAddress?.toLowerCase() === identifier.value ||
        candidate.ipei?.toLowerCase() === identifier.value,
    );
    return device === undefined ? undefined : this.#clean(device);
  }

  async models(systemId: string): Promise<DeviceModel[]> {
    return this.#client().listDeviceModels(systemId, { category: DEVICE_CATEGORIES });
  }

  async subscriber(systemId: string, phoneNumberId: string, field: string): Promise<PhoneNumber> {
    const subscriber = (await this.#client().listPhoneNumbers(systemId)).find((s) => s.id === phoneNumberId);
    if (subscriber !== undefined) return subscriber;
    const message = `The CloudPBX has no subscriber ${phoneNumberId}.`;
    throw new FieldkitError({
      code: 'invalid-input',
      message,
      hint: 'Refresh the list of subscribers and pick one again.',
      issues: [{ field, message }],
    });
  }

  /** What registering this identifier would do: its normal form, the models it fits, the device holding it. */
  async checkIdentifier(request: IdentifierCheckRequest): Promise<IdentifierCheck> {
    const { systemId } = request;
    const identifier = readIdentifier(request.identifier, 'identifier');
    const [models, existing] = await Promise.all([
      this.models(systemId),
      this.findByIdentifier(systemId, identifier),
    ]);
    const check: IdentifierCheck = {
      value: identifier.value,
      kind: identifier.kind,
      display: displayIdentifier(identifier),
      compatibleModels: modelsFitting(identifier.kind, models),
    };
    const ipeiDecimal = ipeiDecimalOf(identifier);
    if (ipeiDecimal !== undefined) check.ipeiDecimal = ipeiDecimal;
    if (existing !== undefined) check.existing = existing;
    const model = check.compatibleModels.find((candidate) => candidate.id === request.deviceTypeId);
    if (model !== undefined) {
      const subscriber =
        request.phoneNumberId === undefined
          ? undefined
          : await this.subscriber(systemId, request.phoneNumberId, 'phoneNumberId');
      check.defaultDescription = defaultDescription(model, identifier, subscriber?.shortNumber);
    }
    return check;
  }

  async register(request: RegisterDeviceRequest): Promise<Device> {
    const { systemId } = request;
    const identifier = readIdentifier(request.identifier, 'identifier');
    const model = (await this.models(systemId)).find((candidate) => candidate.id === request.deviceTypeId);
    if (model === undefined) {
      const message = `Model ${request.deviceTypeId} is not available on this CloudPBX.`;
      throw new FieldkitError({
        code: 'invalid-input',
        message,
        issues: [{ field: 'deviceTypeId', message }],
      });
    }
    assertModelFits(identifier.kind, model, 'deviceTypeId');
    const existing = await this.findByIdentifier(systemId, identifier);
    if (existing !== undefined) throw alreadyRegistered(identifier, existing);
    const subscriber =
      request.phoneNumberId === undefined
        ? undefined
        : await this.subscriber(systemId, request.phoneNumberId, 'phoneNumberId');

    const created = await createDeviceOnce({
      client: this.#client(),
      audit: this.#deps.audit,
      systemId,
      identifier,
      model,
      description: request.description,
      shortNumber: subscriber?.shortNumber,
      findExisting: () => this.findByIdentifier(systemId, identifier),
    });
    this.#deps.onDeviceActivity?.(systemId, created.id);
    if (subscriber === undefined) return this.#clean(created);
    try {
      return await this.assign(systemId, created.id, subscriber.id);
    } catch (error) {
      if (!(error instanceof FieldkitError)) throw error;
      throw new FieldkitError({
        ...error.toData(),
        message: `The device was registered (${deviceLabel(created)}), but giving it to ${subscriber.shortNumber} failed: ${error.message}`,
        hint: 'Assign it from the device list; it exists on the CloudPBX now.',
        details: { deviceId: created.id },
      });
    }
  }

  async delete(systemId: string, deviceId: string): Promise<DeviceActionResult> {
    const device = await this.get(systemId, deviceId);
    if (device.phoneNumberId !== undefined) {
      throw new FieldkitError({
        code: 'conflict',
        message: `${deviceLabel(device)} is assigned to ${holderLabel(device)}; a device must be unassigned before it is deleted.`,
        hint: 'Unassign it first, then delete it.',
        details: { deviceId, phoneNumberId: device.phoneNumberId },
      });
    }
    const answer = await this.#audit('device.delete', device, () =>
      this.#client().deleteDevice(systemId, deviceId),
    );
    return { deviceId, status: answer.status ?? `Deleted ${deviceLabel(device)}.` };
  }

  async assign(systemId: string, deviceId: string, phoneNumberId: string): Promise<Device> {
    const device = await this.get(systemId, deviceId);
    if (device.phoneNumberId !== undefined) {
      const same = device.phoneNumberId === phoneNumberId;
      throw new FieldkitError({
        code: 'conflict',
        message: same
          ? `${deviceLabel(device)} is already assigned to ${holderLabel(device)}.`
          : `${deviceLabel(device)} is assigned to ${holderLabel(device)}; unassign it before giving it to someone else.`,
        details: { deviceId, phoneNumberId: device.phoneNumberId },
      });
    }
    await this.#audit(
      'device.assign',
      device,
      () => this.#client().assignDevice(systemId, phoneNumberId, deviceId),
      { phoneNumberId },
    );
    return this.get(systemId, deviceId);
  }

  async unassign(systemId: string, deviceId: string): Promise<Device> {
    const device = await this.get(systemId, deviceId);
    const phoneNumberId = device.phoneNumberId;
    if (phoneNumberId === undefined) {
      throw new FieldkitError({
        code: 'conflict',
        message: `${deviceLabel(device)} is not assigned to any subscriber.`,
        details: { deviceId },
      });
    }
    await this.#audit(
      'device.unassign',
      device,
      () => this.#client().unassignDevice(systemId, phoneNumberId, deviceId),
      { phoneNumberId, shortNumber: device.shortNumber ?? '' },
    );
    return this.get(systemId, deviceId);
  }

  async reboot(systemId: string, deviceId: string): Promise<DeviceActionResult> {
    const device = await this.get(systemId, deviceId);
    const answer = await this.#audit('device.reboot', device, () =>
      this.#client().rebootDevice(systemId, deviceId),
    );
    return { deviceId, status: answer.status ?? `Rebooting ${deviceLabel(device)}.` };
  }

  /** Factory reset, only with a typed confirmation matching the device (checked here, not only in the UI). */
  async reset(systemId: string, deviceId: string, confirmation: string): Promise<DeviceActionResult> {
    const device = await this.get(systemId, deviceId);
    if (!confirmsReset(device, confirmation)) {
      const message = `"${confirmation.trim()}" does not match ${deviceLabel(device)}. ${resetConfirmationHint(device)}`;
      throw new FieldkitError({
        code: 'invalid-input',
        message,
        hint: 'A factory reset erases the phone’s configuration; it then has to be provisioned again.',
        issues: [{ field: 'confirmation', message }],
      });
    }
    const answer = await this.#audit('device.reset', device, () =>
      this.#client().resetDevice(systemId, deviceId),
    );
    return { deviceId, status: answer.status ?? `Resetting ${deviceLabel(device)} to factory settings.` };
  }

  registrations(systemId: string, deviceId: string): Promise<Registration[]> {
    return this.#client().listDeviceRegistrations(systemId, deviceId);
  }

  #client(): DeviceClient {
    return this.#deps.client();
  }

  #clean(device: Device): Device {
    return withoutDeviceSecrets(device, this.#deps.redactor);
  }

  async #audit<T>(
    action: 'device.delete' | 'device.assign' | 'device.unassign' | 'device.reboot' | 'device.reset',
    device: Device,
    run: () => Promise<T>,
    details?: Record<string, string>,
  ): Promise<T> {
    const result = await this.#deps.audit.record(
      {
        action,
        systemId: device.systemId,
        object: { type: 'device', id: device.id, label: deviceLabel(device) },
        details,
      },
      run,
    );
    this.#deps.onDeviceActivity?.(device.systemId, device.id);
    return result;
  }
}

function alreadyRegistered(identifier: DeviceIdentifier, existing: Device): FieldkitError {
  const what = identifier.kind === 'mac' ? 'MAC address' : 'IPEI';
  return new FieldkitError({
    code: 'conflict',
    message: `The ${what} ${displayIdentifier(identifier)} is already on this CloudPBX: ${deviceLabel(existing)}, held by ${holderLabel(existing)} (device ${existing.id}).`,
    hint: 'Open that device instead of registering it again.',
    details: { deviceId: existing.id },
  });
}
