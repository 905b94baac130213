/**
 * A spreadsheet read into text cells, before any column has a meaning: what the CSV and XLSX readers produce
 * and the row reader consumes. Line numbers are the file's own (1-based, counting the header), so every
 * message points at the line a technician sees in the file.
 */

import { MAX_IMPORT_ROWS } from '../../shared/limits';
import type { Delimiter, FileFormat, FileProblem } from './types';

export type { Delimiter, FileFormat, FileProblem } from './types';

export interface SourceRow {
  line: number;
  cells: string[];
  /** XLSX only: the columns whose cell the spreadsheet stored as a number (digits may have been lost). */
  numericCells?: number[];
  /**
   * `cellText`, from a row that keeps its line's place in the file's text and so finds one cell without splitting
   * its line (csv-parser.ts).
   */
  cellIn?: (index: number, range: CellRange) => string | undefined;
}

/** The row's cell at `index`, split out alone when the row can (a file's identifiers are read first, alone). */
export function cellOf(row: SourceRow, index: number): string | undefined {
  const range: CellRange = { start: 0, end: 0 };
  return cellText(row, index, range)?.slice(range.start, range.end);
}

/** Where a cell is in the text that holds it. */
export interface CellRange {
  start: number;
  end: number;
}

/**
 * The text holding the row's cell at `index`, the cell's place in it written to `range`: the file's text when
 * the row keeps its line's place there, so the cell is read without being made a string; undefined when the
 * row has no such cell.
 */
export function cellText(row: SourceRow, index: number, range: CellRange): string | undefined {
  if (row.cellIn !== undefined) return row.cellIn(index, range);
  const cell = row.cells[index];
  if (cell === undefined) return undefined;
  range.start = 0;
  range.end = cell.length;
  return cell;
}

export interface SourceTable {
  format: FileFormat;
  /** CSV only: the delimiter found on the header line. */
  delimiter?: Delimiter;
  /** The first line that is neither blank nor a comment; undefined when the file has none. */
  header?: SourceRow;
  rows: SourceRow[];
  /** Problems that stop the file (or part of it) from being read: the import cannot go ahead. */
  errors: FileProblem[];
}

/** Blank cells and `#` comment lines are not rows, in a CSV file as in a sheet. */
export function isSkippedRow(cells: readonly string[]): boolean {
  const first = cells[0]?.trimStart() ?? '';
  return first.startsWith('#') || cells.every((cell) => cleanCell(cell) === '');
}

/**
 * A cell as a value: spreadsheets and copy-paste leave non-breaking and zero-width spaces around values, which
 * the eye cannot see; they are dropped at both ends (inside a value they are still reported).
 */
export function cleanCell(cell: string): string {
  // Most cells begin and end with a visible ASCII character, which no space is: they are answered from two
  // character codes, with no string or regular expression made for each of a file's 700,000 cells.
  if (
    cell === '' ||
    (isVisibleAscii(cell.charCodeAt(0)) && isVisibleAscii(cell.charCodeAt(cell.length - 1)))
  ) {
    return cell;
  }
  return cell.replace(EDGE_SPACES, '');
}

const EDGE_SPACES = /^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g;

function isVisibleAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/** Lines with values a file may have: the header and `MAX_IMPORT_ROWS` device lines. */
export const MAX_LINES_WITH_VALUES = MAX_IMPORT_ROWS + 1;

/** The file has a line with values past `MAX_LINES_WITH_VALUES`: nothing of it is checked. */
export function rowLimitProblem(line: number): FileProblem {
  const limit = MAX_IMPORT_ROWS.toLocaleString('en');
  return {
    line,
    message:
      `Line ${line}: the file has more than ${limit} device lines, the most Fieldkit imports from one file. ` +
      'Split it into several files.',
  };
}
