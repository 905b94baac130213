import type { ColumnRef, ImportField } from './columns';
import type { RowProblem } from './types';

export type { RowProblem } from './types';

/** Builds the problems of one file, each located on the column the field came from. */
export class ProblemFactory<F extends string = ImportField> {
  readonly #columns: Partial<Record<F, ColumnRef>>;

  constructor(columns: Partial<Record<F, ColumnRef>>) {
    this.#columns = columns;
  }

  at(field: F | 'row', message: string, suggestion?: string): RowProblem {
    const ref = field === 'row' ? undefined : this.#columns[field];
    const problem: RowProblem = { field, message };
    if (ref !== undefined) {
      problem.column = ref.letter;
      problem.heading = ref.heading;
    }
    if (suggestion !== undefined) problem.suggestion = suggestion;
    return problem;
  }
}

const QUOTE_LIMIT = 40;

/** A value inside a message: quoted and cut short, so a huge cell does not flood the report. */
export function quoted(value: string): string {
  return `"${value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value}"`;
}
