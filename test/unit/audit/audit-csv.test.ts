import { describe, expect, it } from 'vitest';
import { auditToCsv, csvCell } from '../../../src-main/services/audit/audit-csv';
import { matchesAuditFilter } from '../../../src-main/services/audit/audit-filter';
import type { AuditEntry } from '../../../src-main/services/audit/types';

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=A1,"B"')).toBe(`"'=A1,""B"""`);
    expect(csvCell('a=1')).toBe('a=1');
  });
});

const entry: AuditEntry = {
  at: '2025-06-02T08:00:00.000Z',
  actor: 'tech@example.invalid',
  profile: 'Lyon',
  source: 'app',
  systemId: 'sys1',
  object: { type: 'device', id: 'd1', label: 'Desk (48:7A:55:00:00:02)' },
  action: 'device.reboot',
  result: 'failed',
  error: 'Rainbow refused',
  details: { a: '1', b: '2' },
};

describe('the activity log as CSV and its filters', () => {
  it('writes a header and one CRLF line per entry', () => {
    expect(auditToCsv([entry])).toBe(
      'time,user,profile,source,cloudpbx,action,object,object id,result,error,details\r\n' +
        '2025-06-02T08:00:00.000Z,tech@example.invalid,Lyon,app,sys1,device.reboot,Desk (48:7A:55:00:00:02),d1,failed,Rainbow refused,a=1; b=2\r\n',
    );
  });

  it('filters by date (a bare "to" date covers its day), action, result and text', () => {
    expect(matchesAuditFilter(entry, { from: '2025-06-02', to: '2025-06-02' })).toBe(true);
    expect(matchesAuditFilter(entry, { to: '2025-06-01' })).toBe(false);
    expect(matchesAuditFilter(entry, { from: '2025-06-02T08:00:01Z' })).toBe(false);
    expect(matchesAuditFilter(entry, { action: 'device.reset' })).toBe(false);
    expect(matchesAuditFilter(entry, { result: 'ok' })).toBe(false);
    expect(matchesAuditFilter(entry, { text: '48:7a:55' })).toBe(true);
    expect(matchesAuditFilter(entry, { text: 'refused' })).toBe(true);
    expect(matchesAuditFilter(entry, { text: 'nothing like it' })).toBe(false);
  });
});
