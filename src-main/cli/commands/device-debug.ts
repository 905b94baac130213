import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../io';
import { MAX_DEBUG_SECONDS, MIN_DEBUG_SECONDS } from '../../shared/limits';
import {
  DEVICE_OPTIONS,
  DEVICE_USAGE,
  integerOption,
  openDeviceSession,
  resolveDevice,
} from './device-support';

export const deviceDebugGrantCommand: Command = {
  name: 'device debug-grant',
  summary: 'Open a debug session on a deskphone (admin page access); the password only with --show-password',
  usage: `fieldkit device debug-grant --system ID ${DEVICE_USAGE} [--duration S] [--show-password] [--json]`,
  options: {
    ...DEVICE_OPTIONS,
    duration: { type: 'string' },
    'show-password': { type: 'boolean', default: false },
  },
  async run(context) {
    const { io, json, values } = context;
    const duration = integerOption(values, 'duration', MIN_DEBUG_SECONDS, MAX_DEBUG_SECONDS);
    const session = await openDeviceSession(context);
    const device = await resolveDevice(values, session);
    const { debug } = session.feature;
    const granted = await debug.grant(session.systemId, device.id, duration);
    const password =
      values['show-password'] === true
        ? (await debug.reveal(session.systemId, device.id)).adminPassword
        : undefined;
    if (json) printJson(io, password === undefined ? granted : { ...granted, adminPassword: password });
    else {
      io.stdout(`Debug session open until ${granted.expiresAt}.\n`);
      if (granted.adminUrl) io.stdout(`Admin page: ${granted.adminUrl}\n`);
      if (password !== undefined) io.stdout(`Admin password: ${password}\n`);
    }
    return EXIT.ok;
  },
};

export const deviceDebugRevokeCommand: Command = {
  name: 'device debug-revoke',
  summary: 'End the debug session of a deskphone (its admin password is changed)',
  usage: `fieldkit device debug-revoke --system ID ${DEVICE_USAGE} [--json]`,
  options: DEVICE_OPTIONS,
  async run(context) {
    const session = await openDeviceSession(context);
    const device = await resolveDevice(context.values, session);
    const result = await session.feature.debug.revoke(session.systemId, device.id);
    if (context.json) printJson(context.io, result);
    else context.io.stdout(`${result.status}\n`);
    return EXIT.ok;
  },
};
