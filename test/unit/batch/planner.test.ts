import { describe, expect, it } from 'vitest';
import { checkFile, csv, fixtureCatalog } from './support/catalog-fixture';

const FILE = csv(
  'mac,ipei,model,subscriber',
  '48:7A:55:0A:1B:09,,8028s,', // new, no subscriber
  '48:7A:55:0A:1B:0A,,8028s,81003', // new, for a subscriber
  '48:7A:55:0A:1B:02,,8068s,81003', // there, unassigned
  '48:7A:55:0A:1B:01,,8028s,81001', // there, already assigned to that subscriber
  '48:7A:55:0A:1B:01,,8028s,', // the same device as line 5: both invalid
  ',03807E7898,8214DECT,81003', // there, assigned to 81002: a conflict, and the same device as line 8
  ',03807E7898,8214DECT,',
);

describe('the plan', () => {
  it('reads a model text the same on every line it is on, known or not (it is looked up once per file)', async () => {
    const report = await checkFile(
      csv(
        'mac,model',
        '48:7A:55:0A:1B:21,8028S',
        '48:7A:55:0A:1B:22,8026s',
        '48:7A:55:0A:1B:23,8028S',
        '48:7A:55:0A:1B:24,8026s',
      ),
    );
    expect(report.rows.map((row) => [row.action, row.model, row.errors[0]?.suggestion])).toEqual([
      ['create', '8028s', undefined],
      ['invalid', undefined, '8028s'],
      ['create', '8028s', undefined],
      ['invalid', undefined, '8028s'],
    ]);
  });

  it('gives each line its action, and a dry run marks them planned or skipped', async () => {
    const report = await checkFile(
      csv(
        'mac,ipei,model,subscriber',
        '48:7A:55:0A:1B:09,,8028s,',
        '48:7A:55:0A:1B:0A,,8028s,81003',
        '48:7A:55:0A:1B:02,,8068s,81003',
        '48:7A:55:0A:1B:01,,8028s,81001',
        ',03807E7898,8214DECT,',
      ),
      { mode: 'dry-run' },
    );
    expect(report.rows.map((row) => [row.line, row.action, row.status, row.deviceId])).toEqual([
      [2, 'create', 'planned', null],
      [3, 'create-assign', 'planned', null],
      [4, 'assign', 'planned', 'dev2'],
      [5, 'skip', 'skipped', 'dev1'],
      [6, 'skip', 'skipped', 'dev3'],
    ]);
    expect(report.rows.map((row) => row.detail)).toEqual([
      'Create 8028s "8028s 0A1B09", not assigned to anyone.',
      'Create 8028s "8028s 81003" and assign it to 81003 Chloé Dubois.',
      'Already on the CloudPBX, unassigned: assign it to 81003 Chloé Dubois.',
      'Already on the CloudPBX as 8028s, assigned to 81001 Camille Martin: nothing to do.',
      'Already on the CloudPBX as 8214DECT, assigned to 81002 Lucas Bernard: nothing to do.',
    ]);
    expect(report.summary).toEqual({
      rows: 5,
      created: 0,
      assigned: 0,
      skipped: 2,
      failed: 0,
      invalid: 0,
      planned: 3,
      valid: 0,
    });
  });

  it('plans a reassignment only when it is allowed', async () => {
    const file = csv('ipei,model,subscriber', '03807E7898,8214DECT,81003');
    const refused = await checkFile(file);
    expect(refused.rows[0]).toMatchObject({ action: 'invalid', status: 'invalid' });
    const allowed = await checkFile(file, { reassign: true });
    expect(allowed.rows[0]).toMatchObject({
      action: 'reassign',
      status: 'valid',
      deviceId: 'dev3',
      detail: 'Move it from 81002 Lucas Bernard to 81003 Chloé Dubois.',
    });
  });

  it('warns that an existing device keeps its description', async () => {
    const report = await checkFile(csv('mac,model,description', '48:7A:55:0A:1B:02,8068s,Office 3'));
    expect(report.rows[0]?.warnings).toEqual([expect.stringContaining('describes this device as "Spare"')]);
  });

  it('one bad line does not stop the others', async () => {
    const report = await checkFile(FILE);
    expect(report.summary).toMatchObject({ rows: 7, invalid: 4, valid: 3, skipped: 0 });
    expect(report.rows.filter((row) => row.status === 'valid').map((row) => row.line)).toEqual([2, 3, 4]);
    expect(report.rows.find((row) => row.line === 7)?.errors.map((error) => error.message)).toEqual([
      expect.stringContaining('also on line 8'),
    ]);
  });

  it('shows which lines the live CloudPBX changed since the cached catalogue', async () => {
    const cached = fixtureCatalog();
    const live = fixtureCatalog({
      fetchedAt: '2024-07-19T08:59:00.000Z',
      devices: [
        ...cached.devices.filter((device) => device.id !== 'dev2'),
        {
          id: 'dev2',
          macAddress: '487a550a1b02',
          deviceTypeId: 16,
          model: '8068s',
          description: 'Spare',
          phoneNumberId: 'pn1',
        },
        { id: 'dev9', macAddress: '487a550a1b09', deviceTypeId: 14, model: '8028s', description: 'New' },
      ],
    });
    const report = await checkFile(
      csv(
        'mac,model,subscriber',
        '48:7A:55:0A:1B:09,8028s,',
        '48:7A:55:0A:1B:02,8068s,81003',
        '48:7A:55:0A:1B:0A,8028s,',
      ),
      { catalog: live, previous: cached },
    );
    expect(report.changes).toEqual({
      previousFetchedAt: cached.fetchedAt,
      rows: [
        {
          line: 2,
          id: '48:7A:55:0A:1B:09',
          before: 'create',
          after: 'skip',
          message: expect.stringContaining('was not on the CloudPBX, now on the CloudPBX, unassigned'),
        },
        {
          line: 3,
          id: '48:7A:55:0A:1B:02',
          before: 'assign',
          after: 'invalid',
          message: expect.stringContaining('now on the CloudPBX, assigned to 81001'),
        },
      ],
    });
  });

  it('records the changes of lines past the first slices of a long file, which is planned a slice at a time', async () => {
    const cached = fixtureCatalog();
    const live = fixtureCatalog({
      fetchedAt: '2024-07-19T08:59:00.000Z',
      devices: [
        ...cached.devices,
        { id: 'dev9', macAddress: '487a550a1b09', deviceTypeId: 14, model: '8028s', description: 'New' },
        { id: 'dev10', macAddress: '487a550a1b0a', deviceTypeId: 14, model: '8028s', description: 'New' },
      ],
    });
    const hex = (value: number): string => (value & 0xff).toString(16).padStart(2, '0').toUpperCase();
    const lines = Array.from(
      { length: 25_000 },
      (_, index) => `48:7A:55:A0:${hex(index >> 8)}:${hex(index)},8028s`,
    );
    lines[12_000] = '48:7A:55:0A:1B:09,8028s';
    lines[24_500] = '48:7A:55:0A:1B:0A,8028s';
    const report = await checkFile(csv('mac,model', ...lines), { catalog: live, previous: cached });
    expect(report.rows).toHaveLength(25_000);
    expect(report.changes?.rows.map(({ line, before, after }) => ({ line, before, after }))).toEqual([
      { line: 12_002, before: 'create', after: 'skip' },
      { line: 24_502, before: 'create', after: 'skip' },
    ]);
  });
});

describe('file-level problems', () => {
  it('reports a file without header columns and plans nothing', async () => {
    const report = await checkFile(csv('foo,bar', '1,2'));
    expect(report.fileErrors).toEqual([
      { line: 1, message: expect.stringContaining('should be the header') },
    ]);
    expect(report.rows).toEqual([]);
    expect(report.catalog).toBeUndefined();
  });

  it('reports a header without lines', async () => {
    const report = await checkFile(csv('# only comments', 'mac,model'));
    expect(report.fileErrors).toEqual([
      { line: 2, message: 'The file has a header but no device lines under it.' },
    ]);
  });

  it('keeps the lines before an unclosed quote, and reports it', async () => {
    const report = await checkFile(
      csv('mac,model,description', '48:7A:55:0A:1B:09,8028s,ok', '48:7A:55:0A:1B:0A,8028s,"oops'),
    );
    expect(report.fileErrors).toEqual([{ line: 3, message: expect.stringContaining('never closed') }]);
    expect(report.rows[0]).toMatchObject({ line: 2, status: 'valid' });
  });
});
