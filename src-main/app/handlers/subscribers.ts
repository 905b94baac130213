import type { DeviceFeature } from '../../services/devices/device-feature';
import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';
import type { NamespaceHandlers } from './handler-types';

export function subscriberHandlers(
  session: SessionService<RainbowClient>,
  { subscribers }: DeviceFeature,
): NamespaceHandlers<'subscribers'> {
  return {
    'subscribers.list': ({ systemId }) => session.client().listPhoneNumbers(systemId),
    'subscribers.findByShortNumber': async ({ systemId, shortNumber }) => {
      const matches = await session.client().listPhoneNumbers(systemId, { shortNumber });
      return matches.find((candidate) => candidate.shortNumber === shortNumber) ?? null;
    },
    'subscribers.devices': ({ systemId, phoneNumberId }) => subscribers.devices(systemId, phoneNumberId),
    'subscribers.registrations': ({ systemId, phoneNumberId }) =>
      subscribers.registrations(systemId, phoneNumberId),
    'subscribers.freeNumbers': ({ systemId, startingWith, limit }) =>
      subscribers.freeNumbers(systemId, { startingWith, limit }),
    'subscribers.create': ({ systemId, userId, shortNumber }) =>
      subscribers.create(systemId, userId, shortNumber),
  };
}

export function userHandlers({ subscribers }: DeviceFeature): NamespaceHandlers<'users'> {
  return {
    'users.search': ({ systemId, query }) => subscribers.searchUsers(systemId, query),
  };
}
