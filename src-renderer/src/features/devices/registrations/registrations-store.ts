import { computed, onScopeDispose, shallowReactive, watch } from 'vue';
import { defineStore } from 'pinia';
import type { Registration, RegistrationSnapshot } from '@api/types';
import { useApi } from '@renderer/api/inject';
import type { RegistrationState } from '@renderer/features/devices/device-rows';
import { useSessionStore } from '@renderer/features/sign-in/session-store';

/** What is watched: one device, or one subscriber (all of its devices). */
export type WatchTarget =
  { systemId: string; deviceId: string } | { systemId: string; phoneNumberId: string };

/** Checking registrations one device at a time: at most this many calls in flight. */
const PROBE_CONCURRENCY = 4;

/** Registrations of `deviceId` among a snapshot's: a device watch's are all its own. */
export function registrationsOf(registrations: readonly Registration[], deviceId: string): Registration[] {
  return registrations.filter((registration) => (registration.deviceId ?? deviceId) === deviceId);
}

/**
 * Live SIP registrations. The core polls while a watch is open and reports every poll as `registrations.changed`;
 * this store keeps the latest snapshot of each watch, and what is known of each device's registration so the
 * device list can show and filter on it.
 */
export const useRegistrationsStore = defineStore('registrations', () => {
  const api = useApi();
  const session = useSessionStore();
  const snapshots = shallowReactive(new Map<string, RegistrationSnapshot>());
  const deviceStates = shallowReactive(new Map<string, boolean>());

  function learn(snapshot: RegistrationSnapshot): void {
    if (snapshot.error) return;
    if (snapshot.deviceId !== undefined) {
      deviceStates.set(
        snapshot.deviceId,
        registrationsOf(snapshot.registrations, snapshot.deviceId).length > 0,
      );
      return;
    }
    const registered = new Set(snapshot.registrations.map((registration) => registration.deviceId));
    for (const deviceId of Object.keys(snapshot.lastSeen))
      deviceStates.set(deviceId, registered.has(deviceId));
    for (const deviceId of registered) if (deviceId !== undefined) deviceStates.set(deviceId, true);
  }

  function accept(snapshot: RegistrationSnapshot): void {
    const known = snapshots.get(snapshot.watchId);
    if (known && Date.parse(known.fetchedAt) > Date.parse(snapshot.fetchedAt)) return;
    snapshots.set(snapshot.watchId, snapshot);
    learn(snapshot);
  }

  onScopeDispose(
    api.on('registrations.changed', (snapshot) => {
      // Only watches opened here are kept: another window's watches are none of this one's business.
      if (snapshots.has(snapshot.watchId)) accept(snapshot);
    }),
  );

  async function open(target: WatchTarget): Promise<string> {
    const { watchId, snapshot } = await api.registrations.watch(target);
    accept(snapshot);
    return watchId;
  }

  async function close(watchId: string): Promise<void> {
    snapshots.delete(watchId);
    await api.registrations.unwatch({ watchId });
  }

  async function pause(watchId: string): Promise<void> {
    const state = await api.registrations.pause({ watchId });
    const known = snapshots.get(watchId);
    if (known) snapshots.set(watchId, { ...known, paused: state.paused });
  }

  async function resume(watchId: string): Promise<void> {
    const state = await api.registrations.resume({ watchId });
    const known = snapshots.get(watchId);
    if (known) snapshots.set(watchId, { ...known, paused: state.paused });
  }

  const snapshot = (watchId: string | undefined): RegistrationSnapshot | undefined =>
    watchId === undefined ? undefined : snapshots.get(watchId);

  /**
   * A device's registration as the device list shows and filters it. A getter answering a function, not an
   * action: the list asks for each row it renders, several times a row on each key of the search, and Pinia
   * wraps every call of an action (arguments copied, its subscribers told), which was up to 3 ms of a key that
   * showed new rows (profiled).
   */
  const stateOf = computed(() => (deviceId: string): RegistrationState => {
    const registered = deviceStates.get(deviceId);
    if (registered === undefined) return 'unknown';
    return registered ? 'registered' : 'unregistered';
  });

  /** Asks the CloudPBX whether one device is registered, and remembers the answer; rejects when it cannot tell. */
  async function check(systemId: string, deviceId: string): Promise<void> {
    const registrations = await api.devices.registrations({ systemId, deviceId });
    deviceStates.set(deviceId, registrationsOf(registrations, deviceId).length > 0);
  }

  /**
   * Asks the CloudPBX about each device once (there is no call for a whole CloudPBX), a few at a time. Failures
   * leave a device's state unknown; the number of devices whose state could not be read is answered.
   */
  async function probe(systemId: string, deviceIds: readonly string[]): Promise<number> {
    const queue = [...deviceIds];
    let failed = 0;
    const worker = async (): Promise<void> => {
      for (let deviceId = queue.shift(); deviceId !== undefined; deviceId = queue.shift()) {
        await check(systemId, deviceId).catch(() => {
          failed += 1;
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PROBE_CONCURRENCY, queue.length) }, worker));
    return failed;
  }

  watch(
    () => session.identity,
    () => {
      snapshots.clear();
      deviceStates.clear();
    },
  );

  return { open, close, pause, resume, snapshot, stateOf, check, probe };
});
