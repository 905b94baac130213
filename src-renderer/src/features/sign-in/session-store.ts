import { computed, onScopeDispose, ref } from 'vue';
import { defineStore } from 'pinia';
import type { FieldkitErrorData, SessionState } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { toErrorData } from '@renderer/api/errors';

export const useSessionStore = defineStore('session', () => {
  const api = useApi();
  const state = ref<SessionState>({ status: 'signed-out', demo: false });
  /** Why the last session call (state, sign-in, demo, sign-out) failed. */
  const error = ref<FieldkitErrorData>();
  let initialState: Promise<void> | undefined;

  onScopeDispose(
    api.on('session.changed', (next) => {
      state.value = next;
    }),
  );

  /** Anything but signed-out is inside the app: signing-in and offline keep the user where they are. */
  const isSignedIn = computed(() => state.value.status !== 'signed-out');
  /** Changes whenever another account is signed in; caches keyed on the session are dropped then. */
  const identity = computed(() =>
    isSignedIn.value ? `${state.value.profile ?? ''}@${state.value.host ?? ''}` : '',
  );

  async function run(call: () => Promise<SessionState>): Promise<boolean> {
    error.value = undefined;
    try {
      state.value = await call();
      return true;
    } catch (caught) {
      error.value = toErrorData(caught);
      return false;
    }
  }

  /** Reads the core's session state once, the first time anyone needs it. */
  function ready(): Promise<void> {
    initialState ??= run(() => api.session.state({})).then(() => undefined);
    return initialState;
  }

  const signIn = (profile: string): Promise<boolean> => run(() => api.session.signIn({ profile }));
  const openDemo = (): Promise<boolean> => run(() => api.session.openDemo({}));
  const signOut = (): Promise<boolean> => run(() => api.session.signOut({}));

  function clearError(): void {
    error.value = undefined;
  }

  return { state, error, isSignedIn, identity, ready, signIn, openDemo, signOut, clearError };
});
