import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src-main/services/batch/csv-parser';
import type { Delimiter } from '../../../src-main/services/batch/source-table';

describe('parseCsv', () => {
  const cases: { name: string; text: string; delimiter?: Delimiter; rows: [number, string[]][] }[] = [
    {
      name: 'comma, LF',
      text: 'a,b\nc,d\n',
      rows: [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    },
    {
      name: 'CRLF',
      text: 'a,b\r\nc,d\r\n',
      rows: [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    },
    {
      name: 'lone CR (old Mac)',
      text: 'a,b\rc,d',
      rows: [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    },
    {
      name: 'no final line break',
      text: 'a,b\nc,d',
      rows: [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    },
    { name: 'semicolon', text: 'a;b,c\n', delimiter: ';', rows: [[1, ['a', 'b,c']]] },
    { name: 'tab', text: 'a\tb c\n', delimiter: '\t', rows: [[1, ['a', 'b c']]] },
    { name: 'quoted delimiter', text: '"a,b",c\n', rows: [[1, ['a,b', 'c']]] },
    { name: 'escaped quote', text: '"say ""hi""",x\n', rows: [[1, ['say "hi"', 'x']]] },
    { name: 'empty quoted', text: '"",x\n', rows: [[1, ['', 'x']]] },
    { name: 'trailing delimiter', text: 'a,b,\n', rows: [[1, ['a', 'b', '']]] },
    { name: 'trailing delimiter at end of text', text: 'a,', rows: [[1, ['a', '']]] },
    {
      name: 'multi-line quoted field keeps physical line numbers',
      text: 'h\n"one\ntwo\nthree",x\nnext\n',
      rows: [
        [1, ['h']],
        [2, ['one\ntwo\nthree', 'x']],
        [5, ['next']],
      ],
    },
    {
      name: 'CRLF inside quotes counts as one line',
      text: '"a\r\nb"\r\nc\r\n',
      rows: [
        [1, ['a\r\nb']],
        [3, ['c']],
      ],
    },
    {
      name: 'comment lines skipped, even with quotes',
      text: '# say "hi\na\n  # note\nb\n',
      rows: [
        [2, ['a']],
        [4, ['b']],
      ],
    },
    {
      name: 'blank lines are rows of one empty cell',
      text: 'a\n\nb\n',
      rows: [
        [1, ['a']],
        [2, ['']],
        [3, ['b']],
      ],
    },
    { name: 'text after a closing quote is kept', text: '"ab"cd,e\n', rows: [[1, ['abcd', 'e']]] },
    { name: 'quote inside an unquoted value is literal', text: 'a"b,c\n', rows: [[1, ['a"b', 'c']]] },
  ];

  it.each(cases)('$name', ({ text, delimiter, rows }) => {
    const parsed = parseCsv(text, delimiter ?? ',');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((row) => [row.line, row.cells])).toEqual(rows);
  });

  it('reports a quote that never closes on the line that opened it', () => {
    const parsed = parseCsv('mac,model\nx,"8028s\ny,z\n', ',');
    expect(parsed.problems).toEqual([
      { line: 2, message: expect.stringContaining('Line 2 opens a quoted value') },
    ]);
    expect(parsed.rows[0]).toEqual({ line: 1, cells: ['mac', 'model'] });
  });
});
