import { ref, shallowReactive, watch } from 'vue';
import { defineStore } from 'pinia';
import type { CloudPbx, DeviceModel } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { useSessionStore } from '@renderer/features/sign-in/session-store';
import { createLoadable, ensure, fill, reset, type Loadable } from '@renderer/api/loadable';

export const useSystemsStore = defineStore('systems', () => {
  const api = useApi();
  const session = useSessionStore();
  const list = createLoadable<CloudPbx[]>();
  const currentId = ref<string>();
  const current = createLoadable<CloudPbx>();
  const models = shallowReactive(new Map<string, Loadable<DeviceModel[]>>());

  const loadList = (): Promise<void> => fill(list, () => api.systems.list({}));

  /** Makes `systemId` the current CloudPBX: from the list when it is there, else asked for on its own. */
  async function select(systemId: string): Promise<void> {
    if (currentId.value === systemId && (current.value !== undefined || current.loading)) return;
    currentId.value = systemId;
    reset(current);
    const listed = list.value?.find((system) => system.id === systemId);
    if (listed) current.value = listed;
    else await fill(current, () => api.systems.get({ systemId }));
  }

  /** Read-only view for templates; undefined until `loadModels` was called for this CloudPBX. */
  const modelsFor = (systemId: string): Loadable<DeviceModel[]> | undefined => models.get(systemId);

  function modelsEntry(systemId: string): Loadable<DeviceModel[]> {
    const known = models.get(systemId);
    if (known) return known;
    const created = createLoadable<DeviceModel[]>();
    models.set(systemId, created);
    return created;
  }

  /** Device models change rarely: fetched once per CloudPBX and session unless `force` is set. */
  function loadModels(systemId: string, options: { force?: boolean } = {}): Promise<void> {
    const entry = modelsEntry(systemId);
    const fetch = (): Promise<DeviceModel[]> => api.systems.models({ systemId });
    return options.force ? fill(entry, fetch) : ensure(entry, fetch);
  }

  function clear(): void {
    reset(list);
    reset(current);
    currentId.value = undefined;
    models.clear();
  }

  watch(() => session.identity, clear);

  return { list, currentId, current, loadList, select, modelsFor, loadModels, clear };
});
