import { FieldkitError, isFieldkitError } from '../../errors';
import { isOutcomeUnknown } from '../../rainbow';
import type { PlannedRow } from '../plan';
import { journalled, recordFound, STEP_ATTEMPTS, type RowContext } from './journalled';

/**
 * Assigns the device to the subscriber. Assigning is a POST: when its answer is lost, or an earlier run may have
 * sent it (`uncertain`), or it is refused because the device is already assigned, the device is read to see
 * whether it holds the subscriber before anything is sent again. The line's intents are on disk already.
 */
export async function ensureAssigned(
  row: PlannedRow,
  context: RowContext,
  target: { deviceId: string; phoneNumberId: string },
  uncertainAtFirst: boolean,
): Promise<void> {
  const { deviceId, phoneNumberId } = target;
  let uncertain = uncertainAtFirst;
  for (let attempt = 1; attempt <= STEP_ATTEMPTS; attempt += 1) {
    if (uncertain && (await holder(context, deviceId)) === phoneNumberId) {
      recordFound(row, context, 'assign', deviceId);
      return;
    }
    try {
      await journalled(
        row,
        context,
        'assign',
        () => context.client.assignDevice(context.systemId, phoneNumberId, deviceId),
        () => deviceId,
        attempt === 1,
      );
      return;
    } catch (error) {
      if (isOutcomeUnknown(error)) {
        uncertain = true;
        continue;
      }
      if (isFieldkitError(error, 'conflict') && (await holder(context, deviceId)) === phoneNumberId) {
        recordFound(row, context, 'assign', deviceId);
        return;
      }
      throw error;
    }
  }
  throw new FieldkitError({
    code: 'api-error',
    message: `the CloudPBX did not confirm the assignment ${STEP_ATTEMPTS} times, and the device does not show it`,
  });
}

/**
 * Frees the device from the subscriber holding it. A DELETE may be sent again safely; when it is refused as
 * not found (an earlier attempt did it), the device is read to confirm it is free of that subscriber. The
 * line's intents are on disk already.
 */
export async function ensureUnassigned(
  row: PlannedRow,
  context: RowContext,
  deviceId: string,
  phoneNumberId: string,
): Promise<void> {
  try {
    await journalled(
      row,
      context,
      'unassign',
      () => context.client.unassignDevice(context.systemId, phoneNumberId, deviceId),
      () => deviceId,
      true,
    );
  } catch (error) {
    if (!isFieldkitError(error, 'not-found') || (await holder(context, deviceId)) === phoneNumberId) {
      throw error;
    }
    recordFound(row, context, 'unassign', deviceId);
  }
}

async function holder(context: RowContext, deviceId: string): Promise<string | undefined> {
  const device = await context.client.getDevice(context.systemId, deviceId);
  return device.phoneNumberId || undefined;
}
