import { readSheet } from 'read-excel-file/node';
import type { FileProblem, SourceRow } from './source-table';

type CellValue = string | number | boolean | Date | null | undefined;

export type XlsxReading = { ok: true; rows: SourceRow[] } | { ok: false; problem: FileProblem };

/**
 * The first sheet of an .xlsx workbook as text rows; a row's line is its row number in the sheet. Formulas are
 * never evaluated: the reader takes the value the spreadsheet saved with them.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<XlsxReading> {
  let sheet: CellValue[][];
  try {
    sheet = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as CellValue[][];
  } catch {
    return {
      ok: false,
      problem: {
        line: 0,
        message:
          'The file looks like an .xlsx workbook but cannot be read (damaged, password-protected or not ' +
          'really a workbook). Open it in your spreadsheet and save it again as .xlsx or as CSV UTF-8.',
      },
    };
  }
  return {
    ok: true,
    rows: sheet.map((row, index) => ({
      line: index + 1,
      cells: row.map(cellText),
      numericCells: row.flatMap((cell, column) => (typeof cell === 'number' ? [column] : [])),
    })),
  };
}

/** How a cell reads as text: numbers without exponent or trailing `.0`, dates as ISO dates. */
function cellText(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && Math.abs(cell) < 1e21 ? cell.toFixed(0) : String(cell);
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return cell;
}
