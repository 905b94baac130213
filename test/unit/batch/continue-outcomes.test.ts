import { describe, expect, it } from 'vitest';
import type { RowOutcome } from '../../../src-main/services/batch';
import { continueRun } from '../../../src-main/services/batch/apply/continue-outcomes';
import type { JournalLineState } from '../../../src-main/services/batch/apply/journal';
import { fixtureCatalog } from './support/catalog-fixture';
import { planFile } from './support/plan-fixture';

// Lines 2-4 need work on the fixture CloudPBX; line 5 (dev1, assigned to 81001) is already as wanted.
const FILE = [
  'mac,model,subscriber',
  '48:7A:55:0A:1B:09,8028s,',
  '48:7A:55:0A:1B:0A,8028s,81003',
  '48:7A:55:0A:1B:02,8068s,81003',
  '48:7A:55:0A:1B:01,8028s,81001',
  '48:7A:55:0A:1B:0B,8026s,',
].join('\n');

const noJournal = (): JournalLineState | undefined => undefined;

describe('continuing a run on a new plan', () => {
  it('resuming applies every line that still changes something', async () => {
    const plan = await planFile(FILE);
    const next = continueRun(plan, new Map(), noJournal, 'all');
    expect([...next.lines]).toEqual([2, 3, 4]);
    expect(next.outcomes.size).toBe(0);
  });

  it('retrying applies only the failed lines and keeps the others’ outcomes', async () => {
    const plan = await planFile(FILE);
    const previous = new Map<number, RowOutcome>([
      [2, { status: 'done', deviceId: 'x', created: true }],
      [3, { status: 'failed', error: { field: 'row', message: 'x' } }],
      [4, { status: 'not-started' }],
    ]);
    const next = continueRun(plan, previous, noJournal, 'failed');
    expect([...next.lines]).toEqual([3]);
    expect(next.outcomes.get(4)).toEqual({ status: 'not-started' });
    // Line 2 still plans a create on this (unchanged) CloudPBX, but it was not among the failed lines.
    expect(next.outcomes.get(2)).toEqual(previous.get(2));
  });

  it('a line the new plan skips stays done: from memory, else from the journal after a restart', async () => {
    const created = fixtureCatalog();
    created.devices.push({
      id: 'dev9',
      macAddress: '487a550a1b09',
      deviceTypeId: 14,
      model: '8028s',
      description: '8028s 0A1B09',
    });
    const plan = await planFile(FILE, { catalog: created });
    expect(plan.rows[0]?.action).toBe('skip');
    const fromJournal = continueRun(
      plan,
      new Map(),
      (line) => (line === 2 ? { done: new Set(['create'] as const), deviceId: 'dev9' } : undefined),
      'all',
    );
    expect(fromJournal.outcomes.get(2)).toEqual({ status: 'done', deviceId: 'dev9', created: true });
    expect(fromJournal.outcomes.has(5)).toBe(false);
    const remembered: RowOutcome = { status: 'done', deviceId: 'dev9', created: true };
    const fromMemory = continueRun(plan, new Map([[2, remembered]]), noJournal, 'all');
    expect(fromMemory.outcomes.get(2)).toBe(remembered);
    expect([...fromMemory.lines]).toEqual([3, 4]);
  });
});
