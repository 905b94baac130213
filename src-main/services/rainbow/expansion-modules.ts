import type { ApiStatus } from './devices';
import { apiPath, PROVISIONING_ROOT } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { ApiItem, Device, ExpansionModule } from './types';

/*
 * ASSUMED PATHS, the client's only ones. The reference documents the bodies of the expansion-module and
 * programmable-key calls but not their URLs (rainbow-api-notes.md, "Not confirmed anywhere public"). Fieldkit
 * assumes POST /cloudpbxs/:systemId/devices/:deviceId/modules and DELETE …/modules/:moduleId; GET, POST and
 * PUT …/devices/:deviceId/keys (GET and PUT with ?moduleId=N, 0 = the deskphone) and DELETE …/keys/:keyNum
 * with ?moduleId=N. Correct them here only.
 */
function modulesPath(systemId: string, deviceId: string, ...rest: string[]): string {
  return apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'devices', deviceId, 'modules', ...rest);
}

/** Programmable keys of a device (assumed, see above); `keyNum` names one key. */
export function keysPath(systemId: string, deviceId: string, keyNum?: number): string {
  const rest = keyNum === undefined ? [] : [String(keyNum)];
  return apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'devices', deviceId, 'keys', ...rest);
}

/** Adds an expansion module; the API answers the device with its modules. */
export async function addExpansionModule(
  api: RainbowApi,
  systemId: string,
  deviceId: string,
  module: ExpansionModule,
): Promise<Device> {
  const answer = await api.request<ApiItem<Device>>('POST', modulesPath(systemId, deviceId), {
    body: module,
  });
  return answer.data;
}

/** Removes an expansion module and every programmable key it hosted. */
export function removeExpansionModule(
  api: RainbowApi,
  systemId: string,
  deviceId: string,
  moduleId: number,
): Promise<ApiStatus> {
  return api.request<ApiStatus>('DELETE', modulesPath(systemId, deviceId, String(moduleId)));
}
