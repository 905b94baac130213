import type { Clock } from '@renderer/time/clock';

export interface RegistrationSchedulerOptions {
  /** Reads one device's registration and records it; rejects when it could not be read. */
  check: (deviceId: string) => Promise<void>;
  clock: Clock;
  /** Checks in flight at once. */
  maxInFlight?: number;
  /** Time between two checks starting: 250 ms is at most 4 a second. */
  spacingMs?: number;
  /** A device still on screen is checked again this long after its last check. */
  refreshMs?: number;
  /** A row is checked only once it has stayed on screen this long. */
  settleMs?: number;
}

/** `settleMs`: the rows that flash past while a search is typed or the list is flung cost no call. */
export const SCHEDULE_DEFAULTS = {
  maxInFlight: 4,
  spacingMs: 250,
  refreshMs: 45_000,
  settleMs: 300,
} as const;

/**
 * Checks the registrations of the devices on screen, a few at a time: the CloudPBX has no call for a whole
 * list, so each device costs a call, and a list of 10,000 must never become 10,000 calls. Only rows on screen
 * are checked, in their order, once they have stayed there `settleMs`; a row that goes away before its turn is
 * not checked (a check already sent finishes and is kept). While the window is hidden nothing starts; rows that
 * stay on screen are checked again every `refreshMs`. A failed check waits `refreshMs` too, so a refusing
 * CloudPBX is not hammered.
 */
export class RegistrationScheduler {
  readonly #check: RegistrationSchedulerOptions['check'];
  readonly #clock: Clock;
  readonly #maxInFlight: number;
  readonly #spacingMs: number;
  readonly #refreshMs: number;
  readonly #settleMs: number;
  #onScreen: readonly string[] = [];
  /** When each row on screen came on screen. */
  #shownSince = new Map<string, number>();
  readonly #checkedAt = new Map<string, number>();
  readonly #inFlight = new Set<string>();
  #lastStart = Number.NEGATIVE_INFINITY;
  #hidden = false;
  #stopped = false;
  #cancelWake: (() => void) | undefined;

  constructor(options: RegistrationSchedulerOptions) {
    this.#check = options.check;
    this.#clock = options.clock;
    this.#maxInFlight = options.maxInFlight ?? SCHEDULE_DEFAULTS.maxInFlight;
    this.#spacingMs = options.spacingMs ?? SCHEDULE_DEFAULTS.spacingMs;
    this.#refreshMs = options.refreshMs ?? SCHEDULE_DEFAULTS.refreshMs;
    this.#settleMs = options.settleMs ?? SCHEDULE_DEFAULTS.settleMs;
  }

  /** The devices whose rows are on screen now, top to bottom. */
  show(deviceIds: readonly string[]): void {
    const now = this.#clock.now();
    this.#shownSince = new Map(
      deviceIds.map((deviceId) => [deviceId, this.#shownSince.get(deviceId) ?? now]),
    );
    this.#onScreen = deviceIds;
    this.#pump();
  }

  setHidden(hidden: boolean): void {
    this.#hidden = hidden;
    this.#pump();
  }

  stop(): void {
    this.#stopped = true;
    this.#sleep();
  }

  #sleep(): void {
    this.#cancelWake?.();
    this.#cancelWake = undefined;
  }

  #wakeIn(ms: number): void {
    this.#cancelWake = this.#clock.after(Math.max(0, ms), () => {
      this.#cancelWake = undefined;
      this.#pump();
    });
  }

  /** When `deviceId` is due for a check: once settled on screen, for one never checked. */
  #dueAt(deviceId: string): number {
    const checked = this.#checkedAt.get(deviceId);
    const settled = (this.#shownSince.get(deviceId) ?? Number.NEGATIVE_INFINITY) + this.#settleMs;
    return Math.max(settled, checked === undefined ? Number.NEGATIVE_INFINITY : checked + this.#refreshMs);
  }

  #pump(): void {
    this.#sleep();
    if (this.#stopped || this.#hidden || this.#inFlight.size >= this.#maxInFlight) return;
    const now = this.#clock.now();
    let soonest = Number.POSITIVE_INFINITY;
    for (const deviceId of this.#onScreen) {
      if (this.#inFlight.has(deviceId)) continue;
      const due = this.#dueAt(deviceId);
      if (due > now) {
        soonest = Math.min(soonest, due);
        continue;
      }
      const nextStart = this.#lastStart + this.#spacingMs;
      if (nextStart > now) return this.#wakeIn(nextStart - now);
      this.#start(deviceId, now);
      if (this.#inFlight.size >= this.#maxInFlight) return;
    }
    if (soonest !== Number.POSITIVE_INFINITY) this.#wakeIn(soonest - now);
  }

  #start(deviceId: string, now: number): void {
    this.#inFlight.add(deviceId);
    this.#lastStart = now;
    void this.#check(deviceId)
      .catch(() => undefined)
      .finally(() => {
        this.#inFlight.delete(deviceId);
        this.#checkedAt.set(deviceId, this.#clock.now());
        this.#pump();
      });
  }
}
