/**
 * The pure rules of registering, resetting and swapping devices: which identifier fits which model, what a
 * device is called by default, how to ask for a factory reset's confirmation. No I/O; the services apply them.
 */
import { FieldkitError } from '../errors';
import {
  formatIpeiDecimal,
  formatMac,
  normaliseIpei,
  normaliseMac,
  parseDeviceIdentifier,
  type DeviceIdentifierKind,
} from '../../shared/identifiers';
import type { Device, DeviceCategory, DeviceModel } from '../rainbow/types';

export interface DeviceIdentifier {
  kind: DeviceIdentifierKind;
  /** Canonical: 12 lowercase hex digits (MAC) or 10 (IPEI). */
  value: string;
}

/** Which categories of model each kind of identifier can be registered as. */
const CATEGORIES_OF: Readonly<Record<DeviceIdentifierKind, readonly DeviceCategory[]>> = {
  mac: ['deskphone', 'uncategorized'],
  ipei: ['dectmobile'],
};

const KIND_NAMES: Readonly<Record<DeviceIdentifierKind, string>> = {
  mac: 'a MAC address',
  ipei: 'an IPEI',
};

/** Reads a MAC or IPEI in any notation, or throws `invalid-input` on `field` with the identifier's own reason. */
export function readIdentifier(input: string, field: string, only?: DeviceIdentifierKind): DeviceIdentifier {
  const read = only === 'mac' ? normaliseMac(input) : only === 'ipei' ? normaliseIpei(input) : undefined;
  if (read !== undefined && only !== undefined) {
    if (read.ok) return { kind: only, value: read.value };
    throw invalidIdentifier(field, read.reason);
  }
  const parsed = parseDeviceIdentifier(input);
  if (parsed.ok) return { kind: parsed.kind, value: parsed.value };
  throw invalidIdentifier(field, parsed.reason);
}

function invalidIdentifier(field: string, reason: string): FieldkitError {
  return new FieldkitError({
    code: 'invalid-input',
    message: reason,
    hint: 'Copy the identifier from the label on the back of the phone or under the handset battery.',
    issues: [{ field, message: reason }],
  });
}

/** `48:7A:55:00:00:02` or `03807E7898`: how the identifier is printed on labels. */
export function displayIdentifier({ kind, value }: DeviceIdentifier): string {
  return kind === 'mac' ? formatMac(value, 'upper') : value.toUpperCase();
}

export function ipeiDecimalOf(identifier: DeviceIdentifier): string | undefined {
  return identifier.kind === 'ipei' ? formatIpeiDecimal(identifier.value) : undefined;
}

export function modelsFitting(kind: DeviceIdentifierKind, models: readonly DeviceModel[]): DeviceModel[] {
  return models.filter((model) => CATEGORIES_OF[kind].includes(model.category));
}

/** Throws `invalid-input` (on `field`) when a device with this identifier cannot be of this model. */
export function assertModelFits(kind: DeviceIdentifierKind, model: DeviceModel, field: string): void {
  if (CATEGORIES_OF[kind].includes(model.category)) return;
  const wanted = kind === 'mac' ? 'a deskphone (or generic SIP) model' : 'a DECT handset model';
  const message =
    `${model.model} is a ${describeCategory(model.category)} model, but ${KIND_NAMES[kind]} identifies ` +
    `${kind === 'mac' ? 'a deskphone' : 'a DECT handset'}: choose ${wanted}.`;
  throw new FieldkitError({
    code: 'invalid-input',
    message,
    hint: 'Deskphones are registered by MAC address, DECT handsets by IPEI.',
    issues: [{ field, message }],
  });
}

function describeCategory(category: DeviceCategory): string {
  if (category === 'dectmobile') return 'DECT handset';
  if (category === 'deskphone') return 'deskphone';
  return 'generic SIP';
}

/** "M5 81002" for a phone given to a subscriber, else "M5 065EAA" (the model and the identifier's last 6). */
export function defaultDescription(
  model: Pick<DeviceModel, 'model'>,
  identifier: DeviceIdentifier,
  shortNumber?: string,
): string {
  const suffix = shortNumber ?? identifier.value.slice(-6).toUpperCase();
  return `${model.model} ${suffix}`;
}

/** The identifier a device holds, and of which kind (a generic SIP device may have neither). */
export function identifierOf(device: Pick<Device, 'macAddress' | 'ipei'>): DeviceIdentifier | undefined {
  if (device.macAddress) return { kind: 'mac', value: device.macAddress.toLowerCase() };
  if (device.ipei) return { kind: 'ipei', value: device.ipei.toLowerCase() };
  return undefined;
}

/** What a technician types to confirm a reset of this device, for the error message. */
export function resetConfirmationHint(device: Pick<Device, 'macAddress' | 'ipei' | 'shortNumber'>): string {
  const choices = [
    device.macAddress ? `its MAC address (${formatMac(device.macAddress, 'upper')})` : undefined,
    device.ipei ? `its IPEI (${device.ipei.toUpperCase()})` : undefined,
    device.shortNumber ? `its short number (${device.shortNumber})` : undefined,
  ].filter((choice): choice is string => choice !== undefined);
  return `Type ${choices.join(' or ')} to confirm the factory reset.`;
}

/**
 * Why a device cannot take this new identifier in a swap, or undefined when it can. A swap keeps the device
 * record (its model, subscriber, keys), so the replacement must be the same kind of phone: same identifier kind,
 * and — when the technician names the replacement's model — the same model (deviceType id).
 */
export function swapRefusal(
  device: Pick<Device, 'macAddress' | 'ipei' | 'deviceType'>,
  model: Pick<DeviceModel, 'model' | 'category'> | undefined,
  replacement: DeviceIdentifier,
  replacementModel?: Pick<DeviceModel, 'id' | 'model'>,
): string | undefined {
  const current = identifierOf(device);
  const modelName = model?.model ?? device.deviceType.model;
  if (current === undefined) {
    return `${modelName} device has neither a MAC address nor an IPEI, so there is nothing to swap.`;
  }
  if (model !== undefined && !CATEGORIES_OF[replacement.kind].includes(model.category)) {
    return (
      `This ${modelName} is a ${describeCategory(model.category)}, identified by ` +
      `${KIND_NAMES[current.kind]}; ${KIND_NAMES[replacement.kind]} cannot replace it.`
    );
  }
  if (current.kind !== replacement.kind) {
    return `This device is identified by ${KIND_NAMES[current.kind]}; ${KIND_NAMES[replacement.kind]} cannot replace it.`;
  }
  if (current.value === replacement.value) {
    return `The device already has ${displayIdentifier(replacement)}: enter the identifier of the replacement.`;
  }
  if (replacementModel !== undefined && replacementModel.id !== device.deviceType.id) {
    return (
      `A swap keeps the device's model (${modelName}); the replacement is a ${replacementModel.model}. ` +
      'Register the new phone as its own device and assign it to the subscriber instead.'
    );
  }
  return undefined;
}
