import type { Command, CommandContext } from '../command';
import { EXIT, type ExitCode } from '../exit-codes';
import { printJson, printTable } from '../io';
import type { Device } from '../../services/rainbow/types';
import type { DeviceActionResult } from '../../services/devices/types';
import { deviceLabel } from '../../services/devices/device-labels';
import {
  DEVICE_OPTIONS,
  DEVICE_USAGE,
  identifierText,
  openDeviceSession,
  printDevices,
  requireYes,
  resolveDevice,
  type DeviceSession,
} from './device-support';

type DeviceRun = (context: CommandContext, session: DeviceSession, device: Device) => Promise<ExitCode>;

/** A `device VERB <device>` command: signs in, resolves the device, then runs. */
function deviceCommand(verb: string, summary: string, run: DeviceRun, destructive = false): Command {
  return {
    name: `device ${verb}`,
    summary,
    usage: `fieldkit device ${verb} --system ID ${DEVICE_USAGE}${destructive ? ' --yes' : ''} [--json]`,
    options: destructive ? { ...DEVICE_OPTIONS, yes: { type: 'boolean', default: false } } : DEVICE_OPTIONS,
    async run(context) {
      if (destructive) requireYes(context.values, `\`device ${verb}\` changes a phone in service.`);
      const session = await openDeviceSession(context);
      return run(context, session, await resolveDevice(context.values, session));
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
  async (context, { systemId, feature }, device) =>
    printAction(context, await feature.devices.delete(systemId, device.id)),
  true,
);

export const deviceRebootCommand = deviceCommand(
  'reboot',
  'Reboot a deskphone (calls in progress are cut)',
  async (context, { systemId, feature }, device) =>
    printAction(context, await feature.devices.reboot(systemId, device.id)),
  true,
);

export const deviceResetCommand = deviceCommand(
  'reset',
  'Factory-reset a deskphone (it must then be provisioned again)',
  async (context, { systemId, feature }, device) =>
    printAction(
      context,
      // --yes is the technician's confirmation; the service still checks it against the device.
      await feature.devices.reset(
        systemId,
        device.id,
        device.macAddress ?? device.ipei ?? device.shortNumber ?? '',
      ),
    ),
  true,
);

export const deviceRegistrationsCommand = deviceCommand(
  'registrations',
  'Show the SIP registrations of a device',
  async ({ io, json }, { systemId, feature }, device) => {
    const registrations = await feature.devices.registrations(systemId, device.id);
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
