import { describeAge } from '../../services/catalog/catalog';
import type { ImportReport, ReportRow, RowProblem } from '../../services/batch';
import { reportVerdict } from '../../services/batch/report';
import { EXIT, type ExitCode } from '../exit-codes';
import { printJson, printTable, type CliIo } from '../io';

/** Prints a report: `--json` as one document, else a table of lines, the problems, and a summary. */
export function printReport(io: CliIo, report: ImportReport, json: boolean): void {
  if (json) {
    printJson(io, report);
    return;
  }
  io.stdout(`${heading(report)}\n`);
  printChanges(io, report);
  if (report.rows.length > 0) {
    printTable(
      io,
      ['LINE', 'ID', 'ACTION', 'STATUS', 'DETAIL'],
      report.rows.map((row) => [String(row.line), shorten(row.id, 24), row.action, row.status, row.detail]),
    );
  }
  printProblems(io, report);
  io.stdout(`${summaryLine(report)}\n`);
}

/** 0 when every line is valid, done or skipped; 1 when some failed while applying; 2 when the file or a line is invalid. */
export function exitCodeForReport(report: ImportReport, options: { skipInvalid?: boolean } = {}): ExitCode {
  const verdict = reportVerdict(report, options);
  if (verdict === 'failed') return EXIT.partial;
  return verdict === 'invalid' ? EXIT.usage : EXIT.ok;
}

function heading(report: ImportReport): string {
  const { file, system, catalog } = report;
  const format = file.format === 'xlsx' ? 'XLSX, first sheet' : `CSV, ${delimiterName(file.delimiter)}`;
  const target = system.name === undefined ? system.id : `${system.name} (${system.id})`;
  if (catalog === undefined) return `${file.name} (${format}) for ${target}:`;
  const fetched =
    catalog.source === 'live'
      ? 'its current state'
      : `the cached catalogue fetched ${describeAge(catalog.ageSeconds)} (${catalog.fetchedAt}), offline`;
  return `${file.name} (${format}) checked against ${target}, ${fetched}:`;
}

function delimiterName(delimiter: string | undefined): string {
  if (delimiter === ';') return 'semicolon-separated';
  if (delimiter === '\t') return 'tab-separated';
  return 'comma-separated';
}

function printChanges(io: CliIo, report: ImportReport): void {
  const changes = report.changes;
  if (changes === undefined || changes.rows.length === 0) return;
  io.stdout(`Changed on the CloudPBX since the cached catalogue of ${changes.previousFetchedAt}:\n`);
  for (const change of changes.rows) io.stdout(`  line ${change.line}: ${change.message}\n`);
}

function printProblems(io: CliIo, report: ImportReport): void {
  const lines: string[] = [
    ...report.fileErrors.map((problem) => `  ${where(problem.line)}: ${problem.message}`),
    ...report.rows.flatMap((row) => row.errors.map((error) => `  ${locate(row, error)}: ${withFix(error)}`)),
  ];
  const warnings: string[] = [
    ...report.fileWarnings.map((problem) => `  ${where(problem.line)}: ${problem.message}`),
    ...report.rows.flatMap((row) => row.warnings.map((warning) => `  line ${row.line}: ${warning}`)),
  ];
  if (lines.length > 0) io.stdout(`Problems:\n${lines.join('\n')}\n`);
  if (warnings.length > 0) io.stdout(`Warnings:\n${warnings.join('\n')}\n`);
}

function where(line: number): string {
  return line === 0 ? 'file' : `line ${line}`;
}

function locate(row: ReportRow, error: RowProblem): string {
  if (error.column === undefined) return `line ${row.line}`;
  return `line ${row.line}, column ${error.column} "${error.heading ?? error.field}"`;
}

function withFix(error: RowProblem): string {
  return error.suggestion === undefined ? error.message : `${error.message} [fix: ${error.suggestion}]`;
}

function summaryLine(report: ImportReport): string {
  const { summary } = report;
  if (report.fileErrors.length > 0 && summary.rows === 0)
    return 'Nothing can be imported until the file is fixed.';
  const parts = [
    summary.valid > 0 ? `${summary.valid} valid` : '',
    summary.planned > 0 ? `${summary.planned} to apply` : '',
    summary.created > 0 ? `${summary.created} created` : '',
    summary.assigned > 0 ? `${summary.assigned} assigned` : '',
    (summary.keysCreated ?? 0) > 0 ? `${summary.keysCreated} key(s) created` : '',
    (summary.keysReplaced ?? 0) > 0 ? `${summary.keysReplaced} key(s) replaced` : '',
    summary.skipped > 0 ? `${summary.skipped} skipped (already as wanted)` : '',
    summary.failed > 0 ? `${summary.failed} failed` : '',
    summary.invalid > 0 ? `${summary.invalid} invalid` : '',
  ].filter(Boolean);
  const lines = `${summary.rows} line${summary.rows === 1 ? '' : 's'}`;
  // Keys sheets (their summary counts keys) have no --skip-invalid.
  const skippable = summary.keysCreated === undefined ? ', unless --skip-invalid is given' : '';
  const blocked =
    report.mode === 'dry-run' && summary.invalid > 0
      ? ` Nothing is applied while lines are invalid${skippable}.`
      : '';
  return `Summary: ${lines}: ${parts.join(', ') || 'nothing to do'}.${blocked}`;
}

function shorten(text: string, limit: number): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}
