/** Turning listed keys back into what is sent, and telling two keys apart. */
import {
  KEY_TYPES,
  keyNumber,
  moduleOf,
  type KeyDraft,
  type KeyType,
  type ProgrammableKey,
} from './key-types';

function isKeyType(text: string): text is KeyType {
  return (KEY_TYPES as readonly string[]).includes(text);
}

/**
 * The creation body of a listed admin key. A listed subscriber key also shows the user's name and short
 * number; only its `phoneNumberId` is sent back (two destinations would be refused). Undefined for a key
 * type that cannot be created (a system key's `reserved`).
 */
export function draftOfKey(key: ProgrammableKey): KeyDraft | undefined {
  if (!isKeyType(key.keyType)) return undefined;
  const draft: KeyDraft = { keyNum: keyNumber(key), keyType: key.keyType, moduleId: moduleOf(key) };
  if (key.displayName !== undefined) draft.displayName = key.displayName;
  if (key.groupId !== undefined) draft.groupId = key.groupId;
  else if (key.phoneNumberId !== undefined) draft.phoneNumberId = key.phoneNumberId;
  else if (key.number !== undefined) draft.number = key.number;
  return draft;
}

/** The same key: place, type and destination (a subscriber key's label follows the user, so it is not compared). */
export function sameKey(a: KeyDraft, b: KeyDraft): boolean {
  const subscriberKey = a.phoneNumberId !== undefined;
  return (
    a.moduleId === b.moduleId &&
    a.keyNum === b.keyNum &&
    a.keyType === b.keyType &&
    a.phoneNumberId === b.phoneNumberId &&
    a.groupId === b.groupId &&
    a.number === b.number &&
    (subscriberKey || (a.displayName ?? '') === (b.displayName ?? ''))
  );
}
