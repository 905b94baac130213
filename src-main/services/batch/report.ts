import { ageSeconds } from '../catalog/catalog';
import type { ImportPlan, PlannedRow, SubscriberRef } from './plan';
import type {
  ImportReport,
  ReportMode,
  ReportRow,
  ReportSummary,
  RowAction,
  RowOutcome,
  RowStatus,
} from './types';

export type { ImportReport, ReportMode, ReportRow, ReportSummary, RowOutcome, RowStatus } from './types';

export function buildReport(
  plan: ImportPlan,
  mode: ReportMode,
  now: number,
  outcomes: ReadonlyMap<number, RowOutcome> = new Map(),
): ImportReport {
  const rows = plan.rows.map((row) => reportRow(row, mode, outcomes.get(row.line)));
  return reportWithRows(plan, mode, now, rows, outcomes);
}

/** `buildReport` around report rows already made (`reportRow` of each of the plan's rows, in order). */
export function reportWithRows(
  plan: ImportPlan,
  mode: ReportMode,
  now: number,
  rows: ReportRow[],
  outcomes: ReadonlyMap<number, RowOutcome> = new Map(),
): ImportReport {
  const { catalog } = plan;
  return {
    mode,
    file: {
      name: plan.fileName,
      format: plan.format,
      ...(plan.delimiter ? { delimiter: plan.delimiter } : {}),
    },
    system: { id: plan.systemId, ...(catalog?.systemName ? { name: catalog.systemName } : {}) },
    ...(catalog === undefined
      ? {}
      : {
          catalog: {
            fetchedAt: catalog.fetchedAt,
            source: catalog.source,
            ageSeconds: ageSeconds(catalog, now),
          },
        }),
    summary: summarise(rows, outcomes),
    ...(plan.changes === undefined ? {} : { changes: plan.changes }),
    fileErrors: plan.fileErrors,
    fileWarnings: plan.fileWarnings,
    rows,
  };
}

export function reportRow(row: PlannedRow, mode: ReportMode, outcome: RowOutcome | undefined): ReportRow {
  const errors = outcome?.error === undefined ? row.errors : [...row.errors, outcome.error];
  const result: ReportRow = {
    line: row.line,
    id: row.id,
    action: row.action,
    status: reportStatus(row.action, mode, outcome),
    deviceId: outcome?.deviceId ?? row.existing?.deviceId ?? null,
    errors,
    detail: row.detail,
    warnings: row.warnings,
  };
  if (row.kind !== undefined) result.kind = row.kind;
  if (row.model !== undefined) result.model = row.model.name;
  if (row.subscriber !== undefined) result.subscriber = subscriberText(row.subscriber);
  if (row.description !== undefined) result.description = row.description;
  return result;
}

/** A subscriber as a report row names it: number and name, whichever it has. */
export function subscriberText({ shortNumber, name }: Pick<SubscriberRef, 'shortNumber' | 'name'>): string {
  return shortNumber && name ? `${shortNumber} ${name}` : shortNumber || name || '';
}

export function reportStatus(
  action: RowAction,
  mode: ReportMode,
  outcome: RowOutcome | undefined,
): RowStatus {
  if (action === 'invalid') return 'invalid';
  if (outcome !== undefined) return outcome.status;
  if (action === 'skip') return 'skipped';
  return mode === 'validate' ? 'valid' : 'planned';
}

function summarise(rows: readonly ReportRow[], outcomes: ReadonlyMap<number, RowOutcome>): ReportSummary {
  const counts = new Map<RowStatus, number>();
  for (const { status } of rows) counts.set(status, (counts.get(status) ?? 0) + 1);
  const count = (status: RowStatus): number => counts.get(status) ?? 0;
  const outcomeList = [...outcomes.values()];
  return {
    rows: rows.length,
    created: outcomeList.filter((outcome) => outcome.created === true).length,
    assigned: outcomeList.filter((outcome) => outcome.assigned === true).length,
    skipped: count('skipped'),
    failed: count('failed'),
    invalid: count('invalid'),
    planned: count('planned'),
    valid: count('valid'),
  };
}

/**
 * How a run ended, for exit codes: `invalid` when the file or a line is invalid (and so, unless invalid lines
 * were explicitly skipped, nothing was applied), `failed` when lines failed while applying, else `ok`.
 */
export function reportVerdict(
  report: ImportReport,
  options: { skipInvalid?: boolean } = {},
): 'ok' | 'failed' | 'invalid' {
  if (report.fileErrors.length > 0) return 'invalid';
  if (report.summary.failed > 0) return 'failed';
  const invalidSkipped = report.mode === 'apply' && options.skipInvalid === true;
  if (report.summary.invalid > 0 && !invalidSkipped) return 'invalid';
  return 'ok';
}
