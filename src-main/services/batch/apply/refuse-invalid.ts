import { FieldkitError, type InputIssue } from '../../errors';
import type { ImportReport } from '../types';

/** Enough lines to find the problems; the report of `batch.validate` has them all. */
const LISTED_LINES = 50;

/**
 * Nothing is half-applied: while the file or a line is invalid, no line is applied, unless the invalid lines
 * are to be skipped (a file error always stops the import).
 */
export function refuseInvalidLines(report: ImportReport, skipInvalid: boolean): void {
  const fileIssues: InputIssue[] = report.fileErrors.map((problem) => ({
    field: problem.line === 0 ? 'file' : `line ${problem.line}`,
    message: problem.message,
  }));
  if (fileIssues.length > 0) {
    throw new FieldkitError({
      code: 'invalid-input',
      message: `Nothing was applied: the file cannot be imported (${fileIssues.length} problem${plural(fileIssues.length)}).`,
      hint: 'Fix the file and validate it again.',
      issues: fileIssues,
    });
  }
  const invalid = report.rows.filter((row) => row.status === 'invalid');
  if (invalid.length === 0 || skipInvalid) return;
  throw new FieldkitError({
    code: 'invalid-input',
    message: `Nothing was applied: ${invalid.length} line${plural(invalid.length)} of the file ${invalid.length === 1 ? 'is' : 'are'} invalid on the CloudPBX as it is now.`,
    hint: 'Fix the lines and validate again, or apply skipping the invalid lines.',
    issues: invalid.slice(0, LISTED_LINES).map((row) => ({
      field: `line ${row.line}`,
      message: row.errors.map((error) => error.message).join(' ') || row.detail,
    })),
  });
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}
