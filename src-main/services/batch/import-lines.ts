import { IMPORT_FIELDS, type ColumnMap, type ColumnRef, type ImportField } from './columns';
import { ProblemFactory, type RowProblem } from './row-problem';
import { cellOf, cleanCell, type SourceRow } from './source-table';

/** One data line of the file, its cells assigned to fields, before any value is checked. */
export interface ImportLine<F extends string = ImportField> {
  line: number;
  values: Partial<Record<F, string>>;
  /** Fields whose XLSX cell was stored as a number. */
  numeric: readonly F[];
  problems: RowProblem[];
}

/** Assigns each row's cells to the fields of the header; a row wider or narrower than the header is an error. */
export function toImportLines(rows: readonly SourceRow[], columns: ColumnMap, width: number): ImportLine[] {
  const at = importColumns(columns);
  return toSheetLines(rows, columns, width, IMPORT_FIELDS, (cells) => importValues(cells, at));
}

/**
 * `toImportLines` for a sheet of any kind: `fields` are the ones its header may name, `valuesOf` reads them
 * from a line's cells (`fieldValues` of them unless the sheet has a reader of its own).
 */
export function toSheetLines<F extends string>(
  rows: readonly SourceRow[],
  columns: Partial<Record<F, ColumnRef>>,
  width: number,
  fields: readonly F[],
  valuesOf?: (cells: readonly string[]) => Partial<Record<F, string>>,
): ImportLine<F>[] {
  const problems = new ProblemFactory<F>(columns);
  const mapped = fields.flatMap((field) => {
    const ref = columns[field];
    return ref === undefined ? [] : [{ field, index: ref.index }];
  });
  const everyField = fieldColumns(columns, fields);
  const read = valuesOf ?? ((cells: readonly string[]) => fieldValues(cells, everyField));
  // Per line, only what the line needs: a CSV row has no numeric cells and a well-formed row no problem, so
  // 100,000 lines do not allocate 100,000 empty lists each.
  return rows.map((row) => {
    const { cells } = row;
    const values = read(cells);
    const numericCells = row.numericCells;
    const numeric =
      numericCells === undefined || numericCells.length === 0
        ? NONE
        : mapped.filter(({ index }) => numericCells.includes(index)).map(({ field }) => field);
    const raggedness = describeRaggedness(row.line, cells, width);
    return {
      line: row.line,
      values,
      numeric,
      problems: raggedness === undefined ? [] : [problems.at('row', raggedness)],
    };
  });
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * A line's cells as the values of `fields` (index -1: the file has no such column). Every line's values have
 * the same fields in the same order (absent ones undefined): one object shape for the rules to read, not one
 * per mix of columns.
 */
function fieldValues<F extends string>(
  cells: readonly string[],
  fields: readonly { field: F; index: number }[],
): Partial<Record<F, string>> {
  const values: Partial<Record<F, string>> = {};
  for (const { field, index } of fields) values[field] = valueAt(cells, index);
  return values;
}

/** Where each import field is in the file's lines (-1: the file has no such column). */
export type ImportColumns = Readonly<Record<ImportField, number>>;

export function importColumns(columns: ColumnMap): ImportColumns {
  const at = {} as Record<ImportField, number>;
  for (const { field, index } of fieldColumns(columns, IMPORT_FIELDS)) at[field] = index;
  return at;
}

/**
 * A device line's values, as `fieldValues` reads them, written out field by field: each line's object is made
 * in one go with its final shape, where assigning fields by a name that changes in a loop looks each name up
 * (six times slower for 100,000 lines, measured).
 */
export function importValues(cells: readonly string[], at: ImportColumns): ImportLine['values'] {
  return {
    mac: valueAt(cells, at.mac),
    ipei: valueAt(cells, at.ipei),
    identifier: valueAt(cells, at.identifier),
    model: valueAt(cells, at.model),
    description: valueAt(cells, at.description),
    subscriber: valueAt(cells, at.subscriber),
    phoneNumberId: valueAt(cells, at.phoneNumberId),
    email: valueAt(cells, at.email),
    transferMode: valueAt(cells, at.transferMode),
    mediaTransportProtocol: valueAt(cells, at.mediaTransportProtocol),
  };
}

/** Each of `fields` with its column's index in the file (-1: the file has none). */
export function fieldColumns<F extends string>(
  columns: Partial<Record<F, ColumnRef>>,
  fields: readonly F[],
): { field: F; index: number }[] {
  return fields.map((field) => ({ field, index: columns[field]?.index ?? -1 }));
}

/**
 * The identifier fields of a line's values (as `importValues` reads them), read from their cells alone: every
 * line's identifier is read before any line is planned (lines naming the same device are planned together).
 */
export function identifierValues(row: SourceRow, at: ImportColumns): ImportLine['values'] {
  return {
    mac: at.mac < 0 ? undefined : asValue(cellOf(row, at.mac)),
    ipei: at.ipei < 0 ? undefined : asValue(cellOf(row, at.ipei)),
    identifier: at.identifier < 0 ? undefined : asValue(cellOf(row, at.identifier)),
  };
}

/** The cell at `index` as a value (`index` -1: the file has no such column). */
function valueAt(cells: readonly string[], index: number): string | undefined {
  return index < 0 ? undefined : asValue(cells[index]);
}

/** A cell as a value: undefined when empty. */
function asValue(cell: string | undefined): string | undefined {
  const value = cleanCell(cell ?? '');
  return value === '' ? undefined : value;
}

/** Why a line does not fit the header's columns, or undefined when it does. */
export function describeRaggedness(
  line: number,
  cells: readonly string[],
  width: number,
): string | undefined {
  if (cells.length < width) {
    return (
      `Line ${line} has ${cells.length} value${cells.length === 1 ? '' : 's'} but the header has ` +
      `${width} columns: a delimiter is probably missing, so values may sit in the wrong columns. Give every ` +
      'column a value, even an empty one.'
    );
  }
  let extra = -1;
  for (let index = width; index < cells.length && extra === -1; index += 1) {
    if (cleanCell(cells[index] ?? '') !== '') extra = index - width;
  }
  if (extra !== -1) {
    return (
      `Line ${line} has more values than the header has columns (a value in column ${width + extra + 1}): a ` +
      'value probably contains an unquoted delimiter; put it in double quotes or remove the extra value.'
    );
  }
  return undefined;
}
