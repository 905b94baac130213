import { useI18n } from 'vue-i18n';
import { ElMessage } from 'element-plus';
import type { Device } from '@api/types';
import { toErrorData } from '@renderer/api/errors';
import type { DeviceFix } from '@renderer/features/devices/DeviceFixDialogs.vue';
import { useDevicesStore } from '@renderer/features/devices/devices-store';
import { useDiscoveryStore } from '@renderer/features/discover/discovery-store';

/** Keeps the discovered rows in step with what a register, assign or swap dialog changed on the CloudPBX. */
export function useRowFixes(systemId: () => string) {
  const devices = useDevicesStore();
  const discovery = useDiscoveryStore();
  const { t } = useI18n();

  /** Reads the device again and shows it on its row; undefined (and a message) if it cannot be read. */
  async function follow(deviceId: string): Promise<Device | undefined> {
    try {
      const device = await devices.refresh(systemId(), deviceId);
      discovery.markDevice(device);
      return device;
    } catch (error) {
      ElMessage({
        type: 'error',
        message: `${t('discover.actions.deviceFailed')}: ${toErrorData(error).message}`,
        showClose: true,
      });
      return undefined;
    }
  }

  /** After a swap of MACs, the MAC the device holds now is provisioned, the other one new. */
  async function fixed(deviceId: string, fix: DeviceFix): Promise<void> {
    if (fix.kind === 'assigned') ElMessage({ type: 'success', message: fix.message });
    const device = await follow(deviceId);
    if (device === undefined || fix.kind !== 'swapped' || fix.swap.kind !== 'mac') return;
    for (const mac of [fix.swap.oldIdentifier, fix.swap.newIdentifier]) {
      if (mac.toLowerCase() !== device.macAddress?.toLowerCase()) discovery.markUnprovisioned(mac);
    }
  }

  return { follow, fixed };
}
