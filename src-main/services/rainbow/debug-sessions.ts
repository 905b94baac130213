import type { ApiStatus } from './devices';
import { apiPath, PROVISIONING_ROOT } from './paths';
import type { RainbowApi } from './rainbow-api';

const GRANT_CHECK =
  'Open the device again: while a debug session is open it shows the phone’s admin page address. Grant it again only if it does not.';

function debugPath(systemId: string, deviceId: string): string {
  return apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'devices', deviceId, 'debug');
}

/**
 * Opens a debug session on a phone; its admin URL and password then appear on the device (GET). The API takes
 * the duration as a string of seconds, and only a superadmin may change it from the default.
 */
export function grantDebugSession(
  api: RainbowApi,
  systemId: string,
  deviceId: string,
  durationSeconds?: number,
): Promise<ApiStatus> {
  const body = durationSeconds === undefined ? {} : { duration: String(durationSeconds) };
  return api.request<ApiStatus>('POST', debugPath(systemId, deviceId), {
    body,
    unknownOutcomeHint: GRANT_CHECK,
  });
}

/** Ends the debug session; the server then changes the phone's admin password. */
export function revokeDebugSession(api: RainbowApi, systemId: string, deviceId: string): Promise<ApiStatus> {
  return api.request<ApiStatus>('DELETE', debugPath(systemId, deviceId));
}
