import { defaultDataDir } from '../../app/data-dir';
import type { AuditOwner } from '../../services/audit/audit-log';
import { ownerLabel } from '../../services/audit/audit-log';
import { AuditLogs } from '../../services/audit/audit-logs';
import { AuditTrail } from '../../services/audit/audit-trail';
import { createDeviceFeature, type DeviceFeature } from '../../services/devices/device-feature';
import { readIdentifier } from '../../services/devices/device-rules';
import type { SwapProgress } from '../../services/devices/types';
import { FieldkitError } from '../../services/errors';
import { formatMac } from '../../shared/identifiers';
import { silentLogger } from '../../services/log/logger';
import { Redactor } from '../../services/log/redactor';
import { systemClock, type RainbowClient } from '../../services/rainbow';
import type { Device, PhoneNumber } from '../../services/rainbow/types';
import type { CommandContext, OptionsConfig, OptionValues } from '../command';
import { requireOption, UsageError } from '../command';
import { printTable, type CliIo } from '../io';

export const SYSTEM_HINT = 'List the CloudPBX ids with `fieldkit systems`.';
export const DEVICE_USAGE = '(--device ID | --mac MAC | --ipei IPEI)';

/** `--system` and the three ways to name a device. */
export const DEVICE_OPTIONS: OptionsConfig = {
  system: { type: 'string' },
  device: { type: 'string' },
  mac: { type: 'string' },
  ipei: { type: 'string' },
};

export interface DeviceSession {
  systemId: string;
  client: RainbowClient;
  feature: DeviceFeature;
}

/** Signs in and wires the device services, auditing into the log of --profile, the demo, or `env`. */
export async function openDeviceSession(
  context: CommandContext,
  onSwapProgress?: (progress: SwapProgress) => void,
): Promise<DeviceSession> {
  const systemId = requireOption(context.values, 'system', SYSTEM_HINT);
  const client = await context.connect();
  const owner = auditOwner(context.values);
  const log = new AuditLogs(defaultDataDir(context.io.env)).for(owner);
  const redactor = new Redactor();
  const audit = new AuditTrail({
    scope: () => ({ log, actor: client.user.loginEmail, profile: ownerLabel(owner), source: 'cli' }),
    now: () => systemClock.now(),
    redactor,
    logger: silentLogger,
  });
  const feature = createDeviceFeature({
    client: () => client,
    audit,
    redactor,
    clock: systemClock,
    onSwapProgress,
  });
  return { systemId, client, feature };
}

function auditOwner(values: OptionValues): AuditOwner {
  if (values.demo === true) return { kind: 'demo' };
  if (typeof values.profile === 'string') return { kind: 'profile', name: values.profile };
  return { kind: 'env' };
}

/** The device named by exactly one of --device, --mac, --ipei (MAC and IPEI in any notation). */
export async function resolveDevice(values: OptionValues, session: DeviceSession): Promise<Device> {
  const given = (['device', 'mac', 'ipei'] as const).filter((name) => typeof values[name] === 'string');
  if (given.length !== 1) {
    throw new UsageError(
      given.length === 0
        ? `Name the device with ${DEVICE_USAGE}.`
        : `Name the device once: ${given.map((name) => `--${name}`).join(' and ')} were both given.`,
    );
  }
  const [option] = given;
  const text = String(values[option ?? 'device']).trim();
  const { systemId, feature } = session;
  if (option === 'device') return feature.devices.get(systemId, text);
  const identifier = readIdentifier(text, option ?? 'mac', option === 'ipei' ? 'ipei' : 'mac');
  const device = await feature.devices.findByIdentifier(systemId, identifier);
  if (device !== undefined) return device;
  throw new FieldkitError({
    code: 'not-found',
    message: `No device with ${option === 'ipei' ? 'IPEI' : 'MAC address'} ${text} on CloudPBX ${systemId}.`,
    hint: 'List the devices with `fieldkit devices --system ID`.',
  });
}

/** The subscriber holding a short number, or `not-found` (exit 2). */
export async function subscriberByShortNumber(
  session: DeviceSession,
  shortNumber: string,
): Promise<PhoneNumber> {
  const matches = await session.client.listPhoneNumbers(session.systemId, { shortNumber });
  const subscriber = matches.find((candidate) => candidate.shortNumber === shortNumber);
  if (subscriber !== undefined) return subscriber;
  throw new FieldkitError({
    code: 'not-found',
    message: `CloudPBX ${session.systemId} has no subscriber ${shortNumber}.`,
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
