import { computed, onScopeDispose, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue';
import type { FieldkitErrorData, RegistrationSnapshot } from '@api/types';
import { toErrorData } from '@renderer/api/errors';
import { useRegistrationsStore, type WatchTarget } from './registrations-store';

type VisibilitySource = Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;

export interface RegistrationWatch {
  snapshot: ComputedRef<RegistrationSnapshot | undefined>;
  /** Why the watch could not be opened (a failed poll shows in `snapshot.error` instead). */
  error: Ref<FieldkitErrorData | undefined>;
  retry: () => Promise<void>;
}

const targetKey = (target: WatchTarget | undefined): string =>
  target === undefined
    ? ''
    : 'deviceId' in target
      ? `${target.systemId}/device/${target.deviceId}`
      : `${target.systemId}/subscriber/${target.phoneNumberId}`;

/**
 * Watches the registrations of `target` for as long as the calling component lives: opens a watch, follows a
 * change of target, pauses the core's polling while the page is hidden and resumes it when it shows again, and
 * closes the watch on unmount — also when the component goes away before the watch was even open.
 */
export function useRegistrationWatch(
  target: () => WatchTarget | undefined,
  visibility: VisibilitySource = document,
): RegistrationWatch {
  const store = useRegistrationsStore();
  const watchId = shallowRef<string>();
  const error = ref<FieldkitErrorData>();
  let generation = 0;

  async function closeOpenWatch(): Promise<void> {
    const open = watchId.value;
    watchId.value = undefined;
    if (open === undefined) return;
    await store.close(open).catch((caught: unknown) => {
      console.warn('[registrations] the watch could not be closed:', toErrorData(caught).message);
    });
  }

  /** (Re)opens the watch for the current target; a later start or the unmount makes this one give up. */
  async function start(): Promise<void> {
    generation += 1;
    const mine = generation;
    await closeOpenWatch();
    const wanted = target();
    error.value = undefined;
    if (wanted === undefined || mine !== generation) return;
    try {
      const opened = await store.open(wanted);
      if (mine !== generation) {
        await store.close(opened).catch(() => undefined);
        return;
      }
      watchId.value = opened;
      if (visibility.visibilityState === 'hidden') await store.pause(opened);
    } catch (caught) {
      if (mine === generation) error.value = toErrorData(caught);
    }
  }

  function onVisibilityChange(): void {
    const open = watchId.value;
    if (open === undefined) return;
    const change = visibility.visibilityState === 'hidden' ? store.pause(open) : store.resume(open);
    change.catch((caught: unknown) => {
      error.value = toErrorData(caught);
    });
  }

  watch(
    () => targetKey(target()),
    () => void start(),
    { immediate: true },
  );
  visibility.addEventListener('visibilitychange', onVisibilityChange);
  onScopeDispose(() => {
    generation += 1;
    visibility.removeEventListener('visibilitychange', onVisibilityChange);
    void closeOpenWatch();
  });

  return { snapshot: computed(() => store.snapshot(watchId.value)), error, retry: start };
}
