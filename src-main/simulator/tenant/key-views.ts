import type { DeviceModelRecord, DeviceRecord, KeyRecord } from './records';
import { keysOfModule, pagesOfModule } from './key-rules';
import type { SimulatorTenant } from './tenant';

/** A key as `GET …/keys` lists it: a subscriber destination shows the user's name and the short number. */
function keyView(tenant: SimulatorTenant, device: DeviceRecord, model: DeviceModelRecord, key: KeyRecord) {
  const subscriber =
    key.phoneNumberId === undefined ? undefined : tenant.readSubscriber(device.systemId, key.phoneNumberId);
  const user = subscriber?.userId === undefined ? undefined : tenant.readUser(subscriber.userId);
  const perPage = Math.ceil(
    keysOfModule(model, device.modules, key.moduleId) /
      Math.max(1, pagesOfModule(model, device.modules, key.moduleId)),
  );
  return {
    keyType: key.keyType,
    keyNum: key.keyNum,
    page: Math.ceil(key.keyNum / Math.max(1, perPage)),
    keyOwner: key.keyOwner,
    userId: user?.id,
    phoneNumberId: key.phoneNumberId,
    groupId: key.groupId,
    displayName: key.displayName ?? user?.displayName,
    number: key.number ?? subscriber?.shortNumber,
    moduleId: key.moduleId,
  };
}

/** `modelInfo` as the keys answer has it (reference): the model's key capabilities. */
function modelInfoOf(model: DeviceModelRecord) {
  return {
    programmableKeys: model.programmableKeys ?? 0,
    can_speeddial: model.can_speeddial ?? false,
    can_monitor: model.can_monitor ?? false,
    nbOfSoftKeyPages: model.nbOfSoftKeyPages ?? 0,
    can_forward: model.can_forward ?? false,
    has_headset: model.has_headset ?? false,
    has_audioHub: model.has_audioHub ?? false,
    supportedModules: model.supportedModules ?? [],
  };
}

/**
 * `data` of `GET …/devices/:deviceId/keys[?moduleId=N]`. `availableKeys` is not explained by the reference:
 * here, the free keys of the module asked for, or of the phone and its modules.
 */
export function deviceKeysView(tenant: SimulatorTenant, device: DeviceRecord, moduleId?: number) {
  const model = tenant.findDeviceModel(device.deviceTypeId);
  if (model === undefined) throw new Error(`Device ${device.id} has an unknown model`);
  const keys = tenant.listKeys(device.systemId, device.id, moduleId);
  const moduleIds = moduleId === undefined ? [0, ...device.modules.map((m) => m.moduleId)] : [moduleId];
  const capacity = moduleIds.reduce((sum, id) => sum + keysOfModule(model, device.modules, id), 0);
  return {
    deviceId: device.id,
    deviceType: { id: model.id, vendor: model.vendor, model: model.model },
    modelInfo: modelInfoOf(model),
    availableKeys: Math.max(0, capacity - keys.length),
    keys: keys.map((key) => keyView(tenant, device, model, key)),
  };
}
