import {
  isLockedKey,
  keyNumber,
  keyProblems,
  lockedKeyReason,
  moduleOf,
  planKeyCopy,
  type DeviceKeys,
  type KeyCopyPlan,
  type KeyDraft,
} from '../../shared/keys';
import type { AuditTrail } from '../audit/audit-trail';
import { deviceLabel } from '../devices/device-labels';
import { FieldkitError } from '../errors';
import { loadKeys, type KeyClient, type LoadedKeys } from './key-target';
import { keyDetails, moduleKeys, writeKey } from './key-write';

export interface KeyServiceDeps {
  /** The signed-in client (throws `not-signed-in` otherwise). */
  client: () => KeyClient;
  audit: AuditTrail;
}

/**
 * Programmable keys of a device: read, set, delete, copy a layout. Every key is checked before any call
 * (invalid-input otherwise, nothing sent); service and system keys are never sent or removed.
 */
export class KeyService {
  readonly #deps: KeyServiceDeps;

  constructor(deps: KeyServiceDeps) {
    this.#deps = deps;
  }

  /** The API's answer as it is, `modelInfo` included. */
  list(systemId: string, deviceId: string, moduleId?: number): Promise<DeviceKeys> {
    return this.#deps.client().getDeviceKeys(systemId, deviceId, moduleId);
  }

  /**
   * Creates the key, or changes the one already there with a replace of its module (one call: nothing is
   * half-applied, as a delete then a create could be).
   */
  async set(systemId: string, deviceId: string, draft: KeyDraft): Promise<DeviceKeys> {
    const client = this.#deps.client();
    const loaded = await loadKeys(client, systemId, deviceId);
    const problems = keyProblems(draft, loaded.target);
    if (problems.length > 0) {
      throw new FieldkitError({
        code: 'invalid-input',
        message: problems.map((problem) => problem.message).join(' '),
        issues: problems.map((problem) => ({ field: `key.${problem.field}`, message: problem.message })),
      });
    }
    await this.#deps.audit.record(
      { ...this.#change(systemId, loaded, 'key.set'), details: keyDetails(draft) },
      () => writeKey(client, { systemId, deviceId, current: loaded.keys.keys }, draft),
    );
    return client.getDeviceKeys(systemId, deviceId);
  }

  async delete(systemId: string, deviceId: string, moduleId: number, keyNum: number): Promise<DeviceKeys> {
    const client = this.#deps.client();
    const loaded = await loadKeys(client, systemId, deviceId);
    const key = loaded.keys.keys.find(
      (candidate) => moduleOf(candidate) === moduleId && keyNumber(candidate) === keyNum,
    );
    if (key === undefined) {
      throw new FieldkitError({
        code: 'not-found',
        message: `${deviceLabel(loaded.device)} has no key ${keyNum} on ${moduleId === 0 ? 'the phone' : `module ${moduleId}`}.`,
        hint: 'List its keys with `fieldkit device keys`.',
      });
    }
    if (isLockedKey(key)) {
      const message = lockedKeyReason(key);
      throw new FieldkitError({ code: 'invalid-input', message, issues: [{ field: 'keyNum', message }] });
    }
    await this.#deps.audit.record(
      {
        ...this.#change(systemId, loaded, 'key.delete'),
        details: { moduleId: String(moduleId), keyNum: String(keyNum), keyType: key.keyType },
      },
      () => client.deleteDeviceKey(systemId, deviceId, moduleId, keyNum),
    );
    return client.getDeviceKeys(systemId, deviceId);
  }

  /**
   * Copies the admin keys of one device onto another: the plan (kept, added, removed, impossible and why),
   * then, unless `dryRun`, one replace per module that changes. The target's service and system keys stay.
   */
  async copy(request: {
    systemId: string;
    fromDeviceId: string;
    toDeviceId: string;
    moduleId?: number;
    dryRun: boolean;
  }): Promise<KeyCopyPlan> {
    const { systemId, fromDeviceId, toDeviceId } = request;
    const client = this.#deps.client();
    const [source, target] = await Promise.all([
      client.getDeviceKeys(systemId, fromDeviceId),
      loadKeys(client, systemId, toDeviceId),
    ]);
    const plan = planKeyCopy({ deviceId: fromDeviceId, keys: source.keys }, target.target, request.moduleId);
    if (request.dryRun) return plan;
    for (const module of plan.modules.filter((candidate) => candidate.changes)) {
      await this.#deps.audit.record(
        {
          ...this.#change(systemId, target, 'keys.copy'),
          details: {
            fromDeviceId,
            moduleId: String(module.moduleId),
            added: String(module.added.length),
            removed: String(module.removed.length),
          },
        },
        () => client.replaceModuleKeys(systemId, toDeviceId, module.moduleId, moduleKeys(module.final)),
      );
    }
    return { ...plan, applied: true };
  }

  #change(systemId: string, loaded: LoadedKeys, action: 'key.set' | 'key.delete' | 'keys.copy') {
    return {
      action,
      systemId,
      object: { type: 'device' as const, id: loaded.device.id, label: deviceLabel(loaded.device) },
    };
  }
}
