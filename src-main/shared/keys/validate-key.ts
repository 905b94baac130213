/**
 * Checks a key before anything is sent: a refused key must never reach the CloudPBX (whose 400581 "key type
 * not supported" would otherwise be the first sign). Pure, so the core, the CLI, the import and the screens
 * check alike.
 */
import { moduleGrid, type InstalledModule } from './key-layout';
import {
  isLockedKey,
  keyNumber,
  moduleOf,
  type KeyDraft,
  type KeyModelInfo,
  type KeyType,
  type ProgrammableKey,
} from './key-types';

/** The CloudPBX's label limit is not documented; the phones show about this many characters. */
export const MAX_KEY_LABEL = 32;
/** An external number: digits, an optional leading `+`, and the `*` and `#` of service codes. */
export const EXTERNAL_NUMBER = /^\+?[0-9*#]{1,32}$/;

export interface KeyProblem {
  field: keyof KeyDraft;
  message: string;
}

export interface KeyTarget {
  /** e.g. `M7`, for the messages. */
  modelName: string;
  /** The keys answer's `modelInfo`, completed with the catalogue model's fields. */
  modelInfo: KeyModelInfo;
  modules: readonly InstalledModule[];
  /** The keys on the device now; a service or system key's place cannot be taken. */
  existing: readonly ProgrammableKey[];
  /**
   * Whether a subscriber is a user's (monitor keys watch users only): true, false, or undefined when the
   * subscriber is unknown on this CloudPBX.
   */
  subscriberIsUser: (phoneNumberId: string) => boolean | undefined;
}

const TYPE_NAMES: Record<KeyType, string> = {
  speeddial: 'speed-dial',
  monitor: 'monitor',
  forward: 'forward',
  headset: 'headset',
  huntgroup: 'hunt-group',
  audio_hub: 'audio hub',
};

/** Whether the model offers a key type. `has_progKeyHG` is not in the reference's `modelInfo`: absent allows. */
export function modelSupportsKeyType(modelInfo: KeyModelInfo, keyType: KeyType): boolean {
  switch (keyType) {
    case 'speeddial':
      return modelInfo.can_speeddial === true;
    case 'monitor':
      return modelInfo.can_monitor === true;
    case 'forward':
      return modelInfo.can_forward === true;
    case 'headset':
      return modelInfo.has_headset === true;
    case 'audio_hub':
      return modelInfo.has_audioHub === true;
    case 'huntgroup':
      return (modelInfo.programmableKeys ?? 0) > 0 && modelInfo.has_progKeyHG !== false;
  }
}

type Destination = 'number' | 'phoneNumberId' | 'groupId';

function destinationsOf(draft: KeyDraft): Destination[] {
  return (['number', 'phoneNumberId', 'groupId'] as const).filter((field) => present(draft[field]));
}

function present(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}

/** What each type points at: the reference's creation rules. */
function destinationProblems(draft: KeyDraft, target: KeyTarget): KeyProblem[] {
  const destinations = destinationsOf(draft);
  const name = TYPE_NAMES[draft.keyType];
  if (destinations.length > 1) {
    const message = `A key has one destination: give a number, a subscriber or a group, not ${destinations.join(' and ')}.`;
    return [{ field: destinations[1] ?? 'number', message }];
  }
  const [destination] = destinations;
  switch (draft.keyType) {
    case 'headset':
    case 'audio_hub':
      return destination === undefined
        ? []
        : [{ field: destination, message: `A ${name} key has no destination.` }];
    case 'huntgroup':
      return destination === 'groupId'
        ? []
        : [{ field: 'groupId', message: 'A hunt-group key needs the group it logs in and out of.' }];
    case 'monitor':
      return monitorProblems(draft, destination, target);
    case 'speeddial':
    case 'forward':
      return dialProblems(draft, destination, target);
  }
}

function monitorProblems(
  draft: KeyDraft,
  destination: Destination | undefined,
  target: KeyTarget,
): KeyProblem[] {
  if (destination !== 'phoneNumberId' || draft.phoneNumberId === undefined) {
    return [{ field: 'phoneNumberId', message: 'A monitor key watches a user: pick the user’s subscriber.' }];
  }
  return subscriberProblems(draft.phoneNumberId, target, true);
}

function dialProblems(
  draft: KeyDraft,
  destination: Destination | undefined,
  target: KeyTarget,
): KeyProblem[] {
  const name = TYPE_NAMES[draft.keyType];
  if (destination === undefined) {
    return [{ field: 'number', message: `A ${name} key needs a subscriber or an external number.` }];
  }
  if (destination === 'groupId') {
    return [{ field: 'groupId', message: `A ${name} key calls a subscriber or a number, not a group id.` }];
  }
  if (destination === 'phoneNumberId' && draft.phoneNumberId !== undefined) {
    return subscriberProblems(draft.phoneNumberId, target, false);
  }
  const problems: KeyProblem[] = [];
  if (!EXTERNAL_NUMBER.test(draft.number?.trim() ?? '')) {
    problems.push({
      field: 'number',
      message: 'An external number is digits, with an optional leading + (e.g. +33612345678).',
    });
  }
  if (draft.keyType === 'speeddial' && !present(draft.displayName)) {
    problems.push({ field: 'displayName', message: 'An external speed dial needs a label.' });
  }
  return problems;
}

function subscriberProblems(phoneNumberId: string, target: KeyTarget, userOnly: boolean): KeyProblem[] {
  const isUser = target.subscriberIsUser(phoneNumberId);
  if (isUser === undefined) {
    return [{ field: 'phoneNumberId', message: `The CloudPBX has no subscriber ${phoneNumberId}.` }];
  }
  if (userOnly && !isUser) {
    return [
      { field: 'phoneNumberId', message: 'A monitor key watches a user only; this subscriber has none.' },
    ];
  }
  return [];
}

function placeProblems(draft: KeyDraft, target: KeyTarget): KeyProblem[] {
  const grid = moduleGrid(target.modelInfo, target.modules, draft.moduleId);
  if (grid === undefined) {
    const installed = target.modules.find((module) => module.moduleId === draft.moduleId);
    const message =
      installed === undefined
        ? `The device has no expansion module at position ${draft.moduleId}.`
        : `The ${target.modelName} does not drive an ${installed.type} module.`;
    return [{ field: 'moduleId', message }];
  }
  if (grid.keys === 0) {
    return [{ field: 'keyNum', message: `The ${target.modelName} has no programmable keys.` }];
  }
  if (!Number.isInteger(draft.keyNum) || draft.keyNum < 1 || draft.keyNum > grid.keys) {
    const where = grid.moduleId === 0 ? `The ${target.modelName}` : `Its ${grid.kind} module`;
    return [{ field: 'keyNum', message: `${where} has keys 1 to ${grid.keys}; ${draft.keyNum} is not one.` }];
  }
  const occupant = target.existing.find(
    (key) => moduleOf(key) === draft.moduleId && keyNumber(key) === draft.keyNum,
  );
  if (occupant !== undefined && isLockedKey(occupant)) {
    return [{ field: 'keyNum', message: lockedKeyReason(occupant) }];
  }
  return [];
}

/** Why a key cannot be changed, for the editor, the CLI and the copy's diff. */
export function lockedKeyReason(key: Pick<ProgrammableKey, 'keyOwner' | 'keyNum'>): string {
  return key.keyOwner === 'service'
    ? `Key ${String(key.keyNum)} was set by a service (e.g. manager-assistant): change it through that service.`
    : `Key ${String(key.keyNum)} is reserved by the phone (${String(key.keyOwner)} key): it cannot be changed.`;
}

/** Every reason the key would be refused; empty when it can be sent. */
export function keyProblems(draft: KeyDraft, target: KeyTarget): KeyProblem[] {
  const place = placeProblems(draft, target);
  if (place.length > 0) return place;
  if (!modelSupportsKeyType(target.modelInfo, draft.keyType)) {
    return [
      {
        field: 'keyType',
        message: `The ${target.modelName} has no ${TYPE_NAMES[draft.keyType]} keys.`,
      },
    ];
  }
  const problems = destinationProblems(draft, target);
  if ((draft.displayName?.length ?? 0) > MAX_KEY_LABEL) {
    problems.push({ field: 'displayName', message: `A key label has at most ${MAX_KEY_LABEL} characters.` });
  }
  return problems;
}
