import { keyNumber, moduleOf, sameKey, draftOfKey, type KeyDraft } from '../../../shared/keys';
import type { AuditTrail } from '../../audit/audit-trail';
import type { RowApplier } from '../../batch/apply/apply-plan';
import { isAbortingError, type RowContext } from '../../batch/apply/apply-row';
import type { JournalStep } from '../../batch/apply/journal';
import { describe, journalled, recordFound } from '../../batch/apply/journalled';
import type { RowOutcome } from '../../batch/types';
import type { KeyClient } from '../key-target';
import { keyDetails, writeKey } from '../key-write';
import type { PlannedKeyRow } from './plan-key-lines';

export interface KeyApplyContext {
  client: KeyClient;
  audit: AuditTrail;
  systemId: string;
}

const KEY_STEPS: readonly JournalStep[] = ['key'];

/**
 * How the apply engine carries out the lines of a keys sheet: each line is one journalled step (`key`). Lines
 * of one device run one after the other (a module's replace must see the keys the line before it set), devices
 * side by side. A line whose answer is lost, or that an earlier run may have sent, is settled by reading the
 * device's keys, so neither this run nor a later one sends it twice.
 */
export function keyRowApplier(rows: readonly PlannedKeyRow[], context: KeyApplyContext): RowApplier {
  const byLine = new Map(rows.map((row) => [row.line, row]));
  const deviceQueues = new Map<string, Promise<unknown>>();
  return {
    stepsOf: () => [...KEY_STEPS],
    apply: async (row, journal, announced) => {
      const keyRow = byLine.get(row.line);
      const deviceId = keyRow?.existing?.deviceId;
      if (keyRow === undefined || deviceId === undefined) throw new Error(`line ${row.line}: no key to send`);
      const previous = deviceQueues.get(deviceId) ?? Promise.resolve();
      const turn = previous.then(() => applyKeyRow(keyRow, deviceId, context, journal, announced));
      deviceQueues.set(
        deviceId,
        turn.catch(() => undefined),
      );
      return turn;
    },
  };
}

async function applyKeyRow(
  row: PlannedKeyRow,
  deviceId: string,
  context: KeyApplyContext,
  journal: RowContext,
  announced: Promise<ReadonlySet<JournalStep>>,
): Promise<RowOutcome> {
  const { client, systemId } = context;
  const draft = row.draft;
  if (draft === undefined) throw new Error(`line ${row.line}: no key to send`);
  const done: RowOutcome = {
    status: 'done',
    deviceId,
    keyChange: row.action === 'replace' ? 'replaced' : 'created',
  };
  const uncertain = await announced;
  if (uncertain.has('key') && (await keyIsInPlace(context, deviceId, draft))) {
    recordFound(row, journal, 'key', deviceId);
    return done;
  }
  try {
    await journalled(
      row,
      journal,
      'key',
      async () => {
        // A replace sends the module's other keys as they are now, not as the plan read them.
        const current = row.action === 'replace' ? (await client.getDeviceKeys(systemId, deviceId)).keys : [];
        await context.audit.record(
          {
            action: 'key.set',
            systemId,
            object: { type: 'device', id: deviceId, label: row.id },
            details: keyDetails(draft),
          },
          () => writeKey(client, { systemId, deviceId, current }, draft),
        );
      },
      () => deviceId,
      true,
    );
    return done;
  } catch (error) {
    if (isAbortingError(error)) throw error;
    if (await keyIsInPlace(context, deviceId, draft).catch(() => false)) {
      recordFound(row, journal, 'key', deviceId);
      return done;
    }
    return {
      status: 'failed',
      deviceId,
      error: { field: 'row', message: `Setting the key failed: ${describe(error)}` },
    };
  }
}

/** Whether the device has the key as the line wants it (the answer of the call that set it was lost). */
async function keyIsInPlace(context: KeyApplyContext, deviceId: string, draft: KeyDraft): Promise<boolean> {
  const { keys } = await context.client.getDeviceKeys(context.systemId, deviceId);
  const there = keys.find((key) => moduleOf(key) === draft.moduleId && keyNumber(key) === draft.keyNum);
  const current = there === undefined ? undefined : draftOfKey(there);
  return current !== undefined && sameKey(current, draft);
}
