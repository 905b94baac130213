import { inject, onScopeDispose, shallowReactive, watch } from 'vue';
import { defineStore } from 'pinia';
import type { DebugCredentials, DebugSession, DeviceActionResult } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { clockKey, systemClock } from '@renderer/time/clock';
import { useSessionStore } from '@renderer/features/sign-in/session-store';

/**
 * Debug sessions on devices. The admin password lives only here, in memory, from `reveal` until the technician
 * hides it, revokes the session, or the session expires — never in storage, a log or a URL.
 */
export const useDebugStore = defineStore('devices-debug', () => {
  const api = useApi();
  const clock = inject(clockKey, systemClock);
  const session = useSessionStore();
  const sessions = shallowReactive(new Map<string, DebugSession>());
  const credentials = shallowReactive(new Map<string, DebugCredentials>());
  const expiryTimers = new Map<string, () => void>();

  function forget(deviceId: string): void {
    sessions.delete(deviceId);
    credentials.delete(deviceId);
    expiryTimers.get(deviceId)?.();
    expiryTimers.delete(deviceId);
  }

  /** A session of the CloudPBX's default length has no known end: it is forgotten on revoke or sign-out. */
  function track(granted: DebugSession): void {
    expiryTimers.get(granted.deviceId)?.();
    expiryTimers.delete(granted.deviceId);
    sessions.set(granted.deviceId, granted);
    if (granted.expiresAt === null) return;
    const left = Date.parse(granted.expiresAt) - clock.now();
    expiryTimers.set(
      granted.deviceId,
      clock.after(Math.max(0, left), () => forget(granted.deviceId)),
    );
  }

  async function grant(systemId: string, deviceId: string, durationSeconds?: number): Promise<DebugSession> {
    const granted = await api.debug.grant(
      durationSeconds === undefined ? { systemId, deviceId } : { systemId, deviceId, durationSeconds },
    );
    track(granted);
    return granted;
  }

  async function reveal(systemId: string, deviceId: string): Promise<void> {
    const revealed = await api.debug.reveal({ systemId, deviceId });
    if (sessions.has(deviceId)) credentials.set(deviceId, revealed);
  }

  const hide = (deviceId: string): boolean => credentials.delete(deviceId);

  async function revoke(systemId: string, deviceId: string): Promise<DeviceActionResult> {
    credentials.delete(deviceId);
    const result = await api.debug.revoke({ systemId, deviceId });
    forget(deviceId);
    return result;
  }

  const sessionOf = (deviceId: string): DebugSession | undefined => sessions.get(deviceId);
  const credentialsOf = (deviceId: string): DebugCredentials | undefined => credentials.get(deviceId);

  function clear(): void {
    for (const deviceId of [...sessions.keys()]) forget(deviceId);
    credentials.clear();
  }

  watch(() => session.identity, clear);
  onScopeDispose(clear);

  return { grant, reveal, hide, revoke, sessionOf, credentialsOf, clear };
});
