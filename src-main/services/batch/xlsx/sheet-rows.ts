import { columnLetter } from '../columns';
import { XLSX_LIMITS } from '../../../shared/limits';
import { MAX_LINES_WITH_VALUES, rowLimitProblem, type SourceRow } from '../source-table';
import { MAX_RAW_CELL_CHARACTERS, scanPart } from './scan-part';
import { OVERLONG_TEXT, type SharedText } from './shared-strings';
import { XlsxProblem } from './xlsx-problem';
import { attribute, decodeEntities } from './xml-scanner';
import type { ZipEntry } from './zip-archive';

/** Excel's last row; a row number beyond it is damage, not data. */
const LAST_SHEET_ROW = 1_048_576;

interface OpenCell {
  column: number;
  type: string;
  value: string;
  inline: string;
}

/**
 * The lines of a sheet that hold at least one value, each as wide as the widest of them. Only cells present in
 * the sheet's XML are read: the range the sheet declares (`<dimension>`, a whole formatted column, a cell at
 * XFD1048576) costs nothing, and a line past the row limit, or a value past the column or text limit, stops the reading with its line
 * and column named. Formulas are never evaluated: the value the spreadsheet saved with them is read.
 */
export async function readSheetRows(
  bytes: Uint8Array,
  entry: ZipEntry,
  shared: readonly SharedText[],
): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  let width = 0;
  let inSheetData = false;
  let line = 0;
  let cells: string[] = [];
  let numeric: number[] = [];
  let cell: OpenCell | undefined;
  let lastColumn = -1;
  let collecting: 'value' | 'inline' | undefined;

  const endCell = (): void => {
    if (cell === undefined) return;
    const { text, isNumber } = cellText(cell, shared, line);
    if (text !== '') {
      if (cell.column >= XLSX_LIMITS.columns) throw tooWide(line, cell.column);
      cells[cell.column] = text;
      if (isNumber) numeric.push(cell.column);
    }
    cell = undefined;
  };

  const endRow = (): void => {
    if (cells.length === 0) return;
    if (rows.length >= MAX_LINES_WITH_VALUES) throw new XlsxProblem(rowLimitProblem(line));
    width = Math.max(width, cells.length);
    rows.push(numeric.length === 0 ? { line, cells } : { line, cells, numericCells: numeric });
    cells = [];
    numeric = [];
  };

  await scanPart(bytes, entry, XLSX_LIMITS.partBytes, {
    open: (name, attributes, selfClosing) => {
      if (name === 'sheetData') inSheetData = !selfClosing;
      if (!inSheetData) return;
      if (name === 'row') {
        line = rowNumber(attribute(attributes, 'r'), line);
        lastColumn = -1;
      } else if (name === 'c') {
        lastColumn = columnIndex(attribute(attributes, 'r'), lastColumn, line);
        cell = {
          column: lastColumn,
          type: attribute(attributes, 't') ?? 'n',
          value: '',
          inline: '',
        };
        if (selfClosing) cell = undefined;
      } else if (!selfClosing && cell !== undefined && (name === 'v' || name === 't')) {
        collecting = name === 'v' ? 'value' : 'inline';
      }
    },
    close: (name) => {
      if (name === 'v' || name === 't') collecting = undefined;
      else if (name === 'c') endCell();
      else if (name === 'row') endRow();
      else if (name === 'sheetData') inSheetData = false;
    },
    text: (piece) => {
      if (collecting === undefined || cell === undefined) return;
      cell[collecting] += piece;
      if (cell[collecting].length > MAX_RAW_CELL_CHARACTERS) throw tooLong(line, cell.column);
    },
  });
  for (const row of rows) {
    for (let column = 0; column < width; column += 1) row.cells[column] ??= '';
  }
  return rows;
}

/** The text a cell shows (numbers without exponent or trailing `.0`), and whether it was stored as a number. */
function cellText(
  cell: OpenCell,
  shared: readonly SharedText[],
  line: number,
): { text: string; isNumber: boolean } {
  const value = decodeEntities(cell.value);
  let text: string;
  switch (cell.type) {
    case 's': {
      const found = shared[Number(value)] ?? '';
      if (found === OVERLONG_TEXT) throw tooLong(line, cell.column);
      text = found;
      break;
    }
    case 'inlineStr':
      text = decodeEntities(cell.inline);
      break;
    case 'b':
      text = value === '' ? '' : value === '1' ? 'TRUE' : 'FALSE';
      break;
    case 'd':
      text = value.slice(0, 10);
      break;
    case 'n': {
      const number = value.trim() === '' ? Number.NaN : Number(value);
      if (Number.isFinite(number)) return { text: numberText(number), isNumber: true };
      text = value;
      break;
    }
    default:
      text = value;
  }
  if (text.length > XLSX_LIMITS.cellCharacters) throw tooLong(line, cell.column);
  return { text, isNumber: false };
}

function numberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

function rowNumber(declared: string | undefined, previous: number): number {
  const number = declared === undefined ? previous + 1 : Number(declared);
  if (!Number.isInteger(number) || number <= previous || number > LAST_SHEET_ROW) {
    throw damaged(`a row numbered "${declared ?? number}" after row ${previous}`);
  }
  return number;
}

/** `B7` → 1; a cell without a reference follows the previous one of its row. */
function columnIndex(reference: string | undefined, previous: number, line: number): number {
  if (reference === undefined) return previous + 1;
  const letters = /^[A-Z]{1,3}/.exec(reference)?.[0];
  if (letters === undefined) throw damaged(`a cell reference "${reference.slice(0, 20)}" on line ${line}`);
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function tooWide(line: number, column: number): XlsxProblem {
  const last = columnLetter(XLSX_LIMITS.columns - 1);
  return new XlsxProblem({
    line,
    message:
      `Line ${line}, column ${columnLetter(column)}: the sheet has a value there, but Fieldkit reads at most ` +
      `${XLSX_LIMITS.columns} columns (A to ${last}). Delete what is beyond column ${last}, or copy the ` +
      'columns to import into a new sheet.',
  });
}

function tooLong(line: number, column: number): XlsxProblem {
  return new XlsxProblem({
    line,
    message:
      `Line ${line}, column ${columnLetter(column)}: the cell holds more than ` +
      `${XLSX_LIMITS.cellCharacters.toLocaleString('en')} characters, the most a cell may hold. Shorten it.`,
  });
}

function damaged(what: string): XlsxProblem {
  return new XlsxProblem({
    line: 0,
    message: `The sheet is damaged (${what}). Open it in your spreadsheet and save it again as .xlsx or as CSV UTF-8.`,
  });
}
