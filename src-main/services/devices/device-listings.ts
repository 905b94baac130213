import { randomUUID } from 'node:crypto';
import { FieldkitError } from '../errors';
import type { Clock } from '../rainbow';
import type { Device } from '../rainbow/types';
import type { DevicePage } from './types';

export interface DeviceListingsDeps {
  /** The pages of a CloudPBX's device list, in order, as they arrive (DeviceService.pages). */
  pages: (systemId: string) => AsyncIterable<Device[]>;
  clock: Clock;
  newId?: () => string;
}

/** A listing nobody asked for this long is dropped and stops fetching (a screen closed halfway). */
export const ABANDONED_AFTER_MS = 60_000;

/**
 * Device lists handed out as they arrive. The first call starts fetching every page (a few at a time, see
 * pagination.ts) and answers as soon as the first page is there; each later call with the cursor answers every
 * page that arrived meanwhile, or waits for the next one. So a screen shows page 1 at once, and a busy screen
 * gets the rest in a few large pieces instead of one answer per page. Every piece travels as a call's checked
 * answer, so a failed page is the next call's error, never a lost event.
 */
export class DeviceListings {
  readonly #deps: DeviceListingsDeps;
  readonly #listings = new Map<string, Listing>();

  constructor(deps: DeviceListingsDeps) {
    this.#deps = deps;
  }

  start(systemId: string): Promise<DevicePage> {
    const id = this.#deps.newId?.() ?? randomUUID();
    const listing = new Listing(systemId, this.#deps.pages(systemId));
    this.#listings.set(id, listing);
    return this.#take(id, listing);
  }

  next(systemId: string, cursor: string): Promise<DevicePage> {
    const listing = this.#listings.get(cursor);
    if (listing === undefined || listing.systemId !== systemId)
      throw new FieldkitError({
        code: 'not-found',
        message: 'This device listing has ended.',
        hint: 'Refresh the device list.',
      });
    return this.#take(cursor, listing);
  }

  async #take(id: string, listing: Listing): Promise<DevicePage> {
    listing.forget?.();
    listing.forget = undefined;
    try {
      const { devices, complete } = await listing.take();
      if (complete) {
        this.#listings.delete(id);
        return { devices };
      }
      listing.forget = this.#deps.clock.schedule(() => {
        this.#listings.delete(id);
        listing.stop();
      }, ABANDONED_AFTER_MS);
      return { devices, cursor: id };
    } catch (error) {
      this.#listings.delete(id);
      throw error;
    }
  }
}

class Listing {
  forget: (() => void) | undefined;
  #arrived: Device[][] = [];
  #finished = false;
  #failure: { error: unknown } | undefined;
  #stopped = false;
  #waiting: (() => void)[] = [];

  constructor(
    readonly systemId: string,
    pages: AsyncIterable<Device[]>,
  ) {
    void this.#fetch(pages);
  }

  async #fetch(pages: AsyncIterable<Device[]>): Promise<void> {
    try {
      for await (const page of pages) {
        if (this.#stopped) return;
        this.#arrived.push(page);
        this.#wakeUp();
      }
    } catch (error) {
      this.#failure = { error };
    } finally {
      this.#finished = true;
      this.#wakeUp();
    }
  }

  #wakeUp(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const wake of waiting) wake();
  }

  stop(): void {
    this.#stopped = true;
  }

  /** Every device arrived since the last take (waiting for one page if none), and whether that is the end. */
  async take(): Promise<{ devices: Device[]; complete: boolean }> {
    while (this.#arrived.length === 0 && !this.#finished)
      await new Promise<void>((resolve) => {
        this.#waiting.push(resolve);
      });
    const devices = this.#arrived.flat();
    this.#arrived = [];
    if (devices.length === 0 && this.#failure) throw this.#failure.error;
    return { devices, complete: this.#finished && this.#failure === undefined };
  }
}
