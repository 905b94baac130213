import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src-main/services/batch';
import { MAX_IMPORT_ROWS, XLSX_LIMITS } from '../../../src-main/shared/limits';
import {
  deflatedRepeat,
  sharedStringsXml,
  worksheetXml,
  writeXlsxParts,
  type DeflatedPart,
} from './support/xlsx-writer';

const HEADER_ROW =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>mac</t></is></c><c r="B1" t="inlineStr"><is><t>model</t></is></c></row>';
const DATA_ROW =
  '<row r="2"><c r="A2" t="inlineStr"><is><t>48:7A:55:0A:1B:09</t></is></c><c r="B2" t="inlineStr"><is><t>8028s</t></is></c></row>';

function sheet(xml: string): Buffer {
  return writeXlsxParts({ sheets: [{ name: 'S', xml }] });
}

function withSharedStrings(sharedStrings: DeflatedPart): Buffer {
  return writeXlsxParts({
    sheets: [{ name: 'S', xml: worksheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
    sharedStrings,
  });
}

describe('readImportFile: an .xlsx is read by what it holds, never by its declared range', () => {
  it('refuses a value at XFD1048576 by its line and column, in a workbook of under 2 KB', async () => {
    const bytes = sheet(
      worksheetXml(
        `${HEADER_ROW}${DATA_ROW}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
        '<dimension ref="A1:XFD1048576"/>',
      ),
    );
    expect(bytes.length).toBeLessThan(2048);
    const table = await readImportFile('bomb.xlsx', bytes);
    expect(table.errors).toEqual([
      {
        line: 1048576,
        message: expect.stringMatching(/^Line 1048576, column XFD: .* at most 64 columns \(A to BL\)/),
      },
    ]);
  });

  it('refuses a value at ZZ200000 the same way', async () => {
    const bytes = sheet(
      worksheetXml(`${HEADER_ROW}<row r="200000"><c r="ZZ200000" t="inlineStr"><is><t>x</t></is></c></row>`),
    );
    const table = await readImportFile('bomb.xlsx', bytes);
    expect(table.errors[0]?.message).toMatch(/^Line 200000, column ZZ: /);
  });

  it('reads a value far down the sheet without filling the lines between', async () => {
    const bytes = sheet(
      worksheetXml(
        `${HEADER_ROW}<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>48:7A:55:0A:1B:09</t></is></c></row>`,
      ),
    );
    const table = await readImportFile('far.xlsx', bytes);
    expect(table.errors).toEqual([]);
    expect(table.rows).toEqual([{ line: 1048576, cells: ['48:7A:55:0A:1B:09', ''] }]);
  });

  it('ignores a whole formatted column and the range it stretches the sheet to', async () => {
    const formatted = Array.from(
      { length: 5000 },
      (_, index) =>
        `<row r="${index + 3}" s="1" customFormat="1"><c r="C${index + 3}" s="1"/><c r="XFD${index + 3}" s="2"><v></v></c></row>`,
    ).join('');
    const bytes = sheet(
      worksheetXml(
        `${HEADER_ROW}${DATA_ROW}${formatted}<row r="1048576" s="1" customFormat="1"/>`,
        '<dimension ref="A1:XFD1048576"/><cols><col min="3" max="16384" width="9" style="1" customWidth="1"/></cols>',
      ),
    );
    const table = await readImportFile('formatted.xlsx', bytes);
    expect(table.errors).toEqual([]);
    expect(table.header?.cells).toEqual(['mac', 'model']);
    expect(table.rows).toEqual([{ line: 2, cells: ['48:7A:55:0A:1B:09', '8028s'] }]);
  });

  it('refuses shared strings that unpack past the part limit, without unpacking them all', async () => {
    const sharedStrings = await deflatedRepeat(
      sharedStringsXml('<si><t>').replace('</t></si></sst>', ''),
      'a'.repeat(1024),
      XLSX_LIMITS.partBytes / 1024 + 1,
      '</t></si></sst>',
    );
    expect(sharedStrings.deflated.length).toBeLessThan(XLSX_LIMITS.partBytes / 500);
    const table = await readImportFile('bomb.xlsx', withSharedStrings(sharedStrings));
    expect(table.errors).toEqual([
      {
        line: 0,
        message: expect.stringMatching(/^The workbook's xl\/sharedStrings\.xml unpacks to more than 128 MB/),
      },
    ]);
  });

  it('refuses more shared strings than the limit, before keeping them all', async () => {
    const sharedStrings = await deflatedRepeat(
      sharedStringsXml('').replace('</sst>', ''),
      '<si><t>a</t></si>',
      XLSX_LIMITS.sharedStrings + 1,
      '</sst>',
    );
    const table = await readImportFile('many-texts.xlsx', withSharedStrings(sharedStrings));
    expect(table.errors[0]?.message).toMatch(/^The workbook holds more than 1,000,000 different texts/);
  });

  it('refuses a cell longer than a cell may be, by its line and column', async () => {
    const long = 'x'.repeat(XLSX_LIMITS.cellCharacters + 1);
    const bytes = writeXlsxParts({
      sheets: [
        { name: 'S', xml: worksheetXml(`${HEADER_ROW}<row r="7"><c r="B7" t="s"><v>0</v></c></row>`) },
      ],
      sharedStrings: sharedStringsXml(`<si><t>${long}</t></si>`),
    });
    const table = await readImportFile('long.xlsx', bytes);
    expect(table.errors[0]).toEqual({
      line: 7,
      message: expect.stringMatching(/^Line 7, column B: the cell holds more than 32,767 characters/),
    });
  });

  it('refuses more device lines than the row limit, naming the first one past it', async () => {
    const rows = Array.from(
      { length: MAX_IMPORT_ROWS + 2 },
      (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>${index}</v></c></row>`,
    ).join('');
    const table = await readImportFile('many.xlsx', sheet(worksheetXml(rows)));
    expect(table.errors[0]).toEqual({
      line: MAX_IMPORT_ROWS + 2,
      message: expect.stringMatching(/more than 100,000 device lines/),
    });
  });

  it('reads shared, rich, numeric and boolean cells as the spreadsheet shows them', async () => {
    const bytes = writeXlsxParts({
      sheets: [
        {
          name: 'S',
          xml: worksheetXml(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>4.87055E+11</v></c>' +
              '<c r="D1" t="b"><v>1</v></c><c r="E1" t="str"><f>A1</f><v>a &amp; b</v></c></row>',
          ),
        },
      ],
      sharedStrings: sharedStringsXml(
        '<si><t>mac</t></si><si><r><t>Mo</t></r><r><t>del</t></r><rPh><t>ignored</t></rPh></si>',
      ),
    });
    const table = await readImportFile('kinds.xlsx', bytes);
    expect(table.header).toEqual({
      line: 1,
      cells: ['mac', 'Model', '487055000000', 'TRUE', 'a & b'],
      numericCells: [2],
    });
  });

  it('says a damaged workbook cannot be read', async () => {
    const bytes = sheet(worksheetXml(HEADER_ROW));
    const cut = bytes.subarray(0, bytes.length - 30);
    const table = await readImportFile('cut.xlsx', cut);
    expect(table.errors[0]?.message).toMatch(/cannot be read \(damaged/);
  });
});

describe('readImportFile: a CSV file is read up to the row limit', () => {
  // Both ways of reading rows: cells made at once, and quote-free rows kept as text (the import worker's).
  const readings = [{ cellsOnDemand: false }, { cellsOnDemand: true }];

  it.each(readings)(
    'stops at the first line with values past the limit, whatever blank and comment lines come between (%o)',
    async (options) => {
      const lines = ['mac,model', '# a comment', ''];
      for (let index = 0; index <= MAX_IMPORT_ROWS; index += 1) lines.push(`48:7a:55:00:00:01,M5`);
      const text = `${lines.join('\n')}\n`;
      const table = await readImportFile('many.csv', new TextEncoder().encode(text), options);
      expect(table.rows).toEqual([]);
      expect(table.errors).toEqual([
        {
          line: MAX_IMPORT_ROWS + 4,
          message: expect.stringMatching(/^Line 100004: the file has more than 100,000 device lines/),
        },
      ]);
    },
  );

  it.each(readings)('reads a file of exactly the limit (%o)', async (options) => {
    const lines = ['mac,model'];
    for (let index = 0; index < MAX_IMPORT_ROWS; index += 1) lines.push(`48:7a:55:00:00:01,M5`);
    const table = await readImportFile('full.csv', new TextEncoder().encode(lines.join('\n')), options);
    expect(table.errors).toEqual([]);
    expect(table.rows).toHaveLength(MAX_IMPORT_ROWS);
  });
});
