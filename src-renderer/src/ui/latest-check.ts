import { shallowRef, type ShallowRef } from 'vue';
import type { FieldkitErrorData } from '@api/types';
import type { Clock } from '@renderer/time/clock';
import { toErrorData } from '@renderer/api/errors';

export type CheckStatus = 'idle' | 'waiting' | 'checking' | 'valid' | 'invalid';

export interface CheckState<R> {
  /** The trimmed text this state is about. */
  text: string;
  status: CheckStatus;
  result?: R;
  error?: FieldkitErrorData;
}

export interface LatestCheck<R> {
  state: ShallowRef<CheckState<R>>;
  /** Every change of the field: the check runs once the typing pauses for `delayMs`. */
  input(text: string): void;
  /**
   * The outcome for the text as it is now, checking it at once if the pause has not come yet (Enter right after
   * a barcode scanner's burst) and joining the check already running, so a text is checked once.
   */
  settle(): Promise<CheckState<R>>;
  /** Something else the check depends on changed (the chosen model): check the same text again, now. */
  recheck(): void;
  dispose(): void;
}

/**
 * Checks what is typed into a field against the core, latest wins: an answer overtaken by a later input or
 * recheck is dropped. A scanner types a dozen characters in a few milliseconds and ends with Enter; the pause
 * means one call per burst, and `settle` means Enter never waits for the pause.
 */
export function createLatestCheck<R>(
  check: (text: string) => Promise<R>,
  options: { delayMs: number; clock: Clock },
): LatestCheck<R> {
  const state = shallowRef<CheckState<R>>({ text: '', status: 'idle' });
  let cancelTimer: (() => void) | undefined;
  /** Bumped by every input and recheck: only the run started for the latest one may set the state. */
  let generation = 0;
  let running: { generation: number; outcome: Promise<CheckState<R>> } | undefined;

  function stopTimer(): void {
    cancelTimer?.();
    cancelTimer = undefined;
  }

  function run(): Promise<CheckState<R>> {
    stopTimer();
    if (running?.generation === generation) return running.outcome;
    const mine = generation;
    const text = state.value.text;
    state.value = { text, status: 'checking' };
    const outcome = check(text)
      .then(
        (result): CheckState<R> => ({ text, status: 'valid', result }),
        (error: unknown): CheckState<R> => ({ text, status: 'invalid', error: toErrorData(error) }),
      )
      .then((settled) => {
        if (mine === generation) state.value = settled;
        return settled;
      });
    running = { generation: mine, outcome };
    return outcome;
  }

  function input(raw: string): void {
    const text = raw.trim();
    if (text === state.value.text) return;
    generation += 1;
    stopTimer();
    if (text === '') {
      state.value = { text, status: 'idle' };
      return;
    }
    state.value = { text, status: 'waiting' };
    cancelTimer = options.clock.after(options.delayMs, () => void run());
  }

  function settle(): Promise<CheckState<R>> {
    const current = state.value;
    if (current.text === '' || current.status === 'valid' || current.status === 'invalid')
      return Promise.resolve(current);
    return run();
  }

  function recheck(): void {
    if (state.value.text === '') return;
    generation += 1;
    void run();
  }

  return { state, input, settle, recheck, dispose: stopTimer };
}
