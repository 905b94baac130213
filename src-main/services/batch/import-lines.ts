import { IMPORT_FIELDS, type ColumnMap, type ColumnRef, type ImportField } from './columns';
import { ProblemFactory, type RowProblem } from './row-problem';
import { cleanCell, type SourceRow } from './source-table';

/** One data line of the file, its cells assigned to fields, before any value is checked. */
export interface ImportLine<F extends string = ImportField> {
  line: number;
  values: Partial<Record<F, string>>;
  /** Fields whose XLSX cell was stored as a number. */
  numeric: F[];
  problems: RowProblem[];
}

/** Assigns each row's cells to the fields of the header; a row wider or narrower than the header is an error. */
export function toImportLines(rows: readonly SourceRow[], columns: ColumnMap, width: number): ImportLine[] {
  return toSheetLines(rows, columns, width, IMPORT_FIELDS);
}

/** `toImportLines` for a sheet of any kind: `fields` are the ones its header may name. */
export function toSheetLines<F extends string>(
  rows: readonly SourceRow[],
  columns: Partial<Record<F, ColumnRef>>,
  width: number,
  fields: readonly F[],
): ImportLine<F>[] {
  const problems = new ProblemFactory<F>(columns);
  const mapped = fields.flatMap((field) => {
    const ref = columns[field];
    return ref === undefined ? [] : [{ field, index: ref.index }];
  });
  return rows.map((row) => {
    const values: Partial<Record<F, string>> = {};
    for (const { field, index } of mapped) {
      const cell = cleanCell(row.cells[index] ?? '');
      if (cell !== '') values[field] = cell;
    }
    const numeric = mapped
      .filter(({ index }) => row.numericCells?.includes(index) === true)
      .map(({ field }) => field);
    const raggedness = describeRaggedness(row, width);
    return {
      line: row.line,
      values,
      numeric,
      problems: raggedness === undefined ? [] : [problems.at('row', raggedness)],
    };
  });
}

function describeRaggedness(row: SourceRow, width: number): string | undefined {
  if (row.cells.length < width) {
    return (
      `Line ${row.line} has ${row.cells.length} value${row.cells.length === 1 ? '' : 's'} but the header has ` +
      `${width} columns: a delimiter is probably missing, so values may sit in the wrong columns. Give every ` +
      'column a value, even an empty one.'
    );
  }
  const extra = row.cells.slice(width).findIndex((cell) => cleanCell(cell) !== '');
  if (extra !== -1) {
    return (
      `Line ${row.line} has more values than the header has columns (a value in column ${width + extra + 1}): a ` +
      'value probably contains an unquoted delimiter; put it in double quotes or remove the extra value.'
    );
  }
  return undefined;
}
