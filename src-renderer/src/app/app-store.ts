import { defineStore } from 'pinia';
import type { AppInfo } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { createLoadable, ensure, fill } from '@renderer/api/loadable';

export const useAppStore = defineStore('app', () => {
  const api = useApi();
  const info = createLoadable<AppInfo>();
  let startInDemoTaken = false;

  const load = (): Promise<void> => ensure(info, () => api.app.info({}));
  const reload = (): Promise<void> => fill(info, () => api.app.info({}));

  /** True once per launch when started with `--demo`, so signing out of the demo does not reopen it. */
  function takeStartInDemo(): boolean {
    if (startInDemoTaken || info.value?.startInDemo !== true) return false;
    startInDemoTaken = true;
    return true;
  }

  return { info, load, reload, takeStartInDemo };
});
