import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, type RowOutcome } from '../../../src-main/services/batch';
import { RunReport } from '../../../src-main/services/batch/apply/run-report';
import { NOW } from './support/catalog-fixture';
import { planFile } from './support/plan-fixture';

const FILE = [
  'mac,ipei,model,subscriber',
  '48:7A:55:0A:1B:09,,8028s,',
  '48:7A:55:0A:1B:0A,,8028s,81003',
  '48:7A:55:0A:1B:02,,8068s,81003',
  '48:7A:55:0A:1B:01,,8028s,81001',
  '48:7A:55:0A:1B:0B,,8026s,',
  ',03807E7A01,8214DECT,81010',
].join('\n');

const outcome: fc.Arbitrary<RowOutcome> = fc.oneof(
  fc.record(
    { status: fc.constant('done' as const), created: fc.boolean(), assigned: fc.boolean() },
    { requiredKeys: ['status'] },
  ),
  fc.constant<RowOutcome>({ status: 'failed', error: { field: 'row', message: 'refused' } }),
  fc.constant<RowOutcome>({ status: 'not-started' }),
);

describe('the report of a run', () => {
  it('after any sequence of line outcomes, equals the report built at once from the last ones', async () => {
    const plan = await planFile(FILE);
    const applied = plan.rows.filter((row) => row.action !== 'skip' && row.action !== 'invalid');
    expect(applied.length).toBeGreaterThanOrEqual(3);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...applied), outcome), { maxLength: 12 }), (updates) => {
        const report = new RunReport(plan, NOW, new Map());
        const last = new Map<number, RowOutcome>();
        for (const [row, result] of updates) {
          report.record(row, result);
          last.set(row.line, result);
        }
        const expected = buildReport(plan, 'apply', NOW, last);
        const run = {
          runId: 'r',
          state: 'running' as const,
          total: 0,
          done: 0,
          inFlight: 0,
          startedAt: '',
          notStarted: [],
        };
        const actual = report.snapshot(run, undefined);
        expect(actual.summary).toEqual(expected.summary);
        expect(actual.rows).toEqual(expected.rows);
      }),
    );
  });

  it('answers each updated line as the report shows it, and never changes an earlier snapshot', async () => {
    const plan = await planFile(FILE);
    const report = new RunReport(plan, NOW, new Map());
    const run = {
      runId: 'r',
      state: 'running' as const,
      total: 1,
      done: 0,
      inFlight: 0,
      startedAt: '',
      notStarted: [],
    };
    const before = report.snapshot(run, undefined);
    const row = plan.rows[0];
    if (row === undefined) throw new Error('no row');
    expect(report.record(row, { status: 'done', deviceId: 'd9', created: true })).toMatchObject({
      line: 2,
      status: 'done',
      deviceId: 'd9',
    });
    expect(before.rows[0]).toMatchObject({ status: 'planned', deviceId: null });
    expect(before.summary.created).toBe(0);
    expect(report.summary().created).toBe(1);
  });
});
