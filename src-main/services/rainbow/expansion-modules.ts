import type { ApiStatus } from './devices';
import { apiPath, PROVISIONING_ROOT } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { ApiItem, Device, ExpansionModule } from './types';

/*
 * ASSUMED PATHS. The reference documents the bodies of "add an expansion module" and "remove an expansion
 * module" but not their URLs (rainbow-api-notes.md, "Not confirmed anywhere public"). Fieldkit assumes
 * POST /cloudpbxs/:systemId/devices/:deviceId/modules and DELETE …/modules/:moduleId; correct them here only.
 */
function modulesPath(systemId: string, deviceId: string, ...rest: string[]): string {
  return apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'devices', deviceId, 'modules', ...rest);
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
