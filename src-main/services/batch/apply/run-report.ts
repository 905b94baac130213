import type { ImportPlan, PlannedRow } from '../plan';
import { buildReport, reportRow } from '../report';
import type {
  ApplyRunInfo,
  ImportReport,
  ReportRow,
  ReportSummary,
  RowOutcome,
  RowStatus,
  WireReconciliation,
} from '../types';

type CountedStatus = 'skipped' | 'failed' | 'invalid' | 'planned' | 'valid';

/** The summary's count for each status (a line done counts through `created` and `assigned` instead). */
const SUMMARY_KEY: Partial<Record<RowStatus, CountedStatus>> = {
  skipped: 'skipped',
  failed: 'failed',
  invalid: 'invalid',
  planned: 'planned',
  valid: 'valid',
};

/**
 * The report of a run as it goes: built once from the plan, then one row and the summary's counts updated per
 * line that ends, so a run of 100,000 lines does not rebuild its report 100,000 times.
 */
export class RunReport {
  readonly #base: ImportReport;
  readonly #rows: ReportRow[];
  readonly #indexByLine = new Map<number, number>();
  readonly #outcomes: Map<number, RowOutcome>;
  readonly #summary: ReportSummary;

  constructor(plan: ImportPlan, now: number, outcomes: ReadonlyMap<number, RowOutcome>) {
    this.#base = buildReport(plan, 'apply', now, outcomes);
    this.#rows = [...this.#base.rows];
    this.#summary = { ...this.#base.summary };
    this.#outcomes = new Map(outcomes);
    this.#rows.forEach((row, index) => this.#indexByLine.set(row.line, index));
  }

  /** Sets a line's outcome and answers the line as the report now shows it. */
  record(row: PlannedRow, outcome: RowOutcome): ReportRow {
    const index = this.#indexByLine.get(row.line);
    const before = index === undefined ? undefined : this.#rows[index];
    if (index === undefined || before === undefined) throw new RangeError(`line ${row.line} is not planned`);
    const after = reportRow(row, 'apply', outcome);
    const previous = this.#outcomes.get(row.line);
    this.#count(before.status, -1);
    this.#count(after.status, 1);
    this.#summary.created += flag(outcome.created) - flag(previous?.created);
    this.#summary.assigned += flag(outcome.assigned) - flag(previous?.assigned);
    if (outcome.keyChange !== undefined || previous?.keyChange !== undefined)
      this.#countKeys(outcome, previous);
    this.#rows[index] = after;
    this.#outcomes.set(row.line, outcome);
    return after;
  }

  outcomes(): ReadonlyMap<number, RowOutcome> {
    return this.#outcomes;
  }

  linesWithStatus(status: RowStatus): number[] {
    return this.#rows.filter((row) => row.status === status).map((row) => row.line);
  }

  summary(): ReportSummary {
    return { ...this.#summary };
  }

  /** A copy of the report as it stands (rows are replaced, never changed, so a shallow copy is enough). */
  snapshot(run: ApplyRunInfo, wire: WireReconciliation | undefined): ImportReport {
    return {
      ...this.#base,
      summary: this.summary(),
      run,
      ...(wire === undefined ? {} : { wire }),
      rows: [...this.#rows],
    };
  }

  /** A keys sheet's run also counts the keys created and replaced. */
  #countKeys(outcome: RowOutcome, previous: RowOutcome | undefined): void {
    const summary = this.#summary;
    summary.keysCreated =
      (summary.keysCreated ?? 0) + keyFlag(outcome, 'created') - keyFlag(previous, 'created');
    summary.keysReplaced =
      (summary.keysReplaced ?? 0) + keyFlag(outcome, 'replaced') - keyFlag(previous, 'replaced');
  }

  #count(status: RowStatus, delta: number): void {
    const key = SUMMARY_KEY[status];
    if (key !== undefined) this.#summary[key] += delta;
  }
}

function flag(value: boolean | undefined): number {
  return value === true ? 1 : 0;
}

function keyFlag(outcome: RowOutcome | undefined, change: 'created' | 'replaced'): number {
  return outcome?.keyChange === change ? 1 : 0;
}
