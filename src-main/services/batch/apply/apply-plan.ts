import type { ImportPlan, PlannedRow } from '../plan';
import type { RowOutcome } from '../types';
import { Announcer } from './announcer';
import { applyRow, isAbortingError, stepsOf, type ApplyClient, type RowContext } from './apply-row';
import type { ImportJournal, JournalStep } from './journal';

export const DEFAULT_CONCURRENCY = 4;

/** Asked before each line starts: pausing holds lines back, cancelling stops them. */
export interface RunGate {
  /** Resolves true when the next line may start (at once unless paused), false once the run is cancelled. */
  mayStart(): Promise<boolean>;
}

/** How the lines of a kind of sheet are carried out: their journalled steps, and one line's work. */
export interface RowApplier {
  stepsOf(row: PlannedRow): JournalStep[];
  /** Carries out a line once its intents are on disk (`announced`: the steps an earlier run may have done). */
  apply(
    row: PlannedRow,
    context: RowContext,
    announced: Promise<ReadonlySet<JournalStep>>,
  ): Promise<RowOutcome>;
}

/** The lines of a device sheet: create, unassign, assign. */
export const DEVICE_ROWS: RowApplier = { stepsOf, apply: applyRow };

export interface ApplyOptions {
  client: ApplyClient;
  journal: ImportJournal;
  concurrency: number;
  /** Told after each line, for progress output. */
  onRow?: (done: number, total: number) => void;
  /** Told when a line starts, then its outcome as soon as it is known. */
  onStart?: (row: PlannedRow) => void;
  onOutcome?: (row: PlannedRow, outcome: RowOutcome) => void;
  gate?: RunGate;
  /** Only these lines (retrying the failed ones); default: every line that changes something. */
  lines?: ReadonlySet<number>;
  /** Default: the lines of a device sheet. */
  rows?: RowApplier;
}

export interface ApplyResult {
  outcomes: Map<number, RowOutcome>;
  /** Set when the run stopped early (signed out, unreachable). */
  abortedBy?: Error;
  /** Lines never started, because the run was cancelled or stopped early; their outcome is `not-started`. */
  notStarted: number[];
}

/** The lines of a plan that change something on the CloudPBX. */
export function linesToApply(plan: ImportPlan): PlannedRow[] {
  return plan.rows.filter((row) => row.action !== 'invalid' && row.action !== 'skip');
}

/**
 * Applies every line whose action changes something, `concurrency` lines at a time; each line's own steps
 * run in order. A line that fails does not stop the others; losing the session or the network stops them all.
 */
export async function applyPlan(plan: ImportPlan, options: ApplyOptions): Promise<ApplyResult> {
  const { lines } = options;
  const work = linesToApply(plan).filter((row) => lines === undefined || lines.has(row.line));
  const outcomes = new Map<number, RowOutcome>();
  const context = { client: options.client, journal: options.journal, systemId: plan.systemId };
  const workers = Math.max(1, Math.min(options.concurrency, work.length));
  const rows = options.rows ?? DEVICE_ROWS;
  const announcer = new Announcer(work, context, 2 * workers, rows.stepsOf);
  let next = 0;
  let finished = 0;
  let abortedBy: Error | undefined;
  let cancelled = false;
  // Losing the session stops the run even while it is paused: workers waiting at the gate are woken.
  let wakeOnAbort: () => void = () => undefined;
  const aborted = new Promise<false>((resolve) => (wakeOnAbort = () => resolve(false)));

  const record = (row: PlannedRow, outcome: RowOutcome): void => {
    outcomes.set(row.line, outcome);
    finished += 1;
    options.onOutcome?.(row, outcome);
    options.onRow?.(finished, work.length);
  };
  const mayStart = async (): Promise<boolean> => {
    const { gate } = options;
    if (gate !== undefined && !cancelled && abortedBy === undefined) {
      const open = await Promise.race([gate.mayStart(), aborted]);
      if (!open && abortedBy === undefined) cancelled = true;
    }
    return !cancelled && abortedBy === undefined && next < work.length;
  };

  const worker = async (): Promise<void> => {
    while (await mayStart()) {
      const index = next;
      const row = work[index];
      next += 1;
      if (row === undefined) continue;
      options.onStart?.(row);
      try {
        record(row, await rows.apply(row, context, announcer.starting(index)));
      } catch (error) {
        if (!isAbortingError(error)) throw error;
        abortedBy ??= error;
        wakeOnAbort();
        record(row, { status: 'failed', error: { field: 'row', message: `Stopped: ${error.message}` } });
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  announcer.settleUnstarted();

  const notStarted = work.slice(next).map((row) => row.line);
  for (const line of notStarted) outcomes.set(line, { status: 'not-started' });
  return abortedBy === undefined ? { outcomes, notStarted } : { outcomes, abortedBy, notStarted };
}
