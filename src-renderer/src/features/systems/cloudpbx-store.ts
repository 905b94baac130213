import { shallowReactive, watch } from 'vue';
import { defineStore } from 'pinia';
import type { DdiView, EmergencyNumbersView, NumberingPlanView, TrunkView } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { createLoadable, ensure, fill, type Loadable } from '@renderer/api/loadable';
import { useSessionStore } from '@renderer/features/sign-in/session-store';

/** What each read-only CloudPBX view holds. */
export interface CloudPbxViews {
  numberingPlan: NumberingPlanView;
  ddis: DdiView[];
  trunks: TrunkView[];
  emergencyNumbers: EmergencyNumbersView;
}

export type CloudPbxViewName = keyof CloudPbxViews;

/** The Overview's telephony sections: each fetched the first time it is opened, per CloudPBX and session. */
export const useCloudPbxStore = defineStore('cloudpbx', () => {
  const api = useApi();
  const session = useSessionStore();
  const entries = shallowReactive(new Map<string, Loadable<unknown>>());

  const fetchers: { [N in CloudPbxViewName]: (systemId: string) => Promise<CloudPbxViews[N]> } = {
    numberingPlan: (systemId) => api.cloudpbx.numberingPlan({ systemId }),
    ddis: (systemId) => api.cloudpbx.ddis({ systemId }),
    trunks: (systemId) => api.cloudpbx.trunks({ systemId }),
    emergencyNumbers: (systemId) => api.cloudpbx.emergencyNumbers({ systemId }),
  };

  const keyOf = (name: CloudPbxViewName, systemId: string): string => `${name}\n${systemId}`;

  /** Read-only for templates; undefined until `load` was called for this view of this CloudPBX. */
  function view<N extends CloudPbxViewName>(
    name: N,
    systemId: string,
  ): Loadable<CloudPbxViews[N]> | undefined {
    return entries.get(keyOf(name, systemId)) as Loadable<CloudPbxViews[N]> | undefined;
  }

  function entry<N extends CloudPbxViewName>(name: N, systemId: string): Loadable<CloudPbxViews[N]> {
    const known = view(name, systemId);
    if (known) return known;
    const created = createLoadable<CloudPbxViews[N]>();
    entries.set(keyOf(name, systemId), created);
    return created;
  }

  function load(name: CloudPbxViewName, systemId: string, options: { force?: boolean } = {}): Promise<void> {
    const target = entry(name, systemId);
    const fetch = () => fetchers[name](systemId);
    return options.force ? fill(target, fetch) : ensure(target, fetch);
  }

  watch(
    () => session.identity,
    () => entries.clear(),
  );

  return { view, load };
});
