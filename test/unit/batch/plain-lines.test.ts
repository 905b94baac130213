import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../../../src-main/services/batch/catalog-index';
import { readHeader, type ImportField } from '../../../src-main/services/batch/columns';
import { importColumns } from '../../../src-main/services/batch/import-lines';
import { reportRow } from '../../../src-main/services/batch/report';
import type { PlannedRow } from '../../../src-main/services/batch/plan';
import { plainLineContext, writePlainLine } from '../../../src-main/services/batch/plain-line';
import {
  planFully,
  planRowsInSlices,
  readLineIdentities,
  type FileLines,
} from '../../../src-main/services/batch/plan-rows';
import type { SourceRow } from '../../../src-main/services/batch/source-table';
import {
  decodePlannedRows,
  reportRowsOf,
  RowSliceWriter,
} from '../../../src-main/services/batch/worker/plan-rows-wire';
import { fixtureCatalog } from './support/catalog-fixture';
import { crossThreads } from '../../support/cross-threads';

/**
 * Values each column may hold: the fixture catalogue's devices, models and subscribers in the notations files
 * use, and every kind of mistake the rules know, so that random lines are plain, broken, or given twice.
 */
const VALUES: Readonly<Record<ImportField, readonly string[]>> = {
  mac: [
    '48:7A:55:0A:1B:01',
    '48-7a-55-0a-1b-02',
    '487a550a1b03',
    '48:7a:55:0a:1b:04',
    '487a.550a.1b05',
    ' 48:7A:55:0A:1B:06\u00a0',
    '00:00:00:00:00:00',
    '4.87055E+11',
    '03807E7898',
    '48:7a:55:0a:1b',
    '',
  ],
  ipei: ['', '03807E7898', '03807e7899', '14343 0948376 *', '12345', '48:7A:55:0A:1B:07'],
  identifier: ['', '48:7A:55:0A:1B:01', '03807E7898', '487a550a1b08', '03807E789A', 'nonsense'],
  model: [
    '8028s',
    '8068s',
    'M5',
    '8028 S',
    '14',
    '8214DECT',
    '8214-dect',
    'Generic SIP',
    '8026s',
    '999998',
    '',
  ],
  description: ['', 'Reception', 'Spare', 'Handset', 'Desk 4', 'x'.repeat(300), 'two\nlines'],
  subscriber: ['81002', '', '81001', '81 003', '123', '1.2E+4', '99999', '81010'],
  phoneNumberId: ['', 'pn1', 'pn2', 'pn9'],
  email: [
    '',
    'camille.martin@demo.test',
    'BOSS@demo.test',
    'nobody@demo.test',
    'not-an-email',
    ' Lucas.Bernard@demo.test',
  ],
  transferMode: ['', 'new_call', 'Attended transfer', 'blind'],
  mediaTransportProtocol: ['', 'srtp', 'rtp_avp', 'carrier pigeon'],
};
/** Half the picks fall on a column's first three values: lines that are plain, or nearly. */
function valueAt(values: readonly string[], pick: number): string {
  const at = pick % (2 * values.length);
  return values[at < values.length ? at : at % 3] ?? '';
}
const FIELDS = Object.keys(VALUES) as ImportField[];

/** A header of some of the columns in any order (maybe one Fieldkit ignores), and lines under it. */
const file = fc
  .record({
    identifierFields: fc.subarray<ImportField>(['mac', 'ipei', 'identifier'], { minLength: 1 }),
    others: fc.subarray(FIELDS.filter((field) => !['mac', 'ipei', 'identifier', 'model'].includes(field))),
    ignored: fc.boolean(),
    seed: fc.nat(),
  })
  .chain(({ identifierFields, others, ignored }) => {
    const headings: string[] = [...identifierFields, 'model', ...others, ...(ignored ? ['notes'] : [])];
    return fc.record({
      headings: fc.shuffledSubarray(headings, { minLength: headings.length }),
      lines: fc.array(
        fc.record({
          picks: fc.array(fc.nat(), { minLength: headings.length, maxLength: headings.length }),
          // Cells missing or past the header's width, and cells an XLSX sheet stored as numbers.
          ragged: fc.constantFrom(0, 0, 0, 0, -1, 1, 2),
          extra: fc.constantFrom('', ' ', 'x'),
          numeric: fc.boolean(),
        }),
        { maxLength: 40 },
      ),
      reassign: fc.boolean(),
    });
  })
  .map(({ headings, lines, reassign }) => {
    const header: SourceRow = { line: 1, cells: headings };
    const rows = lines.map(({ picks, ragged, extra, numeric }, at): SourceRow => {
      const cells = headings.map((heading, column) => {
        const values = VALUES[heading as ImportField] ?? ['note', ''];
        return valueAt(values, picks[column] ?? 0);
      });
      if (ragged < 0) cells.pop();
      for (let more = 0; more < ragged; more += 1) cells.push(extra);
      return { line: at + 2, cells, ...(numeric ? { numericCells: [0, 1] } : {}) };
    });
    return { header, rows, reassign };
  });

function fileLines(header: SourceRow, rows: SourceRow[]): FileLines {
  const reading = readHeader(header);
  return { rows, columns: reading.columns, width: reading.width };
}

describe('plain lines', () => {
  it('are planned as every check and the planner plan them, whatever the file', () => {
    fc.assert(
      fc.property(file, ({ header, rows, reassign }) => {
        const catalog = fixtureCatalog();
        const lines = fileLines(header, rows);
        const options = { reassign };
        const full = planFully(
          rows.map((_, position) => position),
          lines,
          indexCatalog(catalog),
          options,
        );
        const slices = [...planRowsInSlices(lines, readLineIdentities(lines), catalog, options)].map(
          crossThreads,
        );
        const read = slices.flatMap((slice) => decodePlannedRows(slice));
        expect(read).toStrictEqual(JSON.parse(JSON.stringify(full)));
        const reported = slices.flatMap((slice) => reportRowsOf(slice, 'validate'));
        const made = full.map((row) => reportRow(row, 'validate', undefined));
        expect(reported).toStrictEqual(JSON.parse(JSON.stringify(made)));
      }),
      { numRuns: 500 },
    );
  });

  it('are told apart from lines a rule has something to say about', () => {
    const header: SourceRow = { line: 1, cells: ['mac', 'model', 'subscriber', 'transferMode'] };
    const { columns, width } = fileLines(header, []);
    const catalog = fixtureCatalog();
    const index = indexCatalog(catalog);
    const context = plainLineContext(index, { reassign: false }, importColumns(columns), width);
    const identity = { kind: 'mac', value: '487a550a1b03' } as const;
    const plannedAsPlain = (cells: string[]): PlannedRow[] | undefined => {
      const writer = new RowSliceWriter(1);
      const device = index.devicesByIdentifier.get(identity.value);
      const plain = writePlainLine({ line: 2, cells }, identity, device, context, writer, 0);
      return plain ? decodePlannedRows(crossThreads(writer.slice())) : undefined;
    };
    expect(plannedAsPlain(['48:7A:55:0A:1B:03', '8028s', '81002', ''])).toStrictEqual([
      {
        line: 2,
        id: '48:7A:55:0A:1B:03',
        action: 'create-assign',
        errors: [],
        warnings: [],
        detail: 'Create 8028s "8028s 81002" and assign it to 81002 Lucas Bernard.',
        kind: 'mac',
        identifier: '487a550a1b03',
        model: { id: 14, name: '8028s' },
        subscriber: { phoneNumberId: 'pn2', shortNumber: '81002', name: 'Lucas Bernard' },
        description: '8028s 81002',
      },
    ]);
    expect(plannedAsPlain(['48:7A:55:0A:1B:03', '8026s', '81002', ''])).toBeUndefined();
    expect(plannedAsPlain(['48:7A:55:0A:1B:03', '8028s', '99999', ''])).toBeUndefined();
    expect(plannedAsPlain(['48:7A:55:0A:1B:03', '8028s', '81002', 'new_call'])).toBeUndefined();
    expect(plannedAsPlain(['48:7A:55:0A:1B:03', '8028s', '81002'])).toBeUndefined();
  });
});
