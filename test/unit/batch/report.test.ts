import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  IMPORT_TEMPLATE,
  reportToCsv,
  reportVerdict,
  type ImportReport,
} from '../../../src-main/services/batch';
import { parseCsv } from '../../../src-main/services/batch/csv-parser';
import { checkFile, csv, fixtureCatalog } from './support/catalog-fixture';

describe('the report as CSV', () => {
  it('escapes every cell a spreadsheet would evaluate, and quotes all cells', async () => {
    const report = await checkFile(
      csv(
        'mac,model,description',
        '"=cmd|\' /C calc\'!A0",8028s,',
        '48:7A:55:0A:1B:09,8028s,+33 front desk',
        '48:7A:55:0A:1B:0A,8028s,@SUM(A1)',
        '48:7A:55:0A:1B:0B,8028s,-1',
      ),
    );
    const text = reportToCsv(report);
    expect(text.startsWith('\ufeff"line","id","action"')).toBe(true);
    const rows = parseCsv(text.slice(1), ',').rows.map((row) => row.cells);
    expect(rows[1]?.[1]).toBe("'=cmd|' /C calc'!A0");
    expect(rows[2]?.[7]).toBe("'+33 front desk");
    expect(rows[3]?.[7]).toBe("'@SUM(A1)");
    expect(rows[4]?.[7]).toBe("'-1");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(
      text
        .split('\r\n')
        .slice(1, -1)
        .every((line) => line.startsWith('"')),
    ).toBe(true);
  });

  it('puts each problem with its column in the errors cell', async () => {
    const report = await checkFile(csv('mac,model', '48:7A:55:0A:1B:09,8026s'));
    const rows = parseCsv(reportToCsv(report).slice(1), ',').rows;
    expect(rows[1]?.cells[9]).toMatch(/^B model: The CloudPBX has no model "8026s"/);
  });
});

describe('reportVerdict', () => {
  const report = (
    summary: Partial<ImportReport['summary']>,
    mode: ImportReport['mode'] = 'apply',
    fileErrors = 0,
  ) =>
    ({
      mode,
      summary: {
        rows: 1,
        created: 0,
        assigned: 0,
        skipped: 0,
        failed: 0,
        invalid: 0,
        planned: 0,
        valid: 0,
        ...summary,
      },
      fileErrors: Array.from({ length: fileErrors }, () => ({ line: 0, message: 'x' })),
    }) as unknown as ImportReport;

  it.each([
    ['all done', report({ created: 1 }), {}, 'ok'],
    ['failures while applying', report({ failed: 1, invalid: 1 }), {}, 'failed'],
    ['invalid lines', report({ invalid: 1 }), {}, 'invalid'],
    ['invalid lines skipped on purpose', report({ invalid: 1 }), { skipInvalid: true }, 'ok'],
    [
      'invalid lines in a dry run, even with --skip-invalid',
      report({ invalid: 1 }, 'dry-run'),
      { skipInvalid: true },
      'invalid',
    ],
    ['a file error', report({}, 'validate', 1), {}, 'invalid'],
  ] as const)('%s', (_name, value, options, verdict) => {
    expect(reportVerdict(value, options)).toBe(verdict);
  });
});

describe('the import template', () => {
  it('is the file in resources/', () => {
    const file = readFileSync(resolve(import.meta.dirname, '../../../resources/import-template.csv'), 'utf8');
    expect(file).toBe(IMPORT_TEMPLATE);
  });

  it('reads as a header of known columns and no lines (its examples are comments)', async () => {
    const report = await checkFile(IMPORT_TEMPLATE);
    expect(report.fileWarnings).toEqual([]);
    expect(report.fileErrors).toEqual([
      { line: 10, message: 'The file has a header but no device lines under it.' },
    ]);
  });

  it('filled in with its own examples, validates', async () => {
    const filled = IMPORT_TEMPLATE.replace(/^# (48:7A|,03807E)/gm, '$1').replace(
      'camille.martin@example.com',
      'camille.martin@demo.test',
    );
    const report = await checkFile(filled, { catalog: fixtureCatalog({ devices: [] }) });
    expect(report.rows.map((row) => [row.status, row.errors])).toEqual([
      ['valid', []],
      ['valid', []],
    ]);
  });
});
