import { DEVICE_CATEGORIES } from '../../shared/enums';
import type { AuditTrail } from '../audit/audit-trail';
import { FieldkitError } from '../errors';
import type { Redactor } from '../log/redactor';
import type { RainbowClient } from '../rainbow';
import type { Device, ExpansionModule } from '../rainbow/types';
import { deviceLabel } from './device-labels';
import { withoutDeviceSecrets } from './device-secrets';

export type ModuleClient = Pick<
  RainbowClient,
  'getDevice' | 'listDeviceModels' | 'addExpansionModule' | 'removeExpansionModule'
>;

export interface ModuleServiceDeps {
  client: () => ModuleClient;
  audit: AuditTrail;
  redactor: Redactor;
}

/** Expansion modules (EM_20, EM_200) of Myriad deskphones; types the model does not support are refused first. */
export class ModuleService {
  readonly #deps: ModuleServiceDeps;

  constructor(deps: ModuleServiceDeps) {
    this.#deps = deps;
  }

  async add(systemId: string, deviceId: string, module: ExpansionModule): Promise<Device> {
    const client = this.#deps.client();
    const device = await this.#get(systemId, deviceId);
    const models = await client.listDeviceModels(systemId, { category: DEVICE_CATEGORIES });
    const model = models.find((candidate) => candidate.id === device.deviceType.id);
    const supported = (model?.supportedModules ?? []).map((candidate) => candidate.type);
    if (!supported.includes(module.type)) {
      const modelName = model?.model ?? device.deviceType.model;
      const message =
        supported.length === 0
          ? `${modelName} takes no expansion module.`
          : `${modelName} takes ${supported.join(' or ')} expansion modules, not ${module.type}.`;
      throw new FieldkitError({ code: 'invalid-input', message, issues: [{ field: 'type', message }] });
    }
    if ((device.modules ?? []).some((present) => present.moduleId === module.moduleId)) {
      const message = `Position ${module.moduleId} of ${deviceLabel(device)} already has a module; remove it first or use another position.`;
      throw new FieldkitError({ code: 'conflict', message, issues: [{ field: 'moduleId', message }] });
    }
    const updated = await this.#deps.audit.record(
      {
        action: 'module.add',
        systemId,
        object: { type: 'device', id: deviceId, label: deviceLabel(device) },
        details: { moduleId: String(module.moduleId), type: module.type },
      },
      () => client.addExpansionModule(systemId, deviceId, module),
    );
    return withoutDeviceSecrets(updated, this.#deps.redactor);
  }

  async remove(systemId: string, deviceId: string, moduleId: number): Promise<Device> {
    const device = await this.#get(systemId, deviceId);
    const module = (device.modules ?? []).find((present) => present.moduleId === moduleId);
    if (module === undefined) {
      throw new FieldkitError({
        code: 'not-found',
        message: `${deviceLabel(device)} has no expansion module at position ${moduleId}.`,
      });
    }
    await this.#deps.audit.record(
      {
        action: 'module.remove',
        systemId,
        object: { type: 'device', id: deviceId, label: deviceLabel(device) },
        details: { moduleId: String(moduleId), type: module.type },
      },
      () => this.#deps.client().removeExpansionModule(systemId, deviceId, moduleId),
    );
    return this.#get(systemId, deviceId);
  }

  async #get(systemId: string, deviceId: string): Promise<Device> {
    return withoutDeviceSecrets(await this.#deps.client().getDevice(systemId, deviceId), this.#deps.redactor);
  }
}
