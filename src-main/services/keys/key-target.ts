import { DEVICE_CATEGORIES } from '../../shared/enums';
import { keyTargetOf, type DeviceKeys, type KeyTarget } from '../../shared/keys';
import type { RainbowClient } from '../rainbow';
import type { Device, DeviceModel, PhoneNumber } from '../rainbow/types';

export type KeyClient = Pick<
  RainbowClient,
  | 'getDevice'
  | 'listDeviceModels'
  | 'listPhoneNumbers'
  | 'getDeviceKeys'
  | 'createDeviceKey'
  | 'replaceModuleKeys'
  | 'deleteDeviceKey'
>;

/** A device, its keys as the API lists them, and what the validator checks a key against. */
export interface LoadedKeys {
  device: Device;
  keys: DeviceKeys;
  target: KeyTarget & { deviceId: string };
}

/** What keys of any device of a CloudPBX are checked against: its models and its subscribers. */
export interface KeyDirectory {
  models: DeviceModel[];
  subscribers: PhoneNumber[];
}

export async function loadKeyDirectory(client: KeyClient, systemId: string): Promise<KeyDirectory> {
  const [models, subscribers] = await Promise.all([
    client.listDeviceModels(systemId, { category: DEVICE_CATEGORIES }),
    client.listPhoneNumbers(systemId),
  ]);
  return { models, subscribers };
}

/**
 * Reads what a key is checked against: the device (its modules), its keys and `modelInfo`, the catalogue's
 * model (hunt-group keys are only there) and the subscribers (monitor keys watch users only). Many devices
 * of one CloudPBX share one `directory`.
 */
export async function loadKeys(
  client: KeyClient,
  systemId: string,
  deviceId: string,
  directory?: KeyDirectory,
): Promise<LoadedKeys> {
  const [device, keys, { models, subscribers }] = await Promise.all([
    client.getDevice(systemId, deviceId),
    client.getDeviceKeys(systemId, deviceId),
    directory ?? loadKeyDirectory(client, systemId),
  ]);
  const holdsUser = new Map(
    subscribers.map((subscriber) => [subscriber.id, subscriber.userId !== undefined]),
  );
  const catalogue = models.find((model) => model.id === device.deviceType.id);
  return {
    device,
    keys,
    target: keyTargetOf(keys, device.modules ?? [], catalogue, (phoneNumberId) =>
      holdsUser.get(phoneNumberId),
    ),
  };
}
