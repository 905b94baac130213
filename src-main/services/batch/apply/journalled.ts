import { isOutcomeUnknown, type RainbowClient } from '../../rainbow';
import type { PlannedRow } from '../plan';
import type { ImportJournal, JournalStep } from './journal';

/** The client calls applying needs. */
export type ApplyClient = Pick<
  RainbowClient,
  'createDevice' | 'assignDevice' | 'unassignDevice' | 'listDevices' | 'getDevice'
>;

export interface RowContext {
  client: ApplyClient;
  journal: ImportJournal;
  systemId: string;
}

/**
 * A step whose outcome stays unknown (or that the CloudPBX refuses as already done) is looked up and tried
 * again at most this many times in all.
 */
export const STEP_ATTEMPTS = 5;

/**
 * Sends one step: its intent is on disk before the request leaves (written now, unless `announced` says the
 * line's intents were written before its first step); its result is queued after the answer.
 */
export async function journalled<T>(
  row: PlannedRow,
  context: RowContext,
  step: JournalStep,
  send: () => Promise<T>,
  deviceIdOf: (answer: T) => string | undefined,
  announced = false,
): Promise<T> {
  const identifier = journalKey(row);
  if (!announced) await context.journal.recordIntent(row.line, identifier, step);
  try {
    const answer = await send();
    const deviceId = deviceIdOf(answer);
    context.journal.recordResult({
      line: row.line,
      identifier,
      step,
      outcome: 'ok',
      ...(deviceId === undefined ? {} : { deviceId }),
    });
    return answer;
  } catch (error) {
    context.journal.recordResult({
      line: row.line,
      identifier,
      step,
      outcome: isOutcomeUnknown(error) ? 'unknown' : 'failed',
      message: describe(error),
    });
    throw error;
  }
}

/** A step found done by looking it up, after its answer was lost or refused as already done. */
export function recordFound(row: PlannedRow, context: RowContext, step: JournalStep, deviceId: string): void {
  context.journal.recordResult({
    line: row.line,
    identifier: journalKey(row),
    step,
    outcome: 'ok',
    deviceId,
  });
}

/** A step announced with its line but never sent: an earlier step failed, or the line never started. */
export function recordNotSent(row: PlannedRow, context: RowContext, step: JournalStep): void {
  context.journal.recordResult({
    line: row.line,
    identifier: journalKey(row),
    step,
    outcome: 'not-sent',
  });
}

/**
 * Writes the intents of all a line's steps in one go before its first request, so that a line costs one wait
 * for the disk, not one per step; answers the steps an earlier run may have carried out (their intents had no
 * result), which are looked up before they are sent again. An intent written ahead of a step that is never
 * sent only costs a look-up if the run is resumed.
 */
export async function announce(
  row: PlannedRow,
  context: RowContext,
  steps: readonly JournalStep[],
): Promise<Set<JournalStep>> {
  const state = context.journal.stateOf(journalKey(row));
  const uncertain = new Set(steps.filter((step) => state?.unresolved.has(step) === true));
  await context.journal.recordIntents(row.line, journalKey(row), steps);
  return uncertain;
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function journalKey(row: PlannedRow): string {
  return row.identifier ?? row.id;
}
