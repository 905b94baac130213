import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImportFile, reportToCsv, type RowStatus } from '../../../src-main/services/batch';
import { csvCell } from '../../../src-main/services/batch/report-csv';
import { parseCsv } from '../../../src-main/services/batch/csv-parser';
import { cleanCell, type Delimiter } from '../../../src-main/services/batch/source-table';
import { checkFile } from './support/catalog-fixture';

const delimiter = fc.constantFrom<Delimiter>(',', ';', '\t');
const lineEnd = fc.constantFrom('\n', '\r\n');
const cell = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', '9', ',', ';', '\t', '"', '\n', '\r', ' ', '#', '=', 'é', '😀'),
  maxLength: 12,
});

/** Writes cells the way a spreadsheet exports them: quoted when they need it. */
function writeCell(value: string, separator: Delimiter): string {
  const needsQuotes =
    value.includes(separator) || /["\r\n]/.test(value) || /^\s*#/.test(value) || value === '';
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

function physicalLines(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

describe('CSV parsing properties', () => {
  it('reads back any table a spreadsheet writes, with the physical line of each row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        delimiter,
        lineEnd,
        (table, separator, end) => {
          let text = '';
          const expectedLines: number[] = [];
          for (const row of table) {
            expectedLines.push(physicalLines(text) + 1);
            text += row.map((value) => writeCell(value, separator)).join(separator) + end;
          }
          const parsed = parseCsv(text, separator);
          expect(parsed.problems).toEqual([]);
          expect(parsed.rows.map((row) => row.cells)).toEqual(table);
          expect(parsed.rows.map((row) => row.line)).toEqual(expectedLines);
        },
      ),
    );
  });
});

describe('cell cleaning', () => {
  it('answers as trimming every space, zero-width space and BOM at both ends, whatever the cell', () => {
    const edge = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u200b', '\ufeff', '\u2003', '\u3000', '\u0085');
    const text = fc.string({
      unit: fc.oneof(
        edge,
        fc.constantFrom('a', '~', '!', '\u007f', '\u001f', 'é', '😀'),
        fc.string({ maxLength: 1 }),
      ),
      maxLength: 8,
    });
    fc.assert(
      fc.property(text, (cell) => {
        expect(cleanCell(cell)).toBe(cell.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, ''));
      }),
      { numRuns: 2000 },
    );
  });
});

const STATUSES: readonly RowStatus[] = ['valid', 'invalid', 'skipped'];
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      'mac',
      'ipei',
      'model',
      'subscriber',
      'description',
      '8028s',
      '8214DECT',
      '81001',
      '48:7A:55:0A:1B:0',
    ),
    fc.constantFrom(
      ',',
      ';',
      '\t',
      '"',
      '\n',
      '\r\n',
      '\r',
      '#',
      ' ',
      '=cmd|',
      '4.87055E+11',
      '\u00a0',
      '\ufeff',
      'é',
    ),
    fc.string({ maxLength: 3 }),
  ),
  maxLength: 60,
});
const header = fc.constantFrom(
  'mac,model,subscriber,description\n',
  'MAC;Model;Email\n',
  'ipei\tmodel\n',
  '',
);

describe('validation never gives up on hostile files', () => {
  it('never throws, and every line of a readable file gets a status and its problems', async () => {
    await fc.assert(
      fc.asyncProperty(header, hostileText, async (head, body) => {
        const report = await checkFile(head + body);
        let previous = 0;
        for (const row of report.rows) {
          expect(STATUSES).toContain(row.status);
          expect(row.line).toBeGreaterThan(previous);
          previous = row.line;
          if (row.status === 'invalid') expect(row.errors.length).toBeGreaterThan(0);
          for (const error of row.errors) expect(error.message.length).toBeGreaterThan(10);
        }
        if (report.rows.length === 0) expect(report.fileErrors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('survives random bytes (wrong encodings, binary) with a file error or row statuses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const report = await checkFile(
          new Uint8Array([...new TextEncoder().encode('mac,model\n'), ...bytes]),
        );
        expect(report.fileErrors.length + report.rows.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('handles a huge field without flooding messages', async () => {
    const huge = 'A'.repeat(2_000_000);
    const report = await checkFile(`mac,model,description\n${huge},8028s,${huge}\n`);
    const [row] = report.rows;
    expect(row?.status).toBe('invalid');
    for (const error of row?.errors ?? []) expect(error.message.length).toBeLessThan(400);
    expect((await readImportFile('f.csv', new TextEncoder().encode(`"${huge}`))).errors).toHaveLength(1);
  });
});

describe('report escaping', () => {
  it('never writes a cell that starts like a formula', async () => {
    const formula = fc
      .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string({ maxLength: 20 }))
      .map(([start, rest]) => start + rest);
    await fc.assert(
      fc.asyncProperty(formula, formula, async (identifier, description) => {
        const file = `mac,model,description\n${csvCell(identifier)},8028s,${csvCell(description)}\n`;
        const text = reportToCsv(await checkFile(file));
        for (const row of parseCsv(text.slice(1), ',').rows) {
          for (const value of row.cells) expect(value).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('identifier properties', () => {
  const unicastMac = fc
    .array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 })
    .map(([first = 0, ...rest]) => [(first & 0xfe) | 0x02, ...rest])
    .map((octets) => octets.map((octet) => octet.toString(16).padStart(2, '0')));
  const notation = fc.constantFrom(
    (o: string[]) => o.join(':').toUpperCase(),
    (o: string[]) => o.join('-'),
    (o: string[]) => o.join(''),
    (o: string[]) => `${o[0]}${o[1]}.${o[2]}${o[3]}.${o[4]}${o[5]}`,
  );

  it('any MAC in any notation validates to the same label form', async () => {
    await fc.assert(
      fc.asyncProperty(unicastMac, notation, async (octets, write) => {
        const report = await checkFile(`mac,model\n${write(octets)},8028s\n`, { catalog: undefined });
        expect(report.rows[0]).toMatchObject({ status: 'valid', id: octets.join(':').toUpperCase() });
      }),
      { numRuns: 200 },
    );
  });
});
