import { keyNumber, moduleOf, sameKey, draftOfKey, type KeyDraft } from '../../../shared/keys';
import type { AuditTrail } from '../../audit/audit-trail';
import { isAbortingError } from '../../batch/apply/apply-row';
import { describe } from '../../batch/apply/journalled';
import type { RowOutcome } from '../../batch/types';
import type { KeyClient } from '../key-target';
import { keyDetails, writeKey } from '../key-write';
import type { PlannedKeyRow } from './plan-key-lines';

export interface KeyApplyContext {
  client: KeyClient;
  audit: AuditTrail;
  systemId: string;
  /** Devices worked on at the same time; the lines of one device go one after the other. */
  concurrency: number;
}

export interface KeyApplyResult {
  outcomes: Map<number, RowOutcome>;
  /** Set when the run stopped early (signed out, unreachable): lines not reached are `not-started`. */
  abortedBy?: Error;
}

/**
 * Applies the lines that change a key. Lines of one device run in order (a module's replace must see the
 * keys the line before it set); devices run side by side. A line whose answer is lost is settled by reading
 * the device's keys, so neither this run nor a later one sends it twice.
 */
export async function applyKeyRows(
  rows: readonly PlannedKeyRow[],
  context: KeyApplyContext,
): Promise<KeyApplyResult> {
  const byDevice = new Map<string, PlannedKeyRow[]>();
  for (const row of rows) {
    const deviceId = row.existing?.deviceId;
    if (deviceId === undefined || (row.action !== 'create' && row.action !== 'replace')) continue;
    byDevice.set(deviceId, [...(byDevice.get(deviceId) ?? []), row]);
  }
  const queues = [...byDevice.entries()];
  const outcomes = new Map<number, RowOutcome>();
  let abortedBy: Error | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let queue = queues[next++]; queue !== undefined; queue = queues[next++]) {
      const [deviceId, lines] = queue;
      for (const row of lines) {
        if (abortedBy !== undefined) {
          outcomes.set(row.line, { status: 'not-started' });
          continue;
        }
        try {
          outcomes.set(row.line, await applyKeyRow(row, deviceId, context));
        } catch (error) {
          if (!isAbortingError(error)) throw error;
          abortedBy ??= error;
          outcomes.set(row.line, {
            status: 'failed',
            error: { field: 'row', message: `Stopped: ${error.message}` },
          });
        }
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(context.concurrency, queues.length)) }, worker),
  );
  return abortedBy === undefined ? { outcomes } : { outcomes, abortedBy };
}

async function applyKeyRow(
  row: PlannedKeyRow,
  deviceId: string,
  context: KeyApplyContext,
): Promise<RowOutcome> {
  const { client, systemId } = context;
  const draft = row.draft;
  if (draft === undefined) throw new Error(`line ${row.line}: no key to send`);
  const done: RowOutcome = {
    status: 'done',
    deviceId,
    keyChange: row.action === 'replace' ? 'replaced' : 'created',
  };
  try {
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
    return done;
  } catch (error) {
    if (isAbortingError(error)) throw error;
    if (await keyIsInPlace(context, deviceId, draft).catch(() => false)) return done;
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
