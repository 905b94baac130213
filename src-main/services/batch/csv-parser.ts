import {
  isSkippedRow,
  rowLimitProblem,
  type CellRange,
  type Delimiter,
  type FileProblem,
  type SourceRow,
} from './source-table';

export interface ParsedCsv {
  rows: SourceRow[];
  problems: FileProblem[];
  /** The file has more lines with values than `maxRows`: parsing stopped at the first one past it. */
  overLimit?: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const HASH = 35;
const DELETE = 127;

/**
 * Splits CSV text into rows of cells (RFC 4180 quoting: `"a ""b"", c"`), keeping for each row the physical
 * line it starts on. Lines whose first visible character is `#` are comments and are skipped before any
 * quote in them is read. Never throws: a quote that never closes is reported on the line that opened it, and
 * a line with values past `maxRows` stops the parsing.
 */
export function parseCsv(text: string, delimiter: Delimiter, maxRows = Infinity): ParsedCsv {
  return parseCsvRows(text, delimiter, maxRows, false);
}

/**
 * `parseCsv` leaving out the rows that are not rows (blank cells, see `isSkippedRow`), and keeping a row with
 * no quote in it as its place in the text (`CsvTextRow`) rather than its cells: an import worker reading
 * 100,000 lines holds 100,000 small objects instead of as many arrays and 700,000 strings, which every
 * garbage collection of the whole validation copied or marked again.
 */
export function parseCsvLines(text: string, delimiter: Delimiter, maxRows = Infinity): ParsedCsv {
  return parseCsvRows(text, delimiter, maxRows, true);
}

function parseCsvRows(text: string, delimiter: Delimiter, maxRows: number, asText: boolean): ParsedCsv {
  const separator = delimiter.charCodeAt(0);
  const rows: SourceRow[] = [];
  const problems: FileProblem[] = [];
  const length = text.length;
  let index = 0;
  let line = 1;
  let withValues = 0;
  // Where the next quote, carriage return and line feed are: a line before the next quote has none, and ends
  // at the next line break. Each is looked for again only once passed, so the text is searched for each once,
  // by the engine's own search rather than character by character.
  const next = { quote: -1, cr: -1, lf: -1 };

  while (index < length) {
    const startLine = line;
    if (asText && startsWithValue(text.charCodeAt(index), separator)) {
      // Nearly every line: it starts with a value, so it is neither a comment nor blank. Without a quote, it
      // is kept as its place in the text, its cells never made.
      if (next.quote < index) next.quote = nextIndexOf(text, '"', index);
      if (next.cr < index) next.cr = nextIndexOf(text, '\r', index);
      if (next.lf < index) next.lf = nextIndexOf(text, '\n', index);
      const end = Math.min(next.cr, next.lf);
      if (next.quote >= end) {
        withValues += 1;
        if (withValues > maxRows) return { rows, problems: [rowLimitProblem(startLine)], overLimit: true };
        rows.push(new CsvTextRow(startLine, text, index, end, delimiter));
        [index, line] = skipLineBreak(text, end, line);
        continue;
      }
    }
    let first = index;
    while (text.charCodeAt(first) === SPACE) first += 1;
    if (text.charCodeAt(first) === HASH) {
      index = endOfLine(text, first);
      [index, line] = skipLineBreak(text, index, line);
      continue;
    }
    const cells: string[] = [];
    const start = index;
    let quotes = false;
    for (;;) {
      let value: string;
      if (text.charCodeAt(index) === QUOTE) {
        quotes = true;
        const quoted = readQuoted(text, index + 1, line);
        if (quoted.unterminated) {
          problems.push({
            line: startLine,
            message:
              `Line ${startLine} opens a quoted value (") that is never closed, so the rest of the file cannot ` +
              'be read as separate lines; add the missing closing quote.',
          });
        }
        ({ index, line } = quoted);
        let rest = index;
        while (rest < length && !isFieldEnd(text.charCodeAt(rest), separator)) rest += 1;
        value = quoted.value + text.slice(index, rest);
        index = rest;
      } else {
        let end = index;
        while (end < length && !isFieldEnd(text.charCodeAt(end), separator)) {
          if (text.charCodeAt(end) === QUOTE) quotes = true;
          end += 1;
        }
        value = text.slice(index, end);
        index = end;
      }
      cells.push(value);
      if (index < length && text.charCodeAt(index) === separator) {
        index += 1;
        continue;
      }
      break;
    }
    const end = index;
    [index, line] = skipLineBreak(text, index, line);
    const skipped = isSkippedRow(cells);
    if (!skipped) {
      withValues += 1;
      if (withValues > maxRows) return { rows, problems: [rowLimitProblem(startLine)], overLimit: true };
    }
    if (!asText) rows.push({ line: startLine, cells });
    else if (!skipped)
      rows.push(quotes ? { line: startLine, cells } : new CsvTextRow(startLine, text, start, end, delimiter));
  }
  return { rows, problems };
}

/** A row with no quote in it, its cells split from the file's text each time they are asked for. */
class CsvTextRow implements SourceRow {
  readonly line: number;
  readonly #text: string;
  readonly #start: number;
  readonly #end: number;
  readonly #delimiter: Delimiter;

  constructor(line: number, text: string, start: number, end: number, delimiter: Delimiter) {
    this.line = line;
    this.#text = text;
    this.#start = start;
    this.#end = end;
    this.#delimiter = delimiter;
  }

  /**
   * Split by looking for each delimiter in the file's text: `slice(…).split(…)`, a call into the runtime for
   * every line, took twice as long for 100,000 lines (three times, cold).
   */
  get cells(): string[] {
    const cells: string[] = [];
    let start = this.#start;
    for (;;) {
      const end = this.#cellEnd(start);
      cells.push(this.#text.slice(start, end));
      if (end === this.#end) return cells;
      start = end + 1;
    }
  }

  cellIn(index: number, range: CellRange): string | undefined {
    const start = this.#cellStart(index);
    if (start < 0) return undefined;
    range.start = start;
    range.end = this.#cellEnd(start);
    return this.#text;
  }

  /** Where the cell at `index` starts in the file's text; -1 when the line has fewer cells. */
  #cellStart(index: number): number {
    let start = this.#start;
    for (let skipped = 0; skipped < index; skipped += 1) {
      const end = this.#cellEnd(start);
      if (end === this.#end) return -1;
      start = end + 1;
    }
    return start;
  }

  /** Where the cell starting at `start` ends: at the next delimiter of the line, or at the line's end. */
  #cellEnd(start: number): number {
    const delimiter = this.#text.indexOf(this.#delimiter, start);
    return delimiter < 0 || delimiter > this.#end ? this.#end : delimiter;
  }
}

/** Where `character` next is, from `from` on; the text's length when it is not there. */
function nextIndexOf(text: string, character: string, from: number): number {
  const found = text.indexOf(character, from);
  return found < 0 ? text.length : found;
}

/** A visible character that opens no comment, no quoted value and no empty cell. */
function startsWithValue(code: number, separator: number): boolean {
  return code > SPACE && code < DELETE && code !== HASH && code !== QUOTE && code !== separator;
}

function isFieldEnd(code: number, separator: number): boolean {
  return code === separator || code === LF || code === CR;
}

function endOfLine(text: string, from: number): number {
  let index = from;
  while (index < text.length && text.charCodeAt(index) !== LF && text.charCodeAt(index) !== CR) index += 1;
  return index;
}

/** Past one line break (CRLF, LF or a lone CR), counting it. */
function skipLineBreak(text: string, index: number, line: number): [number, number] {
  if (text.charCodeAt(index) === CR) {
    return [text.charCodeAt(index + 1) === LF ? index + 2 : index + 1, line + 1];
  }
  if (text.charCodeAt(index) === LF) return [index + 1, line + 1];
  return [index, line];
}

interface QuotedValue {
  value: string;
  index: number;
  line: number;
  unterminated: boolean;
}

function readQuoted(text: string, from: number, startLine: number): QuotedValue {
  let value = '';
  let index = from;
  let line = startLine;
  for (;;) {
    const close = text.indexOf('"', index);
    const end = close === -1 ? text.length : close;
    const piece = text.slice(index, end);
    value += piece;
    line += countLineBreaks(piece);
    if (close === -1) return { value, index: text.length, line, unterminated: true };
    if (text.charCodeAt(close + 1) === QUOTE) {
      value += '"';
      index = close + 2;
      continue;
    }
    return { value, index: close + 1, line, unterminated: false };
  }
}

function countLineBreaks(piece: string): number {
  let count = 0;
  for (let index = 0; index < piece.length; index += 1) {
    const code = piece.charCodeAt(index);
    if (code === LF || (code === CR && piece.charCodeAt(index + 1) !== LF)) count += 1;
  }
  return count;
}

/** The cells of one line, quotes honoured, for sniffing the delimiter from the header line. */
export function splitLine(line: string, delimiter: Delimiter): string[] {
  return parseCsv(line, delimiter).rows[0]?.cells ?? [];
}
