import { describe, expect, it } from 'vitest';
import { readHeader } from '../../../src-main/services/batch/columns';
import { planRowsInSlices, readLineIdentities } from '../../../src-main/services/batch/plan-rows';
import type { SourceRow } from '../../../src-main/services/batch/source-table';
import { rowCount } from '../../../src-main/services/batch/worker/plan-rows-wire';
import { fixtureCatalog } from './support/catalog-fixture';

describe('a long file', () => {
  it('is planned in slices of 10,000 lines, after a small first one, halving towards its end', () => {
    const { columns, width } = readHeader({ line: 1, cells: ['mac', 'model'] });
    const hex = (value: number): string => (value & 0xff).toString(16).padStart(2, '0');
    const rows = Array.from({ length: 25_000 }, (_, index): SourceRow => ({
      line: index + 2,
      cells: [`48:7a:55:a0:${hex(index >> 8)}:${hex(index)}`, '8028s'],
    }));
    const lines = { rows, columns, width };
    const slices = [
      ...planRowsInSlices(lines, readLineIdentities(lines), fixtureCatalog(), { reassign: false }),
    ];
    expect(slices.map(rowCount)).toEqual([1_000, 10_000, 7_000, 3_500, 1_750, 1_000, 750]);
  });
});
