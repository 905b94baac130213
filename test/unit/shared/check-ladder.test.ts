import { describe, expect, it } from 'vitest';
import { checkReport, checkReportText, verdictOf, type Check } from '../../../src-main/shared/check-ladder';

const check = (id: string, status: Check['status'], fix: string | null = null): Check => ({
  id,
  status,
  summary: `${id} is ${status}`,
  evidence: { field: id },
  fix,
});

describe('verdictOf', () => {
  it('is a problem as soon as one check fails, whatever else could not run', () => {
    expect(verdictOf([check('a', 'ok'), check('b', 'unknown'), check('c', 'fail')])).toBe('problem');
  });

  it('is unknown when nothing fails but a check could not run', () => {
    expect(verdictOf([check('a', 'ok'), check('b', 'warn'), check('c', 'unknown')])).toBe('unknown');
  });

  it('is ok for warnings and skipped checks alone', () => {
    expect(verdictOf([check('a', 'ok'), check('b', 'warn'), check('c', 'skipped')])).toBe('ok');
    expect(verdictOf([])).toBe('ok');
  });
});

describe('checkReportText', () => {
  it('writes one block per check in order, with its evidence and its fix', () => {
    const report = checkReport({ mac: '00:80:9f:00:00:01' }, [
      check('declared', 'ok'),
      check('assigned', 'fail', 'Assign the phone to a subscriber.'),
    ]);
    expect(checkReportText('Device 00:80:9f:00:00:01', report).split('\n')).toEqual([
      'Device 00:80:9f:00:00:01 — verdict: problem',
      '[ok  ] declared: declared is ok',
      '         field = declared',
      '[FAIL] assigned: assigned is fail',
      '         field = assigned',
      '         fix: Assign the phone to a subscriber.',
    ]);
  });
});
