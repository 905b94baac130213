import { shallowReactive, watch } from 'vue';
import { defineStore } from 'pinia';
import type { PhoneNumber } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { useSessionStore } from '@renderer/features/sign-in/session-store';
import { createLoadable, fill, fillUnlessRunning, type Loadable } from '@renderer/api/loadable';

export const useSubscribersStore = defineStore('subscribers', () => {
  const api = useApi();
  const session = useSessionStore();
  const bySystem = shallowReactive(new Map<string, Loadable<PhoneNumber[]>>());

  /** Read-only view for templates; undefined until `load` was called for this CloudPBX. */
  const forSystem = (systemId: string): Loadable<PhoneNumber[]> | undefined => bySystem.get(systemId);

  function entry(systemId: string): Loadable<PhoneNumber[]> {
    const known = bySystem.get(systemId);
    if (known) return known;
    const created = createLoadable<PhoneNumber[]>();
    bySystem.set(systemId, created);
    return created;
  }

  /** Subscribers change while the technician works: every call fetches them again. */
  const fetchList = (systemId: string) => () => api.subscribers.list({ systemId });
  const load = (systemId: string): Promise<void> => fill(entry(systemId), fetchList(systemId));

  /** For a screen that opens: shares a fetch already on its way (the overview's), else fetches again. */
  const loadForScreen = (systemId: string): Promise<void> =>
    fillUnlessRunning(entry(systemId), fetchList(systemId));

  watch(
    () => session.identity,
    () => bySystem.clear(),
  );

  return { forSystem, load, loadForScreen };
});
