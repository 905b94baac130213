import type { Api } from '../../api/contract';
import type { Device, PhoneNumber } from '../../api/types';
import { readIdentifier } from '../../services/devices/device-rules';
import { FieldkitError } from '../../services/errors';
import { formatMac } from '../../shared/identifiers';
import type { CommandContext, OptionsConfig, OptionValues } from '../command';
import { checkOption, requireSystem, UsageError } from '../command';
import { printTable, type CliIo } from '../io';

export const DEVICE_USAGE = '(--device ID | --mac MAC | --ipei IPEI)';

/** `--system` and the three ways to name a device. */
export const DEVICE_OPTIONS: OptionsConfig = {
  system: { type: 'string' },
  device: { type: 'string' },
  mac: { type: 'string' },
  ipei: { type: 'string' },
};

/** The device a command is about, as the user named it: checked before anything is sent. */
export type DeviceReference =
  { by: 'device'; deviceId: string } | { by: 'mac' | 'ipei'; text: string; identifier: string };

export interface DeviceTarget {
  systemId: string;
  device: DeviceReference;
}

/** Reads --system and exactly one of --device, --mac, --ipei (MAC and IPEI in any notation). */
export function readDeviceTarget(values: OptionValues): DeviceTarget {
  const systemId = requireSystem(values);
  const given = (['device', 'mac', 'ipei'] as const).filter((name) => typeof values[name] === 'string');
  const [option] = given;
  if (given.length !== 1 || option === undefined) {
    throw new UsageError(
      given.length === 0
        ? `Name the device with ${DEVICE_USAGE}.`
        : `Name the device once: ${given.map((name) => `--${name}`).join(' and ')} were both given.`,
    );
  }
  const text = String(values[option]).trim();
  if (option === 'device') {
    const { deviceId } = checkOption('device', text, 'a device id', 'devices.get', {
      systemId,
      deviceId: text,
    });
    return { systemId, device: { by: 'device', deviceId } };
  }
  return { systemId, device: { by: option, text, identifier: readIdentifier(text, option, option).value } };
}

/** Signs in and finds the device, or `not-found` (exit 2). */
export async function connectToDevice(context: CommandContext, target: DeviceTarget): Promise<Device> {
  await context.connect();
  const { systemId, device } = target;
  if (device.by === 'device') return context.api.devices.get({ systemId, deviceId: device.deviceId });
  const found = await context.api.devices.findByIdentifier({
    systemId,
    identifier: device.identifier,
    kind: device.by,
  });
  if (found !== null) return found;
  throw new FieldkitError({
    code: 'not-found',
    message: `No device with ${device.by === 'ipei' ? 'IPEI' : 'MAC address'} ${device.text} on CloudPBX ${systemId}.`,
    hint: 'List the devices with `fieldkit devices --system ID`.',
  });
}

/** `--subscriber SHORT_NUMBER`, checked before anything is sent. */
export function readShortNumber(systemId: string, text: string): string {
  const input = { systemId, shortNumber: text };
  return checkOption('subscriber', text, 'a short number', 'subscribers.findByShortNumber', input)
    .shortNumber;
}

/** The subscriber holding a short number, or `not-found` (exit 2). */
export async function subscriberByShortNumber(
  api: Api,
  systemId: string,
  shortNumber: string,
): Promise<PhoneNumber> {
  const subscriber = await api.subscribers.findByShortNumber({ systemId, shortNumber });
  if (subscriber !== null) return subscriber;
  throw new FieldkitError({
    code: 'not-found',
    message: `CloudPBX ${systemId} has no subscriber ${shortNumber}.`,
    hint: 'List them with `fieldkit subscribers --system ID`.',
  });
}

/** Destructive commands run only with --yes. */
export function requireYes(values: OptionValues, what: string): void {
  if (values.yes !== true) {
    throw new UsageError(`${what} Add --yes to confirm.`);
  }
}

export function identifierText(device: Device): string {
  if (device.macAddress) return formatMac(device.macAddress, 'upper');
  return device.ipei?.toUpperCase() ?? '';
}

export function printDevices(io: CliIo, devices: readonly Device[]): void {
  printTable(
    io,
    ['ID', 'MAC / IPEI', 'MODEL', 'DESCRIPTION', 'SUBSCRIBER'],
    devices.map((device) => [
      device.id,
      identifierText(device),
      device.deviceType.model,
      device.description,
      [device.shortNumber, device.userDisplayName].filter(Boolean).join(' '),
    ]),
  );
}

/** Reads an integer option within bounds, or a usage error naming it. */
export function integerOption(
  values: OptionValues,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
  }
  return number;
}
