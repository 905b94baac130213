import type { DebugSession } from '../../api/types';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../io';
import { MAX_DEBUG_SECONDS, MIN_DEBUG_SECONDS } from '../../shared/limits';
import {
  DEVICE_OPTIONS,
  DEVICE_USAGE,
  integerOption,
  readDeviceTarget,
  connectToDevice,
} from './device-support';

export const deviceDebugGrantCommand: Command = {
  name: 'device debug-grant',
  summary: 'Open a debug session on a deskphone (admin page access); the password only with --show-password',
  usage:
    `fieldkit device debug-grant --system ID ${DEVICE_USAGE} [--duration S] [--show-password] [--json]\n` +
    '  Without --duration the session lasts the CloudPBX’s default, until revoked. --duration S (seconds):\n' +
    '  only a superadmin may choose one; Rainbow refuses it from a company admin.',
  options: {
    ...DEVICE_OPTIONS,
    duration: { type: 'string' },
    'show-password': { type: 'boolean', default: false },
  },
  async run(context) {
    const { io, json, values } = context;
    const target = readDeviceTarget(values);
    const duration = integerOption(values, 'duration', MIN_DEBUG_SECONDS, MAX_DEBUG_SECONDS);
    const device = await connectToDevice(context, target);
    const on = { systemId: target.systemId, deviceId: device.id };
    const { debug } = context.api;
    const granted = await debug.grant(duration === undefined ? on : { ...on, durationSeconds: duration });
    const password = values['show-password'] === true ? (await debug.reveal(on)).adminPassword : undefined;
    if (json) printJson(io, password === undefined ? granted : { ...granted, adminPassword: password });
    else {
      io.stdout(`Debug session open ${lasting(granted)}.\n`);
      if (granted.adminUrl) io.stdout(`Admin page: ${granted.adminUrl}\n`);
      if (password !== undefined) io.stdout(`Admin password: ${password}\n`);
    }
    return EXIT.ok;
  },
};

function lasting(session: DebugSession): string {
  return session.expiresAt === null
    ? 'for the CloudPBX’s default length, until revoked'
    : `until ${session.expiresAt}`;
}

export const deviceDebugRevokeCommand: Command = {
  name: 'device debug-revoke',
  summary: 'End the debug session of a deskphone (its admin password is changed)',
  usage: `fieldkit device debug-revoke --system ID ${DEVICE_USAGE} [--json]`,
  options: DEVICE_OPTIONS,
  async run(context) {
    const target = readDeviceTarget(context.values);
    const device = await connectToDevice(context, target);
    const result = await context.api.debug.revoke({ systemId: target.systemId, deviceId: device.id });
    if (context.json) printJson(context.io, result);
    else context.io.stdout(`${result.status}\n`);
    return EXIT.ok;
  },
};
