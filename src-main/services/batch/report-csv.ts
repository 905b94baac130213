import type { ImportReport } from './report';

const COLUMNS = [
  'line',
  'id',
  'action',
  'status',
  'deviceId',
  'model',
  'subscriber',
  'description',
  'detail',
  'errors',
];

/**
 * The report as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents), CRLF, every cell
 * quoted, and every cell that a spreadsheet would take for a formula (= + - @ tab CR first) prefixed with a
 * quote, as OWASP's CSV-injection guidance says: values from the imported file are never evaluated.
 */
export function reportToCsv(report: ImportReport): string {
  const lines = [COLUMNS.map(csvCell).join(',')];
  for (const row of report.rows) {
    const errors = row.errors
      .map((error) => `${error.column ? `${error.column} ` : ''}${error.field}: ${error.message}`)
      .join(' | ');
    lines.push(
      [
        String(row.line),
        row.id,
        row.action,
        row.status,
        row.deviceId ?? '',
        row.model ?? '',
        row.subscriber ?? '',
        row.description ?? '',
        row.detail,
        errors,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  for (const problem of report.fileErrors) {
    lines.push(
      [String(problem.line), '', 'invalid', 'invalid', '', '', '', '', '', `file: ${problem.message}`]
        .map(csvCell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
