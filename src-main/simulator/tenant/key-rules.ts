import type { ExpansionModule } from '../../services/rainbow/types';
import type { DeviceModelRecord, KeyRecord } from './records';
import { TenantError } from './tenant-error';

/**
 * The server's rules for programmable keys, written from the reference on their own (not with Fieldkit's
 * validator, which tests check against these). Module 0 is the deskphone.
 */

/** Which model flag allows which key type; hunt-group keys follow `has_progKeyHG`. */
const TYPE_FLAGS = {
  speeddial: 'can_speeddial',
  monitor: 'can_monitor',
  forward: 'can_forward',
  headset: 'has_headset',
  audio_hub: 'has_audioHub',
  huntgroup: 'has_progKeyHG',
} as const satisfies Record<string, keyof DeviceModelRecord>;

export type CreatableKeyType = keyof typeof TYPE_FLAGS;

export function isCreatableKeyType(text: string): text is CreatableKeyType {
  return Object.hasOwn(TYPE_FLAGS, text);
}

/** How many keys the module has: the model's own, or those of the installed module's type. */
export function keysOfModule(
  model: DeviceModelRecord,
  modules: readonly ExpansionModule[],
  moduleId: number,
): number {
  if (moduleId === 0) return model.programmableKeys ?? 0;
  const module = modules.find((installed) => installed.moduleId === moduleId);
  if (module === undefined) {
    throw new TenantError('module-not-found', `Device has no expansion module ${moduleId}`);
  }
  return model.supportedModules?.find((supported) => supported.type === module.type)?.programmableKeys ?? 0;
}

/** Pages of the module: the soft-key pages of the model or of the module's type. */
export function pagesOfModule(
  model: DeviceModelRecord,
  modules: readonly ExpansionModule[],
  moduleId: number,
): number {
  if (moduleId === 0) return model.nbOfSoftKeyPages ?? 1;
  const type = modules.find((installed) => installed.moduleId === moduleId)?.type;
  return model.supportedModules?.find((supported) => supported.type === type)?.nbOfSoftKeyPages ?? 1;
}

/** The reference's own 400581 text: `Key type forward not supported by device … (vendor: ALE/model: 8068S)`. */
export function checkKeyType(model: DeviceModelRecord, deviceId: string, keyType: CreatableKeyType): void {
  if (model[TYPE_FLAGS[keyType]] === true) return;
  throw new TenantError(
    'key-type-not-supported',
    `Key type ${keyType} not supported by device ${deviceId} (vendor: ${model.vendor}/model: ${model.model.toUpperCase()}) `,
  );
}

export function checkKeyNumber(keyNum: number, capacity: number, moduleId: number): void {
  if (!Number.isSafeInteger(keyNum) || keyNum < 1 || keyNum > capacity) {
    throw new TenantError(
      'key-out-of-range',
      `Key number ${keyNum} out of range for module ${moduleId} (1 to ${capacity})`,
    );
  }
}

/** What each type needs to point at (reference: creation of a programmable key). */
export function checkKeyDestination(
  key: Pick<KeyRecord, 'keyType' | 'displayName' | 'number' | 'phoneNumberId' | 'groupId'>,
  subscriberHasUser: (phoneNumberId: string) => boolean,
): void {
  const refuse = (why: string): never => {
    throw new TenantError('key-invalid', `Invalid ${key.keyType} key: ${why}`);
  };
  const given = [key.number, key.phoneNumberId, key.groupId].filter((field) => field !== undefined).length;
  if (given > 1) refuse('only one of number, phoneNumberId and groupId may be given');
  if (key.phoneNumberId !== undefined && key.keyType !== 'huntgroup') {
    const hasUser = subscriberHasUser(key.phoneNumberId);
    if (key.keyType === 'monitor' && !hasUser) refuse('monitor keys are only for users');
  }
  switch (key.keyType) {
    case 'monitor':
      if (key.phoneNumberId === undefined) refuse('phoneNumberId of a user is required');
      return;
    case 'huntgroup':
      if (key.groupId === undefined) refuse('groupId is required');
      return;
    case 'speeddial':
    case 'forward':
      if (given === 0) refuse('a destination (phoneNumberId or number) is required');
      if (key.groupId !== undefined) refuse('groupId is only for huntgroup keys');
      if (key.keyType === 'speeddial' && key.number !== undefined && key.displayName === undefined) {
        refuse('displayName is mandatory for an external speed dial');
      }
      return;
    default:
      if (given > 0) refuse('this key type takes no destination');
  }
}
