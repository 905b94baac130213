import { hasKeyChecks, type Catalog, type CatalogDevice } from '../../catalog';
import { FieldkitError } from '../../errors';
import type { KeySheetDirectory } from './plan-key-lines';

/**
 * What a keys sheet is checked against offline: the cached catalogue's devices (model, modules), models (key
 * capabilities) and subscribers. The devices' keys are not cached, so no key is there: a line's action, and
 * whether its place holds a service or system key, are only known online.
 */
export function cachedKeySheetDirectory(catalog: Catalog): KeySheetDirectory {
  if (!hasKeyChecks(catalog)) {
    throw new FieldkitError({
      code: 'not-found',
      message:
        `The cached catalogue of CloudPBX ${catalog.systemId} was pulled before keys sheets could be checked ` +
        'offline: it lacks the models’ key capabilities and the devices’ modules.',
      hint: `Pull the catalogue again while online (\`fieldkit catalog pull --system ${catalog.systemId}\`), then check offline.`,
    });
  }
  const byIdentifier = new Map<string, CatalogDevice>();
  for (const device of catalog.devices) {
    for (const identifier of [device.macAddress, device.ipei]) {
      if (identifier !== undefined) byIdentifier.set(identifier, device);
    }
  }
  const models = new Map(catalog.models.map((model) => [model.id, model]));
  const subscribers = new Map(catalog.subscribers.map((subscriber) => [subscriber.shortNumber, subscriber]));
  const holdsUser = new Map(
    catalog.subscribers.map((subscriber) => [subscriber.id, subscriber.userId !== undefined]),
  );
  return {
    device: (_kind, identifier) => {
      const device = byIdentifier.get(identifier);
      if (device === undefined) return undefined;
      return {
        deviceId: device.id,
        target: {
          modelName: device.model,
          modelInfo: models.get(device.deviceTypeId)?.keys ?? {},
          modules: device.modules ?? [],
          existing: [],
          subscriberIsUser: (phoneNumberId) => holdsUser.get(phoneNumberId),
        },
      };
    },
    subscriber: (shortNumber) => {
      const subscriber = subscribers.get(shortNumber.trim());
      return subscriber === undefined ? undefined : { phoneNumberId: subscriber.id };
    },
  };
}
