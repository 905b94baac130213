import { updateDeviceInput } from '../../shared/inputs/keys';
import type { Command } from '../command';
import { UsageError } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../io';
import {
  connectToDevice,
  DEVICE_OPTIONS,
  DEVICE_USAGE,
  printDevices,
  readDeviceTarget,
} from './device-support';

/** Each option and the device field it sets. */
const SETTINGS = {
  description: 'description',
  'transfer-mode': 'transferMode',
  'media-transport': 'mediaTransportProtocol',
  'failover-mode': 'deskphoneFailoverMode',
} as const;

export const deviceUpdateCommand: Command = {
  name: 'device update',
  summary:
    'Change a device’s description, transfer mode, media transport or failover mode (only those given)',
  usage:
    `fieldkit device update --system ID ${DEVICE_USAGE} [--description TEXT] [--transfer-mode M] ` +
    '[--media-transport P] [--failover-mode F] [--json]',
  options: {
    ...DEVICE_OPTIONS,
    description: { type: 'string' },
    'transfer-mode': { type: 'string' },
    'media-transport': { type: 'string' },
    'failover-mode': { type: 'string' },
  },
  async run(context) {
    const target = readDeviceTarget(context.values);
    const changes = Object.fromEntries(
      Object.entries(SETTINGS)
        .filter(([option]) => typeof context.values[option] === 'string')
        .map(([option, field]) => [field, context.values[option]]),
    );
    const optionOf = (field: unknown) =>
      Object.entries(SETTINGS).find(([, name]) => name === field)?.[0] ?? String(field);
    const checked = updateDeviceInput.safeParse({
      systemId: target.systemId,
      deviceId: 'unchecked',
      ...changes,
    });
    if (!checked.success) {
      const reasons = checked.error.issues.map((issue) =>
        Object.keys(changes).length === 0
          ? `Give at least one of ${Object.keys(SETTINGS)
              .map((option) => `--${option}`)
              .join(', ')}.`
          : `--${optionOf(issue.path[0])}: ${issue.message}`,
      );
      throw new UsageError([...new Set(reasons)].join(' '));
    }
    const device = await connectToDevice(context, target);
    const updated = await context.api.devices.update({ ...checked.data, deviceId: device.id });
    if (context.json) printJson(context.io, updated);
    else printDevices(context.io, [updated]);
    return EXIT.ok;
  },
};
