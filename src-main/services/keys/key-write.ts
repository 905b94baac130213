import {
  draftOfKey,
  isLockedKey,
  keyNumber,
  moduleOf,
  type KeyDraft,
  type ProgrammableKey,
} from '../../shared/keys';
import type { ModuleKey } from '../rainbow';
import type { KeyClient } from './key-target';

export function moduleKeys(keys: readonly KeyDraft[]): ModuleKey[] {
  return keys.map(({ moduleId: _module, ...key }) => key);
}

/**
 * Sends a checked key: a create when its place is free, else one replace of its module with the key in place
 * of the one there (one call: nothing is half-applied, as a delete then a create could be). `current` are
 * the device's keys as last read; the module's service and system keys are never sent.
 */
export async function writeKey(
  client: Pick<KeyClient, 'createDeviceKey' | 'replaceModuleKeys'>,
  place: { systemId: string; deviceId: string; current: readonly ProgrammableKey[] },
  draft: KeyDraft,
): Promise<void> {
  const { systemId, deviceId, current } = place;
  const onModule = current.filter((key) => moduleOf(key) === draft.moduleId);
  const occupant = onModule.find((key) => keyNumber(key) === draft.keyNum);
  if (occupant === undefined) {
    await client.createDeviceKey(systemId, deviceId, draft);
    return;
  }
  const others = onModule
    .filter((key) => !isLockedKey(key) && key !== occupant)
    .flatMap((key) => draftOfKey(key) ?? []);
  await client.replaceModuleKeys(systemId, deviceId, draft.moduleId, moduleKeys([...others, draft]));
}

/** What the audit log keeps of a key that is set. */
export function keyDetails(draft: KeyDraft): Record<string, string> {
  const details: Record<string, string> = {
    moduleId: String(draft.moduleId),
    keyNum: String(draft.keyNum),
    keyType: draft.keyType,
  };
  for (const field of ['displayName', 'number', 'phoneNumberId', 'groupId'] as const) {
    const value = draft[field];
    if (value !== undefined) details[field] = value;
  }
  return details;
}
