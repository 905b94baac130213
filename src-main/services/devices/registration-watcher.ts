import { randomUUID } from 'node:crypto';
import { FieldkitError, type FieldkitErrorData } from '../errors';
import type { Clock } from '../rainbow';
import type { Registration } from '../rainbow/types';
import { nextDelay, REGISTRATION_POLLING, type BackoffSchedule } from './backoff';
import { registrationsKey } from './registration-match';
import type { RegistrationSnapshot, WatchStarted, WatchState } from './types';

export type WatchTarget =
  { systemId: string; deviceId: string } | { systemId: string; phoneNumberId: string };

export interface RegistrationSource {
  device(systemId: string, deviceId: string): Promise<Registration[]>;
  subscriber(systemId: string, phoneNumberId: string): Promise<Registration[]>;
}

export interface RegistrationWatcherDeps {
  source: RegistrationSource;
  clock: Pick<Clock, 'now' | 'schedule'>;
  emit: (snapshot: RegistrationSnapshot) => void;
  schedule?: BackoffSchedule;
  newId?: () => string;
}

interface Watch {
  id: string;
  target: WatchTarget;
  registrations: Registration[];
  key: string | undefined;
  delayMs: number | undefined;
  paused: boolean;
  polling: boolean;
  /** A nudge or resume arrived during a poll: poll again fast once it ends. */
  hurry: boolean;
  cancelTimer: (() => void) | undefined;
  seenDevices: Set<string>;
}

/**
 * Polls SIP registrations for the screens that show them, with back-off: fast at first and after any change or
 * action on the device, slower while nothing moves. Remembers, per device, when it was last seen registered
 * (for "not registered since …") and when watching it began, for the life of the app.
 */
export class RegistrationWatcher {
  readonly #deps: RegistrationWatcherDeps;
  readonly #schedule: BackoffSchedule;
  readonly #watches = new Map<string, Watch>();
  /** `systemId/deviceId` → epoch ms last seen registered. */
  readonly #lastSeen = new Map<string, number>();
  /** `systemId/device|subscriber/id` → epoch ms of the first watch. */
  readonly #watchingSince = new Map<string, number>();

  constructor(deps: RegistrationWatcherDeps) {
    this.#deps = deps;
    this.#schedule = deps.schedule ?? REGISTRATION_POLLING;
  }

  /** Starts a watch; answers after its first poll, so the caller has a snapshot and the watch id together. */
  async watch(target: WatchTarget): Promise<WatchStarted> {
    const watch: Watch = {
      id: this.#deps.newId?.() ?? randomUUID(),
      target,
      registrations: [],
      key: undefined,
      delayMs: undefined,
      paused: false,
      polling: false,
      hurry: false,
      cancelTimer: undefined,
      seenDevices: new Set('deviceId' in target ? [target.deviceId] : []),
    };
    if (!this.#watchingSince.has(targetKey(target))) {
      this.#watchingSince.set(targetKey(target), this.#deps.clock.now());
    }
    this.#watches.set(watch.id, watch);
    const snapshot = await this.#poll(watch);
    return { watchId: watch.id, snapshot };
  }

  unwatch(watchId: string): boolean {
    const watch = this.#watches.get(watchId);
    watch?.cancelTimer?.();
    return this.#watches.delete(watchId);
  }

  pause(watchId: string): WatchState {
    const watch = this.#require(watchId);
    watch.paused = true;
    watch.cancelTimer?.();
    watch.cancelTimer = undefined;
    return { watchId, paused: true };
  }

  /** Polls at once (the screen is visible again), then fast. */
  resume(watchId: string): WatchState {
    const watch = this.#require(watchId);
    watch.paused = false;
    this.#hurry(watch);
    return { watchId, paused: false };
  }

  /** Something was done to this device (reboot, swap, assignment): poll its watches fast again. */
  nudge(systemId: string, deviceId: string): void {
    for (const watch of this.#watches.values()) {
      if (
        watch.target.systemId === systemId &&
        (watch.seenDevices.has(deviceId) || 'phoneNumberId' in watch.target)
      ) {
        this.#hurry(watch);
      }
    }
  }

  /** Ends every watch (sign-out). What was last seen is kept. */
  stopAll(): void {
    for (const watchId of [...this.#watches.keys()]) this.unwatch(watchId);
  }

  get activeWatches(): number {
    return this.#watches.size;
  }

  #hurry(watch: Watch): void {
    if (watch.paused) return;
    watch.delayMs = undefined;
    if (watch.polling) {
      watch.hurry = true;
      return;
    }
    watch.cancelTimer?.();
    watch.cancelTimer = undefined;
    void this.#poll(watch);
  }

  async #poll(watch: Watch): Promise<RegistrationSnapshot> {
    watch.polling = true;
    const { target } = watch;
    let error: FieldkitErrorData | undefined;
    let changed = false;
    try {
      const registrations =
        'deviceId' in target
          ? await this.#deps.source.device(target.systemId, target.deviceId)
          : await this.#deps.source.subscriber(target.systemId, target.phoneNumberId);
      const key = registrationsKey(registrations);
      changed = watch.key !== undefined && key !== watch.key;
      watch.key = key;
      watch.registrations = registrations;
      this.#remember(watch, registrations);
    } catch (failure) {
      error =
        failure instanceof FieldkitError
          ? failure.toData()
          : { code: 'internal', message: 'Reading the SIP registrations failed unexpectedly.' };
    } finally {
      watch.polling = false;
    }
    const hurried = watch.hurry;
    watch.hurry = false;
    watch.delayMs = hurried ? this.#schedule.initialMs : nextDelay(this.#schedule, watch.delayMs, changed);
    const snapshot = this.#snapshot(watch, changed, error);
    if (this.#watches.get(watch.id) !== watch) return snapshot;
    if (!watch.paused) {
      watch.cancelTimer = this.#deps.clock.schedule(() => void this.#poll(watch), watch.delayMs);
    }
    this.#deps.emit(snapshot);
    return snapshot;
  }

  #remember(watch: Watch, registrations: readonly Registration[]): void {
    const now = this.#deps.clock.now();
    const { target } = watch;
    for (const registration of registrations) {
      const deviceId = registration.deviceId ?? ('deviceId' in target ? target.deviceId : undefined);
      if (deviceId === undefined) continue;
      watch.seenDevices.add(deviceId);
      this.#lastSeen.set(`${target.systemId}/${deviceId}`, now);
    }
  }

  #snapshot(watch: Watch, changed: boolean, error: FieldkitErrorData | undefined): RegistrationSnapshot {
    const { target } = watch;
    const lastSeen: Record<string, string> = {};
    for (const deviceId of watch.seenDevices) {
      const seen = this.#lastSeen.get(`${target.systemId}/${deviceId}`);
      if (seen !== undefined) lastSeen[deviceId] = new Date(seen).toISOString();
    }
    return {
      watchId: watch.id,
      systemId: target.systemId,
      ...('deviceId' in target ? { deviceId: target.deviceId } : { phoneNumberId: target.phoneNumberId }),
      registrations: watch.registrations,
      fetchedAt: new Date(this.#deps.clock.now()).toISOString(),
      changed,
      watchingSince: new Date(
        this.#watchingSince.get(targetKey(target)) ?? this.#deps.clock.now(),
      ).toISOString(),
      lastSeen,
      paused: watch.paused,
      nextPollInMs: watch.delayMs ?? this.#schedule.initialMs,
      ...(error === undefined ? {} : { error }),
    };
  }

  #require(watchId: string): Watch {
    const watch = this.#watches.get(watchId);
    if (watch !== undefined) return watch;
    throw new FieldkitError({
      code: 'not-found',
      message: 'This registration watch has ended.',
      hint: 'Open the device again to watch its registrations.',
    });
  }
}

function targetKey(target: WatchTarget): string {
  return 'deviceId' in target
    ? `${target.systemId}/device/${target.deviceId}`
    : `${target.systemId}/subscriber/${target.phoneNumberId}`;
}
