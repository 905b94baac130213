import { keyTargetOf as targetOf, type KeyTarget } from '../../../../src-main/shared/keys';
import { createDemoTenant } from '../../../../src-main/simulator/seed/demo-seed';
import { DEMO_DEVICE_MODELS } from '../../../../src-main/simulator/seed/device-models';
import { DEMO_SYSTEM_IDS } from '../../../../src-main/simulator/seed/seed-ids';
import { deviceKeysView } from '../../../../src-main/simulator/tenant/key-views';
import type { DeviceRecord } from '../../../../src-main/simulator/tenant/records';
import type { SimulatorTenant } from '../../../../src-main/simulator/tenant/tenant';

export const LYON = DEMO_SYSTEM_IDS.lyon;

/** A demo tenant with one fresh device of every catalogue model, carrying every module type it takes. */
export function tenantWithEveryModel(): { tenant: SimulatorTenant; devices: DeviceRecord[] } {
  const tenant = createDemoTenant(() => 0);
  const devices = DEMO_DEVICE_MODELS.map((model, index) => {
    const hex = (100 + index).toString(16).padStart(6, '0');
    const device = tenant.addDevice({
      systemId: LYON,
      description: `Key test ${model.model}`,
      deviceTypeId: model.id,
      ...(model.category === 'dectmobile' ? { ipei: `0aa0${hex}` } : { macAddress: `3c28a6${hex}` }),
    });
    (model.supportedModules ?? []).forEach((module, position) =>
      tenant.addModule(LYON, device.id, { moduleId: position + 1, type: module.type }),
    );
    return tenant.findDevice(LYON, device.id) as DeviceRecord;
  });
  return { tenant, devices };
}

/** What the core builds before a key is sent, from the simulator's own answer and catalogue. */
export function keyTargetOf(tenant: SimulatorTenant, device: DeviceRecord): KeyTarget {
  return targetOf(
    deviceKeysView(tenant, device),
    device.modules,
    tenant.findDeviceModel(device.deviceTypeId),
    (phoneNumberId) => {
      const subscriber = tenant.findSubscriber(device.systemId, phoneNumberId);
      return subscriber === undefined ? undefined : subscriber.userId !== undefined;
    },
  );
}
