import { watch } from 'vue';
import type { Router } from 'vue-router';
import { useSessionStore } from '@renderer/features/sign-in/session-store';

/**
 * Signed out → only the sign-in page; signed in → never the sign-in page. Also follows `session.changed`: when
 * the core reports the session ended while a page of the app is open, the user is taken back to sign-in.
 */
export function installSessionGuards(router: Router): void {
  let watching = false;

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    if (!watching) {
      watching = true;
      watch(
        () => session.isSignedIn,
        (signedIn) => {
          if (!signedIn && router.currentRoute.value.meta.public !== true)
            void router.replace({ name: 'sign-in' });
        },
      );
    }
    await session.ready();
    if (to.meta.public === true)
      return session.isSignedIn && to.name === 'sign-in' ? { name: 'systems' } : true;
    return session.isSignedIn ? true : { name: 'sign-in' };
  });
}
