import { randomUUID } from 'node:crypto';
import type { CatalogService, CatalogSource } from '../../catalog';
import { FieldkitError } from '../../errors';
import type { ImportPlan } from '../plan';
import { reconcileWithDiscovery } from '../reconcile-wire';
import { reportToCsv } from '../report-csv';
import type { ApplyProgressEvent, ApplyRunInfo, ApplyStarted, ImportReport, ResumableRun } from '../types';
import { validateImport } from '../validate-import';
import { buildReport } from '../report';
import { linesToApply, type RowApplier } from './apply-plan';
import type { ApplyClient } from './apply-row';
import { ApplyRun, type RunPass } from './apply-run';
import { continueRun } from './continue-outcomes';
import type { JournalRunSettings } from './journal';
import { checkJournalOfFile, readJournalHistory, type JournalHistory } from './journal-file';
import { JournalLock } from './journal-lock';
import { refuseInvalidLines } from './refuse-invalid';
import { RunStore } from './run-store';

export interface ApplyRunsDeps {
  dataDir: string;
  now: () => number;
  onProgress: (event: ApplyProgressEvent) => void;
  newRunId?: () => string;
  /** Plans the runs of keys sheets (`sheet: 'keys'`), which the engine then journals and applies like any. */
  keySheets?: () => Promise<SheetPlanner>;
}

/** A kind of sheet other than devices: its plan against the CloudPBX as it is now, and how its lines are done. */
export interface SheetPlanner {
  planRun(request: {
    systemId: string;
    fileName: string;
    content: Uint8Array;
  }): Promise<{ plan: ImportPlan; rows: RowApplier }>;
}

/** A plan, and how its lines are carried out when they are not a device sheet's. */
interface PlannedPass {
  plan: ImportPlan;
  rows?: RowApplier;
}

/** What a run needs of the session it runs in. */
export interface RunAccess {
  client: ApplyClient & CatalogSource;
  catalogs: CatalogService;
  /** The profile's key: its runs' journals live in a folder of their own. */
  profileKey: string;
  /** MAC addresses the latest LAN discovery saw, when there is one. */
  discovered?: readonly string[];
}

export interface ApplyRequest {
  /** The run's id, chosen by the caller; one is made up when it is not given. */
  runId?: string;
  systemId: string;
  fileName: string;
  content: Uint8Array;
  reassign: boolean;
  skipInvalid: boolean;
  concurrency: number;
  /** A keys sheet; a device sheet when absent. */
  sheet?: 'keys';
}

/**
 * The import runs of the app: one runs at a time. Each is planned again against the live CloudPBX before it
 * starts (and before each retry or resumption), refuses to start while lines are invalid (unless they are to
 * be skipped), and keeps a journal in the profile's folder so that it survives a restart.
 */
export class ApplyRuns {
  readonly #deps: ApplyRunsDeps;
  readonly #runs = new Map<string, ApplyRun>();
  /** The journals this instance holds, let go when a pass ends or the core closes. */
  readonly #locks = new Set<JournalLock>();
  #planning = false;

  constructor(deps: ApplyRunsDeps) {
    this.#deps = deps;
  }

  /**
   * Starts a run journalled in the profile's folder, or in `journalPath` (the CLI's `--journal PATH`): a journal
   * of the same file is continued (its steps are not done again), one of another file is refused.
   */
  async start(request: ApplyRequest, access: RunAccess, journalPath?: string): Promise<ApplyStarted> {
    return this.#exclusive(async () => {
      const store = new RunStore(this.#deps.dataDir, access.profileKey);
      if (journalPath !== undefined) await checkJournalOfFile(journalPath, request.content);
      const history = journalPath === undefined ? undefined : await readJournalHistory(journalPath);
      // The caller's id, which must be free; a journal named by the CLI goes on under it (lines are keyed by line).
      const runId = request.runId ?? history?.runId ?? this.#deps.newRunId?.() ?? randomUUID();
      if (this.#runs.has(runId) || (await store.load(runId)) !== undefined) {
        throw new FieldkitError({
          code: 'conflict',
          message: `An import run with the id ${runId} exists already: start the import with a new id.`,
        });
      }
      const settings: JournalRunSettings = {
        runId,
        reassign: request.reassign,
        skipInvalid: request.skipInvalid,
        concurrency: request.concurrency,
        ...(request.sheet === undefined ? {} : { sheet: request.sheet }),
      };
      const journal = journalPath ?? store.journalPath(settings.runId);
      return this.#locked(journal, async (release) => {
        const planned = await this.#plan(request, settings, access);
        const { plan } = planned;
        // A journal of the user's own keeps no copy of the file: the CLI resumes it with the file it is given.
        if (journalPath === undefined) await store.saveSource(settings.runId, request.content);
        const run = this.#create(request, settings, access.profileKey, store, journal);
        if (history === undefined || history.empty) {
          const lines = new Set(linesToApply(plan).map((row) => row.line));
          return this.#begin(run, { ...planned, lines, outcomes: new Map(), release }, access, history);
        }
        const next = continueRun(plan, new Map(), history.line, 'all');
        return this.#begin(run, { ...planned, ...next, release }, access, history);
      });
    });
  }

  pause(runId: string): ApplyRunInfo {
    return this.#require(runId).pause();
  }

  resume(runId: string): ApplyRunInfo {
    return this.#require(runId).resume();
  }

  cancel(runId: string): ApplyRunInfo {
    return this.#require(runId).cancel();
  }

  status(runId: string): ImportReport {
    return this.#require(runId).report();
  }

  /** Plans again and applies only the lines that failed, with the same journal: nothing is done twice. */
  async retryFailed(runId: string, access: RunAccess): Promise<ApplyStarted> {
    return this.#exclusive(async () => {
      const run = this.#owned(runId, access);
      const failed = new Set(run.failedLines());
      if (failed.size === 0) {
        throw new FieldkitError({ code: 'invalid-input', message: 'No line of this run failed.' });
      }
      return this.#locked(run.setup.journalPath, async (release) => {
        const planned = await this.#plan(run.setup, run.setup.settings, access);
        const history = await readJournalHistory(run.setup.journalPath);
        const next = continueRun(planned.plan, run.outcomes(), history.line, 'failed');
        return this.#begin(run, { ...planned, ...next, release }, access, history);
      });
    });
  }

  /** Runs of the profile and CloudPBX that did not end, or ended on an error; never one running now. */
  async resumable(systemId: string, access: Pick<RunAccess, 'profileKey'>): Promise<ResumableRun[]> {
    const runs = await new RunStore(this.#deps.dataDir, access.profileKey).resumable(systemId);
    return runs.filter((run) => this.#runs.get(run.runId)?.active !== true);
  }

  /** Continues a run (of this session, or of an earlier one from its journal): every line not done yet. */
  async resumeRun(runId: string, access: RunAccess): Promise<ApplyStarted> {
    return this.#exclusive(async () => {
      const store = new RunStore(this.#deps.dataDir, access.profileKey);
      const known = this.#runs.get(runId);
      const setup = known === undefined ? await this.#stored(runId, store) : this.#owned(runId, access).setup;
      return this.#locked(setup.journalPath, async (release) => {
        const planned = await this.#plan(setup, setup.settings, access);
        const run = known ?? this.#create(setup, setup.settings, access.profileKey, store);
        const history = await readJournalHistory(setup.journalPath);
        const next = continueRun(planned.plan, run.outcomes(), history.line, 'all');
        return this.#begin(run, { ...planned, ...next, release }, access, history);
      });
    });
  }

  reportFile(runId: string, format: 'csv' | 'json'): { fileName: string; content: string } {
    const report = this.#require(runId).report();
    // A name to offer when saving, never a path: the file's own name, without folders or odd characters.
    const base = report.file.name.split(/[\\/]/).at(-1) ?? '';
    const stem = base.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} ._-]+/gu, '_') || 'import';
    const fileName = `${stem}-report.${format}`;
    if (format === 'csv') return { fileName, content: reportToCsv(report) };
    return { fileName, content: `${JSON.stringify(report, null, 2)}\n` };
  }

  /**
   * Lets go of every journal, as a process that ends does: a run still going stays in its journal, to be
   * resumed by the next core (after a restart of the app). Results already told are written first, so the next
   * core counts every line this one reported done.
   */
  async close(): Promise<void> {
    await Promise.all([...this.#runs.values()].map((run) => run.journalWritten()));
    const locks = [...this.#locks];
    this.#locks.clear();
    await Promise.all(locks.map((lock) => lock.release()));
  }

  /** Holds the journal's lock while `work` plans and starts a pass; the pass releases it when it ends. */
  async #locked(
    journalPath: string,
    work: (release: () => Promise<void>) => Promise<ApplyStarted>,
  ): Promise<ApplyStarted> {
    const lock = await JournalLock.acquire(journalPath);
    this.#locks.add(lock);
    const release = async (): Promise<void> => {
      if (this.#locks.delete(lock)) await lock.release();
    };
    try {
      return await work(release);
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** Resolves when the run's current pass has ended (for tests and shutdown). */
  settled(runId: string): Promise<void> {
    return this.#require(runId).settled();
  }

  async #plan(
    request: Omit<ApplyRequest, 'reassign' | 'skipInvalid' | 'concurrency'>,
    settings: JournalRunSettings,
    access: RunAccess,
  ): Promise<PlannedPass> {
    if (settings.sheet === 'keys') return this.#planKeys(request);
    const { plan, report } = await validateImport(
      {
        fileName: request.fileName,
        content: request.content,
        systemId: request.systemId,
        offline: false,
        reassign: settings.reassign,
        mode: 'dry-run',
      },
      { catalogs: access.catalogs, connect: async () => access.client, now: this.#deps.now },
    );
    refuseInvalidLines(report, settings.skipInvalid);
    return { plan };
  }

  /** A keys sheet is applied whole or not at all: an invalid line refuses the run. */
  async #planKeys(
    request: Omit<ApplyRequest, 'reassign' | 'skipInvalid' | 'concurrency'>,
  ): Promise<PlannedPass> {
    const planner = await this.#deps.keySheets?.();
    if (planner === undefined) throw new Error('keys sheets are not wired to the import runs');
    const planned = await planner.planRun(request);
    refuseInvalidLines(buildReport(planned.plan, 'dry-run', this.#deps.now(), new Map()), false);
    return planned;
  }

  #begin(
    run: ApplyRun,
    pass: Omit<RunPass, 'client' | 'wire'>,
    access: RunAccess,
    history: JournalHistory | undefined,
  ): ApplyStarted {
    const wire =
      access.discovered === undefined ? undefined : reconcileWithDiscovery(pass.plan, access.discovered);
    const report = run.begin({ ...pass, client: access.client, ...(wire ? { wire } : {}) });
    const unknownOutcomes = history?.unknownOutcomes ?? 0;
    return { runId: run.id, report, ...(unknownOutcomes > 0 ? { unknownOutcomes } : {}) };
  }

  #create(
    request: Omit<ApplyRequest, 'reassign' | 'skipInvalid' | 'concurrency'>,
    settings: JournalRunSettings,
    profileKey: string,
    store: RunStore,
    journalPath = store.journalPath(settings.runId),
  ): ApplyRun {
    const run = new ApplyRun({
      systemId: request.systemId,
      fileName: request.fileName,
      content: request.content,
      profileKey,
      settings,
      journalPath,
      now: this.#deps.now,
      onProgress: this.#deps.onProgress,
      // A run that ended for good needs its copy of the file (names, e-mail addresses) no more.
      onEnded: async (state) => {
        if (state === 'finished' || state === 'cancelled') {
          await store.forgetSource(settings.runId).catch(() => undefined);
        }
      },
    });
    this.#runs.set(run.id, run);
    return run;
  }

  /** What an earlier session's run was started with, from its journal and the file kept beside it. */
  async #stored(
    runId: string,
    store: RunStore,
  ): Promise<ApplyRequest & { settings: JournalRunSettings; journalPath: string }> {
    const stored = await store.load(runId);
    if (stored === undefined) throw notFound(runId);
    const content = await store.readSource(runId).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new FieldkitError({
        code: 'not-found',
        message: `Import run ${runId} has ended: its file is no longer kept, so it cannot be resumed.`,
        hint: 'Import the file again: lines already applied are skipped.',
      });
    });
    return {
      systemId: stored.systemId,
      fileName: stored.fileName,
      content,
      ...stored.settings,
      settings: stored.settings,
      journalPath: store.journalPath(runId),
    };
  }

  /** One run at a time: a second one (or a retry) waits for nothing, it is refused. */
  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const active = [...this.#runs.values()].find((run) => run.active);
    if (this.#planning || active !== undefined) {
      throw new FieldkitError({
        code: 'conflict',
        message: 'An import is already running: wait for it to end, or cancel it first.',
        ...(active === undefined ? {} : { details: { runId: active.id } }),
      });
    }
    this.#planning = true;
    try {
      return await work();
    } finally {
      this.#planning = false;
    }
  }

  #owned(runId: string, access: Pick<RunAccess, 'profileKey'>): ApplyRun {
    const run = this.#require(runId);
    if (run.setup.profileKey !== access.profileKey) throw notFound(runId);
    return run;
  }

  #require(runId: string): ApplyRun {
    const run = this.#runs.get(runId);
    if (run === undefined) throw notFound(runId);
    return run;
  }
}

function notFound(runId: string): FieldkitError {
  return new FieldkitError({
    code: 'not-found',
    message: `There is no import run ${runId} in this session.`,
    hint: 'An import interrupted by a restart is listed among the resumable runs: resume it from there.',
  });
}
