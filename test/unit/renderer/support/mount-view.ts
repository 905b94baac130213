import { defineComponent, h, ref, type Component } from 'vue';
import { createPinia } from 'pinia';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createMemoryHistory, createRouter, RouterView, type RouteRecordRaw, type Router } from 'vue-router';
import { apiKey } from '@renderer/api/inject';
import { createAppI18n } from '@renderer/i18n';
import { useSessionStore } from '@renderer/features/sign-in/session-store';
import { useSystemsStore } from '@renderer/features/systems/systems-store';
import { clockKey } from '@renderer/time/clock';
import { FakeClock } from '../../../support/fake-clock';
import { createFakeApi, lyon, type FakeApi } from './fake-api';

export interface MountedView {
  wrapper: VueWrapper;
  fake: FakeApi;
  i18n: ReturnType<typeof createAppI18n>;
  /** Present only when the view was mounted through `routes`. */
  router?: Router;
}

interface MountViewOptions {
  fake?: FakeApi;
  /** The CloudPBX the view is opened on: selected before the view shows, as the system layout does. */
  systemId?: string;
  /** For a view that navigates: its own routes only, in a memory router opened at `path` (which shows `view`). */
  routes?: RouteRecordRaw[];
  path?: string;
}

/**
 * One screen (not the whole App) over a fresh Pinia, the fake Api and a fake clock that only moves when a test
 * says so: mounting only what the test looks at keeps each renderer test fast.
 */
export async function mountView(view: Component, options: MountViewOptions = {}): Promise<MountedView> {
  const fake = options.fake ?? createFakeApi();
  const systemId = options.systemId ?? lyon.id;
  const pinia = createPinia();
  const i18n = createAppI18n('en');
  const router = options.routes
    ? createRouter({ history: createMemoryHistory(), routes: options.routes })
    : undefined;
  let prepared: Promise<void> = Promise.resolve();
  // As in the app: the session guard loads the session, then the layout selects the CloudPBX, then the view shows.
  const host = defineComponent({
    setup() {
      const session = useSessionStore();
      const systems = useSystemsStore();
      const ready = ref(false);
      prepared = session
        .ready()
        .then(() => systems.select(systemId))
        .then(() => {
          ready.value = true;
        });
      return () => {
        if (!ready.value) return null;
        return router ? h(RouterView) : h(view, { systemId });
      };
    },
  });
  if (router) {
    await router.push(options.path ?? '/');
  }
  const wrapper = mount(host, {
    attachTo: document.body,
    global: {
      plugins: router ? [pinia, i18n, router] : [pinia, i18n],
      provide: { [apiKey as symbol]: fake.api, [clockKey as symbol]: new FakeClock() },
      // Element Plus shows form errors inside a TransitionGroup: render it for real.
      stubs: { 'transition-group': false },
    },
  });
  await prepared;
  await flushPromises();
  return { wrapper, fake, i18n, router };
}
