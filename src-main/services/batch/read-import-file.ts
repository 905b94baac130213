import { recognisedHeadingCount } from './columns';
import { parseCsv, parseCsvLines, splitLine } from './csv-parser';
import { decodeCsvBytes } from './decode-text';
import { MAX_IMPORT_BYTES } from '../../shared/limits';
import {
  isSkippedRow,
  MAX_LINES_WITH_VALUES,
  type Delimiter,
  type FileProblem,
  type SourceRow,
  type SourceTable,
} from './source-table';
import { readXlsxRows } from './xlsx-reader';

export { MAX_IMPORT_BYTES };

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface ReadOptions {
  /**
   * A CSV file's rows may split their cells from the file's text each time they are read (`parseCsvLines`):
   * for a reader that reads each row's cells once or twice and holds the file meanwhile (the import worker).
   */
  cellsOnDemand?: boolean;
}

/** Reads a CSV (delimiter sniffed) or XLSX (first sheet) import file into rows of text cells. Never throws. */
export async function readImportFile(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<SourceTable> {
  const refusal = refuseUnreadable(fileName, bytes);
  if (refusal !== undefined) return { format: formatByName(fileName), rows: [], errors: [refusal] };
  if (isZip(bytes)) {
    const read = await readXlsxRows(bytes);
    if (!read.ok) return { format: 'xlsx', rows: [], errors: [read.problem] };
    return { format: 'xlsx', ...splitHeader(withValues(read.rows)), errors: [] };
  }
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { format: 'csv', rows: [], errors: [decoded.problem] };
  const delimiter = sniffDelimiter(decoded.text);
  const onDemand = options.cellsOnDemand === true;
  const parsed = (onDemand ? parseCsvLines : parseCsv)(decoded.text, delimiter, MAX_LINES_WITH_VALUES);
  if (parsed.overLimit === true) return { format: 'csv', delimiter, rows: [], errors: parsed.problems };
  const rows = onDemand ? parsed.rows : withValues(parsed.rows);
  return { format: 'csv', delimiter, ...splitHeader(rows), errors: parsed.problems };
}

function refuseUnreadable(fileName: string, bytes: Uint8Array): FileProblem | undefined {
  if (bytes.length === 0) return { line: 0, message: 'The file is empty.' };
  if (bytes.length > MAX_IMPORT_BYTES) {
    return {
      line: 0,
      message: `The file is ${Math.round(bytes.length / 1024 / 1024)} MB; Fieldkit imports files up to 64 MB. Split it.`,
    };
  }
  const isOle = [0xd0, 0xcf, 0x11, 0xe0].every((byte, index) => bytes[index] === byte);
  if (isOle || /\.xls$/i.test(fileName)) {
    return {
      line: 0,
      message:
        'This is an old Excel 97-2003 workbook (.xls), which Fieldkit does not read: save it as .xlsx or as ' +
        'CSV UTF-8.',
    };
  }
  if (/\.xlsx$/i.test(fileName) && !isZip(bytes)) {
    return {
      line: 0,
      message:
        'The file is named .xlsx but is not an Excel workbook: open it in your spreadsheet and save it again ' +
        'as .xlsx or as CSV UTF-8.',
    };
  }
  return undefined;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function formatByName(fileName: string): SourceTable['format'] {
  return /\.xlsx?$/i.test(fileName) ? 'xlsx' : 'csv';
}

function withValues(rows: SourceRow[]): SourceRow[] {
  return rows.filter((row) => !isSkippedRow(row.cells));
}

function splitHeader(rows: SourceRow[]): Pick<SourceTable, 'header' | 'rows'> {
  const [header] = rows;
  // `slice`, not a rest element: `[header, ...data]` walked the iterator over 100,000 rows (8 ms in the worker).
  return header === undefined ? { rows: [] } : { header, rows: rows.slice(1) };
}

/**
 * The delimiter that makes the most known column names of the header line (the first line that is neither
 * blank nor a comment), then the most cells; a comma when nothing tells.
 */
export function sniffDelimiter(text: string): Delimiter {
  const headerLine = firstContentLine(text);
  let best: Delimiter = ',';
  let bestScore: [number, number] = [-1, -1];
  for (const delimiter of DELIMITERS) {
    const cells = splitLine(headerLine, delimiter);
    const score: [number, number] = [recognisedHeadingCount(cells), cells.length];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function firstContentLine(text: string): string {
  let start = 0;
  while (start < text.length) {
    const match = /\r\n|\r|\n/g;
    match.lastIndex = start;
    const found = match.exec(text);
    const end = found === null ? text.length : found.index;
    const line = text.slice(start, end);
    if (line.trim() !== '' && !line.trimStart().startsWith('#') && !isSkippedRow(line.split(/[,;\t]/))) {
      return line;
    }
    start = found === null ? text.length : end + found[0].length;
  }
  return '';
}
