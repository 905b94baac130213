import type { Command } from '../command';
import { requireOption } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../io';
import {
  DEVICE_OPTIONS,
  DEVICE_USAGE,
  printDevices,
  readDeviceTarget,
  requireYes,
  connectToDevice,
  readShortNumber,
  subscriberByShortNumber,
} from './device-support';

export const deviceAssignCommand: Command = {
  name: 'device assign',
  summary: 'Give a device to a subscriber',
  usage: `fieldkit device assign --system ID ${DEVICE_USAGE} --subscriber SHORT_NUMBER [--json]`,
  options: { ...DEVICE_OPTIONS, subscriber: { type: 'string' } },
  async run(context) {
    const target = readDeviceTarget(context.values);
    const shortNumber = readShortNumber(
      target.systemId,
      requireOption(context.values, 'subscriber', 'Give the subscriber’s short number.'),
    );
    const device = await connectToDevice(context, target);
    const { systemId } = target;
    const subscriber = await subscriberByShortNumber(context.api, systemId, shortNumber);
    const assigned = await context.api.devices.assign({
      systemId,
      deviceId: device.id,
      phoneNumberId: subscriber.id,
    });
    if (context.json) printJson(context.io, assigned);
    else printDevices(context.io, [assigned]);
    return EXIT.ok;
  },
};

export const deviceUnassignCommand: Command = {
  name: 'device unassign',
  summary: 'Take a device from its subscriber (the phone stops working for them)',
  usage: `fieldkit device unassign --system ID ${DEVICE_USAGE} --yes [--json]`,
  options: { ...DEVICE_OPTIONS, yes: { type: 'boolean', default: false } },
  async run(context) {
    const target = readDeviceTarget(context.values);
    requireYes(context.values, '`device unassign` takes the phone away from its subscriber.');
    const device = await connectToDevice(context, target);
    const freed = await context.api.devices.unassign({ systemId: target.systemId, deviceId: device.id });
    if (context.json) printJson(context.io, freed);
    else printDevices(context.io, [freed]);
    return EXIT.ok;
  },
};
