import { inject, onScopeDispose, watch } from 'vue';
import { clockKey, systemClock } from '@renderer/time/clock';
import { useRegistrationsStore } from './registrations-store';
import { RegistrationScheduler } from './registration-scheduler';

type VisibilitySource = Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;

/**
 * Fills in the registration of the devices on screen by itself, rate-limited (RegistrationScheduler), for as
 * long as the calling component lives; nothing is checked while the window is hidden.
 */
export function useVisibleRegistrations(
  systemId: () => string,
  onScreen: () => readonly string[],
  visibility: VisibilitySource = document,
): void {
  const store = useRegistrationsStore();
  const clock = inject(clockKey, systemClock);
  const scheduler = new RegistrationScheduler({
    check: (deviceId) => store.check(systemId(), deviceId),
    clock,
  });
  const followVisibility = (): void => scheduler.setHidden(visibility.visibilityState === 'hidden');
  followVisibility();
  /*
   * The rows on screen reach the scheduler in a task of their own: a check it starts is a call to the core, and
   * started inside the render of a search key (rows that stayed on screen were due) it made that key slower.
   */
  let cancelShow = (): void => {};
  watch(
    onScreen,
    (deviceIds) => {
      cancelShow();
      cancelShow = clock.after(0, () => scheduler.show(deviceIds));
    },
    { immediate: true },
  );
  visibility.addEventListener('visibilitychange', followVisibility);
  onScopeDispose(() => {
    cancelShow();
    visibility.removeEventListener('visibilitychange', followVisibility);
    scheduler.stop();
  });
}
