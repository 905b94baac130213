import type { AuditEntry, AuditExport } from './types';

const HEADERS = [
  'time',
  'user',
  'profile',
  'source',
  'cloudpbx',
  'action',
  'object',
  'object id',
  'result',
  'error',
  'details',
];

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A cell a
 * spreadsheet would run as a formula (starting with = + - @, or a tab / carriage return) gets a leading `'`.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** The activity log as CSV: a header line, one line per entry, CRLF line ends as RFC 4180 says. */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) => [
    entry.at,
    entry.actor,
    entry.profile,
    entry.source,
    entry.systemId,
    entry.action,
    entry.object.label ?? '',
    entry.object.id ?? '',
    entry.result,
    entry.error ?? '',
    Object.entries(entry.details ?? {})
      .map(([key, value]) => `${key}=${value}`)
      .join('; '),
  ]);
  return [HEADERS, ...rows].map(csvRow).join('\r\n') + '\r\n';
}

/** The export `audit.exportCsv` answers: CSV text and a file name dated today. */
export function auditExport(entries: readonly AuditEntry[], now: number): AuditExport {
  const day = new Date(now).toISOString().slice(0, 10);
  return { csv: auditToCsv(entries), fileName: `fieldkit-activity-${day}.csv`, count: entries.length };
}
