import { createApp, type App as VueApp } from 'vue';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createMemoryHistory, type Router } from 'vue-router';
import App from '@renderer/app/App.vue';
import { apiKey } from '@renderer/api/inject';
import { createAppI18n } from '@renderer/i18n';
import type { AppLocale } from '@renderer/i18n/locale';
import { createAppRouter } from '@renderer/app/router';
import { createFakeApi, type FakeApi } from './fake-api';

export interface MountedApp {
  wrapper: VueWrapper;
  router: Router;
  fake: FakeApi;
  pinia: Pinia;
  i18n: ReturnType<typeof createAppI18n>;
}

/** The whole renderer (App, router with memory history, Pinia, i18n) over a fake Api, at `path`. */
export async function mountApp(
  path: string,
  options: { fake?: FakeApi; locale?: AppLocale } = {},
): Promise<MountedApp> {
  const fake = options.fake ?? createFakeApi();
  const pinia = createPinia();
  const i18n = createAppI18n(options.locale ?? 'en');
  const router = createAppRouter(createMemoryHistory());
  const wrapper = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [pinia, i18n, router],
      provide: { [apiKey as symbol]: fake.api },
      // Element Plus shows form errors inside a TransitionGroup: render it for real.
      stubs: { 'transition-group': false },
    },
  });
  await router.push(path);
  await flushPromises();
  return { wrapper, router, fake, pinia, i18n };
}

/** A Pinia bound to an app that provides the fake Api, for testing stores without components. */
export function storeContext(fake: FakeApi = createFakeApi()): { fake: FakeApi; pinia: Pinia; app: VueApp } {
  const app = createApp({});
  const pinia = createPinia();
  app.provide(apiKey, fake.api);
  app.use(pinia);
  setActivePinia(pinia);
  return { fake, pinia, app };
}

export const byTestId = (id: string): string => `[data-testid="${id}"]`;
