import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src-main/services/batch/read-import-file';
import { cellOf, type SourceTable } from '../../../src-main/services/batch/source-table';

/** Any text a CSV file may hold: delimiters, quotes (closed or not), line breaks, comments, blank lines. */
const csvText = fc
  .array(
    fc.constantFrom(
      'mac',
      'model',
      '48:7A:55:0A:1B:01',
      '8028s',
      'a "b"',
      '"x, y"',
      '"open',
      ',',
      ';',
      '\t',
      '"',
      '\n',
      '\r\n',
      '\r',
      ' ',
      '#',
      '\u00a0',
      'é',
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

/** The table with each row as a plain object, as `toEqual` compares it. */
function plain(table: SourceTable): unknown {
  const row = ({ line, cells, numericCells }: SourceTable['rows'][number]): unknown =>
    numericCells === undefined ? { line, cells } : { line, cells, numericCells };
  return { ...table, header: table.header && row(table.header), rows: table.rows.map(row) };
}

describe('CSV rows whose cells are read on demand', () => {
  it('are the rows read at once, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const bytes = new TextEncoder().encode(text);
        const atOnce = await readImportFile('lines.csv', bytes);
        const onDemand = await readImportFile('lines.csv', bytes, { cellsOnDemand: true });
        expect(plain(onDemand)).toEqual(plain(atOnce));
      }),
      { numRuns: 1000 },
    );
  });

  it('answer each cell alone as their cells give it', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const onDemand = await readImportFile('lines.csv', new TextEncoder().encode(text), {
          cellsOnDemand: true,
        });
        for (const row of onDemand.rows) {
          const { cells } = row;
          for (let index = 0; index <= cells.length; index += 1) {
            expect(cellOf(row, index)).toBe(cells[index]);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
