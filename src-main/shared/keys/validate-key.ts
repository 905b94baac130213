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

/** Why a key is refused, for a screen to say in its own language; `message` says it in English. */
export type KeyProblemCode =
  | 'two-destinations'
  | 'no-destination-allowed'
  | 'group-needed'
  | 'monitor-needs-subscriber'
  | 'destination-needed'
  | 'group-not-dialable'
  | 'external-number'
  | 'label-needed'
  | 'unknown-subscriber'
  | 'monitor-not-user'
  | 'no-module'
  | 'module-not-driven'
  | 'no-keys'
  | 'key-out-of-range'
  | 'module-key-out-of-range'
  | 'locked-service'
  | 'locked-system'
  | 'type-unsupported'
  | 'label-too-long';

/** Values a refusal's text needs (`type` is a KeyType, for the screen to name). */
export type KeyProblemParams = Readonly<Record<string, string | number>>;

export interface KeyProblem {
  field: keyof KeyDraft;
  code: KeyProblemCode;
  params: KeyProblemParams;
  message: string;
}

function problem(
  field: keyof KeyDraft,
  code: KeyProblemCode,
  message: string,
  params: KeyProblemParams = {},
): KeyProblem {
  return { field, code, params, message };
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
    return [problem(destinations[1] ?? 'number', 'two-destinations', message)];
  }
  const [destination] = destinations;
  switch (draft.keyType) {
    case 'headset':
    case 'audio_hub':
      return destination === undefined
        ? []
        : [
            problem(destination, 'no-destination-allowed', `A ${name} key has no destination.`, {
              type: draft.keyType,
            }),
          ];
    case 'huntgroup':
      return destination === 'groupId'
        ? []
        : [problem('groupId', 'group-needed', 'A hunt-group key needs the group it logs in and out of.')];
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
    return [
      problem(
        'phoneNumberId',
        'monitor-needs-subscriber',
        'A monitor key watches a user: pick the user’s subscriber.',
      ),
    ];
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
    return [
      problem('number', 'destination-needed', `A ${name} key needs a subscriber or an external number.`, {
        type: draft.keyType,
      }),
    ];
  }
  if (destination === 'groupId') {
    return [
      problem(
        'groupId',
        'group-not-dialable',
        `A ${name} key calls a subscriber or a number, not a group id.`,
        {
          type: draft.keyType,
        },
      ),
    ];
  }
  if (destination === 'phoneNumberId' && draft.phoneNumberId !== undefined) {
    return subscriberProblems(draft.phoneNumberId, target, false);
  }
  const problems: KeyProblem[] = [];
  if (!EXTERNAL_NUMBER.test(draft.number?.trim() ?? '')) {
    problems.push(
      problem(
        'number',
        'external-number',
        'An external number is digits, with an optional leading + (e.g. +33612345678).',
      ),
    );
  }
  if (draft.keyType === 'speeddial' && !present(draft.displayName)) {
    problems.push(problem('displayName', 'label-needed', 'An external speed dial needs a label.'));
  }
  return problems;
}

function subscriberProblems(phoneNumberId: string, target: KeyTarget, userOnly: boolean): KeyProblem[] {
  const isUser = target.subscriberIsUser(phoneNumberId);
  if (isUser === undefined) {
    return [
      problem('phoneNumberId', 'unknown-subscriber', `The CloudPBX has no subscriber ${phoneNumberId}.`, {
        subscriber: phoneNumberId,
      }),
    ];
  }
  if (userOnly && !isUser) {
    return [
      problem(
        'phoneNumberId',
        'monitor-not-user',
        'A monitor key watches a user only; this subscriber has none.',
      ),
    ];
  }
  return [];
}

function placeProblems(draft: KeyDraft, target: KeyTarget): KeyProblem[] {
  const grid = moduleGrid(target.modelInfo, target.modules, draft.moduleId);
  if (grid === undefined) {
    const installed = target.modules.find((module) => module.moduleId === draft.moduleId);
    return [
      installed === undefined
        ? problem(
            'moduleId',
            'no-module',
            `The device has no expansion module at position ${draft.moduleId}.`,
            {
              module: draft.moduleId,
            },
          )
        : problem(
            'moduleId',
            'module-not-driven',
            `The ${target.modelName} does not drive an ${installed.type} module.`,
            { model: target.modelName, moduleType: installed.type },
          ),
    ];
  }
  const model = target.modelName;
  if (grid.keys === 0) {
    return [problem('keyNum', 'no-keys', `The ${model} has no programmable keys.`, { model })];
  }
  if (!Number.isInteger(draft.keyNum) || draft.keyNum < 1 || draft.keyNum > grid.keys) {
    const params = { model, moduleType: grid.kind, max: grid.keys, key: draft.keyNum };
    return [
      grid.moduleId === 0
        ? problem(
            'keyNum',
            'key-out-of-range',
            `The ${model} has keys 1 to ${grid.keys}; ${draft.keyNum} is not one.`,
            params,
          )
        : problem(
            'keyNum',
            'module-key-out-of-range',
            `Its ${grid.kind} module has keys 1 to ${grid.keys}; ${draft.keyNum} is not one.`,
            params,
          ),
    ];
  }
  const occupant = target.existing.find(
    (key) => moduleOf(key) === draft.moduleId && keyNumber(key) === draft.keyNum,
  );
  if (occupant !== undefined && isLockedKey(occupant)) return [lockedKeyProblem(occupant)];
  return [];
}

/** Why a key cannot be changed, for the editor, the CLI and the copy's diff. */
export function lockedKeyReason(key: Pick<ProgrammableKey, 'keyOwner' | 'keyNum'>): string {
  return lockedKeyProblem(key).message;
}

/** `lockedKeyReason` with its code and values, for a screen to say it in its language. */
export function lockedKeyProblem(key: Pick<ProgrammableKey, 'keyOwner' | 'keyNum'>): KeyProblem {
  const params = { key: String(key.keyNum), owner: String(key.keyOwner) };
  return key.keyOwner === 'service'
    ? problem(
        'keyNum',
        'locked-service',
        `Key ${params.key} was set by a service (e.g. manager-assistant): change it through that service.`,
        params,
      )
    : problem(
        'keyNum',
        'locked-system',
        `Key ${params.key} is reserved by the phone (${params.owner} key): it cannot be changed.`,
        params,
      );
}

/** Every reason the key would be refused; empty when it can be sent. */
export function keyProblems(draft: KeyDraft, target: KeyTarget): KeyProblem[] {
  const place = placeProblems(draft, target);
  if (place.length > 0) return place;
  if (!modelSupportsKeyType(target.modelInfo, draft.keyType)) {
    return [
      problem(
        'keyType',
        'type-unsupported',
        `The ${target.modelName} has no ${TYPE_NAMES[draft.keyType]} keys.`,
        {
          model: target.modelName,
          type: draft.keyType,
        },
      ),
    ];
  }
  const problems = destinationProblems(draft, target);
  if ((draft.displayName?.length ?? 0) > MAX_KEY_LABEL) {
    problems.push(
      problem('displayName', 'label-too-long', `A key label has at most ${MAX_KEY_LABEL} characters.`, {
        max: MAX_KEY_LABEL,
      }),
    );
  }
  return problems;
}
