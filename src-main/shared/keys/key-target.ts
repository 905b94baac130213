import type { InstalledModule } from './key-layout';
import type { DeviceKeys } from './key-types';
import type { KeyTarget } from './validate-key';

/**
 * What a key on this device is checked against: the keys answer's `modelInfo`, completed with the catalogue
 * model's `has_progKeyHG` (hunt-group keys are only described there), the installed modules and the keys.
 */
export function keyTargetOf(
  keys: DeviceKeys,
  modules: readonly InstalledModule[],
  catalogueModel: { has_progKeyHG?: boolean } | undefined,
  subscriberIsUser: KeyTarget['subscriberIsUser'],
): KeyTarget & { deviceId: string } {
  const huntGroups = catalogueModel?.has_progKeyHG;
  return {
    deviceId: keys.deviceId,
    modelName: keys.deviceType.model,
    modelInfo: huntGroups === undefined ? keys.modelInfo : { ...keys.modelInfo, has_progKeyHG: huntGroups },
    modules,
    existing: keys.keys,
    subscriberIsUser,
  };
}
