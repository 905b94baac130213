import { isFieldkitError, type FieldkitErrorData } from '../../errors';
import type { ImportPlan, PlannedRow } from '../plan';
import type {
  ApplyProgressEvent,
  ApplyRunInfo,
  ApplyRunState,
  ImportReport,
  ReportRow,
  RowOutcome,
  WireReconciliation,
} from '../types';
import { applyPlan, type RowApplier, type RunGate } from './apply-plan';
import type { ApplyClient } from './apply-row';
import { fileHash, ImportJournal, type JournalEndState, type JournalRunSettings } from './journal';
import { RunReport } from './run-report';

export interface ApplyRunSetup {
  systemId: string;
  fileName: string;
  content: Uint8Array;
  /** The profile the run belongs to: only its session may retry or resume it. */
  profileKey: string;
  settings: JournalRunSettings;
  journalPath: string;
  now: () => number;
  onProgress: (event: ApplyProgressEvent) => void;
  /** Awaited when a pass has ended, before its last progress event. */
  onEnded?: (state: JournalEndState) => Promise<void>;
}

/** One pass over the lines of a plan: the first one, a retry of the failed lines, or a resumption. */
export interface RunPass {
  plan: ImportPlan;
  lines: ReadonlySet<number>;
  /** The outcome of each line the pass does not apply, as the report keeps it. */
  outcomes: ReadonlyMap<number, RowOutcome>;
  client: ApplyClient;
  /** How its lines are carried out; default: a device sheet's. */
  rows?: RowApplier;
  wire?: WireReconciliation;
  /** Told once the pass has ended and its journal is closed (the journal's lock is let go). */
  release?: () => Promise<void>;
}

const ACTIVE: ReadonlySet<ApplyRunState> = new Set(['running', 'paused', 'cancelling']);

/**
 * An import run of the app: its passes go through the apply engine in the background, one at a time, with a
 * journal of its own; it can be paused (no further line starts), resumed and cancelled (no further line starts;
 * lines in flight finish their step and are journalled), and tells every line that ends.
 */
export class ApplyRun implements RunGate {
  readonly id: string;
  readonly setup: ApplyRunSetup;
  #state: ApplyRunState = 'finished';
  #report: RunReport | undefined;
  #wire: WireReconciliation | undefined;
  #waiting: ((start: boolean) => void)[] = [];
  #total = 0;
  #done = 0;
  #inFlight = 0;
  #startedAt: string;
  #finishedAt: string | undefined;
  #notStarted: number[] = [];
  #error: FieldkitErrorData | undefined;
  #pass: Promise<void> = Promise.resolve();
  /** The journal of the pass under way, open until the pass ends. */
  #journal: ImportJournal | undefined;

  constructor(setup: ApplyRunSetup) {
    this.id = setup.settings.runId;
    this.setup = setup;
    this.#startedAt = new Date(setup.now()).toISOString();
  }

  get state(): ApplyRunState {
    return this.#state;
  }

  get active(): boolean {
    return ACTIVE.has(this.#state);
  }

  /** Starts a pass in the background and answers the report as it starts. */
  begin(pass: RunPass): ImportReport {
    if (this.active) throw new Error(`run ${this.id} is ${this.#state}`);
    this.#report = new RunReport(pass.plan, this.setup.now(), pass.outcomes);
    this.#wire = pass.wire;
    this.#total = pass.lines.size;
    this.#done = 0;
    this.#inFlight = 0;
    this.#notStarted = [];
    this.#error = undefined;
    this.#finishedAt = undefined;
    this.#state = 'running';
    this.#pass = this.#run(pass, this.#report);
    return this.report();
  }

  /** Resolves when the current pass has ended, however it ends. */
  settled(): Promise<void> {
    return this.#pass;
  }

  /**
   * Resolves once every step result of the pass under way is on disk: a paused run keeps its journal open with
   * its last results possibly still being written, and the next core reads that journal to count what was done.
   */
  async journalWritten(): Promise<void> {
    await this.#journal?.flush().catch(() => undefined);
  }

  mayStart(): Promise<boolean> {
    if (this.#state === 'running') return Promise.resolve(true);
    if (this.#state !== 'paused') return Promise.resolve(false);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** No further line starts until `resume`; lines in flight finish. Nothing to do unless running. */
  pause(): ApplyRunInfo {
    if (this.#state === 'running') this.#become('paused');
    return this.info();
  }

  resume(): ApplyRunInfo {
    if (this.#state === 'paused') {
      this.#become('running');
      this.#release(true);
    }
    return this.info();
  }

  /** No further line starts; the pass ends `cancelled` once the lines in flight have finished their step. */
  cancel(): ApplyRunInfo {
    if (this.#state === 'running' || this.#state === 'paused') {
      this.#become('cancelling');
      this.#release(false);
    }
    return this.info();
  }

  info(): ApplyRunInfo {
    const info: ApplyRunInfo = {
      runId: this.id,
      state: this.#state,
      total: this.#total,
      done: this.#done,
      inFlight: this.#inFlight,
      startedAt: this.#startedAt,
      notStarted: [...this.#notStarted],
    };
    if (this.#finishedAt !== undefined) info.finishedAt = this.#finishedAt;
    if (this.#error !== undefined) info.error = this.#error;
    return info;
  }

  report(): ImportReport {
    if (this.#report === undefined) throw new Error(`run ${this.id} has not begun`);
    return this.#report.snapshot(this.info(), this.#wire);
  }

  /** The outcome of every line so far, for the next pass. */
  outcomes(): ReadonlyMap<number, RowOutcome> {
    return this.#report?.outcomes() ?? new Map();
  }

  failedLines(): number[] {
    return this.#report?.linesWithStatus('failed') ?? [];
  }

  async #run(pass: RunPass, report: RunReport): Promise<void> {
    const { setup } = this;
    const rows = new Map(pass.plan.rows.map((row) => [row.line, row]));
    let ended: JournalEndState = 'failed';
    let journal: ImportJournal | undefined;
    try {
      journal = await ImportJournal.open(setup.journalPath, setup.now);
      this.#journal = journal;
      await journal.recordRun({
        systemId: setup.systemId,
        fileName: setup.fileName,
        fileHash: fileHash(setup.content),
        ...setup.settings,
      });
      const result = await applyPlan(pass.plan, {
        client: pass.client,
        journal,
        concurrency: setup.settings.concurrency,
        gate: this,
        lines: pass.lines,
        ...(pass.rows === undefined ? {} : { rows: pass.rows }),
        onStart: () => {
          this.#inFlight += 1;
        },
        onOutcome: (row, outcome) => this.#lineEnded(report, row, outcome),
      });
      for (const line of result.notStarted) {
        const row = rows.get(line);
        if (row !== undefined) report.record(row, { status: 'not-started' });
      }
      this.#notStarted = result.notStarted;
      if (result.abortedBy !== undefined) this.#error = errorData(result.abortedBy);
      else ended = this.#state === 'cancelling' ? 'cancelled' : 'finished';
    } catch (error) {
      this.#error = errorData(error);
    }
    try {
      await journal?.recordEnd(ended);
      await journal?.close();
    } catch (error) {
      this.#error ??= errorData(error);
    }
    this.#journal = undefined;
    await pass.release?.().catch(() => undefined);
    await setup.onEnded?.(ended);
    this.#finishedAt = new Date(setup.now()).toISOString();
    this.#release(false);
    this.#become(ended);
  }

  #lineEnded(report: RunReport, row: PlannedRow, outcome: RowOutcome): void {
    const updated = report.record(row, outcome);
    this.#done += 1;
    this.#inFlight -= 1;
    this.#emit(updated);
  }

  #become(state: ApplyRunState): void {
    this.#state = state;
    this.#emit(undefined);
  }

  #release(start: boolean): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resolve of waiting) resolve(start);
  }

  #emit(row: ReportRow | undefined): void {
    const summary = this.#report?.summary();
    if (summary === undefined) return;
    const event: ApplyProgressEvent = {
      runId: this.id,
      done: this.#done,
      total: this.#total,
      inFlight: this.#inFlight,
      summary,
      state: this.#state,
    };
    if (row !== undefined) event.row = row;
    try {
      this.setup.onProgress(event);
    } catch {
      // A listener that fails (a window closed meanwhile) must not stop the import; the next event may get through.
    }
  }
}

function errorData(error: unknown): FieldkitErrorData {
  if (isFieldkitError(error)) return error.toData();
  return {
    code: 'internal',
    message: `The import stopped on an internal error: ${error instanceof Error ? error.message : String(error)}`,
  };
}
