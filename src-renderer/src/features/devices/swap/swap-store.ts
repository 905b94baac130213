import { onScopeDispose, shallowReactive, watch } from 'vue';
import { defineStore } from 'pinia';
import type { CallInput } from '@api/contract';
import type { SwapState } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { useSessionStore } from '@renderer/features/sign-in/session-store';

export type StartSwapInput = CallInput<'swaps.start'>;

const FINISHED: ReadonlySet<SwapState['status']> = new Set([
  'succeeded',
  'failed',
  'rolled-back',
  'rollback-failed',
]);

/** A swap that will not move by itself any more (a timed-out one waits for the technician's decision). */
export const isSwapSettled = (swap: SwapState): boolean =>
  FINISHED.has(swap.status) || swap.status === 'timed-out';

const SETTLED_STEP: ReadonlySet<string> = new Set(['done', 'failed', 'warning', 'skipped']);

/** When the state last moved (ISO strings compare in time order), then how many steps are over. */
function progressOf(swap: SwapState): [string, number] {
  let latest = swap.finishedAt ?? swap.startedAt;
  for (const step of swap.steps) {
    for (const moment of [step.startedAt, step.finishedAt])
      if (moment !== undefined && moment > latest) latest = moment;
  }
  return [latest, swap.steps.filter((step) => SETTLED_STEP.has(step.status)).length];
}

/**
 * Whether `candidate` is at least as far along as `known`. The answer of `swaps.start` and the `swap.progress`
 * events travel separately, so an event about a later step can arrive before the answer about an earlier one.
 */
export function isSameOrNewer(candidate: SwapState, known: SwapState | undefined): boolean {
  if (known === undefined) return true;
  const [candidateAt, candidateSteps] = progressOf(candidate);
  const [knownAt, knownSteps] = progressOf(known);
  return candidateAt === knownAt ? candidateSteps >= knownSteps : candidateAt > knownAt;
}

/**
 * Swaps of a broken phone for a new one. The core runs every step and reports each move as `swap.progress`
 * with the whole state; this store keeps the latest state of each swap, whichever arrived first.
 */
export const useSwapStore = defineStore('swap', () => {
  const api = useApi();
  const session = useSessionStore();
  const swaps = shallowReactive(new Map<string, SwapState>());

  function keep(swap: SwapState): SwapState {
    const known = swaps.get(swap.swapId);
    if (!isSameOrNewer(swap, known)) return known ?? swap;
    swaps.set(swap.swapId, swap);
    return swap;
  }

  onScopeDispose(api.on('swap.progress', (progress) => void keep(progress.swap)));

  const start = async (input: StartSwapInput): Promise<SwapState> => keep(await api.swaps.start(input));
  const rollback = async (swapId: string): Promise<SwapState> => keep(await api.swaps.rollback({ swapId }));
  const refresh = async (swapId: string): Promise<SwapState> => keep(await api.swaps.get({ swapId }));

  /** Swaps the core still knows (after the window was reloaded, a running swap carries on there). */
  async function load(): Promise<void> {
    for (const swap of await api.swaps.list({})) keep(swap);
  }

  const get = (swapId: string | undefined): SwapState | undefined =>
    swapId === undefined ? undefined : swaps.get(swapId);

  /** The latest swap of a device, running or not. */
  function latestFor(deviceId: string): SwapState | undefined {
    let latest: SwapState | undefined;
    for (const swap of swaps.values()) {
      if (swap.deviceId === deviceId && (!latest || swap.startedAt > latest.startedAt)) latest = swap;
    }
    return latest;
  }

  watch(
    () => session.identity,
    () => swaps.clear(),
  );

  return { start, rollback, refresh, load, get, latestFor };
});
