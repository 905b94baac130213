import type { ImportReport, PlanChange, ReportRow, RowAction, RowStatus } from '@api/types';

/** Every action a line can plan, in the order the summary shows them. */
export const ROW_ACTIONS: readonly RowAction[] = [
  'create',
  'create-assign',
  'assign',
  'reassign',
  'replace',
  'skip',
  'invalid',
];

/** Every status a line can be in, from a validation to the end of an apply. */
export const ROW_STATUSES: readonly RowStatus[] = [
  'valid',
  'planned',
  'done',
  'skipped',
  'failed',
  'not-started',
  'invalid',
];

/** What the summary shows: how many lines plan each action, and how many ended in each status. */
export interface PlanSummary {
  rows: number;
  byAction: Record<RowAction, number>;
  byStatus: Record<RowStatus, number>;
  /** Lines that would change something on the CloudPBX (neither skipped nor invalid). */
  toApply: number;
  /** Problems across the file: every line problem plus the file's own. */
  problems: number;
}

export interface RowFilter {
  action?: RowAction;
  status?: RowStatus;
  /** Only the lines with a problem or a warning. */
  problemsOnly?: boolean;
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

export function summariseReport(report: ImportReport): PlanSummary {
  const byAction = countBy(
    ROW_ACTIONS,
    report.rows.map((row) => row.action),
  );
  return {
    rows: report.rows.length,
    byAction,
    byStatus: countBy(
      ROW_STATUSES,
      report.rows.map((row) => row.status),
    ),
    toApply: report.rows.length - byAction.skip - byAction.invalid,
    problems: report.fileErrors.length + report.rows.reduce((total, row) => total + row.errors.length, 0),
  };
}

export function filterRows(rows: readonly ReportRow[], filter: RowFilter): ReportRow[] {
  return rows.filter(
    (row) =>
      (filter.action === undefined || row.action === filter.action) &&
      (filter.status === undefined || row.status === filter.status) &&
      (filter.problemsOnly !== true || row.errors.length > 0 || row.warnings.length > 0),
  );
}

/** What changed on the CloudPBX since the cached catalogue, by line, when the core reported it. */
export function changesByLine(report: ImportReport | undefined): ReadonlyMap<number, PlanChange> {
  return new Map((report?.changes?.rows ?? []).map((change) => [change.line, change]));
}

export const isFilterActive = (filter: RowFilter): boolean =>
  filter.action !== undefined || filter.status !== undefined || filter.problemsOnly === true;
