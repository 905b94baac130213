import { isFieldkitError, type FieldkitError } from '../../errors';
import { isOutcomeUnknown } from '../../rainbow';
import type { PlannedRow } from '../plan';
import type { RowOutcome } from '../types';
import { ensureAssigned, ensureUnassigned } from './assign-step';
import { ensureCreated } from './create-step';
import type { JournalStep } from './journal';
import { describe, recordNotSent, type RowContext } from './journalled';

export type { ApplyClient, RowContext } from './journalled';

/** The steps a line takes, in order: create, then free it from its holder, then assign. */
export function stepsOf(row: PlannedRow): JournalStep[] {
  const steps: JournalStep[] = [];
  if (row.action === 'create' || row.action === 'create-assign') steps.push('create');
  if (row.action === 'reassign' && row.existing?.subscriber !== undefined) steps.push('unassign');
  if (row.subscriber !== undefined && row.action !== 'create') steps.push('assign');
  return steps;
}

/**
 * Carries out one planned line, step by step (create → unassign → assign), once its intents are on disk
 * (`announced` resolves with the steps an earlier run may have done, which are looked up before being sent).
 */
export async function applyRow(
  row: PlannedRow,
  context: RowContext,
  announced: Promise<ReadonlySet<JournalStep>>,
): Promise<RowOutcome> {
  const outcome: RowOutcome = { status: 'done' };
  const holder = row.existing?.subscriber;
  const subscriber = row.subscriber;
  const notSent = new Set(stepsOf(row));
  let step: JournalStep = 'create';
  try {
    const uncertain = await announced;
    let deviceId = row.existing?.deviceId;
    if (notSent.has('create')) {
      notSent.delete('create');
      const created = await ensureCreated(row, context, uncertain.has('create'));
      deviceId = created.deviceId;
      outcome.deviceId = deviceId;
      outcome.created = created.created;
    }
    if (deviceId === undefined) throw new Error(`line ${row.line}: no device to work on`);
    outcome.deviceId = deviceId;
    if (notSent.has('unassign') && holder !== undefined) {
      step = 'unassign';
      notSent.delete(step);
      await ensureUnassigned(row, context, deviceId, holder.phoneNumberId);
    }
    if (notSent.has('assign') && subscriber !== undefined) {
      step = 'assign';
      notSent.delete(step);
      const target = { deviceId, phoneNumberId: subscriber.phoneNumberId };
      await ensureAssigned(row, context, target, uncertain.has('assign'));
      outcome.assigned = true;
    }
    return outcome;
  } catch (error) {
    if (isAbortingError(error)) throw error;
    return {
      ...outcome,
      status: 'failed',
      error: { field: 'row', message: failureMessage(step, row, error) },
    };
  } finally {
    // The intents of steps an earlier failure kept from being sent are settled: nothing to look up for them.
    for (const unsent of notSent) recordNotSent(row, context, unsent);
  }
}

/**
 * Signed out, refused or cut off: every further line would fail the same way, so the run stops. A step whose
 * outcome is unknown concerns its line only (it is looked up, then reported), even when a timeout caused it.
 */
export function isAbortingError(error: unknown): error is FieldkitError {
  return (
    isFieldkitError(error) &&
    !isOutcomeUnknown(error) &&
    [
      'not-signed-in',
      'auth-failed',
      'app-auth-failed',
      'forbidden',
      'unreachable',
      'timeout',
      'tls',
      'redirected',
    ].includes(error.code)
  );
}

function failureMessage(step: JournalStep, row: PlannedRow, error: unknown): string {
  const what =
    step === 'create'
      ? 'Creating the device failed'
      : step === 'unassign'
        ? `Freeing it from ${row.existing?.subscriber?.shortNumber ?? 'its subscriber'} failed`
        : `Assigning it to ${row.subscriber?.shortNumber ?? 'the subscriber'} failed`;
  const unknown = isOutcomeUnknown(error)
    ? ' (the CloudPBX may have done it: retrying the line looks it up first)'
    : '';
  return `${what}: ${describe(error)}${unknown}`;
}
