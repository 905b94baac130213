// @vitest-environment happy-dom
import { defineComponent, h, nextTick, ref } from 'vue';
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import type { WatchStarted } from '@api/types';
import { apiKey } from '@renderer/api/inject';
import type { WatchTarget } from '@renderer/features/devices/registrations/registrations-store';
import { useRegistrationWatch } from '@renderer/features/devices/registrations/registrations-watch';
import { createFakeApi, lyon } from './support/fake-api';
import { snapshot } from './support/fake-device-calls';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** A page whose visibility the test switches, like a window being minimised. */
function fakeVisibility() {
  const listeners = new Set<() => void>();
  const source = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    set(state: DocumentVisibilityState) {
      source.visibilityState = state;
      for (const listener of listeners) listener();
    },
    listeners,
  };
  return source;
}

let wrapper: VueWrapper | undefined;
afterEach(() => wrapper?.unmount());

function mountWatch(
  target: () => WatchTarget | undefined,
  visibility = fakeVisibility(),
  fake = createFakeApi(),
) {
  const Probe = defineComponent({
    setup() {
      const watcher = useRegistrationWatch(target, visibility as unknown as Document);
      return () => h('p', { 'data-count': watcher.snapshot.value?.registrations.length ?? 'none' });
    },
  });
  wrapper = mount(Probe, { global: { plugins: [createPinia()], provide: { [apiKey as symbol]: fake.api } } });
  return { fake, visibility, wrapper };
}

describe('useRegistrationWatch', () => {
  it('watches while mounted and stops watching on unmount', async () => {
    const { fake, wrapper: page, visibility } = mountWatch(() => ({ systemId: lyon.id, deviceId: 'dev-1' }));
    await flushPromises();
    expect(fake.api.registrations.watch).toHaveBeenCalledWith({ systemId: lyon.id, deviceId: 'dev-1' });
    expect(page.get('p').attributes('data-count')).toBe('1');
    page.unmount();
    wrapper = undefined;
    await flushPromises();
    expect(fake.api.registrations.unwatch).toHaveBeenCalledWith({ watchId: 'watch-1' });
    expect(visibility.listeners.size).toBe(0);
  });

  it('pauses while the page is hidden and resumes when it shows again', async () => {
    const { fake, visibility } = mountWatch(() => ({ systemId: lyon.id, deviceId: 'dev-1' }));
    await flushPromises();
    visibility.set('hidden');
    await flushPromises();
    expect(fake.api.registrations.pause).toHaveBeenCalledWith({ watchId: 'watch-1' });
    visibility.set('visible');
    await flushPromises();
    expect(fake.api.registrations.resume).toHaveBeenCalledWith({ watchId: 'watch-1' });
  });

  it('opens the watch paused when the page is already hidden', async () => {
    const visibility = fakeVisibility();
    visibility.visibilityState = 'hidden';
    const { fake } = mountWatch(() => ({ systemId: lyon.id, deviceId: 'dev-1' }), visibility);
    await flushPromises();
    expect(fake.api.registrations.pause).toHaveBeenCalledWith({ watchId: 'watch-1' });
  });

  it('closes a watch that opens only after the component is gone', async () => {
    const fakeAnswer = deferred<WatchStarted>();
    const fake = createFakeApi();
    fake.api.registrations.watch.mockReturnValueOnce(fakeAnswer.promise);
    const { wrapper: page } = mountWatch(
      () => ({ systemId: lyon.id, deviceId: 'dev-1' }),
      fakeVisibility(),
      fake,
    );
    await flushPromises();
    expect(fake.api.registrations.watch).toHaveBeenCalledTimes(1);
    page.unmount();
    wrapper = undefined;
    fakeAnswer.resolve({ watchId: 'late', snapshot: snapshot({ watchId: 'late' }) });
    await flushPromises();
    expect(fake.api.registrations.unwatch).toHaveBeenCalledWith({ watchId: 'late' });
  });

  it('leaves no watch open when the component goes away at once', async () => {
    const { fake, wrapper: page } = mountWatch(() => ({ systemId: lyon.id, deviceId: 'dev-1' }));
    page.unmount();
    wrapper = undefined;
    await flushPromises();
    expect(fake.api.registrations.unwatch.mock.calls.length).toBe(
      fake.api.registrations.watch.mock.calls.length,
    );
  });

  it('moves the watch when the target changes', async () => {
    const deviceId = ref('dev-1');
    const { fake } = mountWatch(() => ({ systemId: lyon.id, deviceId: deviceId.value }));
    await flushPromises();
    fake.api.registrations.watch.mockResolvedValueOnce({
      watchId: 'watch-2',
      snapshot: snapshot({
        watchId: 'watch-2',
        deviceId: 'dev-2',
      }),
    });
    deviceId.value = 'dev-2';
    await nextTick();
    await flushPromises();
    expect(fake.api.registrations.unwatch).toHaveBeenCalledWith({ watchId: 'watch-1' });
    expect(fake.api.registrations.watch).toHaveBeenLastCalledWith({ systemId: lyon.id, deviceId: 'dev-2' });
  });
});
