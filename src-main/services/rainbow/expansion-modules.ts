import { assumedModulesPath } from './assumed-paths';
import type { ApiStatus } from './devices';
import type { RainbowApi } from './rainbow-api';
import type { ApiItem, Device, ExpansionModule } from './types';

/* The bodies are the reference's; the paths are assumptions, kept in assumed-paths.ts. */

/** Adds an expansion module; the API answers the device with its modules. */
export async function addExpansionModule(
  api: RainbowApi,
  systemId: string,
  deviceId: string,
  module: ExpansionModule,
): Promise<Device> {
  const answer = await api.request<ApiItem<Device>>('POST', assumedModulesPath(systemId, deviceId), {
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
  return api.request<ApiStatus>('DELETE', assumedModulesPath(systemId, deviceId, String(moduleId)));
}
