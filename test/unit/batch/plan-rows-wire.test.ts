import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlannedRow, RowAction, SubscriberRef } from '../../../src-main/services/batch/plan';
import { describeRow } from '../../../src-main/services/batch/planner';
import { displayIdentity } from '../../../src-main/services/batch/rules/identifier-rule';
import { reportRow } from '../../../src-main/services/batch/report';
import {
  decodePlannedRows,
  encodePlannedRows,
  reportRowsOf,
} from '../../../src-main/services/batch/worker/plan-rows-wire';
import { crossThreads } from '../../support/cross-threads';
import { MEDIA_TRANSPORT_PROTOCOLS, TRANSFER_MODES } from '../../../src-main/shared/enums';

// Any UTF-16 text: the wire cuts strings out of one text by their lengths.
const text = fc.string({ maxLength: 12, unit: 'binary' });
const absentOr = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(value, { nil: undefined });

const subscriberRef: fc.Arbitrary<SubscriberRef> = fc.record(
  { phoneNumberId: text, shortNumber: text, name: text },
  { requiredKeys: ['phoneNumberId', 'shortNumber'] },
);

const problem = fc.record(
  { field: text, message: text, column: text, heading: text, suggestion: text },
  { requiredKeys: ['field', 'message'] },
);

/** Rows as the planner makes them: every field present, absent ones undefined, in the planner's order. */
const plannedRow: fc.Arbitrary<PlannedRow> = fc
  .record({
    line: fc.nat(),
    id: text,
    action: fc.constantFrom<RowAction>(
      'create',
      'create-assign',
      'assign',
      'reassign',
      'skip',
      'invalid',
      'replace',
    ),
    errors: fc.array(problem, { maxLength: 2 }),
    warnings: fc.array(text, { maxLength: 2 }),
    detail: text,
    kind: absentOr(fc.constantFrom<'mac' | 'ipei'>('mac', 'ipei')),
    identifier: absentOr(text),
    model: absentOr(fc.record({ id: fc.oneof(fc.nat(), fc.maxSafeNat()), name: text })),
    subscriber: absentOr(subscriberRef),
    transferMode: absentOr(fc.constantFrom(...TRANSFER_MODES)),
    mediaTransportProtocol: absentOr(fc.constantFrom(...MEDIA_TRANSPORT_PROTOCOLS)),
    description: absentOr(text),
    existing: absentOr(
      fc.record({ deviceId: text, subscriber: subscriberRef }, { requiredKeys: ['deviceId'] }),
    ),
  })
  .map((row): PlannedRow => row);

/**
 * Rows whose id and detail are the planner's, which the wire leaves out and the reader makes again from the other
 * fields (the random rows above carry their own, which cross as they are): few models and subscribers, as in a
 * file, holders, errors only on invalid rows, and descriptions long enough for the sentence to cut them short.
 */
const pooledName = fc.constantFrom('Lucas Bernard', 'Hugo');
const pooledSubscriber: fc.Arbitrary<SubscriberRef> = fc.record(
  {
    phoneNumberId: fc.constant('pn1'),
    shortNumber: fc.constantFrom('81001', '81002'),
    name: pooledName,
  },
  { requiredKeys: ['phoneNumberId', 'shortNumber'] },
);
const describedRow: fc.Arbitrary<PlannedRow> = fc
  .tuple(
    plannedRow,
    absentOr(fc.record({ id: fc.constantFrom(14, 23), name: fc.constantFrom('8028s', 'M5') })),
    absentOr(pooledSubscriber),
    absentOr(fc.record({ deviceId: text, subscriber: pooledSubscriber }, { requiredKeys: ['deviceId'] })),
    absentOr(fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: 38, maxLength: 50 }))),
    fc.constantFrom('487a550a1b03', '487a550a1b04'),
  )
  .map(([row, model, subscriber, existing, description, identifier]) => {
    const described = {
      ...row,
      errors: row.action === 'invalid' ? row.errors : [],
      warnings: [],
      kind: 'mac' as const,
      identifier,
      model,
      subscriber,
      transferMode: undefined,
      mediaTransportProtocol: undefined,
      existing,
      description,
    };
    const id = displayIdentity({ kind: 'mac', value: identifier });
    return row.action === 'replace'
      ? { ...described, id }
      : { ...described, id, detail: describeRow(described, row.action) };
  });

describe('the plan rows crossing from the import worker', () => {
  it('read back as JSON would give them, keys in the same order', () => {
    fc.assert(
      fc.property(fc.array(plannedRow, { maxLength: 5 }), (rows) => {
        const read = decodePlannedRows(crossThreads(encodePlannedRows(rows)));
        expect(read).toStrictEqual(JSON.parse(JSON.stringify(rows)));
        expect(JSON.stringify(read)).toBe(JSON.stringify(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('read back with the ids and detail sentences the reader makes again', () => {
    fc.assert(
      fc.property(fc.array(describedRow, { minLength: 8, maxLength: 30 }), (rows) => {
        const read = decodePlannedRows(crossThreads(encodePlannedRows(rows)));
        expect(read).toStrictEqual(JSON.parse(JSON.stringify(rows)));
        expect(reportRowsOf(crossThreads(encodePlannedRows(rows)), 'validate')).toStrictEqual(
          JSON.parse(JSON.stringify(rows.map((row) => reportRow(row, 'validate', undefined)))),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("make the report's rows as the plan's rows make them", () => {
    fc.assert(
      fc.property(
        fc.array(plannedRow, { maxLength: 5 }),
        fc.constantFrom('validate' as const, 'dry-run' as const),
        (rows, mode) => {
          const read = reportRowsOf(crossThreads(encodePlannedRows(rows)), mode);
          const made = rows.map((row) => reportRow(row, mode, undefined));
          expect(read).toStrictEqual(JSON.parse(JSON.stringify(made)));
          expect(JSON.stringify(read)).toBe(JSON.stringify(made));
        },
      ),
      { numRuns: 300 },
    );
  });
});
