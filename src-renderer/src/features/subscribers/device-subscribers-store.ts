import { defineStore } from 'pinia';
import type { AdminUser, PhoneNumber } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { useSubscribersStore } from './subscribers-store';

/** How many free numbers to offer for a new subscriber. */
const FREE_NUMBERS_SHOWN = 30;

/**
 * Giving a Rainbow user an internal number on the CloudPBX: find the user, pick a free number, create the
 * subscriber. The subscribers list is fetched again afterwards so every screen shows the new one.
 */
export const useSubscriberCreationStore = defineStore('devices-subscribers', () => {
  const api = useApi();
  const subscribers = useSubscribersStore();

  const searchUsers = (systemId: string, query: string): Promise<AdminUser[]> =>
    api.users.search({ systemId, query });

  const freeNumbers = (systemId: string): Promise<string[]> =>
    api.subscribers.freeNumbers({ systemId, limit: FREE_NUMBERS_SHOWN });

  async function create(systemId: string, userId: string, shortNumber: string): Promise<PhoneNumber> {
    const created = await api.subscribers.create({ systemId, userId, shortNumber });
    await subscribers.load(systemId);
    return created;
  }

  return { searchUsers, freeNumbers, create };
});
