import type { Device, PhoneNumber } from '@api/types';
import { subscriberName } from '@renderer/features/devices/device-rows';
import { allPositions, itemsAt, keyIndexOf } from '@renderer/ui/key-index';

/** A subscriber with its current devices, ready to be searched by name, short number or e-mail. */
export interface SubscriberEntry {
  id: string;
  subscriber: PhoneNumber;
  name: string;
  shortNumber: string;
  email: string;
  devices: Device[];
  searchKey: string;
}

export function buildSubscriberEntries(
  subscribers: readonly PhoneNumber[],
  devices: readonly Device[],
): SubscriberEntry[] {
  const devicesBySubscriber = new Map<string, Device[]>();
  for (const device of devices) {
    if (device.phoneNumberId === undefined) continue;
    const list = devicesBySubscriber.get(device.phoneNumberId);
    if (list) list.push(device);
    else devicesBySubscriber.set(device.phoneNumberId, [device]);
  }
  return subscribers.map((subscriber) => {
    const name = subscriberName(subscriber);
    const email = subscriber.loginEmail ?? '';
    return {
      id: subscriber.id,
      subscriber,
      name,
      shortNumber: subscriber.shortNumber,
      email,
      devices: devicesBySubscriber.get(subscriber.id) ?? [],
      searchKey: [
        name,
        subscriber.shortNumber,
        subscriber.internalNumber ?? '',
        email,
        subscriber.deviceName ?? '',
      ]
        .join('\n')
        .toLocaleLowerCase(),
    };
  });
}

/** Entries whose name, short number or e-mail hold every word of `query`; all of them for an empty query. */
export function searchSubscribers(entries: readonly SubscriberEntry[], query: string): SubscriberEntry[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const index = keyIndexOf(entries, (entry) => entry.searchKey);
  const found = words.reduce((left, word) => index.holding(left, word), allPositions(entries.length));
  return itemsAt(entries, found);
}
