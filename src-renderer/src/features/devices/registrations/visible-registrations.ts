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
  const scheduler = new RegistrationScheduler({
    check: (deviceId) => store.check(systemId(), deviceId),
    clock: inject(clockKey, systemClock),
  });
  const followVisibility = (): void => scheduler.setHidden(visibility.visibilityState === 'hidden');
  followVisibility();
  watch(onScreen, (deviceIds) => scheduler.show(deviceIds), { immediate: true });
  visibility.addEventListener('visibilitychange', followVisibility);
  onScopeDispose(() => {
    visibility.removeEventListener('visibilitychange', followVisibility);
    scheduler.stop();
  });
}
