import { shallowReactive } from 'vue';
import type { FieldkitErrorData } from '@api/types';
import { toErrorData } from '@renderer/api/errors';

/** Something fetched from the core: its last value, whether a fetch is running, and why the last one failed. */
export interface Loadable<T> {
  value: T | undefined;
  loading: boolean;
  error: FieldkitErrorData | undefined;
}

const tickets = new WeakMap<Loadable<unknown>, number>();
const inFlight = new WeakMap<Loadable<unknown>, Promise<void>>();

export function createLoadable<T>(): Loadable<T> {
  return shallowReactive<Loadable<T>>({ value: undefined, loading: false, error: undefined });
}

/** Fetches into `target`. An answer overtaken by a later fetch or a reset is dropped. */
export function fill<T>(target: Loadable<T>, fetch: () => Promise<T>): Promise<void> {
  const ticket = (tickets.get(target) ?? 0) + 1;
  tickets.set(target, ticket);
  const isCurrent = (): boolean => tickets.get(target) === ticket;
  target.loading = true;
  target.error = undefined;
  const run = (async () => {
    try {
      const value = await fetch();
      if (isCurrent()) target.value = value;
    } catch (error) {
      if (isCurrent()) target.error = toErrorData(error);
    } finally {
      if (isCurrent()) {
        target.loading = false;
        inFlight.delete(target);
      }
    }
  })();
  inFlight.set(target, run);
  return run;
}

/**
 * Fetches a list that arrives in pieces into `target`. A first load shows each piece as it arrives, appended in
 * the order given (never re-sorted); a reload keeps the list on screen until the new one is complete.
 */
export function fillInPieces<T>(
  target: Loadable<T[]>,
  fetch: (arrived: (items: readonly T[]) => void) => Promise<void>,
): Promise<void> {
  const showEachPiece = target.value === undefined;
  return fill(target, async () => {
    const ticket = tickets.get(target);
    const all: T[] = [];
    await fetch((items) => {
      all.push(...items);
      if (showEachPiece && tickets.get(target) === ticket) target.value = all.slice();
    });
    return all;
  });
}

/**
 * Fetches into `target` again, unless a fetch is already running: a screen that opens while another screen's
 * fetch of the same list is on its way shares it instead of fetching every page a second time.
 */
export function fillUnlessRunning<T>(target: Loadable<T>, fetch: () => Promise<T>): Promise<void> {
  return inFlight.get(target) ?? fill(target, fetch);
}

/** `fillInPieces`, unless a fetch is already running (as `fillUnlessRunning`). */
export function fillInPiecesUnlessRunning<T>(
  target: Loadable<T[]>,
  fetch: (arrived: (items: readonly T[]) => void) => Promise<void>,
): Promise<void> {
  return inFlight.get(target) ?? fillInPieces(target, fetch);
}

/** The fetch of `target` on its way, if any (it never rejects: a failure lands in `target.error`). */
export const running = <T>(target: Loadable<T>): Promise<void> | undefined => inFlight.get(target);

/** Fetches into `target` unless it already holds a value; joins a fetch already running. */
export function ensure<T>(target: Loadable<T>, fetch: () => Promise<T>): Promise<void> {
  if (target.value !== undefined) return Promise.resolve();
  return inFlight.get(target) ?? fill(target, fetch);
}

/** Forgets the value and drops any answer still on its way. */
export function reset<T>(target: Loadable<T>): void {
  tickets.set(target, (tickets.get(target) ?? 0) + 1);
  inFlight.delete(target);
  target.value = undefined;
  target.loading = false;
  target.error = undefined;
}
