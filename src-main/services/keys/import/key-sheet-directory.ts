import type { RainbowClient } from '../../rainbow';
import { loadKeyDirectory, loadKeys, type KeyClient, type LoadedKeys } from '../key-target';
import type { KeySheetDirectory } from './plan-key-lines';

export type KeySheetClient = KeyClient & Pick<RainbowClient, 'listDevices'>;

/** Keys of this many devices are read at a time. */
const READ_CONCURRENCY = 4;

/**
 * Reads what a keys sheet is checked against, live: the CloudPBX's devices and subscribers, and the keys,
 * model and modules of each device the sheet names (`identifiers`, canonical MACs and IPEIs).
 */
export async function loadKeySheetDirectory(
  client: KeySheetClient,
  systemId: string,
  identifiers: ReadonlySet<string>,
): Promise<KeySheetDirectory> {
  const [devices, shared] = await Promise.all([
    client.listDevices(systemId),
    loadKeyDirectory(client, systemId),
  ]);
  const named = devices.filter((device) =>
    [device.macAddress, device.ipei].some(
      (identifier) => identifier !== undefined && identifiers.has(identifier.toLowerCase()),
    ),
  );
  const loaded = new Map<string, LoadedKeys>();
  let next = 0;
  const reader = async (): Promise<void> => {
    for (let device = named[next++]; device !== undefined; device = named[next++]) {
      loaded.set(device.id, await loadKeys(client, systemId, device.id, shared));
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, reader));
  const byIdentifier = new Map<string, LoadedKeys>();
  for (const keys of loaded.values()) {
    for (const identifier of [keys.device.macAddress, keys.device.ipei]) {
      if (identifier !== undefined) byIdentifier.set(identifier.toLowerCase(), keys);
    }
  }
  const subscribers = new Map(shared.subscribers.map((subscriber) => [subscriber.shortNumber, subscriber]));
  return {
    device: (_kind, identifier) => {
      const keys = byIdentifier.get(identifier);
      return keys === undefined ? undefined : { deviceId: keys.device.id, target: keys.target };
    },
    subscriber: (shortNumber) => {
      const subscriber = subscribers.get(shortNumber.trim());
      return subscriber === undefined ? undefined : { phoneNumberId: subscriber.id };
    },
  };
}
