import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src-main/services/batch';
import { writeXlsx } from './support/xlsx-writer';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readImportFile: CSV', () => {
  it.each([
    { name: 'comma', text: 'mac,model,subscriber\nA,B,C\n', delimiter: ',' },
    { name: 'semicolon (French Excel)', text: 'mac;model;description\nA;B;"x, y"\n', delimiter: ';' },
    { name: 'tab', text: 'mac\tmodel\nA\tB\n', delimiter: '\t' },
    {
      name: 'semicolon even with commas in the header notes',
      text: 'MAC (a,b);Model\nA;B\n',
      delimiter: ';',
    },
  ])('sniffs the $name delimiter from the header', async ({ text, delimiter }) => {
    const table = await readImportFile('f.csv', utf8(text));
    expect(table.delimiter).toBe(delimiter);
    expect(table.rows[0]?.cells.length).toBe(table.header?.cells.length);
  });

  it('sniffs past leading comments and blank lines', async () => {
    const table = await readImportFile('f.csv', utf8('# a, b, c, d\n\n;;;\nmac;model\nA;B\n'));
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual({ line: 4, cells: ['mac', 'model'] });
    expect(table.rows).toEqual([{ line: 5, cells: ['A', 'B'] }]);
  });

  it('drops a UTF-8 byte-order mark and keeps accents', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('mac,description\nA,Chloé\n')]);
    const table = await readImportFile('f.csv', bytes);
    expect(table.header?.cells).toEqual(['mac', 'description']);
    expect(table.rows[0]?.cells).toEqual(['A', 'Chloé']);
  });

  it('skips blank lines, lines of empty cells and comments, keeping line numbers', async () => {
    const table = await readImportFile('f.csv', utf8('mac,model\n\nA,B\n  \n,\n# c\nC,D\n'));
    expect(table.rows.map((row) => row.line)).toEqual([3, 7]);
  });

  it('refuses UTF-16 and says to save as CSV UTF-8', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x6d, 0x00, 0x61, 0x00]);
    const table = await readImportFile('f.csv', bytes);
    expect(table.errors).toEqual([{ line: 0, message: expect.stringMatching(/UTF-16.*CSV UTF-8/s) }]);
  });

  it('refuses Windows-1252 text, naming the line, instead of garbling it', async () => {
    const latin1 = new Uint8Array([...utf8('mac,description\nA,ok\nB,Chlo'), 0xe9, ...utf8('\n')]);
    const table = await readImportFile('f.csv', latin1);
    expect(table.errors).toEqual([
      { line: 3, message: expect.stringMatching(/^Line 3 .*not UTF-8.*CSV UTF-8/s) },
    ]);
    expect(table.rows).toEqual([]);
  });

  it('refuses binary data, an old .xls and a fake .xlsx', async () => {
    const binary = await readImportFile('f.csv', new Uint8Array([0x61, 0x0a, 0x00, 0x01]));
    expect(binary.errors[0]?.message).toMatch(/binary data \(a NUL byte on line 2\)/);
    const xls = await readImportFile('f.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]));
    expect(xls.errors[0]?.message).toMatch(/\.xls.*\.xlsx or as CSV UTF-8/);
    const fake = await readImportFile('f.xlsx', utf8('mac,model\n'));
    expect(fake.errors[0]?.message).toMatch(/not an Excel workbook/);
    const broken = await readImportFile('f.xlsx', utf8('PK\u0003\u0004garbage'));
    expect(broken.errors[0]?.message).toMatch(/cannot be read/);
  });

  it('refuses an empty file', async () => {
    expect((await readImportFile('f.csv', new Uint8Array())).errors).toEqual([
      { line: 0, message: 'The file is empty.' },
    ]);
  });
});

describe('readImportFile: XLSX', () => {
  it('reads the first sheet, with sheet row numbers as line numbers', async () => {
    const bytes = writeXlsx([
      {
        name: 'Phones',
        rows: [
          ['# rollout'],
          ['MAC Address', 'Model', 'Subscriber'],
          undefined,
          ['48:7A:55:0A:1B:09', '8028s', 81003],
        ],
      },
      { name: 'Notes', rows: [['ignored', 'sheet']] },
    ]);
    const table = await readImportFile('rollout.xlsx', bytes);
    expect(table.format).toBe('xlsx');
    expect(table.errors).toEqual([]);
    expect(table.header).toMatchObject({ line: 2, cells: ['MAC Address', 'Model', 'Subscriber'] });
    expect(table.rows).toEqual([
      { line: 4, cells: ['48:7A:55:0A:1B:09', '8028s', '81003'], numericCells: [2] },
    ]);
  });

  it('keeps a formula-looking text cell as text, never evaluated', async () => {
    const bytes = writeXlsx([
      {
        name: 'S',
        rows: [
          ['mac', 'description'],
          ['x', "=cmd|' /C calc'!A0"],
        ],
      },
    ]);
    const table = await readImportFile('f.xlsx', bytes);
    expect(table.rows[0]?.cells[1]).toBe("=cmd|' /C calc'!A0");
  });

  it('recognises an .xlsx by its content whatever its name', async () => {
    const bytes = writeXlsx([
      {
        name: 'S',
        rows: [
          ['mac', 'model'],
          ['a', 'b'],
        ],
      },
    ]);
    expect((await readImportFile('export.csv', bytes)).format).toBe('xlsx');
  });
});
