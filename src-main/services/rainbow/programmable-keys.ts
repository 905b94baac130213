import type { DeviceKeys, KeyDraft, ProgrammableKey } from '../../shared/keys';
import { assumedKeysPath } from './assumed-paths';
import type { RainbowApi } from './rainbow-api';
import type { ApiItem } from './types';

/**
 * Key writes are not idempotent (rainbow-api-notes.md, "Paging and retries"): each is sent again only when the
 * server surely did not act; otherwise the caller is told the outcome is unknown and how to check.
 */
const KEYS_CHECK =
  'Do not send it again yet: list the device’s keys (`fieldkit device keys`) to see whether the change was made.';

/** A key of a module replace: the creation body without `moduleId` (the query names the module). */
export type ModuleKey = Omit<KeyDraft, 'moduleId'>;

/** The device's keys, of one module (0: the deskphone) or all, with the model's key capabilities. */
export async function getDeviceKeys(
  api: RainbowApi,
  systemId: string,
  deviceId: string,
  moduleId?: number,
): Promise<DeviceKeys> {
  const answer = await api.request<ApiItem<DeviceKeys>>('GET', assumedKeysPath(systemId, deviceId), {
    query: { moduleId },
  });
  return answer.data;
}

export async function createDeviceKey(
  api: RainbowApi,
  systemId: string,
  deviceId: string,
  key: KeyDraft,
): Promise<ProgrammableKey> {
  const answer = await api.request<ApiItem<ProgrammableKey>>('POST', assumedKeysPath(systemId, deviceId), {
    body: key,
    idempotent: false,
    unknownOutcomeHint: KEYS_CHECK,
  });
  return answer.data;
}

/** Replaces every admin key of one module; the server keeps its service and system keys. */
export async function replaceModuleKeys(
  api: RainbowApi,
  systemId: string,
  deviceId: string,
  moduleId: number,
  keys: readonly ModuleKey[],
): Promise<DeviceKeys> {
  const answer = await api.request<ApiItem<DeviceKeys>>('PUT', assumedKeysPath(systemId, deviceId), {
    query: { moduleId },
    body: { keys: keys.map((key) => ({ ...key, keyOwner: 'admin' })) },
    idempotent: false,
    unknownOutcomeHint: KEYS_CHECK,
  });
  return answer.data;
}

export async function deleteDeviceKey(
  api: RainbowApi,
  systemId: string,
  deviceId: string,
  moduleId: number,
  keyNum: number,
): Promise<ProgrammableKey | undefined> {
  const answer = await api.request<ApiItem<ProgrammableKey | undefined>>(
    'DELETE',
    assumedKeysPath(systemId, deviceId, keyNum),
    { query: { moduleId }, idempotent: false, unknownOutcomeHint: KEYS_CHECK },
  );
  return answer.data;
}
