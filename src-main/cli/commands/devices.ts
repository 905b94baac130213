import type { Command } from '../command';
import { requireSystem, UsageError } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../io';
import { printDevices } from './device-support';

const CATEGORIES = ['deskphone', 'dectmobile'];

export const devicesCommand: Command = {
  name: 'devices',
  summary: 'List the devices of a CloudPBX (deskphones and DECT handsets, all pages)',
  usage:
    'fieldkit devices --system ID [--assigned | --unassigned] [--category deskphone|dectmobile] [--json]',
  options: {
    system: { type: 'string' },
    assigned: { type: 'boolean', default: false },
    unassigned: { type: 'boolean', default: false },
    category: { type: 'string' },
  },
  async run(context) {
    const { io, json, values, api } = context;
    const systemId = requireSystem(values);
    if (values.assigned === true && values.unassigned === true) {
      throw new UsageError('Use --assigned or --unassigned, not both.');
    }
    const category = typeof values.category === 'string' ? values.category : undefined;
    if (category !== undefined && !CATEGORIES.includes(category)) {
      throw new UsageError(`--category "${category}" is not one of ${CATEGORIES.join(', ')}.`);
    }
    await context.connect();
    let devices = await api.devices.list({ systemId });
    if (values.assigned === true || values.unassigned === true) {
      const wanted = values.assigned === true;
      devices = devices.filter((device) => (device.phoneNumberId !== undefined) === wanted);
    }
    if (category !== undefined) {
      const models = await api.systems.models({ systemId });
      const ids = new Set(models.filter((model) => model.category === category).map((model) => model.id));
      devices = devices.filter((device) => ids.has(device.deviceType.id));
    }
    if (json) printJson(io, devices);
    else printDevices(io, devices);
    return EXIT.ok;
  },
};
