import type { Command, CommandContext } from '../command';
import { EXIT, type ExitCode } from '../exit-codes';
import { printJson, printTable } from '../io';
import type { Device, DeviceActionResult } from '../../api/types';
import { deviceLabel } from '../../services/devices/device-labels';
import {
  DEVICE_OPTIONS,
  DEVICE_USAGE,
  identifierText,
  printDevices,
  readDeviceTarget,
  requireYes,
  connectToDevice,
} from './device-support';

type DeviceRun = (
  context: CommandContext,
  on: { systemId: string; deviceId: string },
  device: Device,
) => Promise<ExitCode>;

/** A `device VERB <device>` command: checks its input, signs in, finds the device, then runs. */
function deviceCommand(verb: string, summary: string, run: DeviceRun, destructive = false): Command {
  return {
    name: `device ${verb}`,
    summary,
    usage: `fieldkit device ${verb} --system ID ${DEVICE_USAGE}${destructive ? ' --yes' : ''} [--json]`,
    options: destructive ? { ...DEVICE_OPTIONS, yes: { type: 'boolean', default: false } } : DEVICE_OPTIONS,
    async run(context) {
      const target = readDeviceTarget(context.values);
      if (destructive) requireYes(context.values, `\`device ${verb}\` changes a phone in service.`);
      const device = await connectToDevice(context, target);
      return run(context, { systemId: target.systemId, deviceId: device.id }, device);
    },
  };
}

function printAction(context: CommandContext, result: DeviceActionResult): ExitCode {
  if (context.json) printJson(context.io, result);
  else context.io.stdout(`${result.status}\n`);
  return EXIT.ok;
}

export const deviceShowCommand = deviceCommand(
  'show',
  'Show one device',
  async ({ io, json }, _session, device) => {
    if (json) printJson(io, device);
    else {
      printDevices(io, [device]);
      const modules = (device.modules ?? []).map((module) => `${module.moduleId}:${module.type}`).join(' ');
      if (modules) io.stdout(`Expansion modules: ${modules}\n`);
    }
    return EXIT.ok;
  },
);

export const deviceDeleteCommand = deviceCommand(
  'delete',
  'Delete an unassigned device from the CloudPBX',
  async (context, on) => printAction(context, await context.api.devices.delete(on)),
  true,
);

export const deviceRebootCommand = deviceCommand(
  'reboot',
  'Reboot a deskphone (calls in progress are cut)',
  async (context, on) => printAction(context, await context.api.devices.reboot(on)),
  true,
);

export const deviceResetCommand = deviceCommand(
  'reset',
  'Factory-reset a deskphone (it must then be provisioned again)',
  async (context, on, device) =>
    printAction(
      context,
      // --yes is the technician's confirmation; the service still checks it against the device.
      await context.api.devices.reset({
        ...on,
        confirmation: device.macAddress ?? device.ipei ?? device.shortNumber ?? '',
      }),
    ),
  true,
);

export const deviceRegistrationsCommand = deviceCommand(
  'registrations',
  'Show the SIP registrations of a device',
  async ({ io, json, api }, on, device) => {
    const registrations = await api.devices.registrations(on);
    if (json) printJson(io, registrations);
    else if (registrations.length === 0)
      io.stdout(`${deviceLabel(device)} (${identifierText(device)}) is not registered.\n`);
    else {
      printTable(
        io,
        ['CONTACT', 'USER AGENT', 'EXPIRES'],
        registrations.map((registration) => [
          registration.fullSipURI,
          registration.user_agent ?? '',
          registration.expirationDate,
        ]),
      );
    }
    return EXIT.ok;
  },
);
