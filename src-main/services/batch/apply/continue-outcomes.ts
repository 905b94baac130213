import type { ImportPlan } from '../plan';
import type { RowOutcome } from '../types';
import type { JournalLineState } from './journal';
import { linesToApply } from './apply-plan';

/** What a run carries on with, on a plan made afresh against the CloudPBX. */
export interface Continuation {
  /** The lines to apply now. */
  lines: Set<number>;
  /** The outcome each other line keeps in the report. */
  outcomes: Map<number, RowOutcome>;
}

/**
 * Continues a run on a new plan: `all` applies every line that still changes something (resuming), `failed`
 * only those among the lines that failed (retrying). A line the new plan skips because an earlier pass did it
 * stays `done` — from the outcome this process remembers, or else from the journal, after a restart.
 */
export function continueRun(
  plan: ImportPlan,
  previous: ReadonlyMap<number, RowOutcome>,
  journalLine: (line: number) => JournalLineState | undefined,
  which: 'all' | 'failed',
): Continuation {
  const pending = new Set(linesToApply(plan).map((row) => row.line));
  const lines = new Set<number>();
  const outcomes = new Map<number, RowOutcome>();
  for (const row of plan.rows) {
    const before = previous.get(row.line);
    if (pending.has(row.line)) {
      if (which === 'all' || before?.status === 'failed') lines.add(row.line);
      else if (before !== undefined) outcomes.set(row.line, before);
      continue;
    }
    if (row.action !== 'skip') continue;
    if (before?.status === 'done') {
      outcomes.set(row.line, before);
      continue;
    }
    const journalled = journalLine(row.line);
    if (journalled === undefined || journalled.done.size === 0) continue;
    const done: RowOutcome = { status: 'done' };
    if (journalled.deviceId !== undefined) done.deviceId = journalled.deviceId;
    if (journalled.done.has('create')) done.created = true;
    if (journalled.done.has('assign')) done.assigned = true;
    outcomes.set(row.line, done);
  }
  return { lines, outcomes };
}
