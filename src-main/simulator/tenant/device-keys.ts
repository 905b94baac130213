import type { ExpansionModule } from '../../services/rainbow/types';
import { copy } from './directory';
import {
  checkKeyDestination,
  checkKeyNumber,
  checkKeyType,
  isCreatableKeyType,
  keysOfModule,
} from './key-rules';
import type { DeviceModelRecord, KeyRecord, NewKey } from './records';
import { TenantError } from './tenant-error';

/** What the key rules need to know about the device a key is on. */
export interface KeyHost {
  deviceId: string;
  model: DeviceModelRecord;
  modules: readonly ExpansionModule[];
  /** Throws `subscriber-not-found`; true when the subscriber holds a user. */
  subscriberHasUser: (phoneNumberId: string) => boolean;
}

/**
 * The programmable keys of every device. Admin keys are created, replaced per module and deleted through the
 * API; service keys (manager-assistant) and system keys are seeded only, and stay through every replace.
 */
export class DeviceKeyBoard {
  readonly #keys = new Map<string, KeyRecord[]>();

  seed(key: KeyRecord): void {
    this.#keys.set(key.deviceId, [...(this.#keys.get(key.deviceId) ?? []), copy(key)]);
  }

  list(deviceId: string, moduleId?: number): KeyRecord[] {
    return (this.#keys.get(deviceId) ?? [])
      .filter((key) => moduleId === undefined || key.moduleId === moduleId)
      .sort((a, b) => a.moduleId - b.moduleId || a.keyNum - b.keyNum)
      .map(copy);
  }

  create(host: KeyHost, key: NewKey): KeyRecord {
    const record = this.#checked(host, key);
    if (this.#find(host.deviceId, key.moduleId, key.keyNum) !== undefined) {
      throw new TenantError(
        'key-taken',
        `Key ${key.keyNum} of module ${key.moduleId} already exists on device ${host.deviceId}`,
      );
    }
    this.#keys.set(host.deviceId, [...(this.#keys.get(host.deviceId) ?? []), record]);
    return copy(record);
  }

  /** All or nothing: every key is checked before the module's admin keys are replaced. */
  replace(host: KeyHost, moduleId: number, keys: readonly NewKey[]): KeyRecord[] {
    const kept = this.list(host.deviceId).filter(
      (key) => key.moduleId !== moduleId || key.keyOwner !== 'admin',
    );
    const seen = new Set<number>();
    const records = keys.map((key) => {
      const record = this.#checked(host, { ...key, moduleId });
      if (seen.has(record.keyNum)) {
        throw new TenantError('key-invalid', `Key number ${record.keyNum} is given twice`);
      }
      seen.add(record.keyNum);
      const locked = kept.find((other) => other.moduleId === moduleId && other.keyNum === record.keyNum);
      if (locked !== undefined) throw lockedError(locked);
      return record;
    });
    this.#keys.set(host.deviceId, [...kept, ...records]);
    return this.list(host.deviceId, moduleId);
  }

  remove(deviceId: string, moduleId: number, keyNum: number): KeyRecord {
    const key = this.#find(deviceId, moduleId, keyNum);
    if (key === undefined) {
      throw new TenantError(
        'key-not-found',
        `Key ${keyNum} of module ${moduleId} not found on device ${deviceId}`,
      );
    }
    if (key.keyOwner !== 'admin') throw lockedError(key);
    this.#keys.set(
      deviceId,
      (this.#keys.get(deviceId) ?? []).filter((other) => other !== key),
    );
    return copy(key);
  }

  /** A removed module takes its keys with it; a removed device all of them. */
  forget(deviceId: string, moduleId?: number): void {
    if (moduleId === undefined) this.#keys.delete(deviceId);
    else
      this.#keys.set(
        deviceId,
        this.list(deviceId).filter((key) => key.moduleId !== moduleId),
      );
  }

  #find(deviceId: string, moduleId: number, keyNum: number): KeyRecord | undefined {
    return this.#keys.get(deviceId)?.find((key) => key.moduleId === moduleId && key.keyNum === keyNum);
  }

  #checked(host: KeyHost, key: NewKey): KeyRecord {
    if (!isCreatableKeyType(key.keyType)) {
      throw new TenantError('key-invalid', `Key type ${key.keyType} cannot be created`);
    }
    checkKeyNumber(key.keyNum, keysOfModule(host.model, host.modules, key.moduleId), key.moduleId);
    checkKeyType(host.model, host.deviceId, key.keyType);
    checkKeyDestination(key, host.subscriberHasUser);
    return { ...copy(key), deviceId: host.deviceId, keyOwner: 'admin' };
  }
}

function lockedError(key: KeyRecord): TenantError {
  return new TenantError(
    'key-locked',
    `Key ${key.keyNum} is a ${key.keyOwner} key: only keys created by this API can be changed or deleted`,
  );
}
