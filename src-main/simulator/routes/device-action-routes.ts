import type { Session } from '../auth/token-authority';
import { ApiError, ERROR_DETAILS_CODES, itemEnvelope, okReply } from '../http/responses';
import type { Route } from '../http/router';
import { registrationsOf } from '../tenant/registration-view';
import { RVCP_BASE, requireVisibleDevice } from './access';
import { readDebugDuration } from './device-body';

/** "configuration parameter: e.g. 30 minutes" (reference). */
const DEFAULT_DEBUG_SECONDS = 1800;

const DEVICE = `${RVCP_BASE}/cloudpbxs/:systemId/devices/:deviceId`;

/** What a technician does to a deskphone from afar, and what its SIP registration looks like. */
export const deviceActionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: `${DEVICE}/reboot`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      tenant.rebootDevice(device.systemId, device.id);
      return okReply(itemEnvelope([], `Rebooting device ${device.id}`));
    },
  },
  {
    method: 'POST',
    pattern: `${DEVICE}/reset`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      tenant.resetDevice(device.systemId, device.id);
      return okReply(itemEnvelope([], `Resetting device ${device.id}`));
    },
  },
  {
    method: 'POST',
    pattern: `${DEVICE}/debug`,
    access: 'bearer',
    handle: ({ params, body, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      const seconds = readDebugDuration(body, DEFAULT_DEBUG_SECONDS);
      requireMayChooseDebugDuration(session, seconds);
      tenant.grantDebugSession(device.systemId, device.id, seconds);
      return okReply(itemEnvelope([], 'Debug session successfully granted'));
    },
  },
  {
    method: 'DELETE',
    pattern: `${DEVICE}/debug`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      tenant.revokeDebugSession(device.systemId, device.id);
      return okReply(itemEnvelope([], 'Debug session successfully revoked'));
    },
  },
  {
    method: 'GET',
    pattern: `${DEVICE}/registrations`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      return okReply({ data: registrationsOf(tenant, device) });
    },
  },
];

/** "Only superadmin can set a debug duration different from the default one" (reference, debug grant). */
function requireMayChooseDebugDuration(session: Session, seconds: number): void {
  if (seconds === DEFAULT_DEBUG_SECONDS || session.user.roles.includes('superadmin')) return;
  throw new ApiError(
    403,
    'Only superadmin can set a debug duration different from the default one',
    ERROR_DETAILS_CODES.debugDurationNotAllowed,
  );
}
