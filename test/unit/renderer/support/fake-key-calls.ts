import { vi } from 'vitest';
import type { Device } from '@api/types';
import type { DeviceKeys, KeyCopyPlan } from '@shared/keys';
import { deskphone } from './fake-device-calls';

/** An M5 with one speed dial and a manager-assistant key, as `keys.list` answers it. */
export const m5Keys = (overrides: Partial<DeviceKeys> = {}): DeviceKeys => ({
  deviceId: 'dev-1',
  deviceType: { id: 1, vendor: 'ALE', model: 'M5' },
  modelInfo: {
    programmableKeys: 28,
    nbOfSoftKeyPages: 4,
    can_speeddial: true,
    can_monitor: true,
    can_forward: true,
    has_headset: true,
    has_audioHub: true,
    supportedModules: [{ type: 'EM_20', programmableKeys: 20, nbOfSoftKeyPages: 1 }],
  },
  availableKeys: 26,
  keys: [
    {
      keyType: 'speeddial',
      keyNum: 1,
      page: 1,
      keyOwner: 'admin',
      displayName: 'Taxi',
      number: '+33478000000',
      moduleId: 0,
    },
    {
      keyType: 'monitor',
      keyNum: 10,
      page: 2,
      keyOwner: 'service',
      displayName: 'Alice Patol',
      number: '90001',
      moduleId: 0,
    },
  ],
  ...overrides,
});

/** The key and device-settings calls of the fake Api (see fake-api.ts). */
export function keyCalls() {
  return {
    keys: {
      list: vi.fn(async ({ deviceId }: { deviceId: string }): Promise<DeviceKeys> => m5Keys({ deviceId })),
      set: vi.fn(async ({ deviceId }: { deviceId: string }): Promise<DeviceKeys> => m5Keys({ deviceId })),
      delete: vi.fn(async ({ deviceId }: { deviceId: string }): Promise<DeviceKeys> => m5Keys({ deviceId })),
      copy: vi.fn(
        async ({ deviceId, toDeviceId }: { deviceId: string; toDeviceId: string }): Promise<KeyCopyPlan> => ({
          fromDeviceId: deviceId,
          toDeviceId,
          modules: [],
          impossible: [],
          applied: false,
        }),
      ),
    },
    update: vi.fn(async ({ deviceId }: { deviceId: string }): Promise<Device> => deskphone({ id: deviceId })),
  };
}
